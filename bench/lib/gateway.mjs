/**
 * The gateway under test, set up the way an operator would, with its whole policy stack on: a YAML
 * config with two deployments of one model group (both on the mock, so routing has two to choose
 * from), a virtual key made with `switchyard keys create --json`, a request and a token rate limit
 * on that key (its tier's), a budget on that key, usage logging (the default), Prometheus metrics
 * (the default; scraped once per phase), the live feed (the default), logging at warn, and its own
 * temporary SQLite database. After the run, usage rows are counted with better-sqlite3 from the
 * gateway's own dependencies (the sqlite3 CLI may be absent), and its warnings are tallied.
 */

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runToEnd } from './processes.mjs';

export const MODEL_GROUP = 'bench-model';

/**
 * Paths of the built gateway; `built` is false until `npm run build` has been run. `distDir` (a
 * directory directly under packages/gateway, like dist/) measures another build, e.g. one made with
 * `node scripts/build.mjs --outdir dist-before` to compare two versions.
 */
export function gatewayPaths(root, distDir = 'dist') {
  const packageDir = path.join(root, 'packages', 'gateway');
  const cli = path.join(packageDir, distDir, 'cli', 'main.js');
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
    ...RECOMMENDED_ENV,
    SWITCHYARD_MASTER_KEY: `sy-master-bench-${randomBytes(12).toString('hex')}`,
    DATABASE_URL: `sqlite:${databaseFile}`,
  };
}

/**
 * Node flags the gateway runs with: the ones docs/performance.md recommends (and `npm start` uses),
 * or those given with --gateway-node-flags ("" for none). `start` applies its other V8 settings
 * itself (packages/gateway/src/cli/v8-tuning.ts).
 */
export const RECOMMENDED_NODE_FLAGS = ['--max-semi-space-size=6'];

/**
 * The environment docs/performance.md recommends (and `npm start` sets unless the shell has its
 * own): two glibc malloc arenas instead of up to eight per core, about 10 MiB less resident memory
 * under load with no measurable CPU cost on this machine.
 */
export const RECOMMENDED_ENV = { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };

export function gatewayNodeFlags(given) {
  if (given === undefined) return RECOMMENDED_NODE_FLAGS;
  return given.split(/\s+/).filter((flag) => flag.length > 0);
}

/** A budget the bench can never exhaust (its worst-case reservations stay far below). */
const BUDGET_LIMIT_USD = 1_000_000;

/**
 * Writes the gateway's config. The budget names the key by id, so the file is written twice:
 * without it to create the key, then with `budgetKeyId` before the gateway starts.
 */
export function writeGatewayConfig({ file, port, mockUrl, budgetKeyId = null }) {
  const budgets = budgetKeyId
    ? `  budgets:\n    - { name: bench-key, scope: key, target: ${budgetKeyId}, limitUsd: ${BUDGET_LIMIT_USD}, period: monthly }\n`
    : '';
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
observability: { metrics: { enabled: true } }
# The bench key has the default tier (standard). Its limits (a request limit and a token limit, so
# that both the admission and the token settlement run) and its budget stay on the request path,
# with room for a whole run, so that the run measures the gateway rather than its refusals.
governance:
  tiers:
    standard:
      models: all
      limits:
        - { requests: 100000000, per: 15m }
        - { tokens: 100000000000, per: 15m }
${budgets}`;
  fs.writeFileSync(file, yaml);
}

/** Creates the bench's virtual key with the CLI; returns its id and secret. */
export async function createVirtualKey({ cli, configFile, env }) {
  const stdout = await runToEnd({
    command: process.execPath,
    args: [cli, 'keys', 'create', '--name', 'bench', '--json', '--config', configFile],
    env,
    timeoutMs: 60_000,
  });
  const line = stdout.trim().split('\n').pop();
  const { id, key } = JSON.parse(line);
  if (typeof key !== 'string' || typeof id !== 'string') throw new Error(`keys create printed no key: ${stdout}`);
  return { id, key };
}

/**
 * GET /metrics once (the gateway serves it by default): how long the scrape took, its size, and
 * the figures the run checks: finished requests by the metrics, and the usage writer's rows.
 */
export async function scrapeMetrics(baseUrl) {
  const startedAt = performance.now();
  const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  const ms = Math.round((performance.now() - startedAt) * 10) / 10;
  if (!response.ok) return { status: response.status, ms, error: text.slice(0, 200) };
  const sum = (name) => {
    let total = 0;
    for (const line of text.split('\n')) {
      if (line.startsWith(name) && (line[name.length] === ' ' || line[name.length] === '{')) total += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
    return total;
  };
  return {
    status: response.status,
    ms,
    bytes: text.length,
    requestsTotal: sum('switchyard_requests_total'),
    usageWritten: sum('switchyard_usage_writer_written_rows_total'),
    usageDropped: sum('switchyard_usage_writer_dropped_rows_total'),
    usageQueued: sum('switchyard_usage_writer_queue_length'),
  };
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
