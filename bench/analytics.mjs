#!/usr/bin/env node
/**
 * Scenario: analytics queries over a large usage log (`node bench/analytics.mjs`, or
 * `npm run bench -- --scenario analytics`; needs `npm run build` first). Creates a temporary SQLite
 * database with the gateway's migrations, seeds --rows usage rows (default one million, spread over
 * 30 days, the same rows as test/analytics/large-log-seed.ts) with one INSERT … SELECT over a
 * recursive CTE, starts the built gateway on it in this process, and times GET
 * /api/ai/analytics/{usage,performance,costs} over the last 24 hours (by hour) and the 30 days (by
 * day), without and with groupBy=model: one warm-up call, then --runs calls, median reported. The
 * times are whole HTTP answers (query, percentiles, JSON) on 127.0.0.1. Prints a Markdown table;
 * --write-docs puts it into docs/performance.md under "Analytics queries".
 *
 * Flags: --rows N (default 1000000)  --runs N (default 5)  --write-docs  --keep (keep the database)
 */

import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { numberOption, readArgs } from './lib/args.mjs';
import { buildInfo, gatewayPaths } from './lib/gateway.mjs';
import { largeLogSeedSql } from '../packages/gateway/test/analytics/large-log-seed-sql.mjs';
import { runAsMain } from './lib/processes.mjs';
import { machineInfo } from './lib/report.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH_DIR);
const DOCS_FILE = path.join(ROOT, 'docs', 'performance.md');
const START_MARKER = '<!-- bench:analytics:start -->';
const END_MARKER = '<!-- bench:analytics:end -->';
const MASTER_KEY = 'sy-bench-analytics-master-key';
const DAY = 86_400_000;
const log = (message) => process.stderr.write(`bench: ${message}\n`);

/** The seeded rows end here (the test uses the same instant), so "the last 24 hours" is fixed. */
const END_MS = Date.parse('2025-04-01T00:00:00Z');
const SPAN_MS = 30 * DAY;

const CASES = [];
for (const endpoint of ['usage', 'performance', 'costs']) {
  for (const [range, fromMs, granularity] of [['24 h', END_MS - DAY, 'hour'], ['30 d', END_MS - SPAN_MS, 'day']]) {
    for (const groupBy of [null, 'model']) CASES.push({ endpoint, range, fromMs, granularity, groupBy });
  }
}

const median = (values) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)];
const fixed = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

