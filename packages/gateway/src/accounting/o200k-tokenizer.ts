/**
 * o200k_base token counts (GPT-4o and later) with our own byte-pair encoder over the compact rank
 * table in o200k-ranks.ts, in place of gpt-tokenizer's 50 MiB one. The ids are gpt-tokenizer's for
 * the text taken as ordinary text (special-token markup such as `<|endoftext|>` is counted as the
 * characters it is, never refused), except where it cannot produce the tokens that begin with a
 * byte-order mark and we, like tiktoken, do.
 */

import { NO_RANK, o200kRanks, type O200kRanks } from './o200k-ranks.js';

/**
 * OpenAI's o200k_base pre-tokenisation pattern. Node 20 has no inline `(?i:…)`, so the optional
 * contraction suffix is spelled out case by case; its alternatives share no prefix, so their order
 * does not matter.
 */
const CONTRACTION = String.raw`(?:'(?:[sS]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD]))?`;
const SPLIT_PATTERN = new RegExp(
  [
    String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+${CONTRACTION}`,
    String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*${CONTRACTION}`,
    String.raw`\p{N}{1,3}`,
    String.raw` ?[^\s\p{L}\p{N}]+[\r\n/]*`,
    String.raw`\s*[\r\n]+`,
    String.raw`\s+(?!\S)`,
    String.raw`\s+`,
  ].join('|'),
  'gu',
);

/**
 * Pieces shorter than this many bytes merge by rescanning their pairs (quadratic, but fastest for
 * the short pieces that are nearly all of them); longer ones use a heap, so one huge run of a
 * character cannot stall accounting.
 */
const HEAP_MERGE_FROM = 128;
/** Scratch buffers above this size are used once and dropped rather than kept for later pieces. */
const SCRATCH_KEEP_LIMIT = 64 * 1024;
/** Merge results for repeated pieces; cleared when full so it stays small. */
const PIECE_CACHE_LIMIT = 4096;
const PIECE_CACHE_MAX_LENGTH = 64;
const NOT_MERGEABLE = 0x7fffffff;
/** Heap keys are rank × 2³² + start: the lowest rank first, then the leftmost pair, as in tiktoken. */
const KEY_SHIFT = 4294967296;

let scratch = new Uint8Array(256);
/** The buffer the last piece was encoded into: the scratch buffer, or a one-off for a huge piece. */
let lastEncoded: Uint8Array = scratch;
/** For the rescanning merge: part starts and the rank of each part with its right neighbour. */
const starts = new Int32Array(HEAP_MERGE_FROM + 1);
const pairRanks = new Int32Array(HEAP_MERGE_FROM + 1);
const pieceCache = new Map<string, number>();

/**
 * Writes the UTF-8 of `piece` into `lastEncoded` and returns its length. Lone surrogates become
 * U+FFFD, as TextEncoder (and so gpt-tokenizer) makes them.
 */
function encodeUtf8(piece: string): number {
  const bound = piece.length * 3;
  if (bound > scratch.length) {
    // A huge piece gets a buffer of its exact size, used once, rather than one kept for good.
    if (bound > SCRATCH_KEEP_LIMIT) return encodeUtf8Into(piece, new Uint8Array(Buffer.byteLength(piece, 'utf8')));
    scratch = new Uint8Array(Math.min(SCRATCH_KEEP_LIMIT, Math.max(bound, scratch.length * 2)));
  }
  return encodeUtf8Into(piece, scratch);
}

function encodeUtf8Into(piece: string, out: Uint8Array): number {
  lastEncoded = out;
  let length = 0;
  for (let i = 0; i < piece.length; i++) {
    let code = piece.charCodeAt(i);
    if (code < 0x80) {
      out[length++] = code;
      continue;
    }
    if (code < 0x800) {
      out[length++] = 0xc0 | (code >> 6);
      out[length++] = 0x80 | (code & 0x3f);
      continue;
    }
    if ((code & 0xf800) === 0xd800) {
      const low = i + 1 < piece.length ? piece.charCodeAt(i + 1) : 0;
      if (code < 0xdc00 && (low & 0xfc00) === 0xdc00) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
        out[length++] = 0xf0 | (code >> 18);
        out[length++] = 0x80 | ((code >> 12) & 0x3f);
        out[length++] = 0x80 | ((code >> 6) & 0x3f);
        out[length++] = 0x80 | (code & 0x3f);
        continue;
      }
      code = 0xfffd;
    }
    out[length++] = 0xe0 | (code >> 12);
    out[length++] = 0x80 | ((code >> 6) & 0x3f);
    out[length++] = 0x80 | (code & 0x3f);
  }
  return length;
}

