/**
 * One chat exchange, whatever the inbound protocol: parse, resolve the model group, dispatch over
 * the routing plan (pass-through when the deployment speaks the client's protocol, translation
 * otherwise), then answer as JSON or as a stream and account for it. The protocol-specific parts
 * come in through an InboundChatCodec.
 */

import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { approximatePromptTokens, estimatePromptTokens } from '../accounting/token-estimator.js';
import { govern, providerAdmission } from '../pipeline/govern.js';
import { ruleLabel } from '../routing/conditional-rules.js';
import type { RouteRequest } from '../routing/router.js';
import { GatewayError, toGatewayError } from '../core/index.js';
import type { ChatRequest, ChatResponse, Deployment, InboundProtocol, StreamEvent } from '../core/index.js';
import { dispatchHeld } from '../pipeline/dispatch.js';
import { resolveModel } from '../pipeline/resolve-model.js';
import type { AttemptTrace } from '../pipeline/ports.js';
import { responseHeadersOf } from '../pipeline/request-state.js';
import type { Principal, RequestState } from '../pipeline/request-state.js';
import type { PassthroughResult } from '../providers/types.js';
import type { InflightCall } from './inflight.js';
import { matchRoutingRule, routeRequestFor, takeFallbackOverride } from './route-request.js';
import { requireObjectBody, stateOf } from './request-context.js';
import type { GatewayServices } from './services.js';
import { openSse } from './sse-writer.js';

export interface StreamRenderer {
  render(event: StreamEvent): string;
  end(): string;
}

export interface InboundChatCodec {
  protocol: InboundProtocol;
  endpoint: 'chat' | 'messages';
  /**
   * Validates and converts to the canonical request. Parts that are valid in the protocol but have
   * no canonical form (Anthropic documents, server tools) are reported in `untranslatable` rather
   * than thrown, so they still reach a same-protocol upstream and fail only when translated.
   */
  parse(body: Record<string, unknown>): { request: ChatRequest; untranslatable: GatewayError | null };
  renderResponse(response: ChatResponse, options: { model: string }): Record<string, unknown>;
  createStreamRenderer(options: { model: string; includeUsage: boolean; requestId: string }): StreamRenderer;
  /** Client headers a same-protocol pass-through forwards upstream (e.g. anthropic-version). */
  forwardHeaders(headers: IncomingHttpHeaders): Record<string, string>;
}

/**
 * What an exchange reads of its request. A Fastify request is one; the data-plane fast path
 * (fast-path.ts) makes its own on the raw request.
 */
export interface ExchangeRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly ip: string;
  readonly gatewayState: RequestState | null;
}

/** What an exchange does with its answer: a Fastify reply, or the fast path's own on the raw response. */
export interface ExchangeReply {
  readonly raw: ServerResponse;
  header(name: string, value: string): unknown;
  code(status: number): ExchangeReply;
  type(contentType: string): ExchangeReply;
  /** A Buffer or string goes as it is; an object is serialised as JSON. */
  send(payload: Buffer | string | Record<string, unknown>): unknown;
  /** The exchange writes the raw response itself from here on (streams). */
  hijack(): unknown;
}

const NOTHING_TO_RELEASE = (): void => {};

type Outcome =
  | { kind: 'passthrough'; result: PassthroughResult }
  | { kind: 'response'; response: ChatResponse }
  | { kind: 'stream'; events: AsyncIterable<StreamEvent> };

