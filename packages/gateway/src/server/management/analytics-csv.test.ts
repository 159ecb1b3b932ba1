import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvField, toCsv } from './analytics-csv.js';

test('fields with a comma, quote, CR or LF are quoted, quotes doubled (RFC 4180)', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\rhere'), '"cr\rhere"');
  assert.equal(csvField(''), '');
});

test('numbers, booleans and empty values', () => {
  assert.equal(csvField(0), '0');
  assert.equal(csvField(0.000125), '0.000125');
  assert.equal(csvField(-3), '-3');
  assert.equal(csvField(Number.NaN), '');
  assert.equal(csvField(true), 'true');
  assert.equal(csvField(null), '');
  assert.equal(csvField(undefined), '');
});

test('text a spreadsheet would run as a formula gets a leading apostrophe', () => {
  assert.equal(csvField('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(csvField('+1'), "'+1");
  assert.equal(csvField('-x'), "'-x");
  assert.equal(csvField('@sum'), "'@sum");
  assert.equal(csvField('gpt-4o'), 'gpt-4o');
});

test('a header row, then the rows, each ended by CRLF', () => {
  assert.equal(toCsv(['start', 'group', 'requests'], [['2025-05-01T00:00:00.000Z', 'a,b', 3], ['2025-05-01T01:00:00.000Z', null, 0]]),
    'start,group,requests\r\n2025-05-01T00:00:00.000Z,"a,b",3\r\n2025-05-01T01:00:00.000Z,,0\r\n');
  assert.equal(toCsv(['only'], []), 'only\r\n');
});
