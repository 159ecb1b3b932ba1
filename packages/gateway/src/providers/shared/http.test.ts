/** UpstreamHttp's timeouts and aborts, against a local server that answers as slowly as asked. */

import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { GatewayError } from '../../core/index.js';
import type { Timeouts } from '../../core/index.js';
import { readText, UpstreamHttp } from './http.js';
import { startLocalServer, testCall } from '../../../test/support/local-server.js';
import type { LocalServer } from '../../../test/support/local-server.js';

let server: LocalServer;
let baseUrl: string;
const upstream = new UpstreamHttp();

before(async () => {
  server = await startLocalServer((request, response) => {
    request.resume();
    if (request.url === '/no-headers') return; // never answers
    if (request.url === '/error') {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3' });
      response.end('{"error":{"message":"slow down"}}');
      return;
    }
    if (request.url === '/chunks') {
      response.writeHead(200, { 'content-type': 'application/json', 'x-upstream': 'yes' });
      response.write('{"a":');
      setTimeout(() => response.end('1}'), 20);
      return;
    }
    if (request.url === '/trickle') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"a":');
      return; // the rest never comes
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"ok":true}');
  });
  baseUrl = server.baseUrl;
});

after(async () => {
  await upstream.close();
  await server.close();
});

function call(path: string, options: { timeouts?: Partial<Timeouts>; signal?: AbortSignal; stream?: boolean } = {}) {
  return upstream.request(testCall(`${baseUrl}${path}`, options));
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

function whole(path: string, options: { timeouts?: Partial<Timeouts>; signal?: AbortSignal; url?: string } = {}) {
  return upstream.requestWhole(testCall(options.url ?? `${baseUrl}${path}`, options));
}

test('requestWhole: the answer comes whole, chunks joined, with its status and headers; an error status is an answer too', async () => {
  const answer = await whole('/chunks');
  assert.equal(answer.status, 200);
  assert.equal(answer.headers['x-upstream'], 'yes');
  assert.equal(answer.bytes.toString(), '{"a":1}');
  const refused = await whole('/error');
  assert.equal(refused.status, 429);
  assert.equal(refused.headers['retry-after'], '3');
  assert.equal(refused.bytes.toString(), '{"error":{"message":"slow down"}}');
});

test('requestWhole: first-byte and total timeouts, the total covering the body', async () => {
  assert.equal(await codeOf(whole('/no-headers', { timeouts: { firstByteMs: 100 } })), 'SY_ERR_UPSTREAM_TIMEOUT');
  assert.equal(await codeOf(whole('/no-headers', { timeouts: { totalMs: 100 } })), 'SY_ERR_UPSTREAM_TIMEOUT');
  assert.equal(await codeOf(whole('/trickle', { timeouts: { totalMs: 150 } })), 'SY_ERR_UPSTREAM_TIMEOUT');
});

test('requestWhole: the client leaving before the headers, during the body, or before the call is a disconnect', async () => {
  const beforeHeaders = new AbortController();
  const waiting = whole('/no-headers', { timeouts: { firstByteMs: 1_000 }, signal: beforeHeaders.signal });
  setTimeout(() => beforeHeaders.abort(new Error('client disconnected')), 50);
  assert.equal(await codeOf(waiting), 'SY_ERR_CLIENT_DISCONNECTED');

  const duringBody = new AbortController();
  const reading = whole('/trickle', { signal: duringBody.signal });
  setTimeout(() => duringBody.abort(new Error('client disconnected')), 100);
  assert.equal(await codeOf(reading), 'SY_ERR_CLIENT_DISCONNECTED');

  assert.equal(await codeOf(whole('/ok', { signal: AbortSignal.abort(new Error('gone')) })), 'SY_ERR_CLIENT_DISCONNECTED');
});

test('requestWhole: an upstream that cannot be reached is unreachable', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  assert.equal(await codeOf(whole('/', { url: `http://127.0.0.1:${port}/` })), 'SY_ERR_UPSTREAM_UNREACHABLE');
});

test('requestWhole: no timer or listener outlives a finished call', async () => {
  const client = new AbortController();
  const timersBefore = process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
  for (let index = 0; index < 20; index += 1) await whole('/ok', { timeouts: { firstByteMs: 1_000, totalMs: 600_000 }, signal: client.signal });
  const timersAfter = process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
  assert.ok(timersAfter <= timersBefore, `${timersAfter - timersBefore} timers left behind`);
  assert.equal(getEventListeners(client.signal, 'abort').length, 0);
});
