#!/usr/bin/env node
/**
 * Closed-loop maximum-throughput driver, the fallback when `wrk` is not installed: `connections`
 * workers each send the next request as soon as the previous answer is read, for `duration`
 * seconds, over a keep-alive undici Pool. Reports completed requests per second; `sent` also
 * counts requests cut off at the end. Slower than wrk per request, so on a shared core it can be
 * the limit; run.mjs says which driver it used.
 *
 * Usage: node bench/closed-loop.mjs --url URL [--connections 64] [--duration 10]
 *        (env BENCH_AUTH="Bearer KEY" for the authorization header)
 * Prints one JSON object on stdout.
 */

import { pathToFileURL } from 'node:url';
import { Pool } from 'undici';
import { numberOption, readArgs } from './lib/args.mjs';
import { round, summarize } from './lib/stats.mjs';
import { CHAT_BODY } from './open-loop.mjs';

/** @param {{ url: string, connections: number, durationS: number, auth?: string }} options */
export async function runClosedLoop(options) {
  const target = new URL(options.url);
  const pool = new Pool(target.origin, { connections: options.connections, pipelining: 1, keepAliveTimeout: 30_000 });
  const headers = { 'content-type': 'application/json', ...(options.auth ? { authorization: options.auth } : {}) };
  const path = `${target.pathname}${target.search}`;
  const latencies = [];
  const errors = {};
  let sent = 0;
  let completed = 0;
  const startAt = performance.now();
  const endAt = startAt + options.durationS * 1000;

  async function worker() {
    while (performance.now() < endAt) {
      const sentAt = performance.now();
      sent += 1;
      try {
        const response = await pool.request({ path, method: 'POST', headers, body: CHAT_BODY, headersTimeout: 10_000, bodyTimeout: 10_000 });
        await response.body.dump({ limit: 1 << 20 });
        if (response.statusCode === 200) {
          completed += 1;
          latencies.push(performance.now() - sentAt);
        } else errors[`status_${response.statusCode}`] = (errors[`status_${response.statusCode}`] ?? 0) + 1;
      } catch (error) {
        const kind = error?.code ?? error?.name ?? 'error';
        errors[kind] = (errors[kind] ?? 0) + 1;
      }
    }
  }
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsedS = (performance.now() - startAt) / 1000;
  await pool.close().catch(() => {});
  return {
    driver: 'undici-closed-loop',
    connections: options.connections,
    durationS: round(elapsedS),
    sent,
    requests: completed,
    requestsPerSecond: round(completed / elapsedS),
    errors: Object.values(errors).reduce((sum, count) => sum + count, 0),
    errorKinds: errors,
    latencyMs: summarize(latencies),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = readArgs({ url: 'string', connections: 'string', duration: 'string' });
  if (!args.url) throw new Error('--url is required');
  const result = await runClosedLoop({
    url: args.url,
    connections: numberOption(args.connections, 64),
    durationS: numberOption(args.duration, 10),
    auth: process.env.BENCH_AUTH,
  });
  console.log(JSON.stringify(result));
}