/**
 * Byte-pair merge of bytes[0, length) by rescanning: repeatedly join the adjacent pair whose bytes
 * form the lowest-ranked token. Leaves the part starts in `starts` and returns the part count.
 */
function mergeByScan(ranks: O200kRanks, bytes: Uint8Array, length: number): number {
  let parts = length;
  for (let i = 0; i <= length; i++) starts[i] = i;
  for (let i = 0; i < parts - 1; i++) pairRanks[i] = rankOrUnmergeable(ranks, bytes, i, i + 2);
  pairRanks[parts - 1] = NOT_MERGEABLE;
  for (;;) {
    let lowest = NOT_MERGEABLE;
    let at = -1;
    for (let i = 0; i < parts - 1; i++) {
      if (pairRanks[i] < lowest) {
        lowest = pairRanks[i];
        at = i;
      }
    }
    if (at < 0) return parts;
    starts.copyWithin(at + 1, at + 2, parts + 1);
    pairRanks.copyWithin(at, at + 1, parts);
    parts--;
    pairRanks[at] = at + 1 < parts ? rankOrUnmergeable(ranks, bytes, starts[at], starts[at + 2]) : NOT_MERGEABLE;
    if (at > 0) pairRanks[at - 1] = rankOrUnmergeable(ranks, bytes, starts[at - 1], starts[at + 1]);
  }
}

function rankOrUnmergeable(ranks: O200kRanks, bytes: Uint8Array, start: number, end: number): number {
  const rank = ranks.rankOf(bytes, start, end);
  return rank === NO_RANK ? NOT_MERGEABLE : rank;
}

/**
 * The same merge for long pieces, in time and memory near linear in the piece: candidate pairs wait
 * in a binary heap, so each merge costs a logarithm rather than a rescan, and the parts are kept as
 * their lengths at their first and last byte (a part is a token, at most 128 bytes in o200k, so a
 * byte holds it): two bytes of bookkeeping per input byte. A heap entry goes stale when its pair changes; as parts
 * only ever join, the pair at that start still spanning the entry's token length means it is the
 * same pair. Returns the part starts in order, then `length`.
 */
function mergeByHeap(ranks: O200kRanks, bytes: Uint8Array, length: number): Int32Array {
  /** At a part's first byte its length, 0 inside parts. */
  const lengthFrom = new Uint8Array(length).fill(1);
  /** At a part's last byte its length; stale inside parts, where it is never read. */
  const lengthTo = new Uint8Array(length).fill(1);
  let heap = new Float64Array(Math.max(16, length));
  let heapSize = 0;

  const push = (rank: number, start: number): void => {
    if (heapSize === heap.length) {
      const grown = new Float64Array(heap.length * 2);
      grown.set(heap);
      heap = grown;
    }
    let i = heapSize++;
    const key = rank * KEY_SHIFT + start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent] <= key) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = key;
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap[--heapSize];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heapSize) break;
      if (child + 1 < heapSize && heap[child + 1] < heap[child]) child++;
      if (heap[child] >= last) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = last;
    return top;
  };

  for (let i = 0; i + 1 < length; i++) {
    const rank = ranks.rankOf(bytes, i, i + 2);
    if (rank !== NO_RANK) push(rank, i);
  }
  let parts = length;
  while (heapSize > 0) {
    const key = pop();
    const rank = Math.floor(key / KEY_SHIFT);
    const start = key - rank * KEY_SHIFT;
    const firstLength = lengthFrom[start];
    if (firstLength === 0 || start + firstLength >= length) continue;
    const joined = firstLength + lengthFrom[start + firstLength];
    if (joined !== ranks.tokenLength(rank)) continue;
    lengthFrom[start + firstLength] = 0;
    lengthFrom[start] = joined;
    lengthTo[start + joined - 1] = joined;
    parts--;
    const after = start + joined;
    if (after < length) {
      const right = ranks.rankOf(bytes, start, after + lengthFrom[after]);
      if (right !== NO_RANK) push(right, start);
    }
    if (start > 0) {
      const before = start - lengthTo[start - 1];
      const left = ranks.rankOf(bytes, before, after);
      if (left !== NO_RANK) push(left, before);
    }
  }
  const result = new Int32Array(parts + 1);
  for (let at = 0, i = 0; at < length; at += lengthFrom[at]) result[i++] = at;
  result[parts] = length;
  return result;
}

