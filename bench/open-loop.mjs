#!/usr/bin/env node
/**
 * Open-loop load generator: request i is due at start + i/rate whatever happened to earlier ones,
 * and its latency is measured from that intended time, so a server that stalls is charged for the
 * queue it builds (no coordinated omission). Connections come from a keep-alive undici Pool large
 * enough that the pool itself is not the limit; requests that find no free connection queue in the
 * pool and that wait counts too.
 *
 * Plain mode: latency = intended send time -> whole response read.
 * Stream mode (--stream): TTFB = intended send time -> first body byte; total = -> end of stream.
 * A stream counts as an error unless it is a 200 that ends with `data: [DONE]`.
 *
 * Usage: node bench/open-loop.mjs --url URL --rate 500 --duration 10 [--warmup 2] [--stream] [--auth "Bearer KEY"]
 *        (or env BENCH_AUTH="Bearer KEY")
 *        [--connections 256] [--drain-timeout 15]
 * Prints one JSON object on stdout. Bounded: nothing is sent after --duration, and whatever is
 * still unanswered --drain-timeout seconds later is aborted and counted as a timeout error.
 */

import { setMaxListeners } from 'node:events';
import { pathToFileURL } from 'node:url';
import { Pool } from 'undici';
import { numberOption, readArgs } from './lib/args.mjs';
import { round, summarize } from './lib/stats.mjs';

export const CHAT_BODY = JSON.stringify({
  model: 'bench-model',
  messages: [{ role: 'user', content: 'Say hello in five words.' }],
  max_tokens: 16,
});
export const STREAM_BODY = JSON.stringify({
  model: 'bench-model',
  messages: [{ role: 'user', content: 'Count to twenty.' }],
  max_tokens: 64,
  stream: true,
  stream_options: { include_usage: true },
});

/**
 * Sends `rate` requests a second for warmupS + durationS seconds on one schedule; requests due in
 * the first warmupS seconds warm the pool and both processes up and are left out of the figures.
 * @param {{ url: string, rate: number, durationS: number, warmupS?: number, stream?: boolean,
 *           auth?: string, connections?: number, drainTimeoutS?: number }} options
 */
export async function runOpenLoop(options) {
  const { rate, durationS, stream = false } = options;
  const target = new URL(options.url);
  const pool = new Pool(target.origin, { connections: options.connections ?? 256, pipelining: 1, keepAliveTimeout: 30_000 });
  const headers = { 'content-type': 'application/json', ...(options.auth ? { authorization: options.auth } : {}) };
  const body = stream ? STREAM_BODY : CHAT_BODY;
  const path = `${target.pathname}${target.search}`;
  const warmupCount = Math.round(rate * (options.warmupS ?? 0));
  const total = warmupCount + Math.round(rate * durationS);
  const intervalMs = 1000 / rate;
  const abort = new AbortController();
  setMaxListeners(0, abort.signal); // one listener per request in flight

  const latencies = [];
  /** Latencies by second of intended send time, to show when the slow requests happened. */
  const perSecond = [];
  const ttfbs = [];
  const sendLags = [];
  const errors = {};
  const warmup = { sent: 0, ok: 0, errors: 0 };
  let sent = 0;
  let ok = 0;
  let outstanding = 0;
  let drained = null;

  async function fire(index, intendedAt) {
    const measured = index >= warmupCount;
    const countError = (kind) => {
      if (measured) errors[kind] = (errors[kind] ?? 0) + 1;
      else warmup.errors += 1;
    };
    if (measured) {
      sent += 1;
      sendLags.push(performance.now() - intendedAt);
    } else warmup.sent += 1;
    outstanding += 1;
    try {
      const response = await pool.request({ path, method: 'POST', headers, body, signal: abort.signal });
      let firstByteAt = null;
      let last = '';
      for await (const chunk of response.body) {
        firstByteAt ??= performance.now();
        if (stream) last = (last + chunk.toString('latin1')).slice(-32);
      }
      const endAt = performance.now();
      if (response.statusCode !== 200) countError(`status_${response.statusCode}`);
      else if (stream && !last.includes('[DONE]')) countError('stream_incomplete');
      else if (!measured) warmup.ok += 1;
      else {
        ok += 1;
        latencies.push(endAt - intendedAt);
        (perSecond[Math.floor((intendedAt - measuredFrom) / 1000)] ??= []).push(endAt - intendedAt);
        if (stream) ttfbs.push((firstByteAt ?? endAt) - intendedAt);
      }
    } catch (error) {
      countError(abort.signal.aborted ? 'timeout' : (error?.code ?? error?.name ?? 'error'));
    } finally {
      outstanding -= 1;
      if (outstanding === 0 && drained) drained();
    }
  }

  // The schedule: every request whose time has come is sent, then we sleep until the next one is due.
  const startAt = performance.now() + 20;
  const measuredFrom = startAt + warmupCount * intervalMs;
  let next = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && startAt + next * intervalMs <= now) {
        fire(next, startAt + next * intervalMs);
        next += 1;
      }
      if (next < total) setTimeout(tick, Math.max(0, startAt + next * intervalMs - performance.now()));
      else resolve();
    };
    setTimeout(tick, 20);
  });
  const sendEndAt = performance.now();

  const drainTimeoutMs = (options.drainTimeoutS ?? 15) * 1000;
  await new Promise((resolve) => {
    if (outstanding === 0) return resolve();
    drained = resolve;
    setTimeout(() => {
      abort.abort();
      resolve();
    }, drainTimeoutMs).unref();
  });
  // Let the aborted requests settle so that they are counted.
  while (outstanding > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  await pool.close().catch(() => {});

  const errorCount = Object.values(errors).reduce((sum, count) => sum + count, 0);
  return {
    mode: stream ? 'stream' : 'plain',
    targetRate: rate,
    durationS,
    warmupS: options.warmupS ?? 0,
    warmup,
    sent,
    ok,
    errors: errorCount,
    errorKinds: errors,
    achievedSendRate: round(sent / (Math.max(1, sendEndAt - measuredFrom) / 1000)),
    latencyMs: summarize(latencies),
    ...(stream ? { ttfbMs: summarize(ttfbs) } : {}),
    sendLagMs: summarize(sendLags),
    timeline: Array.from(perSecond, (samples = []) => {
      const { count, p50, p99, max } = summarize(samples);
      return { count, p50, p99, max };
    }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = readArgs({
    url: 'string',
    rate: 'string',
    duration: 'string',
    warmup: 'string',
    stream: 'boolean',
    auth: 'string',
    connections: 'string',
    'drain-timeout': 'string',
  });
  if (!args.url) throw new Error('--url is required');
  const result = await runOpenLoop({
    url: args.url,
    rate: numberOption(args.rate, 500),
    durationS: numberOption(args.duration, 10),
    warmupS: numberOption(args.warmup, 0),
    stream: args.stream ?? false,
    auth: args.auth ?? process.env.BENCH_AUTH,
    connections: numberOption(args.connections, 256),
    drainTimeoutS: numberOption(args['drain-timeout'], 15),
  });
  console.log(JSON.stringify(result));
}
