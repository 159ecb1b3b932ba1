#!/usr/bin/env node
/**
 * Two or more builds of the gateway compared in one run, interleaved, so that the machine's drift
 * (the noise that moves a whole run by ±10 % on shared vCPUs) falls on all of them alike: every
 * build is started at once (same config and policy stack as the main bench, each with its own
 * database, all pinned to the server CPU and idle while another is measured), then rounds of
 * closed-loop max throughput go to each build in turn (the order reversed every other round).
 * Prints, per build, CPU per request and req/s of every round with their medians, and the median
 * of the per-round ratios to the first build. The figures to trust are those ratios. With
 * --stream, the rounds are open-loop streams instead (--rate per second, 100 by default, the main
 * bench's stream phase), and the figures are CPU per stream and the p50 time to first byte. Every
 * build first gets --warmup seconds (3 by default) of closed-loop load.
 *
 * The name `bare` stands for the bare proxy (bare-proxy.mjs), so that `--builds bare,dist` measures
 * the gateway's figures against the floor in interleaved rounds, as the targets are stated. The bare
 * proxy takes node flags the same way (`bare@--interrupt-budget=4096`), and none by default.
 *
 * A build may carry node flags of its own after `@` (each flag after its own `@`), which replace
 * the common ones for it, and environment variables (`NAME=value`, added to the recommended ones):
 * `--builds dist@--max-semi-space-size=8,dist@--max-semi-space-size=4@MALLOC_ARENA_MAX=4`
 * compares two settings of one build, round by round.
 *
 * Usage: node bench/compare.mjs --builds dist-before,dist [--rounds 8] [--duration 5] [--warmup 3] [--stream [--rate 100]]
 *        (or npm run bench -- --scenario compare --builds …). A build is a directory directly under
 *        packages/gateway made with `node scripts/build.mjs --outdir DIR`, e.g. from an
 *        older commit (git stash, build, stash pop).
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberOption, readArgs } from './lib/args.mjs';
import { maxThroughput, openLoop, wrkInstalled } from './lib/drivers.mjs';
import { createVirtualKey, gatewayEnv, gatewayNodeFlags, gatewayPaths, writeGatewayConfig } from './lib/gateway.mjs';
import { freePort, killAll, runAsMain, startChild, stopChild, tasksetWorks, waitUntilServing } from './lib/processes.mjs';
import { cpuSeconds } from './lib/procfs.mjs';
import { median } from './lib/stats.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH_DIR);
const log = (message) => process.stderr.write(`compare: ${message}\n`);

export async function runCompareScenario() {
  const argv = process.argv.slice(2).filter((arg, index, all) => arg !== '--scenario' && all[index - 1] !== '--scenario');
  const args = readArgs({ builds: 'string', rounds: 'string', duration: 'string', warmup: 'string', stream: 'boolean', rate: 'string', 'gateway-node-flags': 'string' }, argv);
  const builds = (args.builds ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  if (builds.length < 2) throw new Error('--builds needs at least two builds, e.g. --builds dist-before,dist');
  for (const build of builds) {
    const { dir } = buildSpec(build, []);
    if (dir !== BARE && !gatewayPaths(ROOT, dir).built) throw new Error(`packages/gateway/${dir}/cli/main.js not found`);
  }
  const rounds = Math.max(1, Math.round(numberOption(args.rounds, 8)));
  const durationS = numberOption(args.duration, 5);
  const warmupS = numberOption(args.warmup, 3);
  const streamRate = args.stream ? numberOption(args.rate, 100) : null;
  const pin = os.availableParallelism() >= 2 && tasksetWorks();
  const [loadCpu, serverCpu] = pin ? [0, 1] : [null, null];
  const useWrk = wrkInstalled();
  const nodeFlags = gatewayNodeFlags(args['gateway-node-flags']);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-compare-'));
  try {
    const mockPort = await freePort();
    const mockUrl = `http://127.0.0.1:${mockPort}`;
    const mock = startChild({ name: 'mock-upstream', command: process.execPath, args: [path.join(BENCH_DIR, 'mock-upstream.mjs'), '--port', String(mockPort)], cpu: loadCpu, logFile: path.join(tmp, 'mock.log') });
    await waitUntilServing({ url: `${mockUrl}/health`, entry: mock });
    const gateways = [];
    for (const build of builds) {
      const spec = buildSpec(build, nodeFlags);
      if (spec.dir === BARE) {
        // Only its own flags: the gateway's common ones are not for the bare proxy.
        gateways.push(await startBare({ mockUrl, cpu: serverCpu, logFile: path.join(tmp, `bare-${gateways.length}.log`), loadCpu, useWrk, flags: spec.ownFlags, name: build }));
        continue;
      }
      const { cli } = gatewayPaths(ROOT, spec.dir);
      const dir = fs.mkdtempSync(path.join(tmp, `${spec.dir}-`));
      const port = await freePort();
      const configFile = path.join(dir, 'switchyard.yaml');
      const env = { ...gatewayEnv({ databaseFile: path.join(dir, 'bench.db') }), ...spec.env };
      writeGatewayConfig({ file: configFile, port, mockUrl });
      const { id, key } = await createVirtualKey({ cli, configFile, env });
      writeGatewayConfig({ file: configFile, port, mockUrl, budgetKeyId: id });
      const entry = startChild({ name: build, command: process.execPath, args: [...spec.flags, cli, 'start', '--config', configFile, '--port', String(port)], cpu: serverCpu, env, logFile: path.join(dir, 'gateway.log') });
      const url = `http://127.0.0.1:${port}`;
      await waitUntilServing({ url: `${url}/health`, entry, timeoutMs: 60_000 });
      gateways.push({ build, entry, load: { url: `${url}/v1/chat/completions`, auth: `Bearer ${key}`, cpu: loadCpu, connections: 64, useWrk }, cpuUs: [], rps: [], ttfbMs: [] });
    }
    for (const gateway of gateways) {
      log(`${gateway.build}: warm-up ${warmupS} s`);
      await maxThroughput({ ...gateway.load, durationS: warmupS });
    }
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? gateways : [...gateways].reverse();
      for (const gateway of order) {
        const before = cpuSeconds(gateway.entry.pid);
        const phase = streamRate === null
          ? await maxThroughput({ ...gateway.load, durationS })
          : await openLoop({ ...gateway.load, rate: streamRate, durationS, warmupS: 1, stream: true });
        const used = cpuSeconds(gateway.entry.pid) - before;
        // The open loop's 1 s warm-up is sent at the same rate and costs CPU too.
        const requests = streamRate === null ? phase.requests : phase.sent + phase.warmup.sent;
        gateway.cpuUs.push((used * 1e6) / Math.max(1, requests));
        gateway.rps.push(streamRate === null ? phase.requestsPerSecond : phase.ok / durationS);
        if (streamRate !== null) gateway.ttfbMs.push(phase.ttfbMs.p50);
      }
      log(`round ${round + 1}/${rounds} done`);
    }
    for (const gateway of gateways) await stopChild(gateway.entry, 30_000);
    await stopChild(mock, 5_000);
    const driver = streamRate !== null ? `open loop, ${streamRate} streams/s` : useWrk ? 'wrk -t1 -c64' : 'undici closed loop, 64 connections';
    printComparison(gateways, { rounds, durationS, pinned: pin, driver, nodeFlags, stream: streamRate !== null });
  } finally {
    killAll();
  }
}

const BARE = 'bare';

/**
 * `dir@flag@NAME=value`: the build's directory, its own node flags (else the common ones), and
 * environment variables added to the recommended environment (a part with `=` that does not start
 * with `-`).
 */
