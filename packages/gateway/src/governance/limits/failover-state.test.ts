import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FailoverState } from './failover-state.js';

function harness(options: { resync?: () => Promise<void> } = {}) {
  let nowMs = 0;
  let primaryUp = false;
  const events: string[] = [];
  let probes = 0;
  const state = new FailoverState(
    {
      probe: async () => {
        probes += 1;
        if (!primaryUp) throw new Error('down');
      },
      onDegraded: () => events.push('degraded'),
      onRecovered: () => events.push('recovered'),
      retryIntervalMs: 1_000,
      now: () => nowMs,
    },
    options.resync,
  );
  return {
    state,
    events,
    probes: () => probes,
    advance: (ms: number) => (nowMs += ms),
    bringUp: () => (primaryUp = true),
  };
}

test('failover state: degrades once, goes local at once, and probes at most once per interval', async () => {
  const { state, events, probes, advance } = harness();
  assert.equal(state.usePrimary(), true);
  state.failed(new Error('timeout'));
  state.failed(new Error('timeout again'));
  assert.deepEqual(events, ['degraded']);
  assert.equal(state.usePrimary(), false);
  assert.equal(probes(), 0, 'no probe right after the failure');
  advance(1_000);
  assert.equal(state.usePrimary(), false);
  assert.equal(state.usePrimary(), false);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(probes(), 1);
  assert.equal(state.isDegraded, true);
});

test('failover state: recovers after a probe answers and the resync succeeds', async () => {
  let resyncs = 0;
  let resyncFails = true;
  const { state, events, bringUp } = harness({
    resync: async () => {
      resyncs += 1;
      if (resyncFails) throw new Error('redis went away during the replay');
    },
  });
  state.failed(new Error('down'));
  assert.equal(await state.check(), false, 'probe fails while down');
  bringUp();
  assert.equal(await state.check(), false, 'a failed resync keeps it degraded');
  resyncFails = false;
  assert.equal(await state.check(), true);
  assert.equal(resyncs, 2);
  assert.equal(state.usePrimary(), true);
  assert.deepEqual(events, ['degraded', 'recovered']);
});

test('failover state: concurrent checks share one probe', async () => {
  const { state, probes, bringUp } = harness();
  state.failed(new Error('down'));
  bringUp();
  const results = await Promise.all([state.check(), state.check(), state.check()]);
  assert.deepEqual(results, [true, true, true]);
  assert.equal(probes(), 1);
});

test('failover state: a mistake in the caller input is rethrown and does not count as Redis failing', () => {
  const { state, events } = harness();
  assert.throws(() => state.absorb(new RangeError('windowMs must be a positive number, got 0')), RangeError);
  assert.equal(state.isDegraded, false);
  state.absorb(new Error('Command timed out'));
  assert.deepEqual(events, ['degraded']);
});
