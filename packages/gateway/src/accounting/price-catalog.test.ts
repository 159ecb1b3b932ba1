import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Deployment } from '../core/index.js';
import { PriceCatalog } from './price-catalog.js';

function deployment(preset: string, model: string, type: Deployment['provider']['type'] = 'openai'): Deployment {
  return { id: `${preset}/${model}`, weight: 1, model, defaultMaxTokens: 1, provider: { id: preset, preset, type } as Deployment['provider'] };
}

const usage = { promptTokens: 1_000_000, completionTokens: 1_000_000, cachedTokens: 0, cacheWriteTokens: 0, estimated: false };

test('catalogue prices for current models of several providers', () => {
  const catalog = new PriceCatalog();
  for (const [preset, model] of [['openai', 'gpt-4o'], ['anthropic', 'claude-sonnet-4-5'], ['gemini', 'gemini-2.5-flash'], ['xai', 'grok-3']]) {
    const prices = catalog.unitPrices(deployment(preset, model));
    assert.equal(prices.source, 'catalog', `${preset}/${model}`);
    assert.ok(catalog.cost(deployment(preset, model), usage) > 0);
    assert.ok(prices.cachedInput <= prices.input);
  }
});

test('local servers and the simulator are free; unknown models cost 0 and say so', () => {
  const catalog = new PriceCatalog();
  assert.equal(catalog.unitPrices(deployment('ollama', 'llama3')).source, 'free');
  assert.equal(catalog.unitPrices(deployment('simulator', 'x', 'simulator')).source, 'free');
  const unknown = catalog.unitPrices(deployment('openai', 'no-such-model-xyz'));
  assert.equal(unknown.source, 'unknown');
  assert.equal(catalog.cost(deployment('openai', 'no-such-model-xyz'), usage), 0);
});
