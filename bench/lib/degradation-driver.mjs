/**
 * The load of the degradation scenario: an open loop (request i is due at start + i/rate, and its
 * latency counts from that time, so queueing is charged) of non-streaming chats to one model group,
 * recording for each request when it was due, how long it took, its status and which provider
 * answered (the gateway's x-switchyard-provider header). At `degradeAtMs` after the start it calls
 * `onDegrade` once, without pausing the schedule. Bounded: nothing is sent after the duration, and
 * whatever is unanswered `drainTimeoutMs` later is aborted and recorded as an error.
 */

import { setMaxListeners } from 'node:events';
import { Pool } from 'undici';

/**
 * @param {{ url: string, auth: string, model: string, rate: number, durationMs: number,
 *           degradeAtMs: number, onDegrade: () => Promise<void>, connections?: number, drainTimeoutMs?: number }} options
 * @returns {Promise<{ samples: Array<{ dueMs: number, latencyMs: number, status: number, provider: string | null }>, degradedAtMs: number | null }>}
 */
export async function runDegradationLoad(options) {
  const target = new URL(options.url);
  const pool = new Pool(target.origin, { connections: options.connections ?? 256, pipelining: 1, keepAliveTimeout: 30_000 });
  const headers = { 'content-type': 'application/json', authorization: options.auth };
  const body = JSON.stringify({ model: options.model, messages: [{ role: 'user', content: 'Say hello in five words.' }], max_tokens: 16 });
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  const total = Math.round((options.rate * options.durationMs) / 1000);
  const intervalMs = 1000 / options.rate;
  const samples = [];
  let outstanding = 0;
  let drained = null;
  let degradedAtMs = null;

  async function fire(dueAt, startAt) {
    outstanding += 1;
    const sample = { dueMs: dueAt - startAt, latencyMs: 0, status: 0, provider: null };
    try {
      const response = await pool.request({ path: target.pathname, method: 'POST', headers, body, signal: abort.signal });
      await response.body.dump();
      sample.status = response.statusCode;
      const provider = response.headers['x-switchyard-provider'];
      sample.provider = typeof provider === 'string' ? provider : null;
    } catch {
      sample.status = -1;
    } finally {
      sample.latencyMs = performance.now() - dueAt;
      samples.push(sample);
      outstanding -= 1;
      if (outstanding === 0 && drained) drained();
    }
  }

  const startAt = performance.now() + 20;
  let next = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (degradedAtMs === null && now - startAt >= options.degradeAtMs) {
        degradedAtMs = now - startAt;
        // Not awaited: the schedule goes on while the upstream changes, as it would in production.
        options.onDegrade().catch((error) => process.stderr.write(`bench: degrading failed: ${error.message}\n`));
      }
      while (next < total && startAt + next * intervalMs <= now) {
        fire(startAt + next * intervalMs, startAt);
        next += 1;
      }
      const wakeAt = degradedAtMs === null ? Math.min(startAt + next * intervalMs, startAt + options.degradeAtMs) : startAt + next * intervalMs;
      if (next < total) setTimeout(tick, Math.max(0, wakeAt - performance.now()));
      else resolve();
    };
    setTimeout(tick, 20);
  });

  await new Promise((resolve) => {
    if (outstanding === 0) return resolve();
    drained = resolve;
    setTimeout(() => {
      abort.abort();
      resolve();
    }, options.drainTimeoutMs ?? 15_000).unref();
  });
  while (outstanding > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  await pool.close().catch(() => {});
  return { samples, degradedAtMs };
}
