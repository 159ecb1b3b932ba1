/** Tiny `--name value` / `--flag` parser for the bench scripts (node:util parseArgs, all strings). */

import fs from 'node:fs';
import { parseArgs } from 'node:util';

/**
 * Parses argv against `spec` ({ name: 'string' | 'boolean' }); unknown options are errors. With
 * --help it prints the running script's header comment (each script documents its usage there)
 * and exits.
 */
export function readArgs(spec, argv = process.argv.slice(2)) {
  if (argv.includes('--help') && !('help' in spec)) {
    process.stdout.write(scriptHeader(process.argv[1]));
    process.exit(0);
  }
  const options = Object.fromEntries(Object.entries(spec).map(([name, type]) => [name, { type }]));
  return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
}

/** The first block comment of a script, without its comment markers. */
export function scriptHeader(file) {
  const source = fs.readFileSync(file, 'utf8');
  const match = /\/\*\*([\s\S]*?)\*\//.exec(source);
  if (!match) return `${file}: no usage documented\n`;
  return `${match[1].split('\n').map((line) => line.replace(/^\s*\* ?/, '')).join('\n').trim()}\n`;
}

/** A positive number from an option or an environment variable, else the fallback. */
export function numberOption(value, fallback) {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new Error(`expected a non-negative number, got "${value}"`);
  return number;
}
