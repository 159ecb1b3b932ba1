import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { countTokens as referenceCount, encode as referenceEncode } from 'gpt-tokenizer';
import { createRandom as seeded } from '../providers/simulator/prng.js';
import { countO200kTokens, encodeO200k } from './o200k-tokenizer.js';

// gpt-tokenizer (o200k_base by default) is the oracle. Its default encode and countTokens refuse
// special-token markup; with no disallowed specials it encodes such text as ordinary text, which is
// what we count, so that is what we compare against.
// One known divergence, where gpt-tokenizer is the one that is wrong: it looks merged bytes up by
// decoding them with a TextDecoder that drops a leading byte-order mark, so the nine o200k tokens
// that begin with U+FEFF can never be produced. tiktoken looks bytes up directly, as we do; the BOM
// test below pins those cases and the oracle comparisons leave U+FEFF out.
const ordinary = { disallowedSpecial: new Set<string>() };
const reference = (text: string): number[] => referenceEncode(text, ordinary);

function assertSame(text: string, label = JSON.stringify(text.slice(0, 60))): void {
  assert.ok(!text.includes('\ufeff'), `${label}: U+FEFF is outside the oracle comparison`);
  const expected = reference(text);
  assert.deepEqual(encodeO200k(text), expected, `ids for ${label}`);
  assert.equal(countO200kTokens(text), expected.length, `count for ${label}`);
}

const PROSE = [
  'The quick brown fox jumps over the lazy dog.',
  "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness; it was the epoch of belief, it was the epoch of incredulity.",
  'Mr. O\'Brien said: "Don\'t panic!" — and then, after a pause… he left (again).',
  "I'LL go; He'S here; they'Re late; we'VE won; I'M fine; you'D know; it'S; DON'T; Can'T; SHE'll; o'rEILLY; I'Ll",
  "rock'n'roll 'tis ''quoted'' 's 'S 'll 'LL 'Re 're 'Ve 'vE 'M 'd 'D' x'y",
];

const CODE = [
  `export async function fetchUser(id: string): Promise<User | null> {\n  const res = await fetch(\`/api/users/\${id}\`);\n  if (!res.ok) return null;\n  return (await res.json()) as User;\n}\n`,
  `def fib(n: int) -> int:\n    """Return the n-th Fibonacci number."""\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\nif __name__ == "__main__":\n\tprint(fib(30))\n`,
  JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], temperature: 0.7, tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }] }, null, 2),
  'for (let i = 0; i < n; i++) { sum += arr[i] ** 2; } // O(n)\r\n#include <stdio.h>\r\nint main(){return 0;}',
  '<div class="card"><a href="https://example.com/a?b=c&d=e#f">link</a></div>\n<!-- comment -->',
  'SELECT id, name FROM users WHERE created_at >= \'2024-01-01\' ORDER BY id DESC LIMIT 10;',
];

const NUMBERS = [
  ...Array.from({ length: 40 }, (_, i) => '1234567890'.repeat(5).slice(0, i + 1)),
  '3.14159265358979', '-42', '+7', '1,000,000', '1e-10', '0x1F', '2024-06-30T12:34:56Z', '١٢٣٤٥', '१२३', '½ ¼ ² ③ Ⅻ', '12abc34def5678',
];

const WHITESPACE = [
  '  leading', 'trailing   ', 'a  b   c    d', '\ttab\t\tindent', 'line1\nline2\n\nline4\n', 'crlf\r\nline\r\n\r\n', 'lone\rcr',
  '   \n   \n', ' \t \n \r\n ', 'x \n y', 'end with newline\n', '\n\n\n\n', '    ', '\u00a0nbsp\u00a0', 'ideographic\u3000space', 'a\u2028b\u2029c',
  'nel\u0085x', 'zwsp\u200bx', 'mixed \t\n\t \r\n  x', 'a\n /\n//\n',
];

const PUNCTUATION = [
  '!!!???...', '-----', '=====', '////', '...\n/', '***bold***', '~~~', '?!?!', '(((nested)))', '{[()]}<>', '@#$%^&*', '..\r\n\r\n', ' ...\n\n/',
  '"\'`', '—–-', '«»„“”', '¡¿', '…', '、。，！？', '→ ← ∀ ∃ ∧ ∨',
];

