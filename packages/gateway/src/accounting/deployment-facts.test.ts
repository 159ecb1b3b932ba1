import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Deployment } from '../core/index.js';
import { createDeploymentFacts } from './deployment-facts.js';
import { PriceCatalog } from './price-catalog.js';

function deployment(preset: string, model: string, extra: Partial<Deployment> = {}): Deployment {
  const type = preset === 'simulator' ? 'simulator' : 'openai';
  return { id: `${preset}/${model}`, weight: 1, model, defaultMaxTokens: 1, provider: { id: preset, preset, type } as Deployment['provider'], ...extra };
}

test('cost per 1k tokens averages input and output prices; config overrides count', () => {
  const prices = new PriceCatalog();
  const facts = createDeploymentFacts(prices);
  const gpt4o = deployment('openai', 'gpt-4o');
  const unit = prices.unitPrices(gpt4o);
  assert.ok(Math.abs(facts(gpt4o).costPer1kTokens - ((unit.input + unit.output) / 2) * 1000) < 1e-12);
  assert.ok(facts(gpt4o).costPer1kTokens > facts(deployment('openai', 'gpt-4o-mini')).costPer1kTokens);
  const priced = deployment('openai', 'anything', { id: 'priced', price: { inputPerMTok: 1, outputPerMTok: 3 } });
  assert.ok(Math.abs(facts(priced).costPer1kTokens - 0.002) < 1e-12);
  assert.equal(facts(deployment('ollama', 'llama3')).costPer1kTokens, 0);
});

test('context windows come from the catalogue, null when unknown or set by a local server', () => {
  const facts = createDeploymentFacts(new PriceCatalog());
  assert.equal(facts(deployment('openai', 'gpt-4o')).contextWindow, 128_000);
  assert.equal(facts(deployment('anthropic', 'claude-sonnet-4-5')).contextWindow, 200_000);
  assert.ok((facts(deployment('gemini', 'gemini-2.5-flash')).contextWindow ?? 0) > 1_000_000);
  assert.equal(facts(deployment('openai', 'no-such-model-xyz')).contextWindow, null);
  assert.equal(facts(deployment('ollama', 'gpt-4o')).contextWindow, null);
  assert.equal(facts(deployment('simulator', 'gpt-4o')).contextWindow, null);
});

test('capabilities: capable by default, known limits for embedding models, o1-mini and GPT-3.5', () => {
  const facts = createDeploymentFacts(new PriceCatalog());
  assert.deepEqual(pickCapabilities(facts(deployment('openai', 'gpt-4o'))), [true, true, true]);
  assert.deepEqual(pickCapabilities(facts(deployment('openai', 'text-embedding-3-small'))), [false, false, false]);
  assert.deepEqual(pickCapabilities(facts(deployment('openrouter', 'openai/o1-mini'))), [false, false, false]);
  assert.deepEqual(pickCapabilities(facts(deployment('openai', 'gpt-3.5-turbo'))), [true, false, true]);
});

test('facts are resolved once per deployment id', () => {
  const prices = new PriceCatalog();
  let lookups = 0;
  const original = prices.unitPrices.bind(prices);
  prices.unitPrices = (item) => {
    lookups += 1;
    return original(item);
  };
  const facts = createDeploymentFacts(prices);
  const item = deployment('openai', 'gpt-4o');
  assert.equal(facts(item), facts(item));
  assert.equal(lookups, 1);
});

function pickCapabilities(facts: { supportsTools: boolean; supportsImages: boolean; supportsJsonMode: boolean }): boolean[] {
  return [facts.supportsTools, facts.supportsImages, facts.supportsJsonMode];
}
