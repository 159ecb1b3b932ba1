/**
 * The data plane's fast path: the chat endpoints served straight from node:http, ahead of
 * Fastify's routing, hooks and body parser. A stream's time to first byte is paid with the code
 * cold (at 100 streams/s the caches hold the chunk relays, not the request path), and Fastify's
 * request lifecycle (its Request and Reply, hook runner, async resource and parser) was about
 * 0.12 ms of it; docs/performance.md has the measurement.
 *
 * It runs the same stages as the Fastify route, from the same modules: the request id generator,
 * the authenticate stage, the body limit, Fastify's own JSON parser (prototype-poisoning checks
 * included), the same exchange, and the same error edge. It takes only the requests that need
 * nothing else; every other one goes to Fastify untouched (nothing read from it yet):
 * another method or path, a query string, a body without a Content-Length or over the limit or
 * not JSON or encoded, a key not verified yet (the stage needs the store; Fastify's hook takes over
 * the lookup already started, so the store is asked once), a shutdown.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import { GatewayError } from '../core/index.js';
import { createRequestState } from '../pipeline/request-state.js';
import type { Principal, RequestState } from '../pipeline/request-state.js';
import { handleChatExchange } from './chat-exchange.js';
import type { ExchangeReply, ExchangeRequest, InboundChatCodec } from './chat-exchange.js';
import { recordEdgeError, renderEdgeError, toGatewayErrorAtEdge } from './error-handler.js';
import type { GatewayServices } from './services.js';

/** Serves the request and answers true, or answers false having touched nothing. */
export type FastPath = (request: IncomingMessage, response: ServerResponse) => boolean;

/** Fastify's JSON parser (`getDefaultJsonParser`), callback style. */
export type JsonParser = (request: never, body: string, done: (error: Error | null, value?: unknown) => void) => void;

/** Key lookups the fast path started for requests it then left to Fastify, by raw request. */
export type PendingPrincipals = WeakMap<IncomingMessage, Promise<Principal>>;

/** An endpoint the fast path serves: its exact path and its protocol's codec. */
export interface ChatEntry {
  url: string;
  codec: InboundChatCodec;
}

export function createFastPath(options: {
  services: GatewayServices;
  entries: readonly ChatEntry[];
  nextRequestId: () => string;
  parseJson: JsonParser;
  log: FastifyBaseLogger;
  /** Where a request left to Fastify keeps the key lookup already started for it. */
  pendingPrincipals: PendingPrincipals;
}): FastPath {
  const { services } = options;
  const codecs = new Map(options.entries.map((entry) => [entry.url, entry.codec]));
  const limit = services.bodyLimitBytes;

  return (raw, response) => {
    if (raw.method !== 'POST') return false;
    const codec = codecs.get(raw.url ?? '');
    if (codec === undefined) return false;
    const headers = raw.headers;
    const length = Number(headers['content-length']);
    if (!(length > 0 && length <= limit) || !isJson(headers['content-type'])) return false;
    if (headers['content-encoding'] !== undefined || services.isShuttingDown()) return false;
    const principal = services.authenticate(headers);
    if (principal instanceof Promise) {
      // The key store is being asked: Fastify's hook takes this answer over instead of asking
      // again, and answers a refusal. Until it does, a rejection must not count as unhandled.
      principal.catch(() => {});
      options.pendingPrincipals.set(raw, principal);
      return false;
    }
    const requestId = options.nextRequestId();
    response.setHeader('x-request-id', requestId);
    const state = createRequestState({ requestId, protocol: codec.protocol, endpoint: codec.endpoint });
    state.principal = principal;
    readBody(raw, length, (error, text) => {
      if (error !== null) {
        fail({ error, raw, response, state, codec, requestId });
        return;
      }
      options.parseJson(undefined as never, text, (parseError, body) => {
        if (parseError !== null) {
          fail({ error: parseError, raw, response, state, codec, requestId });
          return;
        }
        const request: ExchangeRequest = { headers, body, ip: raw.socket.remoteAddress ?? '', gatewayState: state };
        const reply = new RawReply(response);
        handleChatExchange({ request, reply, services, codec }).catch((thrown: unknown) => fail({ error: thrown, raw, response, state, codec, requestId }));
      });
    });
    return true;
  };

  function fail(failure: { error: unknown; raw: IncomingMessage; response: ServerResponse; state: RequestState; codec: InboundChatCodec; requestId: string }): void {
    const { response, requestId } = failure;
    const error = toGatewayErrorAtEdge(failure.error, limit, failure.raw);
    const clientRequestId = failure.raw.headers['x-request-id'];
    const log = options.log.child(typeof clientRequestId === 'string' ? { requestId, clientRequestId: clientRequestId.slice(0, 128) } : { requestId });
    const headers = recordEdgeError({ thrown: failure.error, error, state: failure.state, log, services });
    if (response.headersSent || response.destroyed) return;
    const rendered = renderEdgeError(failure.codec.protocol, error, requestId);
    response.writeHead(rendered.status, { ...headers, ...rendered.headers, 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(rendered.body));
  }
}

/** `application/json`, with or without parameters (charset), as Fastify's parser matches it. */
function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined || contentType.length < 16) return false;
  if (contentType.slice(0, 16).toLowerCase() !== 'application/json') return false;
  const next = contentType.charCodeAt(16);
  return Number.isNaN(next) || next === 0x3b /* ; */ || next === 0x20 || next === 0x09;
}