async function timeCall(url, expectedRequests) {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${MASTER_KEY}` } });
  const body = await response.json();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  if (body.totals.requests !== expectedRequests) throw new Error(`${url}: ${body.totals.requests} requests, expected ${expectedRequests}`);
  return elapsed;
}

/** Rows created in [fromMs, END_MS) by the seed's formula. */
function rowsInRange(rows, fromMs) {
  let count = 0;
  for (let n = 0; n < rows; n += 1) if (END_MS - SPAN_MS + Math.floor((n * SPAN_MS) / rows) >= fromMs) count += 1;
  return count;
}

async function main() {
  const args = readArgs({ rows: 'string', runs: 'string', 'write-docs': 'boolean', keep: 'boolean', scenario: 'string' });
  const rows = Math.floor(numberOption(args.rows, 1_000_000));
  const runs = Math.max(1, Math.floor(numberOption(args.runs, 5)));
  const { cli, packageDir, built } = gatewayPaths(ROOT);
  if (!built) throw new Error(`${path.relative(ROOT, cli)} not found. Build the gateway first: npm run build`);
  const build = buildInfo({ root: ROOT, packageDir, cli });
  if (build.distStale) log('packages/gateway/src is newer than dist: the figures will be for the last build (run npm run build)');
  const dist = (file) => import(pathToFileURL(path.join(packageDir, 'dist', file)).href);
  const [{ createGateway }, { loadConfig }, { createLogger }, { openDatabase, migrateToLatest }] = await Promise.all([
    dist('app.js'), dist('config/index.js'), dist('telemetry/logger.js'), dist('store/index.js'),
  ]);
  const SqliteDatabase = createRequire(path.join(packageDir, 'package.json'))('better-sqlite3');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-analytics-'));
  const databaseFile = path.join(tmp, 'switchyard.db');
  let gateway = null;
  try {
    const database = await openDatabase(`sqlite:${databaseFile}`);
    await migrateToLatest(database);
    await database.close();
    log(`seeding ${rows} usage rows into ${databaseFile}`);
    const seedStarted = performance.now();
    const sqlite = new SqliteDatabase(databaseFile);
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec(largeLogSeedSql({ rows, endMs: END_MS, spanMs: SPAN_MS }));
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.close();
    const seedS = (performance.now() - seedStarted) / 1000;
    log(`seeded in ${seedS.toFixed(1)} s (${(fs.statSync(databaseFile).size / 2 ** 20).toFixed(0)} MiB)`);

    const configFile = path.join(tmp, 'switchyard.yaml');
    fs.writeFileSync(configFile, 'server: { port: 0, host: 127.0.0.1 }\nlogging: { level: warn }\n');
    const env = { PATH: process.env.PATH, SWITCHYARD_MASTER_KEY: MASTER_KEY, DATABASE_URL: `sqlite:${databaseFile}` };
    gateway = await createGateway(loadConfig({ file: configFile, env, overrides: { port: 0 } }), { logger: createLogger({ level: 'warn' }) });
    const url = await gateway.listen();

    const results = [];
    let first = null;
    for (const entry of CASES) {
      const query = new URLSearchParams({ from: String(entry.fromMs), to: String(END_MS), granularity: entry.granularity, ...(entry.groupBy ? { groupBy: entry.groupBy } : {}) });
      const target = `${url}/api/ai/analytics/${entry.endpoint}?${query}`;
      const expected = rowsInRange(rows, entry.fromMs);
      const warmUp = await timeCall(target, expected);
      first ??= { ...entry, ms: warmUp };
      const times = [];
      for (let run = 0; run < runs; run += 1) times.push(await timeCall(target, expected));
      results.push({ ...entry, rowsInRange: expected, median: median(times), min: Math.min(...times), max: Math.max(...times) });
      log(`${entry.endpoint} ${entry.range} ${entry.groupBy ?? '-'}: median ${fixed(median(times))} ms`);
    }

    const machine = machineInfo();
    const table = [
      '| Endpoint | Range (granularity) | groupBy | Rows in range | Median (ms) | Min – max (ms) |',
      '|---|---|---|---:|---:|---:|',
      ...results.map((result) =>
        `| ${result.endpoint} | ${result.range} (${result.granularity}) | ${result.groupBy ?? '—'} | ${result.rowsInRange.toLocaleString('en-US')} | ${fixed(result.median)} | ${fixed(result.min)} – ${fixed(result.max)} |`),
    ].join('\n');
    const section = [
      `Run on ${new Date().toISOString().slice(0, 10)} — ${machine.nproc} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.kernel}, Node ${machine.node}; ` +
        `gateway at commit ${build.commit ?? 'unknown'}${build.sourcesDirty ? ' with local changes' : ''}. ` +
        `${rows.toLocaleString('en-US')} usage rows over 30 days in SQLite (seeded in ${seedS.toFixed(1)} s); median of ${runs} calls after one warm-up, ` +
        `whole HTTP answers on 127.0.0.1 (the first call after start took ${fixed(first.ms)} ms: ${first.endpoint}, ${first.range}).`,
      '',
      table,
    ].join('\n');
    process.stdout.write(`${section}\n`);
    if (args['write-docs']) {
      writeSection(section);
      log(`wrote the table into ${path.relative(ROOT, DOCS_FILE)}`);
    }
  } finally {
    await gateway?.shutdown();
    if (args.keep) log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Replaces the text between the analytics markers, or adds the heading and markers at the end. */
function writeSection(section) {
  const block = `${START_MARKER}\n${section}\n${END_MARKER}`;
  const text = fs.readFileSync(DOCS_FILE, 'utf8');
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER);
  const next = start !== -1 && end > start ? `${text.slice(0, start)}${block}${text.slice(end + END_MARKER.length)}` : `${text.trimEnd()}\n\n## Analytics queries\n\n${block}\n`;
  fs.writeFileSync(DOCS_FILE, next);
}

export async function runAnalyticsScenario() {
  await main();
}

runAsMain(import.meta.url, 'bench', main);
