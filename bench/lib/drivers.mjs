/**
 * The load phases as child processes pinned to the load CPU: closed-loop max throughput (wrk with
 * wrk-post.lua when installed, else closed-loop.mjs), open-loop plain and streaming (open-loop.mjs).
 * Each returns the driver's JSON (max throughput normalised to { sent, requests, requestsPerSecond,
 * errors, latencyMs }) plus `driverCpuSeconds`, the CPU the load generator itself used.
 */

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHAT_BODY } from '../open-loop.mjs';
import { runToEnd } from './processes.mjs';

const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export function wrkInstalled() {
  return spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
}

const withAuth = (auth) => ({ ...process.env, BENCH_AUTH: auth ?? '' });

/** Closed loop at `connections` for durationS: wrk -t1 (one load core) or the undici fallback. */
export async function maxThroughput({ url, connections, durationS, auth, cpu, useWrk }) {
  const timeoutMs = (durationS + 30) * 1000;
  if (!useWrk) {
    const args = [path.join(BENCH_DIR, 'closed-loop.mjs'), '--url', url, '--connections', String(connections), '--duration', String(durationS)];
    let driverCpuSeconds = null;
    const stdout = await runToEnd({ command: process.execPath, args, cpu, env: withAuth(auth), timeoutMs, onCpu: (seconds) => (driverCpuSeconds = seconds) });
    return { ...JSON.parse(stdout), driverCpuSeconds };
  }
  const args = ['-t1', `-c${connections}`, `-d${durationS}s`, '--timeout', '10s', '-s', path.join(BENCH_DIR, 'wrk-post.lua'), url];
  let driverCpuSeconds = null;
  const env = { ...withAuth(auth), BENCH_BODY: CHAT_BODY };
  const stdout = await runToEnd({ command: 'wrk', args, cpu, env, timeoutMs, onCpu: (seconds) => (driverCpuSeconds = seconds) });
  const line = stdout.split('\n').find((text) => text.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`wrk printed no BENCH_JSON line:\n${stdout}`);
  const raw = JSON.parse(line.slice('BENCH_JSON '.length));
  const seconds = raw.durationUs / 1e6;
  const errors = Object.values(raw.errors).reduce((sum, count) => sum + count, 0);
  const ms = (us) => Math.round(us) / 1000;
  return {
    driver: 'wrk',
    connections,
    durationS: seconds,
    sent: raw.sent,
    requests: raw.requests,
    requestsPerSecond: Math.round((raw.requests / seconds) * 10) / 10,
    errors,
    errorKinds: raw.errors,
    latencyMs: { p50: ms(raw.latencyUs.p50), p90: ms(raw.latencyUs.p90), p99: ms(raw.latencyUs.p99), max: ms(raw.latencyUs.max), mean: ms(raw.latencyUs.mean) },
    driverCpuSeconds,
  };
}

/**
 * Open loop at `rate` req/s for durationS (plain JSON, or streams when stream is true), after
 * warmupS at the same rate whose requests are sent but left out of the figures.
 */
export async function openLoop({ url, rate, durationS, warmupS = 0, auth, cpu, stream = false, drainTimeoutS = 15 }) {
  const args = [path.join(BENCH_DIR, 'open-loop.mjs'), '--url', url, '--rate', String(rate), '--duration', String(durationS)];
  args.push('--warmup', String(warmupS), '--drain-timeout', String(drainTimeoutS));
  if (stream) args.push('--stream');
  const timeoutMs = (warmupS + durationS + drainTimeoutS + 30) * 1000;
  let driverCpuSeconds = null;
  const stdout = await runToEnd({ command: process.execPath, args, cpu, env: withAuth(auth), timeoutMs, onCpu: (seconds) => (driverCpuSeconds = seconds) });
  return { ...JSON.parse(stdout), driverCpuSeconds };
}
