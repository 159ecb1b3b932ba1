/** UpstreamHttp.requestStream (dispatch-call.ts): a stream's body pushed to its reader, with its timeouts, aborts and back-pressure. */

import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { after, before, test } from 'node:test';
import { GatewayError } from '../../core/index.js';
import type { Timeouts } from '../../core/index.js';
import type { ByteSource } from './byte-source.js';
import { UpstreamHttp } from './http.js';
import { startLocalServer, testCall } from '../../../test/support/local-server.js';
import type { LocalServer } from '../../../test/support/local-server.js';

let server: LocalServer;
let baseUrl: string;
const upstream = new UpstreamHttp();
/** Resolved when the server sees the connection of a `/forever` request close. */
let foreverClosed: Promise<void> = Promise.resolve();
const BIG_CHUNK = 'x'.repeat(64 * 1024);
const BIG_CHUNKS = 64;

before(async () => {
  server = await startLocalServer((request, response) => {
    request.resume();
    const sse = (): void => void response.writeHead(200, { 'content-type': 'text/event-stream', 'x-upstream': 'yes' });
    switch (request.url) {
      case '/no-headers':
        return;
      case '/error':
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3' });
        response.end('{"error":{"message":"slow down"}}');
        return;
      case '/frames': {
        sse();
        response.write('data: 1\n\n');
        setTimeout(() => response.write('data: 2\n\n'), 10);
        setTimeout(() => response.end('data: 3\n\n'), 20);
        return;
      }
      case '/forever': {
        sse();
        response.write('data: 1\n\n');
        foreverClosed = new Promise((resolve) => response.once('close', () => resolve()));
        const timer = setInterval(() => response.write('data: more\n\n'), 10);
        response.once('close', () => clearInterval(timer));
        return;
      }
      case '/stall':
        sse();
        response.write('data: 1\n\n');
        return; // nothing more, ever
      case '/big': {
        sse();
        let sent = 0;
        const send = (): void => {
          while (sent < BIG_CHUNKS) {
            sent += 1;
            if (sent === BIG_CHUNKS) response.end(BIG_CHUNK);
            else if (!response.write(BIG_CHUNK)) return void response.once('drain', send);
          }
        };
        send();
        return;
      }
      default:
        response.writeHead(404).end();
    }
  });
  baseUrl = server.baseUrl;
});

after(async () => {
  await upstream.close();
  await server.close();
});

function stream(path: string, options: { timeouts?: Partial<Timeouts>; signal?: AbortSignal } = {}) {
  return upstream.requestStream(testCall(`${baseUrl}${path}`, { ...options, stream: true }));
}

async function streamBody(path: string, options: Parameters<typeof stream>[1] = {}): Promise<ByteSource> {
  const response = await stream(path, options);
  assert.ok('body' in response, `expected a stream, got status ${response.status}`);
  return response.body;
}

/** Reads a body to its end: the text, and how it ended. */
function readAll(body: ByteSource): Promise<{ text: string; outcome: 'end' | GatewayError | unknown }> {
  return new Promise((resolve) => {
    let text = '';
    body.consume({
      data: (chunk) => void (text += chunk.toString()),
      end: () => resolve({ text, outcome: 'end' }),
      error: (error) => resolve({ text, outcome: error }),
    });
  });
}

const codeOfOutcome = (outcome: unknown): string => (outcome instanceof GatewayError ? outcome.code : `not a GatewayError: ${String(outcome)}`);
const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test('a 2xx stream resolves at its headers; every chunk comes in order, those that came before the reader first, then one end', async () => {
  const response = await stream('/frames');
  assert.equal(response.status, 200);
  assert.equal(response.headers['x-upstream'], 'yes');
  assert.ok('body' in response);
  // The first frame arrives while nobody reads yet: it waits for the reader.
  await tick(5);
  let ends = 0;
  const text = await new Promise<string>((resolve, reject) => {
    let collected = '';
    response.body.consume({
      data: (chunk) => void (collected += chunk.toString()),
      end: () => {
        ends += 1;
        resolve(collected);
      },
      error: reject,
    });
  });
  assert.equal(text, 'data: 1\n\ndata: 2\n\ndata: 3\n\n');
  await tick(10);
  assert.equal(ends, 1);
  // The body lets its reader go at the end, but it is still read once.
  assert.throws(() => response.body.consume({ data: () => {}, end: () => {}, error: () => {} }), /read once/);
});