const URLS = [
  'https://www.example.com/path/to/page.html?query=value&other=1#anchor',
  'http://localhost:8080/api/v1/chat/completions',
  'ftp://user:pass@host.example.org/file.tar.gz and mailto:someone@example.com',
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
];

const SCRIPTS = [
  '我爱自然语言处理。今天天气很好，我们去公园散步吧！',
  '日本語のテキストです。ひらがな、カタカナ、漢字が混ざっています。東京タワー',
  '안녕하세요, 세상! 오늘 기분이 어때요? 한국어 문장입니다.',
  'مرحبا بالعالم! كيف حالك اليوم؟ هذه جملة عربية.',
  'नमस्ते दुनिया! आप कैसे हैं? यह एक हिंदी वाक्य है।',
  'สวัสดีชาวโลก! วันนี้คุณเป็นอย่างไรบ้าง',
  'Привет, мир! Как дела? Съешь же ещё этих мягких французских булок.',
  'Γειά σου Κόσμε! שלום עולם! Բարեւ աշխարհ! გამარჯობა! ሰላም ልዑል',
  'Ǆemal ǅemal ǆemal ᾈᾉ ᾀ Ⅰⅰ ꙋ ǈ ǋ',
];

const EMOJI = [
  '👨‍👩‍👧‍👦 family', '🏳️‍🌈 flag', '🇺🇸🇬🇧🇯🇵🇩🇪', '👍🏽👍🏿', '1️⃣ #️⃣', '😀😃😄😁😆', '🧑🏻‍💻 coding', 'text🙂text', '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
];

const MARKS = [
  'e\u0301 a\u0308 n\u0303', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇', '\u0301\u0301\u0301', ' \u0301x', 'क्षत्रिय', 'ÀÉÎÕÜ àéîõü',
];

const LONE_SURROGATES = [
  '\ud800', 'a\udc00b', '\udbff\udbff', ' \ud83d', 'end\ud83d', '\ude00start', 'x \ud800 y', '\ud83d\ud83d\ude00', "it\ud800's", '1\ud8002', '\ud800\n',
];

const SPECIAL_MARKUP = ['<|endoftext|>', 'a <|endoftext|> b', '<|im_start|>user\nhi<|im_end|>', '<|fim_prefix|><|fim_middle|><|fim_suffix|><|endofprompt|>'];

