/** The request's abort signal behaves like an AbortSignal for its listeners, and works as undici's signal. */

import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { request } from 'undici';
import { RequestAbortSignal } from './request-abort-signal.js';

test('listeners hear the abort once; removed ones and late ones do not', () => {
  const signal = new RequestAbortSignal();
  const heard: string[] = [];
  const removed = () => heard.push('removed');
  signal.addEventListener('abort', () => heard.push('first'));
  signal.addEventListener('abort', removed);
  signal.addEventListener('abort', { handleEvent: () => heard.push('object') });
  signal.removeEventListener('abort', removed);
  signal.abort(new Error('client disconnected'));
  signal.abort(new Error('again'));
  signal.addEventListener('abort', () => heard.push('late'));
  assert.deepEqual(heard, ['first', 'object']);
  assert.equal(signal.aborted, true);
  assert.equal((signal.reason as Error).message, 'client disconnected');
  assert.throws(() => signal.throwIfAborted(), /client disconnected/);
});

test('undici aborts a request when it aborts', async () => {
  const server = http.createServer(() => {}); // never answers
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const signal = new RequestAbortSignal();
    const pending = request(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { signal: signal.asAbortSignal() });
    setTimeout(() => signal.abort(new Error('client disconnected')), 20);
    await assert.rejects(pending, /client disconnected/);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
