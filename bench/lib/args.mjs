/** Tiny `--name value` / `--flag` parser for the bench scripts (node:util parseArgs, all strings). */

import { parseArgs } from 'node:util';

/** Parses argv against `spec` ({ name: 'string' | 'boolean' }); unknown options are errors. */
export function readArgs(spec, argv = process.argv.slice(2)) {
  const options = Object.fromEntries(Object.entries(spec).map(([name, type]) => [name, { type }]));
  return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
}

/** A positive number from an option or an environment variable, else the fallback. */
export function numberOption(value, fallback) {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new Error(`expected a non-negative number, got "${value}"`);
  return number;
}
