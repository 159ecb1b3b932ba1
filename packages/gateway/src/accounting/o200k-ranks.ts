/**
 * The o200k_base rank table (byte sequence → BPE rank) in a few MiB: every token's bytes in one
 * buffer, their offsets by rank, and an open-addressing hash table from bytes to rank. The data is
 * OpenAI's published rank file, which gpt-tokenizer ships; we read the file, not gpt-tokenizer's
 * code, because its JS form costs about 50 MiB of resident memory once loaded.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Rank of a byte slice, or NO_RANK when the slice is not a token. */
export const NO_RANK = -1;

export interface O200kRanks {
  /** Number of ordinary (non-special) tokens. */
  readonly size: number;
  /** Rank of `bytes[start, end)`, or NO_RANK. */
  rankOf(bytes: Uint8Array, start: number, end: number): number;
  /** Length in bytes of the token with this rank. */
  tokenLength(rank: number): number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const BASE64_PAD = 0x3d;

class RankTable implements O200kRanks {
  readonly size: number;
  private readonly tokenBytes: Uint8Array;
  /** Token `r` is tokenBytes[offsets[r], offsets[r + 1]). */
  private readonly offsets: Uint32Array;
  /** Hash slot → rank, NO_RANK when empty. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Longest token, in bytes: longer slices are refused without hashing them. */
  private readonly longest: number;

  /** The parser hashes each token as it decodes it, so the bytes are not read twice. */
  constructor({ tokenBytes, offsets, hashes }: ParsedRanks) {
    this.tokenBytes = tokenBytes;
    this.offsets = offsets;
    this.size = offsets.length - 1;
    let longest = 0;
    for (let rank = 0; rank < this.size; rank++) longest = Math.max(longest, offsets[rank + 1] - offsets[rank]);
    this.longest = longest;
    // At most half full, so linear probes stay short (a missed lookup, the common case while
    // merging, walks to the next empty slot).
    let capacity = 1;
    while (capacity < this.size * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity).fill(NO_RANK);
    for (let rank = 0; rank < this.size; rank++) {
      let slot = hashes[rank] & this.mask;
      while (this.slots[slot] !== NO_RANK) slot = (slot + 1) & this.mask;
      this.slots[slot] = rank;
    }
  }

  rankOf(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (length > this.longest) return NO_RANK;
    const tokenBytes = this.tokenBytes;
    const offsets = this.offsets;
    const slots = this.slots;
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], FNV_PRIME);
    let slot = finishHash(hash) & this.mask;
    for (;;) {
      const rank = slots[slot];
      if (rank === NO_RANK) return NO_RANK;
      const tokenStart = offsets[rank];
      if (offsets[rank + 1] - tokenStart === length) {
        let i = 0;
        while (i < length && tokenBytes[tokenStart + i] === bytes[start + i]) i++;
        if (i === length) return rank;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  tokenLength(rank: number): number {
    return this.offsets[rank + 1] - this.offsets[rank];
  }
}

/**
 * Last step of the byte hash, after FNV-1a over the bytes (done inline by the callers): FNV's low
 * bits alone spread poorly over a power-of-two table.
 */
function finishHash(fnv: number): number {
  let hash = fnv ^ (fnv >>> 15);
  hash = Math.imul(hash, 0x2c1b3c6d);
  return (hash ^ (hash >>> 13)) >>> 0;
}

/** Base64 character → value; '=' counts as 0 (the padding is told apart by the character itself). */
const BASE64_VALUES = (() => {
  const values = new Int8Array(256).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) values[alphabet.charCodeAt(i)] = i;
  values[BASE64_PAD] = 0;
  return values;
})();

export interface ParsedRanks {
  /** Every token's bytes, in rank order. */
  tokenBytes: Uint8Array;
  /** Token `r` is tokenBytes[offsets[r], offsets[r + 1]). */
  offsets: Uint32Array;
  hashes: Uint32Array;
}

/**
 * Parses `base64(tokenBytes) rank` lines in one pass, overwriting `file`. The base64 is decoded in
 * place into the front of the file's own buffer (the output never overtakes the input, four
 * characters giving at most three bytes), so no per-token string or array is made; the decoded
 * prefix is then copied out so the file buffer can be freed.
 */
export function parseRankFile(file: Uint8Array): ParsedRanks {
  const end = file.length;
  // Grown if short; OpenAI's files average about 18 bytes a line.
  let offsets: Uint32Array = new Uint32Array(Math.max(16, end >> 4));
  let hashes: Uint32Array = new Uint32Array(offsets.length);
  let read = 0;
  let write = 0;
  let rank = 0;
  while (read < end) {
    if (file[read] === NEWLINE) {
      read++;
      continue;
    }
    if (rank + 1 >= offsets.length) {
      offsets = grow(offsets);
      hashes = grow(hashes);
    }
    offsets[rank] = write;
    let hash = FNV_OFFSET;
    do {
      if (read + 4 > end) throw new Error(`o200k rank file: malformed line ${rank + 1}`);
      const c2 = file[read + 2];
      const c3 = file[read + 3];
      const v0 = BASE64_VALUES[file[read]];
      const v1 = BASE64_VALUES[file[read + 1]];
      const v2 = BASE64_VALUES[c2];
      const v3 = BASE64_VALUES[c3];
      if ((v0 | v1 | v2 | v3) < 0) throw new Error(`o200k rank file: bad base64 in line ${rank + 1}`);
      read += 4;
      // All four characters are read, so writing up to three bytes cannot clobber unread input.
      const quad = (v0 << 18) | (v1 << 12) | (v2 << 6) | v3;
      let byte = quad >>> 16;
      file[write++] = byte;
      hash = Math.imul(hash ^ byte, FNV_PRIME);
      if (c2 !== BASE64_PAD) {
        byte = (quad >>> 8) & 0xff;
        file[write++] = byte;
        hash = Math.imul(hash ^ byte, FNV_PRIME);
      }
      if (c3 !== BASE64_PAD) {
        byte = quad & 0xff;
        file[write++] = byte;
        hash = Math.imul(hash ^ byte, FNV_PRIME);
      }
    } while (read < end && file[read] !== SPACE);
    if (read >= end) throw new Error(`o200k rank file: malformed line ${rank + 1}`);
    hashes[rank] = finishHash(hash);
    read++;
    let stated = 0;
    while (read < end && file[read] !== NEWLINE) stated = stated * 10 + (file[read++] - 0x30);
    // Offsets by rank assume the file lists ranks 0, 1, 2, … in order, as OpenAI's files do.
    if (stated !== rank) throw new Error(`o200k rank file: line ${rank + 1} has rank ${stated}`);
    rank++;
  }
  offsets[rank] = write;
  return { tokenBytes: new Uint8Array(file.subarray(0, write)), offsets: offsets.slice(0, rank + 1), hashes: hashes.subarray(0, rank) };
}

function grow(array: Uint32Array): Uint32Array {
  const grown = new Uint32Array(array.length * 2);
  grown.set(array);
  return grown;
}

let table: RankTable | null = null;

/** The table, read on first use: synchronously, because accounting is. */
export function o200kRanks(): O200kRanks {
  if (table === null) {
    const path = createRequire(import.meta.url).resolve('gpt-tokenizer/data/o200k_base.tiktoken');
    table = new RankTable(parseRankFile(readFileSync(path)));
  }
  return table;
}

/** Whether the table has been read yet (it is only read by the first exact estimate). */
export function ranksLoaded(): boolean {
  return table !== null;
}
