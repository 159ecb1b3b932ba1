import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { catalogCalcPrice, catalogState, releaseCatalog } from './price-catalog-module.js';

const usage = { input_tokens: 1_000_000, output_tokens: 0 };

test('the catalogue loads on the first lookup, is not left in the require cache, and loads again after release', () => {
  releaseCatalog();
  const before = catalogState();
  assert.equal(before.held, false);
  const first = catalogCalcPrice()(usage, 'gpt-4o', { providerId: 'openai' });
  assert.ok(first !== null && first.total_price > 0);
  assert.deepEqual(catalogState(), { held: true, loads: before.loads + 1 });
  // Held: a second lookup reuses it.
  catalogCalcPrice();
  assert.equal(catalogState().loads, before.loads + 1);
  const require = createRequire(import.meta.url);
  assert.equal(require.cache[require.resolve('@pydantic/genai-prices')], undefined, 'only our reference keeps it');

  releaseCatalog();
  assert.equal(catalogState().held, false);
  const again = catalogCalcPrice()(usage, 'gpt-4o', { providerId: 'openai' });
  assert.equal(again?.total_price, first.total_price);
  assert.deepEqual(catalogState(), { held: true, loads: before.loads + 2 });
  releaseCatalog();
});
