/** docs/governance.md prints the permission matrix exactly as src/governance/roles.ts defines it. */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DATA_KEY_PERMISSIONS, PERMISSIONS, ROLES, ROLE_PERMISSIONS } from '../../src/governance/roles.js';

test('the documented permission matrix is the enforced one', () => {
  const doc = readFileSync(new URL('../../../../docs/governance.md', import.meta.url), 'utf8');
  const table = /<!-- permission-matrix:start -->\n([\s\S]*?)\n<!-- permission-matrix:end -->/.exec(doc)?.[1];
  assert.ok(table, 'docs/governance.md has the permission matrix markers');
  const expected = [
    `| Permission | ${ROLES.join(' | ')} | data-plane key |`,
    `|---|${ROLES.map(() => ':-:').join('|')}|:-:|`,
    ...PERMISSIONS.map(
      (permission) =>
        `| \`${permission}\` | ${ROLES.map((role) => (ROLE_PERMISSIONS[role].includes(permission) ? '✓' : '')).join(' | ')} | ${DATA_KEY_PERMISSIONS.includes(permission) ? '✓' : ''} |`,
    ),
  ].join('\n');
  assert.equal(table, expected);
});
