/** The cheap series write exactly what prom-client's own counters and histograms would. */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Counter, Histogram, Registry } from 'prom-client';
import { PendingCounterSeries, SeriesHistogram } from './series.js';

const BUCKETS = [0.005, 0.05, 0.5, 5];
const OBSERVATIONS: Array<[string, number]> = [
  ['a', 0.001],
  ['a', 0.005],
  ['b', 0.3],
  ['a', 7],
  ['b', 0.05],
  ['a', 0.2],
];

test('a SeriesHistogram exposes the same text and JSON as a prom-client Histogram', async () => {
  const ours = new Registry();
  const theirs = new Registry();
  const configuration = { name: 'example_seconds', help: 'An example.', labelNames: ['group'] as const, buckets: BUCKETS };
  const histogram = new SeriesHistogram({ ...configuration, registers: [ours] });
  const reference = new Histogram({ ...configuration, registers: [theirs] });
  for (const [group, value] of OBSERVATIONS) {
    histogram.series(group, () => ({ group })).observe(value);
    reference.observe({ group }, value);
  }
  assert.equal(await ours.metrics(), await theirs.metrics());
  // As JSON too, but for prom-client's exemplar slots (always empty here: exemplars are off).
  const json = async (registry: Registry) => JSON.parse(JSON.stringify(await registry.getMetricsAsJSON(), (key, value) => (key === 'exemplar' ? undefined : value)));
  assert.deepEqual(await json(ours), await json(theirs));
  histogram.reset();
  reference.reset();
  assert.equal(await ours.metrics(), await theirs.metrics());
});

test('PendingCounterSeries reaches the counter at scrape time, once per series that moved', async () => {
  const registry = new Registry();
  const pending = new PendingCounterSeries<'group'>();
  let labelCalls = 0;
  const counter = new Counter({
    name: 'example_total',
    help: 'An example.',
    labelNames: ['group'],
    registers: [registry],
    collect() {
      pending.flushInto(this);
    },
  });
  const series = (group: string) =>
    pending.series(group, () => {
      labelCalls += 1;
      return { group };
    });
  series('a').pending += 2;
  series('a').pending += 1;
  series('b').pending += 0.5;
  assert.equal(labelCalls, 2, 'labels are made once per series');
  assert.match(await registry.metrics(), /example_total\{group="a"\} 3\nexample_total\{group="b"\} 0\.5/);
  series('a').pending += 1;
  assert.match(await registry.metrics(), /example_total\{group="a"\} 4\nexample_total\{group="b"\} 0\.5/);
});
