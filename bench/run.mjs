#!/usr/bin/env node
/**
 * One benchmark run (`npm run bench`; needs `npm run build` first). Starts the mock upstream, then
 * measures three targets in turn against it: the mock directly, the bare Node proxy, and the
 * gateway with its policy stack on (two deployments of one model group on the mock, a virtual key
 * with a request and a token rate limit and a budget, usage logging, metrics scraped after every
 * phase, its own temporary SQLite database). Load generator and mock are pinned to CPU 0, the proxy
 * or gateway to CPU 1 (taskset, when it works). Per target: a warm-up, closed-loop max throughput
 * with the server's CPU time per request, open loop at 500 and 2000 req/s, streaming TTFB/total at
 * 100 streams/s, RSS idle/peak; for the gateway then the soak (200,000 requests at 2000 req/s,
 * RSS at its start and end). With both the bare proxy and the gateway among the targets, the bare
 * proxy stays up (idle) through the gateway's phases, and then streams go to each in 6 alternating
 * rounds of 5 s (lib/interleaved.mjs): a TTFB gap that the host's drift between the two targets'
 * phases does not move. Then the gateway is stopped with SIGTERM and its usage rows are counted
 * against the requests sent. Prints one Markdown table, saves the raw JSON under
 * bench/results/ and (full runs) writes the table into docs/performance.md.
 *
 * Before each target it waits (up to --quiet-wait s) for the machine to be idle, and it reports per
 * phase how much CPU none of its own processes used, so that a run disturbed by other work shows.
 *
 * Flags: --smoke (2 s phases, a 4,000-request soak, no docs update)  --duration N (seconds per phase, default 10)
 *        --targets direct,bare,gateway  --quiet-wait N (default 30, smoke 5)
 *        --soak N (requests, default 200000; 0 skips it)  --soak-rate R (req/s, default 2000)
 *        --soak-targets gateway (comma-separated; bare too for a baseline)
 *        --gateway-dist DIR (measure packages/gateway/DIR instead of dist/, e.g. an older build)
 *        --gateway-node-flags="FLAGS" (node flags for the gateway instead of the recommended ones; "" for none)
 *        --no-docs  --write-docs (also for --smoke)  --keep (keep the temp directory and its logs)
 *
 * Other scenarios: `--scenario degradation` runs bench/degradation.mjs instead (its own flags);
 * `--scenario analytics` runs bench/analytics.mjs (analytics queries over a million usage rows);
 * `--scenario profile` runs bench/profile.mjs (CPU profile and GC log of the gateway under load);
 * `--scenario compare --builds A,B` runs bench/compare.mjs (builds measured in interleaved rounds).
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberOption, readArgs, scriptHeader } from './lib/args.mjs';
import { wrkInstalled } from './lib/drivers.mjs';
import { buildInfo, countUsageRows, createVirtualKey, gatewayEnv, gatewayNodeFlags, gatewayPaths, gatewayWarnings, MODEL_GROUP, RECOMMENDED_ENV, scrapeMetrics, writeGatewayConfig } from './lib/gateway.mjs';
import { interleavedStreams } from './lib/interleaved.mjs';
import { measureTarget, RATES } from './lib/measure.mjs';
import { freePort, killAll, killChildrenOnExit, startChild, stopChild, tasksetWorks, waitUntilServing } from './lib/processes.mjs';
import { buildTable, latestSection, machineInfo, TARGETS, usageLine, writeLatestSection } from './lib/report.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH_DIR);
const CHAT_PATH = '/v1/chat/completions';
const MOCK = { chunks: 20, intervalMs: 5 };

/** The run's temporary directory (config, database, logs), named on failure. */
const scratch = { dir: null };

const log = (message) => process.stderr.write(`bench: ${message}\n`);

