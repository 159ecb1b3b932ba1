import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRandom, hashSeed, normalSample } from './prng.js';
import { valueFromSchema } from './value-from-schema.js';
import { countWords, generateWords, splitIntoChunks } from './words.js';

describe('simulator text', () => {
  it('generates exactly the asked number of words, the same for the same seed', () => {
    for (const count of [1, 5, 13, 30, 100]) {
      const text = generateWords(createRandom(hashSeed(1, 'x')), count);
      assert.equal(countWords(text), count);
      assert.equal(text, generateWords(createRandom(hashSeed(1, 'x')), count));
      assert.match(text, /^[A-Z].*\.$/);
    }
  });

  it('splits text into pieces of a few words that join back exactly', () => {
    const text = 'One two three four five six seven.';
    const chunks = splitIntoChunks(text);
    assert.deepEqual(chunks, ['One two three', ' four five six', ' seven.']);
    assert.equal(chunks.join(''), text);
  });

  it('draws normal samples around the mean and exactly the mean without spread', () => {
    assert.equal(normalSample(createRandom(1), 40, 0), 40);
    const random = createRandom(2);
    const samples = Array.from({ length: 2000 }, () => normalSample(random, 40, 10));
    const mean = samples.reduce((total, value) => total + value, 0) / samples.length;
    assert.ok(Math.abs(mean - 40) < 2);
  });
});

describe('valueFromSchema', () => {
  const options = { random: createRandom(3), withoutRequired: 'none' as const };

  it('fills required properties by type', () => {
    const value = valueFromSchema(
      {
        type: 'object',
        properties: {
          location: { type: 'string' },
          count: { type: 'integer', minimum: 2 },
          ratio: { type: 'number' },
          on: { type: 'boolean' },
          mode: { enum: ['a', 'b'] },
          nested: { type: 'object', properties: { x: { type: ['string', 'null'] } }, required: ['x'] },
          optional: { type: 'string' },
        },
        required: ['location', 'count', 'ratio', 'on', 'mode', 'nested'],
      },
      options,
    ) as Record<string, unknown>;
    assert.deepEqual(Object.keys(value), ['location', 'count', 'ratio', 'on', 'mode', 'nested']);
    assert.ok(['Paris', 'Tokyo', 'Lisbon', 'Nairobi', 'Lima'].includes(value.location as string));
    assert.deepEqual([value.count, value.ratio, value.on, value.mode], [2, 1, true, 'a']);
    assert.equal(typeof (value.nested as { x: unknown }).x, 'string');
  });

  it('gives an empty object for tool parameters without required fields, all fields for a response schema', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    assert.deepEqual(valueFromSchema(schema, options), {});
    assert.deepEqual(Object.keys(valueFromSchema(schema, { ...options, withoutRequired: 'all' }) as object), ['a']);
  });
});