/**
 * A piece longer than this (a run of letters with no space: a DNA sequence, a pasted blob) is
 * counted window by window. The merge of one huge piece needs about 11 bytes of scratch memory per
 * byte (4 MB of one letter: some 50 MiB at once); windows bound that to well under a MiB, at the
 * price of perhaps a token per window on such text, where an estimate is all anyone can want.
 */
const EXACT_PIECE_CHARS = 32 * 1024;

/** Tokens in one pre-tokenised piece. */
function pieceTokenCount(ranks: O200kRanks, piece: string): number {
  if (piece.length > EXACT_PIECE_CHARS) return windowedTokenCount(ranks, piece);
  const length = encodeUtf8(piece);
  if (length === 1) return 1;
  const bytes = lastEncoded;
  if (ranks.rankOf(bytes, 0, length) !== NO_RANK) return 1;
  const cacheable = piece.length <= PIECE_CACHE_MAX_LENGTH;
  if (cacheable) {
    const cached = pieceCache.get(piece);
    if (cached !== undefined) return cached;
  }
  const count = length < HEAP_MERGE_FROM ? mergeByScan(ranks, bytes, length) : mergeByHeap(ranks, bytes, length).length - 1;
  if (cacheable) {
    if (pieceCache.size >= PIECE_CACHE_LIMIT) pieceCache.clear();
    pieceCache.set(piece, count);
  }
  return count;
}

function windowedTokenCount(ranks: O200kRanks, piece: string): number {
  let total = 0;
  for (let from = 0; from < piece.length; ) {
    let to = Math.min(piece.length, from + EXACT_PIECE_CHARS);
    // Never between the two halves of a surrogate pair.
    if (to < piece.length && (piece.charCodeAt(to) & 0xfc00) === 0xdc00) to -= 1;
    total += pieceTokenCount(ranks, piece.slice(from, to));
    from = to;
  }
  return total;
}

/** Number of o200k_base tokens in `text`, special-token markup counted as ordinary text. */
export function countO200kTokens(text: string): number {
  if (text.length === 0) return 0;
  const ranks = o200kRanks();
  const split = SPLIT_PATTERN;
  split.lastIndex = 0;
  let total = 0;
  for (let match = split.exec(text); match !== null; match = split.exec(text)) total += pieceTokenCount(ranks, match[0]);
  return total;
}

/**
 * The token ids themselves, for tests against a reference encoder. `heapMergeFrom` lets a test
 * send short pieces through the heap merge too.
 */
export function encodeO200k(text: string, heapMergeFrom = HEAP_MERGE_FROM): number[] {
  const ranks = o200kRanks();
  const tokens: number[] = [];
  const split = SPLIT_PATTERN;
  split.lastIndex = 0;
  for (let match = split.exec(text); match !== null; match = split.exec(text)) {
    const length = encodeUtf8(match[0]);
    const bytes = lastEncoded;
    const whole = ranks.rankOf(bytes, 0, length);
    if (whole !== NO_RANK) {
      tokens.push(whole);
      continue;
    }
    let bounds: Int32Array;
    if (length < Math.min(heapMergeFrom, HEAP_MERGE_FROM)) bounds = starts.subarray(0, mergeByScan(ranks, bytes, length) + 1);
    else bounds = mergeByHeap(ranks, bytes, length);
    for (let i = 0; i + 1 < bounds.length; i++) tokens.push(ranks.rankOf(bytes, bounds[i], bounds[i + 1]));
  }
  return tokens;
}
