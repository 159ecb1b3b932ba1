#!/usr/bin/env node
/**
 * Profiles the built gateway under the bench's load: the same mock, config (policy stack on) and
 * pinning as `npm run bench`, the gateway started with `--cpu-prof` and `--trace-gc` (and with
 * --alloc, a sampling allocation profiler: lib/alloc-sampler.mjs), one load phase, then SIGTERM so
 * that the profiles are written. Prints where the CPU went (by area and by function, self and
 * inclusive), the garbage collections (count, pause time, per request) and, with --alloc, what
 * allocated the bytes, and keeps the profiles (open them in Chrome DevTools or speedscope) under
 * the printed directory. The warm-up is the phase's own load (closed loop, or the open loop's rate
 * and kind), and the summaries cover the measured phase only: CPU samples outside it are left out,
 * and the allocation sampler starts when the phase does.
 *
 * Usage: node bench/profile.mjs [--duration 10] [--rate R (open loop; default: wrk closed loop, 64 connections)]
 *        [--stream] [--alloc [--survivors: only objects that outlived a scavenge]] [--top 25] [--gateway-dist dist] [--node-flag=--max-semi-space-size=8 ...]
 * Or: npm run bench -- --scenario profile [flags]
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { numberOption, readArgs } from './lib/args.mjs';
import { formatHeapSummary, formatSummary, summariseHeapProfile, summariseProfile } from './lib/cpu-profile.mjs';
import { maxThroughput, openLoop, wrkInstalled } from './lib/drivers.mjs';
import { createVirtualKey, gatewayEnv, gatewayPaths, writeGatewayConfig } from './lib/gateway.mjs';
import { freePort, runAsMain, startChild, stopChild, tasksetWorks, waitUntilServing } from './lib/processes.mjs';
import { cpuSeconds } from './lib/procfs.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH_DIR);
const log = (message) => process.stderr.write(`profile: ${message}\n`);

/** Scavenges and mark-compacts from a --trace-gc log: count, total and longest pause. */
export function summariseGc(text) {
  const kinds = {};
  for (const line of text.split('\n')) {
    const match = /ms: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep)[^,]*?([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ ([\d.]+) ms/.exec(line);
    if (!match) continue;
    const kind = (kinds[match[1]] ??= { count: 0, pauseMs: 0, maxPauseMs: 0, heapAfterMiB: [] });
    const pause = Number(match[6]);
    kind.count += 1;
    kind.pauseMs += pause;
    kind.maxPauseMs = Math.max(kind.maxPauseMs, pause);
    kind.heapAfterMiB.push(Number(match[4]));
  }
  for (const kind of Object.values(kinds)) {
    const after = kind.heapAfterMiB;
    kind.pauseMs = Math.round(kind.pauseMs * 10) / 10;
    kind.heapAfterMiB = after.length ? { first: after[0], last: after[after.length - 1], max: Math.max(...after) } : null;
  }
  return kinds;
}

export async function runProfile() {
  const argv = process.argv.slice(2).filter((arg, index, all) => arg !== '--scenario' && all[index - 1] !== '--scenario');
  const args = readArgs({ duration: 'string', rate: 'string', stream: 'boolean', alloc: 'boolean', survivors: 'boolean', top: 'string', 'gateway-dist': 'string', 'node-flag': 'string' }, argv);
  const { cli, built } = gatewayPaths(ROOT, args['gateway-dist']);
  if (!built) throw new Error(`${cli} not found: npm run build first`);
  const durationS = numberOption(args.duration, 10);
  const pin = os.availableParallelism() >= 2 && tasksetWorks();
  const [loadCpu, serverCpu] = pin ? [0, 1] : [null, null];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-profile-'));
  const profileDir = path.join(tmp, 'profiles');
  fs.mkdirSync(profileDir);

  const mockPort = await freePort();
  const mockUrl = `http://127.0.0.1:${mockPort}`;
  const mock = startChild({ name: 'mock-upstream', command: process.execPath, args: [path.join(BENCH_DIR, 'mock-upstream.mjs'), '--port', String(mockPort)], cpu: loadCpu, logFile: path.join(tmp, 'mock.log') });
  await waitUntilServing({ url: `${mockUrl}/health`, entry: mock });

  const port = await freePort();
  const configFile = path.join(tmp, 'switchyard.yaml');
  const env = gatewayEnv({ databaseFile: path.join(tmp, 'bench.db') });
  writeGatewayConfig({ file: configFile, port, mockUrl });
  const { id: keyId, key } = await createVirtualKey({ cli, configFile, env });
  writeGatewayConfig({ file: configFile, port, mockUrl, budgetKeyId: keyId });
  const allocFile = path.join(profileDir, 'allocations.heapprofile');
  const nodeFlags = ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--trace-gc'];
  if (args.alloc) nodeFlags.push('--import', pathToFileURL(path.join(BENCH_DIR, 'lib', 'alloc-sampler.mjs')).href);
  if (args['node-flag']) nodeFlags.push(args['node-flag']);
  const logFile = path.join(tmp, 'gateway.log');
  const gatewayEnvironment = args.alloc ? { ...env, ALLOC_PROFILE_FILE: allocFile, ALLOC_PROFILE_SURVIVORS: args.survivors ? '1' : '0', ALLOC_PROFILE_START: 'signal' } : env;
  const gateway = startChild({ name: 'gateway', command: process.execPath, args: [...nodeFlags, cli, 'start', '--config', configFile, '--port', String(port)], cpu: serverCpu, env: gatewayEnvironment, logFile });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing({ url: `${url}/health`, entry: gateway, timeoutMs: 60_000 });
  const load = { url: `${url}/v1/chat/completions`, auth: `Bearer ${key}`, cpu: loadCpu };
  const rate = args.rate === undefined ? null : numberOption(args.rate, 500);
  // The warm-up runs the phase's own code (a stream phase after a closed loop of whole answers
  // would profile code V8 has not optimised yet), and is left out of the summary.
  log('warm-up 3 s');
  if (rate === null) await maxThroughput({ ...load, connections: 64, durationS: 3, useWrk: wrkInstalled() });
  else await openLoop({ ...load, rate, durationS: 3, stream: args.stream ?? false });
  const gcLinesBefore = fs.readFileSync(logFile, 'utf8').split('\n').length;
  const cpuBefore = cpuSeconds(gateway.pid);
  const startUs = Number(process.hrtime.bigint() / 1000n);
  // The allocation sampler waits for this signal (lib/alloc-sampler.mjs): the measured phase only.
  if (args.alloc) process.kill(gateway.pid, 'SIGUSR2');
  log(rate === null ? `closed loop, 64 connections, ${durationS} s` : `open loop ${rate} ${args.stream ? 'streams' : 'req'}/s, ${durationS} s`);
  const phase = rate === null
    ? await maxThroughput({ ...load, connections: 64, durationS, useWrk: wrkInstalled() })
    : await openLoop({ ...load, rate, durationS, stream: args.stream ?? false });
  const window = { startUs, endUs: Number(process.hrtime.bigint() / 1000n) };
  const cpuUsed = cpuSeconds(gateway.pid) - cpuBefore;
  const requests = phase.requests ?? phase.sent;
  const gcText = fs.readFileSync(logFile, 'utf8').split('\n').slice(gcLinesBefore).join('\n');
  await stopChild(gateway, 60_000);
  await stopChild(mock, 5_000);

  const cpuProfile = fs.readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  console.log(`${requests} requests in the measured phase (${phase.requestsPerSecond ?? rate} req/s); gateway CPU ${Math.round((cpuUsed * 1e6) / requests)} µs per request (profiler overhead included)`);
  const gc = summariseGc(gcText);
  for (const [kind, figures] of Object.entries(gc)) {
    console.log(`GC ${kind}: ${figures.count} (${Math.round((figures.pauseMs * 1000) / requests)} µs per request), ${figures.pauseMs} ms paused, longest ${figures.maxPauseMs} ms, heap after: ${JSON.stringify(figures.heapAfterMiB)} MB`);
  }
  // The profile covers the whole life of the process; the summary only the measured phase.
  const top = numberOption(args.top, 25);
  if (cpuProfile) console.log(`\n${formatSummary(summariseProfile(path.join(profileDir, cpuProfile), { top, window }))}`);
  if (args.alloc && fs.existsSync(allocFile)) console.log(`\n${formatHeapSummary(summariseHeapProfile(allocFile, { top }), { requests })}`);
  console.log(`\nProfiles and logs: ${profileDir} (${tmp})`);
}

runAsMain(import.meta.url, 'profile', runProfile);