export async function handleChatExchange(options: {
  request: ExchangeRequest;
  reply: ExchangeReply;
  services: GatewayServices;
  codec: InboundChatCodec;
}): Promise<void> {
  const { request, reply, services, codec } = options;
  const state = stateOf(request);
  const body = requireObjectBody(request.body);
  const fallbackOverride = takeFallbackOverride(request.headers, body);
  const { request: chat, untranslatable } = codec.parse(body);
  state.stream = chat.stream;
  // Set before resolving, so that the usage row of a refused model names what the client asked for.
  state.modelGroup = chat.model;
  const group = resolveModel({ name: chat.model, principal: state.principal, groups: services.router });
  state.modelGroup = group.name;
  state.estimatePromptTokens = () => estimatePromptTokens(chat);
  if (services.tracer) state.trace = services.tracer.startRequest(state, request.headers, chat);
  const route = routeRequestFor({ headers: request.headers, body, chat });
  const groupName = applyRoutingRules({ services, state, route, groupName: group.name });
  // Awaited only when a stage is (Redis): with the in-process stores there is no microtask here.
  const governed = govern({
    governance: services.governance,
    state,
    ip: request.ip,
    model: group.name,
    deployments: services.router.group(groupName)?.deployments ?? group.deployments,
    promptTokens: () => approximatePromptTokens(chat),
    maxOutputTokens: chat.maxTokens ?? null,
  });
  if (governed instanceof Promise) await governed;

  const call = services.inflight.begin(reply.raw);
  const slot = acquireSlot({ services, route, signal: call.signal, call, principal: state.principal });
  const release = slot instanceof Promise ? await slot : slot;
  // The answering deployment's slot (maxConcurrentRequests), held until the answer ended: for a
  // stream, until its last frame was relayed or the client left.
  let releaseDeployment = NOTHING_TO_RELEASE;
  try {
    let outcome: Outcome;
    try {
      const dispatched = dispatchHeld({
        router: services.router,
        retryPolicy: services.retryPolicy,
        groupName,
        route,
        fallbackOverride,
        state,
        signal: call.signal,
        admit: providerAdmission({ governance: services.governance, state, ip: request.ip, model: group.name }),
        call: (deployment, attempt) => callDeployment({ deployment, attempt, chat, untranslatable, body, request, services, codec, signal: call.signal, state }),
        onAttemptFailed: ({ deployment, error, willRetry }) =>
          services.onAttemptFailed?.({ requestId: state.requestId, deploymentId: deployment.id, code: error.code, message: error.message, willRetry }),
      });
      // When nothing before it waited, the upstream request has gone out by now (dispatch runs
      // synchronously up to the socket write): the answer's deferred headers are made while the
      // upstream works, rather than before the call or after its first byte.
      responseHeadersOf(state);
      ({ value: outcome, release: releaseDeployment } = await dispatched);
    } catch (error) {
      throw abortAware(error, call);
    }
    if (outcome.kind === 'passthrough' && outcome.result.kind === 'stream') {
      const renderer = codec.createStreamRenderer({ model: chat.model, includeUsage: chat.includeUsage, requestId: state.requestId });
      await relayPassthroughStream({ reply, state, services, call, headers: answerHeaders(state), result: outcome.result, renderer });
    } else if (outcome.kind === 'passthrough') {
      const result = outcome.result as Extract<PassthroughResult, { kind: 'json' }>;
      state.usage = result.usage;
      state.outputText = result.outputText ?? '';
      state.upstreamModel = result.model ?? state.upstreamModel;
      if (result.finishReason) state.trace.finishReason(result.finishReason);
      state.firstByteAt = performance.now();
      setAnswerHeaders(reply.code(result.status), state).type('application/json');
      await reply.send(result.body);
      services.accountant.finish(state, { status: result.status, outcome: 'success', errorCode: null });
    } else if (outcome.kind === 'response') {
      state.usage = outcome.response.usage;
      state.upstreamModel = outcome.response.model;
      for (const choice of outcome.response.choices) state.trace.finishReason(choice.finishReason);
      state.firstByteAt = performance.now();
      setAnswerHeaders(reply.code(200), state);
      await reply.send(codec.renderResponse(outcome.response, { model: chat.model }));
      services.accountant.finish(state, { status: 200, outcome: 'success', errorCode: null });
    } else {
      const renderer = codec.createStreamRenderer({ model: chat.model, includeUsage: chat.includeUsage, requestId: state.requestId });
      await relayCanonicalStream({ reply, state, services, call, headers: answerHeaders(state), events: outcome.events, renderer });
    }
  } finally {
    releaseDeployment();
    release();
    call.done();
  }
}

