/** docs/errors.md lists every error code, with the status the code really has, and nothing else. */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ERROR_CODES } from '../../src/core/index.js';
import { renderAnthropicError } from '../../src/server/anthropic/codec/index.js';
import { GatewayError } from '../../src/core/index.js';
import { openAIErrorCode } from '../../src/server/openai/codec/index.js';

const doc = readFileSync(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');
const rows = new Map<string, string[]>();
for (const line of doc.split('\n')) {
  const match = /^\| `(SY_ERR_[A-Z_]+)` \|(.*)\|$/.exec(line);
  if (match) rows.set(match[1], match[2].split('|').map((cell) => cell.trim()));
}

test('every error code is documented with its status, OpenAI code and Anthropic type', () => {
  for (const [code, { status }] of Object.entries(ERROR_CODES)) {
    const row = rows.get(code);
    assert.ok(row, `${code} is missing from docs/errors.md`);
    assert.equal(row[0], String(status), `${code}: documented status`);
    assert.equal(row[1], `\`${openAIErrorCode(code as keyof typeof ERROR_CODES)}\``, `${code}: documented OpenAI code`);
    const anthropic = renderAnthropicError(new GatewayError(code as keyof typeof ERROR_CODES, 'x'));
    assert.equal(row[2], `\`${anthropic.body.error.type}\``, `${code}: documented Anthropic type`);
  }
});

test('docs/errors.md lists no code that does not exist', () => {
  for (const code of rows.keys()) assert.ok(code in ERROR_CODES, `${code} is documented but not defined`);
});
