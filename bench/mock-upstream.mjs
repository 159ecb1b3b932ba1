#!/usr/bin/env node
/**
 * OpenAI-compatible mock upstream for the benchmarks, on node:http with as little work per request
 * as possible: the non-streaming answer is one prebuilt buffer, stream frames are prebuilt strings,
 * and the request body is scanned with two regexes instead of being parsed.
 *
 *   POST /v1/chat/completions            {"stream":false}  -> fixed chat.completion with usage
 *   POST /v1/chat/completions            {"stream":true}   -> N chunks D ms apart (the first at once),
 *        a usage chunk when stream_options.include_usage is true, then `data: [DONE]`
 *   GET  /health                                           -> 200 ok
 *
 * N and D: query `?chunks=N&interval_ms=D`, else env MOCK_CHUNKS / MOCK_INTERVAL_MS, else 20 / 5.
 *
 * Named upstreams, for scenarios where one deployment degrades (bench/degradation.mjs): the same
 * answers under `/u/NAME/v1/chat/completions`, each NAME with its own behaviour, set at run time:
 *   POST /control/NAME?delay_ms=D&error_rate=R  -> waits D ms before answering; answers a share R
 *        (0..1, spread evenly, deterministic) with a 500 in the OpenAI error shape
 *   GET  /control                                -> {"NAME": {delayMs, errorRate, requests, failed}}
 * The plain /v1 path never consults any of this.
 * Usage: node bench/mock-upstream.mjs [--port N]   (env MOCK_PORT; 0 picks a free port)
 * Prints `mock-upstream listening on http://127.0.0.1:PORT` once ready.
 */

import http from 'node:http';
import { numberOption, readArgs } from './lib/args.mjs';

const args = readArgs({ port: 'string' });
const port = numberOption(args.port ?? process.env.MOCK_PORT, 0);
const defaultChunks = numberOption(process.env.MOCK_CHUNKS, 20);
const defaultIntervalMs = numberOption(process.env.MOCK_INTERVAL_MS, 5);

const MODEL = 'mock-model';
const CREATED = 1_700_000_000;
const USAGE = { prompt_tokens: 12, completion_tokens: 8, total_tokens: 20 };

const completion = Buffer.from(
  JSON.stringify({
    id: 'chatcmpl-mock',
    object: 'chat.completion',
    created: CREATED,
    model: MODEL,
    choices: [{ index: 0, message: { role: 'assistant', content: 'Hello from the mock upstream.' }, finish_reason: 'stop' }],
    usage: USAGE,
  }),
);
const completionHeaders = { 'content-type': 'application/json', 'content-length': completion.length };
const streamHeaders = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' };