async function main() {
  const scenarioAt = process.argv.indexOf('--scenario');
  if (scenarioAt !== -1) {
    const scenario = process.argv[scenarioAt + 1];
    if (scenario === 'profile') {
      const { runProfile } = await import('./profile.mjs');
      await runProfile();
      return;
    }
    if (scenario === 'analytics') {
      const { runAnalyticsScenario } = await import('./analytics.mjs');
      await runAnalyticsScenario();
      return;
    }
    if (scenario === 'compare') {
      const { runCompareScenario } = await import('./compare.mjs');
      await runCompareScenario();
      return;
    }
    if (scenario !== 'degradation') throw new Error(`unknown scenario "${scenario}" (known: degradation, analytics, profile, compare)`);
    const { runDegradationScenario } = await import('./degradation.mjs');
    await runDegradationScenario();
    return;
  }
  const args = readArgs({
    smoke: 'boolean',
    duration: 'string',
    targets: 'string',
    'quiet-wait': 'string',
    'no-docs': 'boolean',
    'write-docs': 'boolean',
    keep: 'boolean',
    soak: 'string',
    'soak-rate': 'string',
    'soak-targets': 'string',
    'gateway-dist': 'string',
    'gateway-node-flags': 'string',
    help: 'boolean',
  });
  if (args.help) {
    process.stdout.write(scriptHeader(fileURLToPath(import.meta.url)));
    return;
  }
  const { cli, packageDir, built } = gatewayPaths(ROOT, args['gateway-dist']);
  if (!built) {
    console.error(`bench: ${path.relative(ROOT, cli)} not found. Build the gateway first: npm run build && npm run bench`);
    process.exitCode = 1;
    return;
  }
  const build = buildInfo({ root: ROOT, packageDir, cli });
  if (build.distStale) log('packages/gateway/src is newer than dist: the figures will be for the last build (run npm run build)');
  const smoke = args.smoke ?? false;
  const machine = machineInfo();
  const pin = machine.nproc >= 2 && tasksetWorks();
  const settings = {
    durationS: smoke ? 2 : numberOption(args.duration, 10),
    warmupS: smoke ? 1 : 2,
    phaseWarmupS: smoke ? 0.5 : 2,
    // The stream phase is the first to run the stream relay's code, after 300,000 JSON requests
    // whose type feedback it invalidates. V8 optimises a function called once per request after
    // about 2,000 calls, so at 100 streams/s its request path was still being re-optimised through
    // a 15 s phase; 20 s (2,000 streams) measures the steady state (docs/performance.md).
    streamWarmupS: smoke ? 0.5 : 20,
    // Paired stream rounds on the bare proxy and the gateway once both are warm (lib/interleaved.mjs).
    interleave: { rounds: smoke ? 2 : 6, durationS: smoke ? 1 : 5, warmupS: smoke ? 0.5 : 1 },
    pauseMs: smoke ? 300 : 1000,
    quietWaitS: numberOption(args['quiet-wait'], smoke ? 5 : 30),
    loadCpu: pin ? 0 : null,
    serverCpu: pin ? 1 : null,
    useWrk: wrkInstalled(),
    soak: {
      requests: Math.round(numberOption(args.soak, smoke ? 4_000 : 200_000)),
      rate: numberOption(args['soak-rate'], 2_000),
      targets: (args['soak-targets'] ?? 'gateway').split(',').map((name) => name.trim()),
    },
  };
  const targets = (args.targets ?? 'direct,bare,gateway').split(',').map((name) => name.trim());
  for (const name of targets) if (!TARGETS.some(([id]) => id === name)) throw new Error(`unknown target "${name}"`);
  if (!settings.useWrk) log('wrk not installed (apt-get install -y wrk); using the undici closed-loop driver for max throughput');
  // This process only samples /proc, but keep it off the server's CPU too.
  if (pin) spawnSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  if (!pin) log('taskset unavailable or fewer than 2 CPUs: processes are not pinned; figures are noisier');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-bench-'));
  scratch.dir = tmp;
  const date = new Date().toISOString();
  const results = {
    meta: {
      date,
      smoke,
      machine,
      gateway: build,
      driver: settings.useWrk ? 'wrk -t1 -c64' : 'undici closed loop, 64 connections',
      pinning: pin ? 'load generator and mock on CPU 0, server under test on CPU 1 (taskset)' : 'no CPU pinning',
      durationS: settings.durationS,
      warmupS: settings.warmupS,
      phaseWarmupS: settings.phaseWarmupS,
      streamWarmupS: settings.streamWarmupS,
      interleave: settings.interleave,
      mock: MOCK,
      rates: RATES,
      soak: settings.soak,
      gatewayDist: args['gateway-dist'] ?? 'dist',
      gatewayNodeFlags: gatewayNodeFlags(args['gateway-node-flags']),
      gatewayEnv: RECOMMENDED_ENV,
      resultFile: `${date.replace(/[:.]/g, '-')}${smoke ? '-smoke' : ''}.json`,
    },
    targets: {},
    interleaved: null,
    usage: null,
  };
  // The bare proxy stays up (idle) until the gateway's phases are done, for the interleaved rounds.
  let bareKept = null;
  const interleave = targets.includes('bare') && targets.includes('gateway');

  const mockPort = await freePort();
  const mockUrl = `http://127.0.0.1:${mockPort}`;
  const mock = startChild({
    name: 'mock-upstream',
    command: process.execPath,
    args: [path.join(BENCH_DIR, 'mock-upstream.mjs'), '--port', String(mockPort)],
    cpu: settings.loadCpu,
    env: { ...process.env, MOCK_CHUNKS: String(MOCK.chunks), MOCK_INTERVAL_MS: String(MOCK.intervalMs) },
    logFile: path.join(tmp, 'mock.log'),
  });
  await waitUntilServing({ url: `${mockUrl}/health`, entry: mock });

  for (const id of targets) {
    const counter = { sent: 0, answered: 0 };
    if (id === 'direct') {
      results.targets.direct = await measureTarget({ id, url: `${mockUrl}${CHAT_PATH}`, pid: mock.pid, settings, mockPid: mock.pid, counter });
    } else if (id === 'bare') {
      const port = await freePort();
      const bare = startChild({
        name: 'bare-proxy',
        command: process.execPath,
        args: [path.join(BENCH_DIR, 'bare-proxy.mjs'), '--port', String(port), '--upstream', mockUrl],
        cpu: settings.serverCpu,
        logFile: path.join(tmp, 'bare.log'),
      });
      const url = `http://127.0.0.1:${port}`;
      await waitUntilServing({ url: `${url}/health`, entry: bare });
      results.targets.bare = await measureTarget({ id, url: `${url}${CHAT_PATH}`, pid: bare.pid, settings, mockPid: mock.pid, counter });
      if (interleave) bareKept = { entry: bare, url: `${url}${CHAT_PATH}` };
      else await stopChild(bare, 5000);
    } else {
      const port = await freePort();
      const configFile = path.join(tmp, 'switchyard.yaml');
      const databaseFile = path.join(tmp, 'bench.db');
      const env = gatewayEnv({ databaseFile });
      writeGatewayConfig({ file: configFile, port, mockUrl });
      const { id: keyId, key } = await createVirtualKey({ cli, configFile, env });
      // The budget names the key, so the config gets it once the key exists.
      writeGatewayConfig({ file: configFile, port, mockUrl, budgetKeyId: keyId });
      const logFile = path.join(tmp, 'gateway.log');
      const nodeFlags = results.meta.gatewayNodeFlags;
      const gateway = startChild({ name: 'gateway', command: process.execPath, args: [...nodeFlags, cli, 'start', '--config', configFile, '--port', String(port)], cpu: settings.serverCpu, env, logFile });
      const url = `http://127.0.0.1:${port}`;
      await waitUntilServing({ url: `${url}/health`, entry: gateway, timeoutMs: 60_000 });
      log(`[gateway] started (pid ${gateway.pid}, model group ${MODEL_GROUP}, two deployments on the mock, key ${keyId} with rate limits and a budget)`);
      const afterPhase = (name) => scrapeMetrics(url).catch((error) => ({ phase: name, error: error.message }));
      results.targets.gateway = await measureTarget({ id, url: `${url}${CHAT_PATH}`, pid: gateway.pid, auth: `Bearer ${key}`, settings, mockPid: mock.pid, counter, afterPhase });
      if (bareKept) {
        results.interleaved = await interleavedStreams({
          bare: { url: bareKept.url },
          gateway: { url: `${url}${CHAT_PATH}`, auth: `Bearer ${key}` },
          ...settings.interleave,
          rate: RATES.streams,
          cpu: settings.loadCpu,
          counter,
          log,
        });
        await stopChild(bareKept.entry, 5000);
        bareKept = null;
      }
      const finalScrape = await afterPhase('end');
      log('[gateway] SIGTERM, waiting for it to flush usage rows and exit');
      const stop = await stopChild(gateway, 60_000);
      try {
        results.usage = { requests: counter, rows: countUsageRows({ packageDir, databaseFile }), stop, warnings: gatewayWarnings(logFile), metrics: finalScrape };
      } catch (error) {
        results.usage = { requests: counter, error: error.message, stop, metrics: finalScrape };
      }
    }
  }
  if (bareKept) await stopChild(bareKept.entry, 5000);
  await stopChild(mock, 5000);

  const table = buildTable(results);
  const resultsDir = path.join(BENCH_DIR, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const resultPath = path.join(resultsDir, results.meta.resultFile);
  fs.writeFileSync(resultPath, `${JSON.stringify(results, null, 2)}\n`);

  console.log(`\n${table}\n`);
  if (targets.includes('gateway')) console.log(`${usageLine(results.usage)}\n`);
  if (results.usage?.warnings?.count) console.log(`Gateway warnings: ${JSON.stringify(results.usage.warnings.messages)}\n`);
  console.log(`Raw results: ${path.relative(ROOT, resultPath)}`);
  const writeDocs = args['write-docs'] || (!smoke && !args['no-docs']);
  if (writeDocs) {
    const docsFile = path.join(ROOT, 'docs', 'performance.md');
    writeLatestSection(docsFile, latestSection(results, table));
    console.log(`Updated ${path.relative(ROOT, docsFile)}`);
  }
  if (args.keep) console.log(`Kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}

killChildrenOnExit();
main().catch((error) => {
  console.error(`bench: ${error?.stack ?? error}`);
  if (scratch.dir) console.error(`bench: logs and database kept in ${scratch.dir}`);
  killAll();
  process.exit(1);
});
