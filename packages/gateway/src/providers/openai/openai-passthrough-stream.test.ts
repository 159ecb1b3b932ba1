import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { readableSource } from '../shared/byte-source.js';
import { relayOpenAIStream } from './openai-passthrough-stream.js';
import type { RelayedStream } from './openai-passthrough-stream.js';

/** The pieces written to the client, each the frames of one upstream chunk. */
async function pieces(relayed: RelayedStream): Promise<string[]> {
  const written: string[] = [];
  await relayed.pipe({ write: (text) => written.push(text) > 0, onDrain: (resume) => resume() });
  return written;
}

async function relay(dropUsageChunk: boolean, ...texts: string[]) {
  const relayed = relayOpenAIStream({ body: readableSource(Readable.from(texts)), provider: 'p', signal: new AbortController().signal, dropUsageChunk });
  const frames = await pieces(relayed);
  return { frames, summary: relayed.summary(), failure: relayed.failure() };
}

// Formatting as some compatible servers send it: no space after `data:`, spaces inside the JSON.
const first = 'data:{"id":"a", "model": "m-1", "choices": [{"index": 0, "delta": {"content": "hi"}, "finish_reason": null}], "usage": null}\n\n';
const second = 'data:{"id":"a", "model": "m-1", "choices": [{"index": 1, "delta": {}, "finish_reason": "length"}, {"index": 0, "delta": {}, "finish_reason": "stop"}], "usage": null}\n\n';
const usage = 'data:{"id":"a", "model": "m-1", "choices": [], "usage": {"prompt_tokens": 2, "completion_tokens": 1}}\n\n';

test('frames are relayed byte for byte, those completed by one upstream chunk together; usage and the first choice finish reason are read', async () => {
  const { frames, summary, failure } = await relay(false, first.slice(0, 20), first.slice(20) + second, usage, ': keep-alive\n\n', 'data: [DONE]\n\n');
  assert.deepEqual(frames, [first + second, usage, ': keep-alive\n\n', 'data: [DONE]\n\n']);
  assert.equal(summary.model, 'm-1');
  assert.deepEqual(summary.finishReason, { unified: 'stop', raw: 'stop' });
  assert.equal(summary.usage?.promptTokens, 2);
  assert.equal(failure, null);
});

test('the usage-only chunk is dropped when we asked for it, and only that chunk', async () => {
  const filter = 'data: {"id":"","model":"","choices":[],"prompt_filter_results":[]}\n\n';
  const { frames, summary } = await relay(true, filter, first, usage, 'data: [DONE]\n\n');
  assert.deepEqual(frames, [filter, first, 'data: [DONE]\n\n']);
  assert.equal(summary.usage?.completionTokens, 1);
});

test('an upstream in-band error ends the relay and is recorded (the server renders it)', async () => {
  const error = 'data: {"error":{"message":"bad","type":"server_error","param":null,"code":null}}\n\n';
  const { frames, failure } = await relay(false, first, error);
  assert.deepEqual(frames, [first]);
  assert.equal(failure?.code, 'SY_ERR_UPSTREAM_SERVER');
});

test('frames before an in-band error in the same upstream chunk are relayed, nothing after it', async () => {
  const error = 'data: {"error":{"message":"bad","type":"server_error","param":null,"code":null}}\n\n';
  const { frames, failure } = await relay(false, first + error + second, 'data: [DONE]\n\n');
  assert.deepEqual(frames, [first]);
  assert.equal(failure?.code, 'SY_ERR_UPSTREAM_SERVER');
});

test('the usage-only chunk is dropped from the middle of a piece', async () => {
  const { frames } = await relay(true, first + usage + 'data: [DONE]\n\n');
  assert.deepEqual(frames, [first + 'data: [DONE]\n\n']);
});

test('a transport failure ends the relay and is recorded', async () => {
  async function* broken(): AsyncGenerator<string> {
    yield first;
    throw new Error('reset');
  }
  const relayed = relayOpenAIStream({ body: readableSource(Readable.from(broken())), provider: 'p', signal: new AbortController().signal, dropUsageChunk: false });
  assert.deepEqual(await pieces(relayed), [first]);
  assert.equal(relayed.failure()?.code, 'SY_ERR_UPSTREAM_UNREACHABLE');
});