const frame = (payload) => `data: ${JSON.stringify(payload)}\n\n`;
const chunkBase = { id: 'chatcmpl-mock', object: 'chat.completion.chunk', created: CREATED, model: MODEL };
const FIRST_FRAME = frame({ ...chunkBase, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
const TOKEN_FRAME = frame({ ...chunkBase, choices: [{ index: 0, delta: { content: 'tok ' }, finish_reason: null }] });
const LAST_FRAME = frame({ ...chunkBase, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
const USAGE_FRAME = frame({ ...chunkBase, choices: [], usage: { prompt_tokens: 12, completion_tokens: 20, total_tokens: 32 } });
const DONE_FRAME = 'data: [DONE]\n\n';

const STREAM_TRUE = /"stream"\s*:\s*true/;
const NAMED = /^\/u\/([A-Za-z0-9_.-]+)(\/v1\/chat\/completions.*)$/;
const CONTROL = /^\/control\/([A-Za-z0-9_.-]+)(?:\?(.*))?$/;
const FAILURE = Buffer.from('{"error":{"message":"The server had an error while processing your request.","type":"server_error","param":null,"code":null}}');

/** Behaviour and counters of each named upstream. */
const named = new Map();
function namedUpstream(name) {
  let entry = named.get(name);
  if (!entry) {
    entry = { delayMs: 0, errorRate: 0, requests: 0, failed: 0 };
    named.set(name, entry);
  }
  return entry;
}

/** Fails evenly: the n-th request fails when floor(n·R) grew (R = 0.2 fails every fifth). */
function shouldFail(entry) {
  return Math.floor(entry.requests * entry.errorRate) > Math.floor((entry.requests - 1) * entry.errorRate);
}
const INCLUDE_USAGE = /"include_usage"\s*:\s*true/;

/** Streams `chunks` frames `intervalMs` apart: the role frame, token frames, the finish frame. */
function stream(response, { chunks, intervalMs, includeUsage }) {
  response.writeHead(200, streamHeaders);
  let sent = 0;
  let timer = null;
  const next = () => {
    timer = null;
    sent += 1;
    if (sent === 1) response.write(FIRST_FRAME);
    else if (sent < chunks) response.write(TOKEN_FRAME);
    else {
      response.end(`${LAST_FRAME}${includeUsage ? USAGE_FRAME : ''}${DONE_FRAME}`);
      return;
    }
    timer = setTimeout(next, intervalMs);
  };
  response.once('close', () => timer !== null && clearTimeout(timer));
  if (chunks <= 1) sent = chunks; // a single chunk: just the finish frame
  next();
}

function streamParams(url) {
  const query = url.indexOf('?');
  if (query === -1) return { chunks: defaultChunks, intervalMs: defaultIntervalMs };
  const params = new URLSearchParams(url.slice(query + 1));
  return {
    chunks: Math.max(1, numberOption(params.get('chunks') ?? undefined, defaultChunks)),
    intervalMs: numberOption(params.get('interval_ms') ?? undefined, defaultIntervalMs),
  };
}

function control(request, response) {
  if (request.method === 'GET' && request.url === '/control') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(Object.fromEntries(named)));
    return true;
  }
  const match = request.method === 'POST' ? CONTROL.exec(request.url) : null;
  if (!match) return false;
  const params = new URLSearchParams(match[2] ?? '');
  const entry = namedUpstream(match[1]);
  entry.delayMs = numberOption(params.get('delay_ms') ?? undefined, entry.delayMs);
  entry.errorRate = Math.min(1, numberOption(params.get('error_rate') ?? undefined, entry.errorRate));
  request.resume();
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(entry));
  return true;
}

/** A request to a named upstream: counted, then delayed and/or failed as its behaviour says. */
function serveNamed(request, response, match) {
  const entry = namedUpstream(match[1]);
  entry.requests += 1;
  const fail = shouldFail(entry);
  if (fail) entry.failed += 1;
  request.url = match[2];
  const answer = () => {
    if (!fail) return serve(request, response);
    request.resume();
    response.writeHead(500, { 'content-type': 'application/json', 'content-length': FAILURE.length });
    response.end(FAILURE);
  };
  if (entry.delayMs > 0) {
    const timer = setTimeout(answer, entry.delayMs);
    response.once('close', () => clearTimeout(timer));
  } else answer();
}

const server = http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/health') {
    response.end('ok');
    return;
  }
  // Cheap prefix checks first: the plain /v1 path is the one the throughput figures measure.
  if (request.url.startsWith('/control') && control(request, response)) return;
  const namedMatch = request.url.startsWith('/u/') && request.method === 'POST' ? NAMED.exec(request.url) : null;
  if (namedMatch) {
    serveNamed(request, response, namedMatch);
    return;
  }
  serve(request, response);
});

function serve(request, response) {
  if (request.method !== 'POST' || !request.url.startsWith('/v1/chat/completions')) {
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end('{"error":{"message":"not found","type":"invalid_request_error","param":null,"code":null}}');
    return;
  }
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk) => {
    body += chunk;
  });
  request.on('end', () => {
    if (!STREAM_TRUE.test(body)) {
      response.writeHead(200, completionHeaders);
      response.end(completion);
      return;
    }
    stream(response, { ...streamParams(request.url), includeUsage: INCLUDE_USAGE.test(body) });
  });
}
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => {
  console.log(`mock-upstream listening on http://127.0.0.1:${server.address().port}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
