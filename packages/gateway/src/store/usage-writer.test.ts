/**
 * Unit tests for BatchingUsageRecorder with an in-memory sink: scheduling and error-handling
 * details. The same recorder runs against real SQLite and Postgres in test/store/.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UsageRow } from '../pipeline/ports.js';
import { BatchingUsageRecorder, type UsageBatchSink } from './usage-writer.js';

function row(index: number): UsageRow {
  return {
    requestId: `request-${index}`,
    createdAt: new Date(0),
    keyId: null,
    protocol: 'openai',
    endpoint: 'chat',
    modelGroup: 'gpt-4o',
    provider: null,
    deploymentId: null,
    upstreamModel: null,
    stream: false,
    promptTokens: 0,
    completionTokens: 0,
    cachedTokens: 0,
    tokensEstimated: false,
    costUsd: 0,
    latencyMs: 0,
    ttftMs: null,
    status: 200,
    outcome: 'success',
    errorCode: null,
    attempts: 1,
  };
}

/** Records batches and the most writes that were ever in flight at once. */
class MemorySink implements UsageBatchSink {
  readonly batches: string[][] = [];
  inFlight = 0;
  maxInFlight = 0;
  onWrite: (() => void) | null = null;

  async insertMany(rows: readonly UsageRow[]): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.batches.push(rows.map((item) => item.requestId));
    this.inFlight -= 1;
    this.onWrite?.();
  }
}

const slowTimer = { flushIntervalMs: 3_600_000 };

test('a full batch is written without waiting for the timer, after record() returned', async () => {
  const sink = new MemorySink();
  const recorder = new BatchingUsageRecorder({ repository: sink, batchSize: 3, queueLimit: 100, ...slowTimer });
  const written = new Promise<void>((resolve) => {
    sink.onWrite = resolve;
  });
  for (let index = 0; index < 3; index += 1) recorder.record(row(index));
  assert.equal(sink.batches.length, 0, 'record() does not write synchronously');
  await written;
  assert.deepEqual(sink.batches, [['request-0', 'request-1', 'request-2']]);
  await recorder.close();
});

test('only one write is in flight at a time, and batches keep the recording order', async () => {
  const sink = new MemorySink();
  const recorder = new BatchingUsageRecorder({ repository: sink, batchSize: 2, queueLimit: 1000, flushIntervalMs: 1 });
  for (let index = 0; index < 50; index += 1) {
    recorder.record(row(index));
    if (index % 4 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await recorder.flush();
  assert.equal(sink.maxInFlight, 1);
  assert.deepEqual(sink.batches.flat(), Array.from({ length: 50 }, (_, index) => `request-${index}`));
  assert.ok(sink.batches.every((batch) => batch.length <= 2));
  await recorder.close();
});

test('flush() with nothing queued resolves at once', async () => {
  const recorder = new BatchingUsageRecorder({ repository: new MemorySink(), batchSize: 10, queueLimit: 10, ...slowTimer });
  await recorder.flush();
  await recorder.close();
});

test('record() never throws, even when onDrop and the logger throw', async () => {
  const recorder = new BatchingUsageRecorder({
    repository: new MemorySink(),
    batchSize: 10,
    queueLimit: 1,
    ...slowTimer,
    onDrop: () => {
      throw new Error('callback failed');
    },
    logger: {
      warn: () => {
        throw new Error('logger failed');
      },
      error: () => undefined,
    },
  });
  recorder.record(row(0));
  assert.doesNotThrow(() => recorder.record(row(1)));
  assert.equal(recorder.stats().dropped, 1);
  await recorder.close();
});

test('a repository that throws synchronously is treated as a failed write', async () => {
  let fail = true;
  const stored: string[] = [];
  const repository: UsageBatchSink = {
    insertMany(rows) {
      if (fail) throw new Error('sync failure');
      stored.push(...rows.map((item) => item.requestId));
      return Promise.resolve();
    },
  };
  const recorder = new BatchingUsageRecorder({ repository, batchSize: 10, queueLimit: 10, retryBaseMs: 1, flushAttempts: 1, ...slowTimer });
  recorder.record(row(0));
  await assert.rejects(recorder.flush(), /sync failure/);
  fail = false;
  await recorder.close();
  assert.deepEqual(stored, ['request-0']);
});

test('invalid options are rejected', () => {
  assert.throws(() => new BatchingUsageRecorder({ repository: new MemorySink(), batchSize: 0, queueLimit: 1, flushIntervalMs: 1 }), /batchSize/);
});
