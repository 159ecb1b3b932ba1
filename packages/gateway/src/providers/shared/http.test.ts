/** UpstreamHttp's timeouts and aborts, against a local server that answers as slowly as asked. */

import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { GatewayError } from '../../core/index.js';
import type { Timeouts } from '../../core/index.js';
import { readText, UpstreamHttp } from './http.js';

let server: http.Server;
let baseUrl: string;
const upstream = new UpstreamHttp();

before(async () => {
  server = http.createServer((request, response) => {
    request.resume();
    if (request.url === '/no-headers') return; // never answers
    if (request.url === '/trickle') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"a":');
      return; // the rest never comes
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await upstream.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const TIMEOUTS: Timeouts = { connectMs: 2_000, firstByteMs: 10_000, totalMs: 20_000, streamIdleMs: 10_000 };

function call(path: string, options: { timeouts?: Partial<Timeouts>; signal?: AbortSignal; stream?: boolean } = {}) {
  return upstream.request({
    url: `${baseUrl}${path}`,
    headers: { 'content-type': 'application/json' },
    body: '{}',
    signal: options.signal ?? new AbortController().signal,
    timeouts: { ...TIMEOUTS, ...options.timeouts },
    provider: 'test',
    stream: options.stream ?? false,
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GatewayError, `expected a GatewayError, got ${String(error)}`);
    return error.code;
  }
  assert.fail('expected a failure');
}

test('an answer in time is read whole', async () => {
  const response = await call('/ok');
  assert.equal(await readText(response, 'test'), '{"ok":true}');
});

test('a short first-byte timeout ends a call whose headers never come', async () => {
  assert.equal(await codeOf(call('/no-headers', { timeouts: { firstByteMs: 100 } })), 'SY_ERR_UPSTREAM_TIMEOUT');
});

test('a short total timeout bounds the wait for headers too', async () => {
  assert.equal(await codeOf(call('/no-headers', { timeouts: { totalMs: 100 } })), 'SY_ERR_UPSTREAM_TIMEOUT');
});

test('the total timeout of a non-streaming call covers its body', async () => {
  const response = await call('/trickle', { timeouts: { totalMs: 150 } });
  assert.equal(await codeOf(readText(response, 'test')), 'SY_ERR_UPSTREAM_TIMEOUT');
});

test('a streaming call is not bounded by the total timeout, and the client leaving ends it', async () => {
  const client = new AbortController();
  const response = await call('/trickle', { timeouts: { totalMs: 50 }, stream: true, signal: client.signal });
  const reading = readText(response, 'test', client.signal);
  await new Promise((resolve) => setTimeout(resolve, 150));
  client.abort(new Error('client disconnected'));
  assert.equal(await codeOf(reading), 'SY_ERR_CLIENT_DISCONNECTED');
});

test('the client leaving during a short first-byte wait is a disconnect, not a timeout', async () => {
  const client = new AbortController();
  const pending = call('/no-headers', { timeouts: { firstByteMs: 1_000 }, signal: client.signal });
  setTimeout(() => client.abort(new Error('client disconnected')), 50);
  assert.equal(await codeOf(pending), 'SY_ERR_CLIENT_DISCONNECTED');
});

test('no timer outlives a finished call', async () => {
  const timersBefore = process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
  for (let index = 0; index < 20; index += 1) await readText(await call('/ok', { timeouts: { firstByteMs: 1_000, totalMs: 600_000 } }), 'test');
  const timersAfter = process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
  assert.ok(timersAfter <= timersBefore, `${timersAfter - timersBefore} timers left behind`);
});
