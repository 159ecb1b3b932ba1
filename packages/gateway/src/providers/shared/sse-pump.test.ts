import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { test } from 'node:test';
import { readableSource } from './byte-source.js';
import { createSsePump } from './sse-pump.js';
import type { SseRelayHandlers } from './sse-pump.js';

const frame = (n: number): string => `data: {"n":${n}}\n\n`;

function recorder(overrides: Partial<SseRelayHandlers> = {}) {
  const calls = { failures: [] as unknown[], ended: 0 };
  const handlers: SseRelayHandlers = {
    relay: (event) => event.raw,
    end: () => {
      calls.ended += 1;
    },
    fail: (error) => {
      calls.failures.push(error);
    },
    ...overrides,
  };
  return { calls, handlers };
}

test('the events of each chunk are written as one piece, a frame split across chunks once whole, and end() follows the last', async () => {
  const { calls, handlers } = recorder();
  const pump = createSsePump(readableSource(Readable.from([frame(1) + frame(2), frame(3).slice(0, 5), frame(3).slice(5), 'data: tail'])), handlers);
  const written: string[] = [];
  await pump.pipe({ write: (text) => written.push(text) > 0, onDrain: () => assert.fail('no back-pressure here') });
  assert.deepEqual(written, [frame(1) + frame(2), frame(3), 'data: tail\n\n']);
  assert.equal(calls.ended, 1);
  assert.deepEqual(calls.failures, []);
});

test('a full sink pauses the upstream read until it drains', async () => {
  const body = new PassThrough();
  const { handlers } = recorder();
  const pump = createSsePump(readableSource(body), handlers);
  const written: string[] = [];
  let resume: (() => void) | null = null;
  const done = pump.pipe({
    write: (text) => {
      written.push(text);
      return written.length !== 1;
    },
    onDrain: (callback) => {
      resume = callback;
    },
  });
  body.write(frame(1));
  await new Promise((settle) => setImmediate(settle));
  assert.deepEqual(written, [frame(1)]);
  assert.equal(body.isPaused(), true);
  body.write(frame(2));
  body.end(frame(3));
  await new Promise((settle) => setImmediate(settle));
  assert.deepEqual(written, [frame(1)], 'nothing is written while the client has not drained');
  assert.ok(resume);
  (resume as () => void)();
  await done;
  assert.deepEqual(written.join(''), frame(1) + frame(2) + frame(3));
});

test('stop() ends the relay at once and drops the upstream body without an unhandled error', async () => {
  const body = new PassThrough();
  const { calls, handlers } = recorder();
  const pump = createSsePump(readableSource(body), handlers);
  const written: string[] = [];
  const done = pump.pipe({ write: (text) => written.push(text) > 0, onDrain: () => {} });
  body.write(frame(1));
  await new Promise((settle) => setImmediate(settle));
  pump.stop();
  await done;
  assert.equal(body.destroyed, true);
  assert.deepEqual(written, [frame(1)]);
  assert.equal(calls.ended, 0);
  // A stop before pipe() leaves nothing to wait for.
  const early = createSsePump(readableSource(new PassThrough()), handlers);
  early.stop();
  await early.pipe({ write: () => assert.fail('nothing to write'), onDrain: () => {} });
});

test('a body that fails, or failed before it was piped, is reported once and ends the relay', async () => {
  const failing = new PassThrough();
  const first = recorder();
  const done = createSsePump(readableSource(failing), first.handlers).pipe({ write: () => true, onDrain: () => {} });
  failing.write(frame(1));
  failing.destroy(new Error('reset'));
  await done;
  assert.deepEqual(
    first.calls.failures.map((error) => (error as Error).message),
    ['reset'],
  );

  const dead = new PassThrough();
  dead.on('error', () => {});
  dead.destroy(new Error('gone'));
  await new Promise((settle) => setImmediate(settle));
  const second = recorder();
  await createSsePump(readableSource(dead), second.handlers).pipe({ write: () => assert.fail('nothing to write'), onDrain: () => {} });
  assert.deepEqual(
    second.calls.failures.map((error) => (error as Error).message),
    ['gone'],
  );
});

test('a relay that throws ends the stream as a failure instead of escaping into the socket event', async () => {
  const body = new PassThrough();
  const { calls, handlers } = recorder({
    relay: () => {
      throw new Error('bad frame');
    },
  });
  const done = createSsePump(readableSource(body), handlers).pipe({ write: () => true, onDrain: () => {} });
  body.write(frame(1));
  await done;
  assert.equal(body.destroyed, true);
  assert.deepEqual(
    calls.failures.map((error) => (error as Error).message),
    ['bad frame'],
  );
});
