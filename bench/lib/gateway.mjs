/**
 * The gateway under test, set up the way an operator would: a YAML config with two deployments of
 * one model group (both on the mock, so routing has two to choose from), usage logging on (the
 * default), logging at warn, its own temporary SQLite database, and a virtual key made with
 * `switchyard keys create --json`. After the run, usage rows are counted with better-sqlite3 from
 * the gateway's own dependencies (the sqlite3 CLI may be absent), and its warnings are tallied.
 */

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runToEnd } from './processes.mjs';

export const MODEL_GROUP = 'bench-model';

/** Paths of the built gateway; `built` is false until `npm run build` has been run. */
export function gatewayPaths(root) {
  const packageDir = path.join(root, 'packages', 'gateway');
  const cli = path.join(packageDir, 'dist', 'cli', 'main.js');
  return { packageDir, cli, built: fs.existsSync(cli) };
}

/** Newest modification time (ms) of the files under `dir`, recursively. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * What is being measured: the commit (read-only git), whether the gateway's sources differ from it,
 * and whether dist/ is older than the sources (then the figures are for older code).
 */
export function buildInfo({ root, packageDir, cli }) {
  const git = (...args) => {
    const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
    return result.status === 0 ? result.stdout.trim() : null;
  };
  const builtAt = fs.statSync(cli).mtimeMs;
  return {
    commit: git('rev-parse', '--short', 'HEAD'),
    sourcesDirty: (git('status', '--porcelain', '--', path.join(packageDir, 'src')) ?? '') !== '',
    distBuiltAt: new Date(builtAt).toISOString(),
    distStale: newestMtime(path.join(packageDir, 'src')) > builtAt,
  };
}

/**
 * A clean environment: no provider keys or base URLs from the caller's shell, so that the only
 * providers are the two in the bench config.
 */
export function gatewayEnv({ databaseFile }) {
  const keep = ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR'];
  const env = Object.fromEntries(keep.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]]));
  return {
    ...env,
    NODE_ENV: 'production',
    SWITCHYARD_MASTER_KEY: `sy-master-bench-${randomBytes(12).toString('hex')}`,
    DATABASE_URL: `sqlite:${databaseFile}`,
  };
}

export function writeGatewayConfig({ file, port, mockUrl }) {
  const yaml = `# Written by bench/run.mjs for one benchmark run.
server: { host: 127.0.0.1, port: ${port}, masterKey: "\${SWITCHYARD_MASTER_KEY}" }
providers:
  mock-a: { type: openai, baseUrl: ${mockUrl}/v1, apiKey: none }
  mock-b: { type: openai, baseUrl: ${mockUrl}/v1, apiKey: none }
models:
  - name: ${MODEL_GROUP}
    deployments:
      - { provider: mock-a, model: mock-model, price: { inputPerMTok: 1, outputPerMTok: 2 } }
      - { provider: mock-b, model: mock-model, price: { inputPerMTok: 1, outputPerMTok: 2 } }
routing: { strategy: round-robin }
logging: { level: warn }
# The bench key has the default tier (standard, 100 requests per 15 minutes). Keep its rate-limit
# check on the request path, but with room for a whole run, so that the run measures the gateway.
governance: { tiers: { standard: { models: all, limits: [{ requests: 100000000, per: 15m }] } } }
`;
  fs.writeFileSync(file, yaml);
}

/** Creates the bench's virtual key with the CLI; returns the secret. */
export async function createVirtualKey({ cli, configFile, env }) {
  const stdout = await runToEnd({
    command: process.execPath,
    args: [cli, 'keys', 'create', '--name', 'bench', '--json', '--config', configFile],
    env,
    timeoutMs: 60_000,
  });
  const line = stdout.trim().split('\n').pop();
  const { key } = JSON.parse(line);
  if (typeof key !== 'string') throw new Error(`keys create printed no key: ${stdout}`);
  return key;
}

/** Rows in the usage table: in total, by outcome/status/stream and by deployment. */
export function countUsageRows({ packageDir, databaseFile }) {
  const require = createRequire(path.join(packageDir, 'package.json'));
  const Database = require('better-sqlite3');
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const total = db.prepare('select count(*) as count from usage').get().count;
    const byOutcome = db
      .prepare('select outcome, status, stream, count(*) as count from usage group by outcome, status, stream order by count desc')
      .all();
    const estimated = db.prepare('select count(*) as count from usage where tokens_estimated = 1').get().count;
    const byDeployment = Object.fromEntries(
      db.prepare('select deployment_id as id, count(*) as count from usage group by deployment_id').all().map((row) => [row.id, row.count]),
    );
    const duplicates = db.prepare('select count(*) - count(distinct request_id) as count from usage').get().count;
    return { total, byOutcome, byDeployment, estimated, duplicates };
  } finally {
    db.close();
  }
}

/** Warnings and errors the gateway logged (pino JSON, level >= 40). */
export function gatewayWarnings(logFile) {
  const lines = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n') : [];
  const messages = new Map();
  let count = 0;
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line);
      if (entry.level >= 40) {
        count += 1;
        messages.set(entry.msg, (messages.get(entry.msg) ?? 0) + 1);
      }
    } catch {
      // not a log line
    }
  }
  return { count, messages: Object.fromEntries(messages) };
}
