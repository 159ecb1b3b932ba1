#!/usr/bin/env node
/**
 * Builds the gateway for production: one bundle, dist/cli/main.js, with the code behind lazy
 * imports (Redis limits, OpenTelemetry export) in chunks beside it that load only when used.
 *
 * Why a bundle rather than tsc's file-per-module output: V8 keeps every module's source text in
 * the heap for as long as the process lives, and a per-file build loads the dependencies' sources
 * with their comments and whitespace (about 8 MB, some of it two-byte). The bundle is whitespace-
 * and syntax-minified, ASCII-only (so V8 stores it one byte per character), and cut the gateway's
 * median peak resident memory under load from about 160 to 150 MiB (docs/performance.md).
 * Identifiers are not renamed, so class names in logs and function names in stack traces stay
 * readable; a source map is written beside the bundle for `node --enable-source-maps` when line
 * numbers matter.
 *
 * Left outside the bundle: native addons (better-sqlite3, @node-rs/argon2) and the Postgres and
 * Redis clients, which are only imported when configured. Type checking is `npm run typecheck`.
 *
 * Usage: node scripts/build.mjs [--outdir dist] (another folder keeps an older build to compare
 * against, e.g. `--outdir dist-before`; bench/compare.mjs).
 */

import { chmodSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const PACKAGE_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const EXTERNAL = ['better-sqlite3', '@node-rs/argon2', 'pg', 'ioredis'];

/**
 * Dependencies written as CommonJS call `require`, which an ES module does not have; the banner
 * gives every output file one. Their few uses of __dirname are behind typeof checks or in code
 * paths the gateway does not take (pino's worker transports).
 */
const BANNER = 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);';

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' }, help: { type: 'boolean', default: false } } });
if (values.help) {
  process.stdout.write('Usage: node scripts/build.mjs [--outdir dist]\nBuilds dist/cli/main.js, the production bundle of the gateway.\n');
  process.exit(0);
}

const outRoot = path.resolve(PACKAGE_DIR, values.outdir);
rmSync(outRoot, { recursive: true, force: true });
const result = await build({
  entryPoints: [path.join(PACKAGE_DIR, 'src', 'cli', 'main.ts')],
  // dist/cli/ is two folders below the package root, like src/core/; core/package-files.ts
  // relies on that to find package.json and public/.
  outdir: path.join(outRoot, 'cli'),
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
  legalComments: 'none',
  sourcemap: 'linked',
  external: EXTERNAL,
  banner: { js: BANNER },
  logLevel: 'warning',
  metafile: true,
});
const main = path.join(outRoot, 'cli', 'main.js');
chmodSync(main, 0o755);
const scripts = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
const mebibytes = scripts.reduce((sum, [, output]) => sum + output.bytes, 0) / 1048576;
process.stdout.write(`built ${path.relative(process.cwd(), main)} (${mebibytes.toFixed(1)} MiB of JavaScript in ${scripts.length} files)\n`);
