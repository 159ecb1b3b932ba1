#!/usr/bin/env node
// Keeps the habits that review would otherwise have to: layer directions (DESIGN.md "who may
// import whom"), no `any` or @ts-ignore in runtime code, no console.log in src/, source files
// under 600 lines. Prints every violation and exits 1 when there is one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'gateway', 'src');

/** Top-level area → areas it may import. `app` is the assembly module; nothing but the CLI imports it. */
const ALLOWED = {
  core: ['core'],
  providers: ['core', 'providers'],
  routing: ['core', 'routing'],
  accounting: ['core', 'accounting'],
  // Observers of the data plane: they read its event and snapshot types, never the store.
  telemetry: ['core', 'telemetry', 'pipeline', 'routing'],
  pipeline: ['core', 'pipeline', 'routing', 'accounting'],
  server: ['core', 'server', 'pipeline', 'routing', 'accounting', 'providers'],
  store: ['core', 'store', 'pipeline'],
  governance: ['core', 'governance', 'store', 'pipeline', 'config'],
  // The management API is control plane: it may use the store and governance services; the data
  // plane routes beside it in server/ may not.
  'server/management': ['core', 'server', 'server/management', 'pipeline', 'routing', 'accounting', 'governance', 'store', 'config', 'telemetry'],
  config: ['core', 'config', 'providers', 'routing'],
  cli: ['core', 'cli', 'config', 'store', 'app', 'telemetry', 'governance'],
  app: ['core', 'config', 'pipeline', 'routing', 'accounting', 'providers', 'server', 'server/management', 'store', 'telemetry', 'governance'],
};
/** Single files an area may import beyond ALLOWED: roles.ts imports nothing (the store narrows stored roles with it). */
const ALLOWED_FILES = {
  store: ['governance/roles.ts'],
  // The OpenAPI document names the roles that hold each management route's permission.
  server: ['governance/roles.ts'],
  // The live feed names the permission each channel needs.
  telemetry: ['governance/roles.ts'],
};
const MAX_LINES = 600;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function areaOf(file) {
  const [first, second] = relative(root, file).split('/');
  if (first === 'server' && second === 'management') return 'server/management';
  return first.endsWith('.ts') ? first.replace(/\.ts$/, '') : first;
}

const problems = [];
for (const file of walk(root)) {
  const rel = relative(root, file);
  const isTest = rel.endsWith('.test.ts');
  const text = readFileSync(file, 'utf8');
  const area = areaOf(file);
  const lines = text.split('\n');
  if (!isTest && lines.length > MAX_LINES) problems.push(`${rel}: ${lines.length} lines (limit ${MAX_LINES}); split it`);
  lines.forEach((line, index) => {
    const where = `${rel}:${index + 1}`;
    if (!isTest && /console\.(log|debug|info)\(/.test(line)) problems.push(`${where}: console output in src/ (use the logger or cli/output)`);
    if (!isTest && /(:\s*any\b|\bas any\b|<any>|any\[\])/.test(line) && !line.trim().startsWith('*') && !line.trim().startsWith('//')) {
      problems.push(`${where}: \`any\` in runtime code`);
    }
    if (/@ts-ignore|@ts-nocheck/.test(line)) problems.push(`${where}: @ts-ignore`);
  });
  if (isTest) continue;
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    const target = resolve(dirname(file), match[1]);
    if (!target.startsWith(root)) continue;
    const targetArea = areaOf(target.replace(/\.js$/, '.ts'));
    const allowed = ALLOWED[area];
    if (!allowed) {
      problems.push(`${rel}: area "${area}" has no layer rule in scripts/check-code.mjs`);
      break;
    }
    const allowedFile = (ALLOWED_FILES[area] ?? []).includes(relative(root, target.replace(/\.js$/, '.ts')));
    if (!allowed.includes(targetArea) && !allowedFile) problems.push(`${rel}: ${area}/ may not import ${targetArea}/ (${match[1]})`);
    if (area === 'providers' && targetArea === 'providers') {
      const from = relative(join(root, 'providers'), file).split('/');
      const to = relative(join(root, 'providers'), target).split('/');
      if (from.length > 1 && to.length > 1 && from[0] !== to[0] && to[0] !== 'shared') {
        problems.push(`${rel}: provider ${from[0]} may not import provider ${to[0]} (${match[1]})`);
      }
    }
  }
}

if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n${problems.length} code check problem(s)\n`);
  process.exit(1);
}
process.stdout.write('code checks: layers, any, console, file size — OK\n');