const LONG = [
  'supercalifragilisticexpialidocious'.repeat(200),
  'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(50),
  ...['a', ' ', '\n', '.', '1', 'é', '中', 'A', '\u0301', '-', '=', '\t', '😀'].map((char) => char.repeat(5000)),
  `${'ab'.repeat(2500)} ${'xyz'.repeat(1000)}`,
  Array.from({ length: 3000 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join(''),
];

test('matches gpt-tokenizer on prose, code, numbers, whitespace, punctuation and URLs', () => {
  for (const text of [...PROSE, ...CODE, ...NUMBERS, ...WHITESPACE, ...PUNCTUATION, ...URLS]) assertSame(text);
});

test('matches gpt-tokenizer on other scripts, emoji, combining marks and lone surrogates', () => {
  for (const text of [...SCRIPTS, ...EMOJI, ...MARKS, ...LONE_SURROGATES]) assertSame(text);
});

test('matches gpt-tokenizer on very long words and 5,000-character runs', () => {
  for (const text of LONG) assertSame(text, `${JSON.stringify(text.slice(0, 12))}… (${text.length})`);
});

test('counts special-token markup as ordinary text, where gpt-tokenizer countTokens refuses it', () => {
  for (const text of SPECIAL_MARKUP) {
    assert.throws(() => referenceCount(text), /Disallowed special token/);
    assertSame(text);
  }
  assert.equal(countO200kTokens(''), 0);
  assert.deepEqual(encodeO200k(''), []);
});

test('tokens that begin with a byte-order mark are found, as in tiktoken (gpt-tokenizer never finds them)', () => {
  // Ids from OpenAI's rank file: 5574 is EF BB BF, 61992 is EF BB BF 0A, 135153 is two BOMs,
  // 9251 is BOM + "using", 71280 is a space + BOM.
  const cases: [string, number[]][] = [
    ['\ufeff', [5574]],
    ['\ufeff\n', [61992]],
    ['\ufeff\ufeff', [135153]],
    ['\ufeffusing System;', [9251, 1219, 26]],
    [' \ufeff', [71280]],
    ['x\ufeff', [87, 5574]],
  ];
  for (const [text, ids] of cases) {
    assert.deepEqual(encodeO200k(text), ids, JSON.stringify(text));
    assert.equal(countO200kTokens(text), ids.length, JSON.stringify(text));
  }
  assert.notDeepEqual(reference('\ufeffusing System;'), [9251, 1219, 26], 'gpt-tokenizer has fixed its BOM lookups; compare U+FEFF against it again');
});

const FRAGMENTS = [
  'the', 'The', 'THE', ' and', 'ing', 'tion', 'x', 'Q', "'s", "'S", "'ll", "'LL", "'re", "'Ve", "'d", "'M", "'t", "'", '"',
  '0', '7', '42', '123', '2024', '3.5', ' ', '  ', '\t', '\n', '\r\n', '\r', '\n\n', ' \n', '.', ',', '!', '?', '...', '/', '//', '-', '_',
  '(', ')', '{', '}', '[', ']', '<', '>', '=', '==', '=>', '+', '*', '#', '@', '$', '%', '&', '|', '\\', '`', '~', '^', ';', ':',
  '中', '文', '日本', 'カタ', 'ひら', '한국', '어', 'مر', 'حبا', 'नम', 'स्ते', 'สวั', 'สดี', 'При', 'вет', 'Ω', 'ß', 'ǅ', 'é', 'Ä',
  '\u0301', '\u0308', '😀', '👍🏽', '🇺🇸', '👨‍👩‍👧', '\u200d', '\ufe0f', '\u00a0', '\u3000', '\ud800', '\udc00', '\ud83d', '١٢', '½', 'Ⅻ',
];

test('matches gpt-tokenizer on thousands of seeded pseudo-random mixed-script strings', () => {
  const random = seeded(0x5eed);
  for (let n = 0; n < 3000; n++) {
    let text = '';
    const pieces = 1 + Math.floor(random() * 30);
    for (let i = 0; i < pieces; i++) {
      const roll = random();
      if (roll < 0.8) text += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
      else if (roll < 0.9) text += String.fromCharCode(32 + Math.floor(random() * 95));
      else text += String.fromCodePoint(Math.floor(random() * 0x2ffff)).replace('\ufeff', '\ufffe');
    }
    assertSame(text, `seeded string #${n} ${JSON.stringify(text)}`);
  }
});

test('the heap merge for long pieces gives the same ids as the rescanning merge', () => {
  const random = seeded(7);
  const texts = [...PROSE, ...CODE, ...SCRIPTS, ...EMOJI, ...MARKS, ...LONE_SURROGATES, ...URLS, ...LONG.slice(0, 4)];
  for (let n = 0; n < 500; n++) {
    let text = '';
    for (let i = 0; i < 20; i++) text += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
    texts.push(text);
  }
  for (const text of texts) assert.deepEqual(encodeO200k(text, 2), reference(text), JSON.stringify(text.slice(0, 60)));
});

test("gpt-tokenizer's o200k_base test plans", () => {
  const require = createRequire(import.meta.url);
  const plans = readFileSync(require.resolve('gpt-tokenizer/data/TestPlans.txt'), 'utf8');
  let checked = 0;
  for (const block of plans.split(/\n\s*\n/)) {
    const lines = block.split('\n');
    if (lines[0] !== 'EncodingName: o200k_base') continue;
    const sample = lines.find((line) => line.startsWith('Sample: '));
    const encoded = lines.find((line) => line.startsWith('Encoded: '));
    assert.ok(sample !== undefined && encoded !== undefined, block);
    const text = sample.slice('Sample: '.length);
    const expected = JSON.parse(encoded.slice('Encoded: '.length)) as number[];
    assert.deepEqual(encodeO200k(text), expected, text);
    assert.equal(countO200kTokens(text), expected.length, text);
    checked++;
  }
  assert.ok(checked >= 50, `only ${checked} o200k_base samples found`);
});

test('a piece longer than 32k characters is counted in windows: within a token per window of the exact count', () => {
  for (const piece of ['ACGT'.repeat(30_000), '😀'.repeat(40_000), 'é'.repeat(70_000)]) {
    const exact = encodeO200k(piece).length;
    const windows = Math.ceil(piece.length / (32 * 1024));
    const counted = countO200kTokens(piece);
    assert.ok(Math.abs(counted - exact) <= windows, `${piece.slice(0, 4)}…: ${counted} vs exact ${exact}`);
  }
});
