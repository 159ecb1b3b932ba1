import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseByteSize } from './byte-size.js';
import { protectReferences } from './protect-references.js';
import { parseYaml } from './read-file.js';

describe('parseYaml', () => {
  it('reports syntax errors with line and column, without the code excerpt', () => {
    const { problems } = parseYaml('models:\n  - name: a\n    deployments: [ { provider: x }\n');
    assert.equal(problems.length > 0, true);
    for (const problem of problems) assert.match(problem, /^line \d+, column \d+: YAML syntax error: [^\n]+$/);
  });

  it('reads an empty file as no settings', () => {
    assert.deepEqual(parseYaml(''), { value: {}, problems: [] });
    assert.deepEqual(parseYaml('# only a comment\n'), { value: {}, problems: [] });
  });

  it('keeps ${VAR} references inside flow mappings for interpolation', () => {
    const { value, problems } = parseYaml('server: { port: ${PORT:-3000}, masterKey: ${KEY} }\nlist: [${A}, "x-${B}"]\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(value, { server: { port: '${PORT:-3000}', masterKey: '${KEY}' }, list: ['${A}', 'x-${B}'] });
  });

  it('supports merge keys for shared settings', () => {
    const { value } = parseYaml('base: &base { weight: 2 }\nitem: { <<: *base, model: m }\n');
    assert.deepEqual(value, { base: { weight: 2 }, item: { weight: 2, model: 'm' } });
  });
});

describe('protectReferences', () => {
  it('swaps references for placeholders and back, even when the text contains the placeholder word', () => {
    const source = 'a: ${X} sy_env_ref_0_';
    const protectedText = protectReferences(source);
    assert.ok(!protectedText.text.includes('${'));
    assert.equal(protectedText.restore(protectedText.text), source);
  });
});

describe('parseByteSize', () => {
  it('reads sizes with units and plain byte counts', () => {
    assert.equal(parseByteSize('4mb'), 4 * 1024 * 1024);
    assert.equal(parseByteSize('512KB'), 512 * 1024);
    assert.equal(parseByteSize('1.5 gb'), 1.5 * 1024 ** 3);
    assert.equal(parseByteSize('100'), 100);
    assert.equal(parseByteSize(2048), 2048);
    assert.equal(parseByteSize('lots'), undefined);
    assert.equal(parseByteSize(0), undefined);
    assert.equal(parseByteSize('0mb'), undefined);
  });
});
