#!/usr/bin/env node
/**
 * Scenario: one deployment degrades mid-run (`npm run bench -- --scenario degradation`, or
 * `node bench/degradation.mjs`; needs `npm run build` first). One gateway, one model group per
 * strategy, each group three deployments on named upstreams of the bench's mock (all answer after
 * --base-ms). Per strategy, an open loop of --rate chats/s for two phases of --phase seconds; at
 * the start of the second, the third deployment's upstream becomes slow (--slow-ms) and fails a
 * share of its calls (--error-rate). Reported per phase: the share of answers (and of upstream
 * attempts) the degraded deployment got, errors, and the client p50 / p99 latency. round-robin is
 * the baseline: it cannot react. Everything on 127.0.0.1, every loop bounded; the load driver runs
 * in this process. Prints a Markdown table and saves the raw JSON under bench/results/.
 *
 * Flags: --smoke (3 s phases)  --phase N (seconds, default 8)  --rate N (default 200)
 *        --strategies round-robin,response-time,adaptive  --base-ms N (20)  --slow-ms N (300)
 *        --error-rate R (0.25)  --keep (keep the temp directory and its logs)
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberOption, readArgs } from './lib/args.mjs';
import { runDegradationLoad } from './lib/degradation-driver.mjs';
import { degradationTable, phaseFigures } from './lib/degradation-report.mjs';
import { buildInfo, gatewayEnv, gatewayPaths } from './lib/gateway.mjs';
import { freePort, runAsMain, startChild, stopChild, waitUntilServing } from './lib/processes.mjs';
import { machineInfo } from './lib/report.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH_DIR);
const STRATEGIES = ['round-robin', 'response-time', 'adaptive'];
const log = (message) => process.stderr.write(`bench: ${message}\n`);

/** Provider ids of a strategy's three deployments; the last one is the one that degrades. */
const providersOf = (strategy) => ['a', 'b', 'c'].map((letter) => `${strategy}-${letter}`);

function writeConfig({ file, port, mockUrl, strategies }) {
  const providers = strategies.flatMap(providersOf).map((id) => `  ${id}: { type: openai, baseUrl: ${mockUrl}/u/${id}/v1, apiKey: none }`);
  const groups = strategies.map((strategy) => {
    const deployments = providersOf(strategy).map((id) => `      - { provider: ${id}, model: mock-model, price: { inputPerMTok: 1, outputPerMTok: 2 } }`);
    return `  - name: degrade-${strategy}\n    strategy: ${strategy}\n    deployments:\n${deployments.join('\n')}`;
  });
  fs.writeFileSync(file, `# Written by bench/degradation.mjs for one run.
server: { host: 127.0.0.1, port: ${port}, masterKey: "\${SWITCHYARD_MASTER_KEY}" }
providers:
${providers.join('\n')}
models:
${groups.join('\n')}
logging: { level: warn }
`);
}

