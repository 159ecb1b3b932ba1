import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { request } from 'undici';
import { HEADERS_ALONE_AFTER_MS, openSse, type SseWriter } from './sse-writer.js';

/** A server whose one response is driven by the test through the writer it opens. */
async function withSseServer(run: (url: string, opened: Promise<{ writer: SseWriter; raw: http.ServerResponse }>) => Promise<void>): Promise<void> {
  let resolveOpened: (value: { writer: SseWriter; raw: http.ServerResponse }) => void = () => {};
  const opened = new Promise<{ writer: SseWriter; raw: http.ServerResponse }>((resolve) => (resolveOpened = resolve));
  const server = http.createServer((_request, raw) => resolveOpened({ writer: openSse(raw, { 'x-request-id': 'req_1' }), raw }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, opened);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

test('the headers wait for the first frame and leave with it', async () => {
  await withSseServer(async (url, opened) => {
    const answer = request(url);
    const { writer, raw } = await opened;
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(raw.socket?.bytesWritten, 0, 'nothing is written before the first frame');
    assert.equal(await writer.write('data: one\n\n'), true);
    const response = await answer;
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/event-stream; charset=utf-8');
    assert.equal(response.headers['x-request-id'], 'req_1');
    writer.end();
    assert.equal(await response.body.text(), 'data: one\n\n');
  });
});

test('without a frame, the headers go out on their own shortly after', async () => {
  await withSseServer(async (url, opened) => {
    const startedAt = performance.now();
    const answer = request(url, { headersTimeout: 5_000 });
    const { writer } = await opened;
    const response = await answer;
    assert.equal(response.statusCode, 200, 'the headers came without any frame');
    assert.ok(performance.now() - startedAt >= HEADERS_ALONE_AFTER_MS - 2, 'not before the wait');
    assert.equal(await writer.write('data: late\n\n'), true);
    writer.end();
    assert.equal(await response.body.text(), 'data: late\n\n');
  });
});
