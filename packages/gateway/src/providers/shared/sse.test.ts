import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSse, SseSplitter } from './sse.js';

async function* chunks(...parts: (string | Buffer)[]): AsyncGenerator<string | Buffer> {
  for (const part of parts) yield part;
}

async function collect(...parts: (string | Buffer)[]): Promise<{ event: string | undefined; data: string }[]> {
  const events = [];
  for await (const { event, data } of parseSse(chunks(...parts))) events.push({ event, data });
  return events;
}

test('several events in one chunk come out of one push, in order, with their raw frames', () => {
  const splitter = new SseSplitter();
  const events = splitter.push('data: {"a":1}\n\nevent: ping\ndata: x\n\ndata: [DON');
  assert.deepEqual(
    events.map(({ event, data, raw }) => ({ event, data, raw })),
    [
      { event: undefined, data: '{"a":1}', raw: 'data: {"a":1}\n\n' },
      { event: 'ping', data: 'x', raw: 'event: ping\ndata: x\n\n' },
    ],
  );
  assert.deepEqual(splitter.push('E]\n\n').map((event) => event.data), ['[DONE]']);
  assert.deepEqual(splitter.end(), []);
});

test('an event split anywhere across chunks, even inside a UTF-8 character, is whole', async () => {
  const bytes = Buffer.from('data: héllo 😀\n\ndata: two\n\n');
  for (let cut = 1; cut < bytes.length; cut += 1) {
    const events = await collect(bytes.subarray(0, cut), bytes.subarray(cut));
    assert.deepEqual(events.map((event) => event.data), ['héllo 😀', 'two'], `cut at ${cut}`);
  }
});

test('a byte order mark at the start of the bytes is dropped, also when split across chunks; one later is kept', async () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const bytes = Buffer.concat([bom, Buffer.from('data: a\n\ndata: \ufeffb\n\n')]);
  for (const cut of [1, 2, 3, 5]) {
    const events = await collect(bytes.subarray(0, cut), bytes.subarray(cut));
    assert.deepEqual(events.map((event) => event.data), ['a', '\ufeffb'], `cut at ${cut}`);
  }
  // Invalid bytes become U+FFFD, as TextDecoder made them.
  assert.deepEqual((await collect(Buffer.from([0x64, 0x61, 0x74, 0x61, 0x3a, 0x20, 0xff, 0x0a, 0x0a]))).map((event) => event.data), ['\ufffd']);
});

test('CRLF line endings are normalised, also when "\\r" and "\\n" arrive in different chunks', async () => {
  // One event with two data lines: splitting "\r\n" must not turn it into a blank line.
  assert.deepEqual(await collect('data: a\r', '\ndata: b\r\n\r\n'), [{ event: undefined, data: 'a\nb' }]);
  assert.deepEqual(await collect('data: a\r\n\r', '\n', 'data: b\r\n\r\n'), [
    { event: undefined, data: 'a' },
    { event: undefined, data: 'b' },
  ]);
  assert.deepEqual(await collect('data: a\r\r'), [{ event: undefined, data: 'a' }]);
});

test('comments give an event with empty data; a last event without a blank line still comes out', async () => {
  assert.deepEqual(await collect(': keep-alive\n\ndata: last'), [
    { event: undefined, data: '' },
    { event: undefined, data: 'last' },
  ]);
});