async function setUpstream(mockUrl, name, { delayMs, errorRate }) {
  const response = await fetch(`${mockUrl}/control/${name}?delay_ms=${delayMs}&error_rate=${errorRate}`, { method: 'POST', signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`mock control ${name}: ${response.status}`);
  await response.arrayBuffer();
}

async function upstreamCounts(mockUrl) {
  const response = await fetch(`${mockUrl}/control`, { signal: AbortSignal.timeout(5_000) });
  const all = await response.json();
  return Object.fromEntries(Object.entries(all).map(([name, entry]) => [name, entry.requests]));
}

const delta = (later, earlier, names) => Object.fromEntries(names.map((name) => [name, (later[name] ?? 0) - (earlier[name] ?? 0)]));

async function runStrategy({ strategy, url, auth, mockUrl, settings }) {
  const providers = providersOf(strategy);
  const degraded = providers[2];
  for (const name of providers) await setUpstream(mockUrl, name, { delayMs: settings.baseMs, errorRate: 0 });
  const model = `degrade-${strategy}`;
  log(`[${strategy}] warm-up 2 s`);
  await runDegradationLoad({ url, auth, model, rate: settings.rate, durationMs: 2_000, degradeAtMs: Infinity, onDegrade: async () => {} });
  log(`[${strategy}] ${settings.phaseS} s healthy, then ${degraded} +${settings.slowMs} ms and ${settings.errorRate * 100} % errors for ${settings.phaseS} s, at ${settings.rate} req/s`);
  const counts = { start: await upstreamCounts(mockUrl), degraded: null };
  const { samples, degradedAtMs } = await runDegradationLoad({
    url,
    auth,
    model,
    rate: settings.rate,
    durationMs: settings.phaseS * 2_000,
    degradeAtMs: settings.phaseS * 1_000,
    onDegrade: async () => {
      counts.degraded = await upstreamCounts(mockUrl);
      await setUpstream(mockUrl, degraded, { delayMs: settings.slowMs, errorRate: settings.errorRate });
    },
  });
  const end = await upstreamCounts(mockUrl);
  await setUpstream(mockUrl, degraded, { delayMs: settings.baseMs, errorRate: 0 });
  const attempts = { before: delta(counts.degraded ?? end, counts.start, providers), after: delta(end, counts.degraded ?? end, providers) };
  const phases = phaseFigures({ samples, degradedAtMs, endMs: settings.phaseS * 2_000, degraded, providers, attempts });
  return { degraded, providers, attempts, phases };
}

async function main() {
  const args = readArgs({
    smoke: 'boolean', phase: 'string', rate: 'string', strategies: 'string', 'base-ms': 'string', 'slow-ms': 'string', 'error-rate': 'string', keep: 'boolean', scenario: 'string',
  });
  const { cli, packageDir, built } = gatewayPaths(ROOT);
  if (!built) throw new Error(`${path.relative(ROOT, cli)} not found. Build the gateway first: npm run build`);
  const settings = {
    phaseS: args.smoke ? 3 : numberOption(args.phase, 8),
    rate: numberOption(args.rate, 200),
    baseMs: numberOption(args['base-ms'], 20),
    slowMs: numberOption(args['slow-ms'], 300),
    errorRate: Math.min(1, numberOption(args['error-rate'], 0.25)),
  };
  const strategies = (args.strategies ?? STRATEGIES.join(',')).split(',').map((name) => name.trim());
  for (const name of strategies) if (!/^[a-z-]+$/.test(name)) throw new Error(`bad strategy id "${name}"`);
  const build = buildInfo({ root: ROOT, packageDir, cli });
  if (build.distStale) log('packages/gateway/src is newer than dist: the figures will be for the last build (run npm run build)');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-degradation-'));
  try {
    const mockPort = await freePort();
    const mockUrl = `http://127.0.0.1:${mockPort}`;
    const mock = startChild({ name: 'mock-upstream', command: process.execPath, args: [path.join(BENCH_DIR, 'mock-upstream.mjs'), '--port', String(mockPort)], logFile: path.join(tmp, 'mock.log') });
    await waitUntilServing({ url: `${mockUrl}/health`, entry: mock });

    const port = await freePort();
    const configFile = path.join(tmp, 'switchyard.yaml');
    const env = gatewayEnv({ databaseFile: path.join(tmp, 'bench.db') });
    writeConfig({ file: configFile, port, mockUrl, strategies });
    const gateway = startChild({ name: 'gateway', command: process.execPath, args: [cli, 'start', '--config', configFile, '--port', String(port)], env, logFile: path.join(tmp, 'gateway.log') });
    const url = `http://127.0.0.1:${port}`;
    await waitUntilServing({ url: `${url}/health`, entry: gateway, timeoutMs: 60_000 });

    const date = new Date().toISOString();
    const results = { meta: { date, scenario: 'degradation', machine: machineInfo(), gateway: build, settings, driver: 'open loop in the bench process (undici Pool)' }, strategies: {} };
    for (const strategy of strategies) {
      results.strategies[strategy] = await runStrategy({ strategy, url: `${url}/v1/chat/completions`, auth: `Bearer ${env.SWITCHYARD_MASTER_KEY}`, mockUrl, settings });
    }
    await stopChild(gateway, 30_000);
    await stopChild(mock, 5_000);

    const table = degradationTable(results);
    const resultsDir = path.join(BENCH_DIR, 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    const resultPath = path.join(resultsDir, `${date.replace(/[:.]/g, '-')}-degradation${args.smoke ? '-smoke' : ''}.json`);
    fs.writeFileSync(resultPath, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${table}\n\nRaw results: ${path.relative(ROOT, resultPath)}`);
  } finally {
    if (args.keep) console.log(`Kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export async function runDegradationScenario() {
  await main();
}

runAsMain(import.meta.url, 'bench', main);
