import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interpolate } from './interpolate.js';

describe('interpolate', () => {
  it('replaces ${VAR} in every string scalar, nested in maps and lists', () => {
    const result = interpolate(
      { server: { masterKey: '${KEY}' }, models: [{ name: 'x-${SUFFIX}' }], port: 3000 },
      { KEY: 'sy-secret', SUFFIX: 'large' },
    );
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.value, { server: { masterKey: 'sy-secret' }, models: [{ name: 'x-large' }], port: 3000 });
  });

  it('uses the default of ${VAR:-default} when the variable is unset or empty', () => {
    const result = interpolate({ a: '${A:-one}', b: '${B:-two}', c: '${C:-}', d: '${D:-three}' }, { B: '', D: 'set' });
    assert.deepEqual(result.value, { a: 'one', b: 'two', c: '', d: 'set' });
    assert.deepEqual(result.problems, []);
  });

  it('reports an unset variable without default with its path', () => {
    const result = interpolate({ providers: { openai: { apiKey: '${OPENAI_API_KEY}' } }, models: [{ name: '${NAME}' }] }, {});
    assert.deepEqual(result.problems, [
      'providers.openai.apiKey: environment variable OPENAI_API_KEY is not set (use ${OPENAI_API_KEY:-default} to give a default)',
      'models[0].name: environment variable NAME is not set (use ${NAME:-default} to give a default)',
    ]);
  });

  it('keeps an empty variable without default as the empty string', () => {
    assert.deepEqual(interpolate({ a: '${A}' }, { A: '' }).value, { a: '' });
  });

  it('treats $${ as a literal ${', () => {
    const result = interpolate({ a: 'cost: $${PRICE}' }, {});
    assert.deepEqual(result.value, { a: 'cost: ${PRICE}' });
    assert.deepEqual(result.problems, []);
  });

  it('reports malformed references', () => {
    const result = interpolate({ a: '${not valid}' }, {});
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0], /^a: "\$\{not valid\}" is not a valid variable reference/);
  });

  it('never reinterprets a variable value as structure', () => {
    const result = interpolate({ a: '${V}' }, { V: '{ b: 1 }\nc: ${D}' });
    assert.deepEqual(result.value, { a: '{ b: 1 }\nc: ${D}' });
  });
});