function buildSpec(build, commonFlags) {
  const [dir, ...parts] = build.split('@');
  const isEnv = (part) => !part.startsWith('-') && part.includes('=');
  const flags = parts.filter((part) => !isEnv(part));
  const env = Object.fromEntries(parts.filter(isEnv).map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)]));
  return { dir, flags: flags.length > 0 ? flags : commonFlags, ownFlags: flags, env };
}

async function startBare({ mockUrl, cpu, logFile, loadCpu, useWrk, flags, name }) {
  const port = await freePort();
  const entry = startChild({ name, command: process.execPath, args: [...flags, path.join(BENCH_DIR, 'bare-proxy.mjs'), '--upstream', mockUrl, '--port', String(port)], cpu, logFile });
  const url = `http://127.0.0.1:${port}`;
  // The bare proxy forwards every path: its health is the mock's.
  await waitUntilServing({ url: `${url}/health`, entry });
  return { build: name, entry, load: { url: `${url}/v1/chat/completions`, auth: 'Bearer bench', cpu: loadCpu, connections: 64, useWrk }, cpuUs: [], rps: [], ttfbMs: [] };
}

function printComparison(gateways, settings) {
  const [base] = gateways;
  const fixed = (value, digits = 0) => value.toFixed(digits);
  console.log(`\n${settings.rounds} rounds of ${settings.durationS} s each, ${settings.driver}, ${settings.pinned ? 'servers on CPU 1, load on CPU 0' : 'not pinned'}; node flags: ${settings.nodeFlags.join(' ') || 'none'}.\n`);
  if (settings.stream) {
    console.log('| Build | CPU per stream, each round (µs) | median | TTFB p50, each round (ms) | median | CPU vs first (median of rounds) | TTFB p50 minus first (median of rounds) |');
    console.log('|---|---|---:|---|---:|---:|---:|');
    for (const gateway of gateways) {
      const cpuRatio = median(gateway.cpuUs.map((value, index) => value / base.cpuUs[index]));
      const ttfbDelta = median(gateway.ttfbMs.map((value, index) => value - base.ttfbMs[index]));
      console.log(`| ${gateway.build} | ${gateway.cpuUs.map((value) => fixed(value)).join(' · ')} | ${fixed(median(gateway.cpuUs), 1)} | ${gateway.ttfbMs.map((value) => fixed(value, 2)).join(' · ')} | ${fixed(median(gateway.ttfbMs), 2)} | ${fixed(cpuRatio, 3)}× | ${ttfbDelta >= 0 ? '+' : ''}${fixed(ttfbDelta, 3)} ms |`);
    }
    return;
  }
  console.log('| Build | CPU per request, each round (µs) | median | req/s, each round | median | CPU vs first (median of rounds) | req/s vs first |');
  console.log('|---|---|---:|---|---:|---:|---:|');
  for (const gateway of gateways) {
    const cpuRatio = median(gateway.cpuUs.map((value, index) => value / base.cpuUs[index]));
    const rpsRatio = median(gateway.rps.map((value, index) => value / base.rps[index]));
    console.log(`| ${gateway.build} | ${gateway.cpuUs.map((value) => fixed(value)).join(' · ')} | ${fixed(median(gateway.cpuUs), 1)} | ${gateway.rps.map((value) => fixed(value)).join(' · ')} | ${fixed(median(gateway.rps))} | ${fixed(cpuRatio, 3)}× | ${fixed(rpsRatio, 3)}× |`);
  }
}

runAsMain(import.meta.url, 'compare', runCompareScenario);