/**
 * The body as text, as soon as all of its Content-Length bytes are in: Node's parser stops at that
 * length, so the last byte is the end, and waiting for the stream's 'end' put one more tick
 * before the upstream call. The stream is left flowing with no reader; Node discards what follows.
 * A connection that fails first is a client that left.
 */
function readBody(raw: IncomingMessage, length: number, done: (error: Error | null, text: string) => void): void {
  const chunks: Buffer[] = [];
  let received = 0;
  let finished = false;
  const onData = (chunk: Buffer): void => {
    received += chunk.length;
    chunks.push(chunk);
    if (received >= length) finish();
  };
  const finish = (error?: Error): void => {
    if (finished) return;
    finished = true;
    raw.off('data', onData);
    raw.off('end', finish);
    raw.off('error', finish);
    if (error !== undefined) {
      done(new GatewayError('SY_ERR_CLIENT_DISCONNECTED', 'The client closed the connection before its request body arrived.', { cause: error }), '');
      return;
    }
    if (received !== length) {
      done(new GatewayError('SY_ERR_INVALID_REQUEST', 'The request body is shorter or longer than its Content-Length.'), '');
      return;
    }
    done(null, chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks, received).toString('utf8'));
  };
  raw.on('data', onData);
  raw.on('end', finish);
  raw.on('error', finish);
}

/** A reply written on the raw response: what the exchange uses of Fastify's. */
class RawReply implements ExchangeReply {
  readonly raw: ServerResponse;
  #status = 200;

  constructor(raw: ServerResponse) {
    this.raw = raw;
  }

  header(name: string, value: string): this {
    if (!this.raw.headersSent) this.raw.setHeader(name, value);
    return this;
  }

  code(status: number): this {
    this.#status = status;
    return this;
  }

  type(contentType: string): this {
    return this.header('content-type', contentType);
  }

  send(payload: Buffer | string | Record<string, unknown>): void {
    const raw = this.raw;
    if (raw.headersSent || raw.destroyed) return;
    raw.statusCode = this.#status;
    if (!raw.hasHeader('content-type')) raw.setHeader('content-type', 'application/json; charset=utf-8');
    raw.end(Buffer.isBuffer(payload) || typeof payload === 'string' ? payload : JSON.stringify(payload));
  }

  hijack(): void {}
}
