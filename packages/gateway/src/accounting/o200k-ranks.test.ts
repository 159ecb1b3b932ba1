import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { NO_RANK, o200kRanks, parseRankFile } from './o200k-ranks.js';

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

test('the rank file parser decodes base64 lines and refuses malformed ones', () => {
  const { tokenBytes, offsets } = parseRankFile(bytesOf('IQ== 0\nIiM= 1\n\naGVsbG8= 2\nd29ybGQh 3'));
  assert.equal(new TextDecoder().decode(tokenBytes), '!"#helloworld!');
  assert.deepEqual([...offsets], [0, 1, 3, 8, 14]);
  assert.throws(() => parseRankFile(bytesOf('IQ== 0\nIg== 2\n')), /rank 2/);
  assert.throws(() => parseRankFile(bytesOf('I*== 0\n')), /bad base64/);
  assert.throws(() => parseRankFile(bytesOf('IQ==\n')), /malformed/);
  assert.throws(() => parseRankFile(bytesOf('IQ==')), /malformed/);
});

test('every token in the o200k_base file is found at its own rank, and other byte strings are not', () => {
  const file = readFileSync(createRequire(import.meta.url).resolve('gpt-tokenizer/data/o200k_base.tiktoken'));
  const { tokenBytes, offsets } = parseRankFile(file);
  const ranks = o200kRanks();
  assert.equal(ranks.size, 199_998);
  for (let rank = 0; rank < ranks.size; rank++) {
    const start = offsets[rank];
    const end = offsets[rank + 1];
    if (ranks.rankOf(tokenBytes, start, end) !== rank) assert.fail(`rank ${rank} not found`);
    if (ranks.tokenLength(rank) !== end - start) assert.fail(`rank ${rank} has the wrong length`);
  }
  for (let byte = 0; byte < 256; byte++) assert.notEqual(ranks.rankOf(Uint8Array.of(byte), 0, 1), NO_RANK, `byte ${byte}`);
  const hello = bytesOf('xx hello yy');
  assert.equal(ranks.rankOf(hello, 2, 8), 40617, '" hello"');
  assert.equal(ranks.rankOf(bytesOf('<|endoftext|>'), 0, 13), NO_RANK);
  assert.equal(ranks.rankOf(new Uint8Array(300), 0, 300), NO_RANK, 'longer than any token');
  assert.equal(ranks.rankOf(Uint8Array.of(0xff, 0xfe, 0xfd), 0, 3), NO_RANK);
});
