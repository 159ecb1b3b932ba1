import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRandom } from '../../providers/simulator/prng.js';
import { sampleBeta, sampleGamma } from './random-variates.js';

function moments(samples: readonly number[]): { mean: number; variance: number } {
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  const variance = samples.reduce((sum, value) => sum + (value - mean) ** 2, 0) / samples.length;
  return { mean, variance };
}

test('gamma samples have the mean and variance of Gamma(shape, 1), below and above shape 1', () => {
  const random = createRandom(17);
  for (const shape of [0.5, 1, 3, 20]) {
    const { mean, variance } = moments(Array.from({ length: 20_000 }, () => sampleGamma(random, shape)));
    assert.ok(Math.abs(mean - shape) < 0.05 * shape + 0.02, `shape ${shape}: mean ${mean}`);
    assert.ok(Math.abs(variance - shape) < 0.1 * shape + 0.03, `shape ${shape}: variance ${variance}`);
  }
});

test('beta samples lie in [0, 1] with the mean and variance of Beta(alpha, beta)', () => {
  const random = createRandom(23);
  for (const [alpha, beta] of [[1, 1], [2, 5], [30, 2]]) {
    const samples = Array.from({ length: 20_000 }, () => sampleBeta(random, alpha, beta));
    assert.ok(samples.every((value) => value >= 0 && value <= 1));
    const { mean, variance } = moments(samples);
    const expectedMean = alpha / (alpha + beta);
    const expectedVariance = (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
    assert.ok(Math.abs(mean - expectedMean) < 0.01, `Beta(${alpha}, ${beta}): mean ${mean}`);
    assert.ok(Math.abs(variance - expectedVariance) < 0.1 * expectedVariance, `Beta(${alpha}, ${beta}): variance ${variance}`);
  }
});

test('a degenerate random source still yields a finite sample (no endless rejection loop)', () => {
  for (const constant of [0, 0.5, 0.999999]) {
    const value = sampleBeta(() => constant, 3, 2);
    assert.ok(value >= 0 && value <= 1, `${constant}: ${value}`);
  }
});
