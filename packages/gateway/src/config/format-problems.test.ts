import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { didYouMean, editDistance } from './did-you-mean.js';
import { formatPath } from './format-path.js';
import { formatIssues, knownKeysAt } from './format-problems.js';
import { configFileSchema } from './schema.js';

describe('formatPath', () => {
  it('writes paths the way the file reads', () => {
    assert.equal(formatPath(['models', 2, 'deployments', 0, 'provider']), 'models[2].deployments[0].provider');
    assert.equal(formatPath(['providers', 'local-vllm', 'apiKey']), 'providers.local-vllm.apiKey');
    assert.equal(formatPath(['routing', 'fallbacks', 'gpt-4.1']), 'routing.fallbacks["gpt-4.1"]');
    assert.equal(formatPath([]), '');
  });
});

describe('didYouMean', () => {
  it('suggests near misses only', () => {
    assert.equal(didYouMean('prot', ['port', 'host']), 'port');
    assert.equal(didYouMean('opnai', ['openai', 'anthropic']), 'openai');
    assert.equal(didYouMean('completely', ['port', 'host']), undefined);
    assert.equal(editDistance('ab', 'ba'), 1);
  });
});

describe('formatIssues', () => {
  it('knows the keys at each level of the schema', () => {
    assert.ok(knownKeysAt(configFileSchema, ['server']).includes('masterKey'));
    assert.ok(knownKeysAt(configFileSchema, ['providers', 'anything']).includes('baseUrl'));
    assert.ok(knownKeysAt(configFileSchema, ['models', 0, 'deployments', 3]).includes('weight'));
    assert.ok(knownKeysAt(configFileSchema, ['providers', 'x', 'timeouts']).includes('streamIdleMs'));
    assert.deepEqual(knownKeysAt(configFileSchema, ['nowhere']), []);
  });

  it('renders one line per problem, with suggestions for unknown keys', () => {
    const input = { servr: {}, database: { url: 5, extra: true }, providers: { 'bad id!': { type: 'openai' } } };
    const result = configFileSchema.safeParse(input);
    assert.equal(result.success, false);
    const lines = formatIssues(result.success ? [] : result.error.issues, { schema: configFileSchema, input });
    assert.deepEqual(lines.sort(), [
      'database.extra: unknown key',
      'database.url: Invalid input: expected string, received number',
      'providers["bad id!"]: invalid key: provider ids use letters, digits, "-", "_" and "." only',
      'servr: unknown key (did you mean "server"?)',
    ]);
  });
});
