import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkConfig } from './loader.js';

test('unknown routing strategies are reported, globally and per group, with a suggestion', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sy-strategy-')), 'c.yaml');
  writeFileSync(file, 'providers:\n  openai: { type: openai, apiKey: x }\nrouting: { strategy: wieghted }\nmodels:\n  - name: a\n    strategy: fastest\n    deployments: [{ provider: openai, model: gpt-4o }]\n');
  const result = checkConfig({ file, env: {} });
  assert.deepEqual(result.problems, [
    'routing.strategy: unknown routing strategy "wieghted" (did you mean "weighted"?)',
    'models[0].strategy: unknown routing strategy "fastest" (known strategies: round-robin, weighted, least-connections, response-time, intelligent, adaptive)',
  ]);
});