/**
 * A conditional routing rule may send the request to another group; the answer names the rule,
 * whatever it is (JSON, stream or error), through the request's own answer headers.
 */
export function applyRoutingRules(options: { services: GatewayServices; state: RequestState; route: RouteRequest; groupName: string }): string {
  const { services, state, route } = options;
  const match = matchRoutingRule({ services, principal: state.principal, route, groupName: options.groupName, stream: state.stream });
  if (!match) return options.groupName;
  (state.responseHeaders ??= {})['x-switchyard-rule'] = ruleLabel(match);
  return match.rule.route;
}

/**
 * Waits for a gateway-wide slot (bounded, by priority: the hint, else the key tier's); a full
 * queue is a 429 with retry-after. Without a gateway-wide bound, the release at once (no promise).
 */
export function acquireSlot(options: {
  services: GatewayServices;
  route: RouteRequest;
  signal: AbortSignal;
  call: InflightCall;
  principal?: Principal | null;
}): (() => void) | Promise<() => void> {
  const limiter = options.services.concurrency;
  if (!limiter) return NOTHING_TO_RELEASE;
  const keyTier = options.principal?.kind === 'key' ? options.principal.key.tier : null;
  return limiter.acquire({ priority: options.services.router.priorityOf(options.route.hints, keyTier), signal: options.signal }).catch((error: unknown) => {
    options.call.done();
    throw error;
  });
}

async function callDeployment(options: {
  deployment: Deployment;
  attempt: AttemptTrace;
  chat: ChatRequest;
  untranslatable: GatewayError | null;
  body: Record<string, unknown>;
  request: ExchangeRequest;
  services: GatewayServices;
  codec: InboundChatCodec;
  signal: AbortSignal;
  state: RequestState;
}): Promise<Outcome> {
  const { deployment, chat, services, codec } = options;
  const adapter = services.adapters[deployment.provider.type];
  const context = { deployment, signal: options.signal, http: services.http, requestId: options.state.requestId, traceHeaders: options.attempt.headers };
  if (deployment.provider.type === codec.protocol && adapter.passthrough) {
    const result = await adapter.passthrough(
      {
        endpoint: codec.endpoint,
        body: options.body,
        stream: chat.stream,
        clientWantsUsage: chat.includeUsage,
        headers: codec.forwardHeaders(options.request.headers),
      },
      context,
    );
    return { kind: 'passthrough', result };
  }
  if (options.untranslatable) throw options.untranslatable;
  if (chat.stream) return { kind: 'stream', events: await adapter.chatStream(chat, context) };
  return { kind: 'response', response: await adapter.chat(chat, context) };
}

/** The answer's own headers, for a stream written to the raw response (x-request-id included). */
export function answerHeaders(state: RequestState): Record<string, string> {
  const headers: Record<string, string> = { 'x-request-id': state.requestId };
  const extra = responseHeadersOf(state);
  if (extra) for (const name in extra) headers[name] = extra[name];
  if (state.deployment) headers['x-switchyard-provider'] = state.deployment.provider.id;
  return headers;
}

/** The same headers set on a Fastify reply (whose x-request-id the onRequest hook already set). */
export function setAnswerHeaders<Reply extends ExchangeReply>(reply: Reply, state: RequestState): Reply {
  const extra = responseHeadersOf(state);
  if (extra) for (const name in extra) reply.header(name, extra[name]);
  if (state.deployment) reply.header('x-switchyard-provider', state.deployment.provider.id);
  return reply;
}

/** A failure caused by our own abort is reported for what it was: the client left, or we are shutting down. */
export function abortAware(error: unknown, call: InflightCall): GatewayError {
  const reason = call.reason();
  if (reason === 'shutdown') return new GatewayError('SY_ERR_SHUTTING_DOWN', 'The gateway is shutting down; retry the request.', { cause: error });
  if (reason === 'client_disconnected') return new GatewayError('SY_ERR_CLIENT_DISCONNECTED', 'The client closed the connection.', { cause: error });
  return toGatewayError(error);
}

