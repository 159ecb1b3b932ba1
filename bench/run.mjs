#!/usr/bin/env node
/**
 * One benchmark run (`npm run bench`; needs `npm run build` first). Starts the mock upstream, then
 * measures three targets in turn against it: the mock directly, the bare Node proxy, and the
 * gateway (two deployments of one model group on the mock, a virtual key, usage logging on, its
 * own temporary SQLite database). Load generator and mock are pinned to CPU 0, the proxy or gateway
 * to CPU 1 (taskset, when it works). Per target: a warm-up, closed-loop max throughput with the
 * server's CPU time per request, open loop at 500 and 2000 req/s, streaming TTFB/total at
 * 100 streams/s, and RSS idle/peak. Then the gateway is stopped with SIGTERM and its usage rows are
 * counted against the requests sent. Prints one Markdown table, saves the raw JSON under
 * bench/results/ and (full runs) writes the table into docs/performance.md.
 *
 * Before each target it waits (up to --quiet-wait s) for the machine to be idle, and it reports per
 * phase how much CPU none of its own processes used, so that a run disturbed by other work shows.
 *
 * Flags: --smoke (2 s phases, no docs update)  --duration N (seconds per phase, default 10)
 *        --targets direct,bare,gateway  --quiet-wait N (default 30, smoke 5)
 *        --no-docs  --write-docs (also for --smoke)  --keep (keep the temp directory and its logs)
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberOption, readArgs } from './lib/args.mjs';
import { maxThroughput, openLoop, wrkInstalled } from './lib/drivers.mjs';
import { countUsageRows, createVirtualKey, gatewayEnv, gatewayPaths, MODEL_GROUP, writeGatewayConfig } from './lib/gateway.mjs';
import { killAll, killChildrenOnExit, startChild, stopChild, tasksetWorks, waitUntilServing } from './lib/processes.mjs';
import { cpuBusyBetween, cpuSeconds, cpuTimes, machineBusyPercent, rssMiB, sampleRss } from './lib/procfs.mjs';
import { buildTable, latestSection, machineInfo, TARGETS, usageLine, writeLatestSection } from './lib/report.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH_DIR);
const CHAT_PATH = '/v1/chat/completions';
const MOCK = { chunks: 20, intervalMs: 5 };
const RATES = { low: 500, high: 2000, streams: 100 };
/** Below this share of the whole machine busy, a target's run may start. */
const QUIET_PERCENT = 10;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message) => process.stderr.write(`bench: ${message}\n`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Adds a phase's requests to the target's count: every request begun, and those answered. */
function tally(counter, phase) {
  const statusErrors = Object.entries(phase.errorKinds ?? {})
    .filter(([kind]) => kind.startsWith('status_'))
    .reduce((sum, [, count]) => sum + count, 0);
  counter.sent += phase.sent + (phase.warmup?.sent ?? 0);
  counter.answered += (phase.requests ?? phase.ok + statusErrors) + (phase.warmup?.ok ?? 0);
  return phase;
}

/**
 * Runs one load phase and accounts for the CPU around it: the server's and the mock's CPU time,
 * each CPU's busy share, and the "unaccounted" share of the machine that none of our processes
 * (server, mock, load driver) used: kernel network work on their behalf, or other load on the
 * machine, which makes the phase's figures suspect when it is large.
 */
async function withCpuAccounting({ pid, mockPid }, runPhase) {
  const serverBefore = cpuSeconds(pid);
  const mockBefore = pid === mockPid ? 0 : cpuSeconds(mockPid);
  const timesBefore = cpuTimes();
  const phase = await runPhase();
  const serverCpu = cpuSeconds(pid) - serverBefore;
  const mockCpu = pid === mockPid ? 0 : cpuSeconds(mockPid) - mockBefore;
  const { percent, busySeconds, wallSeconds } = cpuBusyBetween(timesBefore, cpuTimes());
  const unaccounted = busySeconds - serverCpu - mockCpu - (phase.driverCpuSeconds ?? 0);
  const cpus = Object.keys(percent).length;
  phase.cpu = {
    serverSeconds: Math.round(serverCpu * 100) / 100,
    serverPercent: Math.round((serverCpu / wallSeconds) * 1000) / 10,
    mockPercent: pid === mockPid ? null : Math.round((mockCpu / wallSeconds) * 1000) / 10,
    driverPercent: phase.driverCpuSeconds === null ? null : Math.round((phase.driverCpuSeconds / wallSeconds) * 1000) / 10,
    busyPercentByCpu: percent,
    unaccountedPercentOfMachine: Math.round((Math.max(0, unaccounted) / (wallSeconds * cpus)) * 1000) / 10,
  };
  return phase;
}

/** Waits (up to maxS) for the machine to be nearly idle, so that other work does not skew a target. */
async function waitForQuiet({ id, maxS }) {
  const deadline = Date.now() + maxS * 1000;
  let busy = await machineBusyPercent(1000);
  if (busy > QUIET_PERCENT) log(`[${id}] machine ${busy}% busy before the run; waiting up to ${maxS} s for it to settle`);
  while (busy > QUIET_PERCENT && Date.now() < deadline) busy = await machineBusyPercent(1000);
  if (busy > QUIET_PERCENT) log(`[${id}] machine still ${busy}% busy; measuring anyway (figures will be noisy)`);
  return busy;
}

async function measureTarget({ id, url, pid, auth, settings, mockPid, counter }) {
  const { durationS, warmupS, pauseMs, loadCpu, useWrk } = settings;
  const load = { url, auth, cpu: loadCpu };
  const backgroundBusyPercent = await waitForQuiet({ id, maxS: settings.quietWaitS });
  const rssIdleMiB = rssMiB(pid);
  const rss = sampleRss(pid);

  log(`[${id}] warm-up ${warmupS} s`);
  tally(counter, await maxThroughput({ ...load, connections: 64, durationS: warmupS, useWrk }));
  await sleep(pauseMs);

  log(`[${id}] max throughput (${useWrk ? 'wrk' : 'undici closed loop'}, 64 connections) ${durationS} s`);
  const max = await withCpuAccounting({ pid, mockPid }, () => maxThroughput({ ...load, connections: 64, durationS, useWrk }));
  tally(counter, max);
  max.cpuPerRequestUs = max.requests > 0 ? Math.round((max.cpu.serverSeconds / max.requests) * 1e7) / 10 : null;
  await sleep(pauseMs);

  const phases = {};
  for (const [name, rate, stream] of [['open500', RATES.low, false], ['open2000', RATES.high, false], ['stream', RATES.streams, true]]) {
    log(`[${id}] open loop ${rate} ${stream ? 'streams' : 'req'}/s ${durationS} s (+${settings.phaseWarmupS} s warm-up)`);
    const phase = await withCpuAccounting({ pid, mockPid }, () => openLoop({ ...load, rate, durationS, warmupS: settings.phaseWarmupS, stream }));
    phases[name] = tally(counter, phase);
    await sleep(pauseMs);
  }
  return { url, pid, backgroundBusyPercent, rssIdleMiB, rssPeakMiB: rss.stop(), max, ...phases };
}

/** Warnings and errors the gateway logged (pino JSON, level >= 40). */
function gatewayWarnings(logFile) {
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

async function main() {
  const args = readArgs({
    smoke: 'boolean',
    duration: 'string',
    targets: 'string',
    'quiet-wait': 'string',
    'no-docs': 'boolean',
    'write-docs': 'boolean',
    keep: 'boolean',
    help: 'boolean',
  });
  if (args.help) {
    console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
    return;
  }
  const { cli, packageDir, built } = gatewayPaths(ROOT);
  if (!built) {
    console.error(`bench: ${path.relative(ROOT, cli)} not found. Build the gateway first: npm run build && npm run bench`);
    process.exitCode = 1;
    return;
  }
  const smoke = args.smoke ?? false;
  const machine = machineInfo();
  const pin = machine.nproc >= 2 && tasksetWorks();
  const settings = {
    durationS: smoke ? 2 : numberOption(args.duration, 10),
    warmupS: smoke ? 1 : 2,
    phaseWarmupS: smoke ? 0.5 : 2,
    pauseMs: smoke ? 300 : 1000,
    quietWaitS: numberOption(args['quiet-wait'], smoke ? 5 : 30),
    loadCpu: pin ? 0 : null,
    serverCpu: pin ? 1 : null,
    useWrk: wrkInstalled(),
  };
  const targets = (args.targets ?? 'direct,bare,gateway').split(',').map((name) => name.trim());
  for (const name of targets) if (!TARGETS.some(([id]) => id === name)) throw new Error(`unknown target "${name}"`);
  if (!settings.useWrk) log('wrk not installed (apt-get install -y wrk); using the undici closed-loop driver for max throughput');
  // This process only samples /proc, but keep it off the server's CPU too.
  if (pin) spawnSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  if (!pin) log('taskset unavailable or fewer than 2 CPUs: processes are not pinned; figures are noisier');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-bench-'));
  const date = new Date().toISOString();
  const results = {
    meta: {
      date,
      smoke,
      machine,
      driver: settings.useWrk ? 'wrk -t1 -c64' : 'undici closed loop, 64 connections',
      pinning: pin ? 'load generator and mock on CPU 0, server under test on CPU 1 (taskset)' : 'no CPU pinning',
      durationS: settings.durationS,
      warmupS: settings.warmupS,
      phaseWarmupS: settings.phaseWarmupS,
      mock: MOCK,
      rates: RATES,
      resultFile: `${date.replace(/[:.]/g, '-')}${smoke ? '-smoke' : ''}.json`,
    },
    targets: {},
    usage: null,
  };

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
      await stopChild(bare, 5000);
    } else {
      const port = await freePort();
      const configFile = path.join(tmp, 'switchyard.yaml');
      const databaseFile = path.join(tmp, 'bench.db');
      const env = gatewayEnv({ databaseFile });
      writeGatewayConfig({ file: configFile, port, mockUrl });
      const key = await createVirtualKey({ cli, configFile, env });
      const logFile = path.join(tmp, 'gateway.log');
      const gateway = startChild({ name: 'gateway', command: process.execPath, args: [cli, 'start', '--config', configFile, '--port', String(port)], cpu: settings.serverCpu, env, logFile });
      const url = `http://127.0.0.1:${port}`;
      await waitUntilServing({ url: `${url}/health`, entry: gateway, timeoutMs: 60_000 });
      log(`[gateway] started (pid ${gateway.pid}, model group ${MODEL_GROUP}, two deployments on the mock)`);
      results.targets.gateway = await measureTarget({ id, url: `${url}${CHAT_PATH}`, pid: gateway.pid, auth: `Bearer ${key}`, settings, mockPid: mock.pid, counter });
      log('[gateway] SIGTERM, waiting for it to flush usage rows and exit');
      const stop = await stopChild(gateway, 60_000);
      try {
        results.usage = { requests: counter, rows: countUsageRows({ packageDir, databaseFile }), stop, warnings: gatewayWarnings(logFile) };
      } catch (error) {
        results.usage = { requests: counter, error: error.message, stop };
      }
    }
  }
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
  killAll();
  process.exit(1);
});