test('a non-2xx answer is read whole for its error, never handed over as a stream', async () => {
  const response = await stream('/error');
  assert.ok('bytes' in response);
  assert.equal(response.status, 429);
  assert.equal(response.headers['retry-after'], '3');
  assert.equal(response.bytes.toString(), '{"error":{"message":"slow down"}}');
});

test('first-byte timeout before the headers; idle timeout between chunks ends the body as a timeout', async () => {
  await assert.rejects(stream('/no-headers', { timeouts: { firstByteMs: 100 } }), (error: unknown) => error instanceof GatewayError && error.code === 'SY_ERR_UPSTREAM_TIMEOUT');
  // A stream is not bounded by the total timeout, only by the idle one.
  const stalled = await readAll(await streamBody('/stall', { timeouts: { totalMs: 50, streamIdleMs: 300 } }));
  assert.equal(stalled.text, 'data: 1\n\n');
  assert.equal(codeOfOutcome(stalled.outcome), 'SY_ERR_UPSTREAM_TIMEOUT');
});

test('the client leaving before the headers rejects; leaving mid-stream ends the body as a disconnect', async () => {
  const early = new AbortController();
  const waiting = stream('/no-headers', { signal: early.signal });
  setTimeout(() => early.abort(new Error('client disconnected')), 30);
  await assert.rejects(waiting, (error: unknown) => error instanceof GatewayError && error.code === 'SY_ERR_CLIENT_DISCONNECTED');
  await assert.rejects(stream('/frames', { signal: AbortSignal.abort(new Error('gone')) }), (error: unknown) => error instanceof GatewayError && error.code === 'SY_ERR_CLIENT_DISCONNECTED');

  const client = new AbortController();
  const body = await streamBody('/forever', { signal: client.signal });
  setTimeout(() => client.abort(new Error('client disconnected')), 50);
  const result = await readAll(body);
  assert.ok(result.text.startsWith('data: 1\n\ndata: more\n\n'));
  assert.equal(codeOfOutcome(result.outcome), 'SY_ERR_CLIENT_DISCONNECTED');
  assert.equal(getEventListeners(client.signal, 'abort').length, 0);
});

test('destroy() drops the upstream connection and delivers nothing after it', async () => {
  const client = new AbortController();
  const body = await streamBody('/forever', { signal: client.signal });
  const closed = foreverClosed;
  const delivered: string[] = [];
  body.consume({
    data: (chunk) => void delivered.push(chunk.toString()),
    end: () => delivered.push('end'),
    error: () => delivered.push('error'),
  });
  await tick(35);
  body.destroy();
  const count = delivered.length;
  await closed;
  await tick(30);
  assert.ok(count >= 1);
  assert.equal(delivered.length, count, 'nothing after destroy()');
  assert.ok(!delivered.includes('end') && !delivered.includes('error'));
  assert.equal(getEventListeners(client.signal, 'abort').length, 0);
});

test('pause() holds the upstream read until resume(); then the rest comes and the body ends', async () => {
  const body = await streamBody('/big');
  let received = 0;
  let paused = false;
  const ended = new Promise<void>((resolve, reject) => {
    body.consume({
      data: (chunk) => {
        received += chunk.length;
        if (!paused) {
          paused = true;
          body.pause();
        }
      },
      end: resolve,
      error: reject,
    });
  });
  await tick(150);
  const whilePaused = received;
  await tick(100);
  assert.equal(received, whilePaused, 'nothing is delivered while paused');
  assert.ok(whilePaused < BIG_CHUNKS * BIG_CHUNK.length, `paused after ${whilePaused} bytes`);
  body.resume();
  await ended;
  assert.equal(received, BIG_CHUNKS * BIG_CHUNK.length);
});

test('no timer or listener outlives a finished stream', async () => {
  const client = new AbortController();
  const timersBefore = process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
  for (let index = 0; index < 10; index += 1) {
    const result = await readAll(await streamBody('/frames', { timeouts: { firstByteMs: 1_000 }, signal: client.signal }));
    assert.equal(result.outcome, 'end');
  }
  const timersAfter = process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
  assert.ok(timersAfter <= timersBefore, `${timersAfter - timersBefore} timers left behind`);
  assert.equal(getEventListeners(client.signal, 'abort').length, 0);
});