async function relayPassthroughStream(options: {
  reply: ExchangeReply;
  state: RequestState;
  services: GatewayServices;
  call: InflightCall;
  headers: Record<string, string>;
  result: Extract<PassthroughResult, { kind: 'stream' }>;
  /** Renders the in-band error frame when the stream fails after it began. */
  renderer: StreamRenderer;
}): Promise<void> {
  const { reply, state, result, call } = options;
  reply.hijack();
  const writer = openSse(reply.raw, options.headers);
  let clientGone = false;
  writer.onClientGone(() => {
    clientGone = true;
    result.stop();
  });
  await result.pipe({
    write(text) {
      if (state.firstByteAt === null) state.firstByteAt = performance.now();
      return writer.send(text);
    },
    onDrain: writer.onDrain,
  });
  const upstreamFailure = result.failure();
  const failure = upstreamFailure && call.reason() ? abortAware(upstreamFailure, call) : upstreamFailure;
  clientGone = clientGone || call.reason() === 'client_disconnected';
  if (failure && !clientGone && !writer.closed) await writer.write(options.renderer.render({ type: 'error', error: failure }));
  writer.end();
  const summary = result.summary();
  state.usage = summary.usage;
  state.outputText = summary.outputText ?? '';
  state.upstreamModel = summary.model ?? state.upstreamModel;
  if (summary.finishReason) state.trace.finishReason(summary.finishReason);
  finishStream({ state, services: options.services, call, clientGone, failure });
}

async function relayCanonicalStream(options: {
  reply: ExchangeReply;
  state: RequestState;
  services: GatewayServices;
  call: InflightCall;
  headers: Record<string, string>;
  events: AsyncIterable<StreamEvent>;
  renderer: StreamRenderer;
}): Promise<void> {
  const { reply, state, renderer, call } = options;
  reply.hijack();
  const writer = openSse(reply.raw, options.headers);
  let failure: GatewayError | null = null;
  let clientGone = false;
  try {
    for await (const original of options.events) {
      let event = original;
      if (event.type === 'usage') state.usage = event.usage;
      else if (event.type === 'text-delta') state.outputText += event.text;
      else if (event.type === 'tool-call-delta') state.outputText += event.argumentsDelta;
      else if (event.type === 'start') state.upstreamModel = event.model;
      else if (event.type === 'finish') state.trace.finishReason(event.finishReason);
      else if (event.type === 'error') {
        failure = call.reason() ? abortAware(event.error, call) : event.error;
        event = { type: 'error', error: failure };
      }
      const text = renderer.render(event);
      if (text.length === 0) continue;
      if (state.firstByteAt === null) state.firstByteAt = performance.now();
      if (!(await writer.write(text))) {
        clientGone = true;
        break;
      }
    }
    if (!clientGone && !writer.closed) await writer.write(renderer.end());
  } catch (error) {
    failure = abortAware(error, call);
    clientGone = call.reason() === 'client_disconnected';
  }
  writer.end();
  finishStream({ state, services: options.services, call, clientGone, failure });
}

function finishStream(options: {
  state: RequestState;
  services: GatewayServices;
  call: InflightCall;
  clientGone: boolean;
  failure: GatewayError | null;
}): void {
  const { state, services, call, failure } = options;
  if (options.clientGone || call.reason() === 'client_disconnected') {
    services.accountant.finish(state, { status: 499, outcome: 'client_disconnected', errorCode: 'SY_ERR_CLIENT_DISCONNECTED' });
  } else if (failure) {
    if (state.deployment) services.router.failedMidStream(state.modelGroup ?? '', state.deployment, failure);
    services.accountant.finish(state, { status: 200, outcome: 'error', errorCode: failure.code });
  } else {
    services.accountant.finish(state, { status: 200, outcome: 'success', errorCode: null });
  }
}
