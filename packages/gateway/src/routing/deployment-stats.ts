/**
 * Live per-deployment figures that strategies and breakers read: requests in flight, recent
 * latency (exponentially weighted: time to first token and total), and a sliding window of recent
 * outcomes for the error rate, and attempts started over the same window (for traffic share).
 * Updated on every attempt; in-process (one replica's view).
 */

import type { ErrorCode } from '../core/index.js';
import { OutcomeWindow } from './outcome-window.js';

export interface DeploymentSnapshot {
  inFlight: number;
  /** EWMA of total latency of successful attempts, ms; null before the first success. */
  latencyMs: number | null;
  /** EWMA of time to first byte of successful attempts, ms; null before the first success. */
  ttftMs: number | null;
  /** Failures / attempts over the window; 0 with no attempts. */
  errorRate: number;
  /** Attempts in the window. */
  attempts: number;
  successes: number;
  failures: number;
  /** Total attempts ever started. */
  totalStarted: number;
  /** Attempts started within the window (for the share of recent traffic). */
  recentStarted: number;
  lastFailureCode: ErrorCode | null;
}

interface Entry {
  inFlight: number;
  latencyMs: number | null;
  ttftMs: number | null;
  /** The window's outcomes; at most the newest 1,000 (bounded memory under heavy traffic). */
  outcomes: OutcomeWindow;
  totalStarted: number;
  /** Attempts started per time bucket, oldest first: constant memory whatever the traffic. */
  startBuckets: Array<{ at: number; count: number }>;
  lastFailureCode: ErrorCode | null;
}

/** Most outcomes kept per deployment for the error rate. */
const MAX_OUTCOMES = 1_000;

/** Buckets per window for the recent-start count: the count is exact to one bucket's length. */
const START_BUCKETS = 12;

export interface DeploymentStatsOptions {
  /** Weight of the newest sample in the latency averages (0..1). */
  alpha?: number;
  /** How far back the error-rate window reaches, ms. */
  windowMs?: number;
  now?: () => number;
}

export class DeploymentStats {
  private readonly entries = new Map<string, Entry>();
  private readonly alpha: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: DeploymentStatsOptions = {}) {
    this.alpha = options.alpha ?? 0.3;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  private entry(id: string): Entry {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { inFlight: 0, latencyMs: null, ttftMs: null, outcomes: new OutcomeWindow(MAX_OUTCOMES), totalStarted: 0, startBuckets: [], lastFailureCode: null };
      this.entries.set(id, entry);
    }
    return entry;
  }

  /** An attempt on the deployment started. */
  started(id: string): void {
    const entry = this.entry(id);
    entry.inFlight += 1;
    entry.totalStarted += 1;
    const bucketMs = this.windowMs / START_BUCKETS;
    const at = Math.floor(this.now() / bucketMs) * bucketMs;
    const last = entry.startBuckets.at(-1);
    if (last !== undefined && last.at === at) last.count += 1;
    else entry.startBuckets.push({ at, count: 1 });
    if (entry.startBuckets.length > START_BUCKETS + 1) entry.startBuckets.shift();
  }

  /** The attempt succeeded: the upstream accepted it (for streams, its headers arrived). */
  succeeded(id: string, timing: { latencyMs: number; ttftMs?: number }): void {
    const entry = this.entry(id);
    entry.inFlight = Math.max(0, entry.inFlight - 1);
    entry.latencyMs = entry.latencyMs === null ? timing.latencyMs : entry.latencyMs + this.alpha * (timing.latencyMs - entry.latencyMs);
    const ttft = timing.ttftMs ?? timing.latencyMs;
    entry.ttftMs = entry.ttftMs === null ? ttft : entry.ttftMs + this.alpha * (ttft - entry.ttftMs);
    this.push(entry, true);
  }

  /** The attempt failed with a failure that counts against the deployment. */
  failed(id: string, code: ErrorCode): void {
    const entry = this.entry(id);
    entry.inFlight = Math.max(0, entry.inFlight - 1);
    entry.lastFailureCode = code;
    this.push(entry, false);
  }

  /** A failure after the attempt had already succeeded (a stream that broke mid-way). */
  failedLater(id: string, code: ErrorCode): void {
    const entry = this.entry(id);
    entry.lastFailureCode = code;
    this.push(entry, false);
  }

  /** An active health probe's outcome: counts in the error-rate window, not as traffic or latency. */
  probed(id: string, outcome: { ok: true } | { ok: false; code: ErrorCode }): void {
    const entry = this.entry(id);
    if (!outcome.ok) entry.lastFailureCode = outcome.code;
    this.push(entry, outcome.ok);
  }

  /** The attempt ended without saying anything about the deployment (the client left, bad input). */
  released(id: string): void {
    const entry = this.entry(id);
    entry.inFlight = Math.max(0, entry.inFlight - 1);
  }

  snapshot(id: string): DeploymentSnapshot {
    const entry = this.entry(id);
    this.prune(entry);
    const { failures, size: attempts } = entry.outcomes;
    return {
      inFlight: entry.inFlight,
      latencyMs: entry.latencyMs,
      ttftMs: entry.ttftMs,
      errorRate: attempts === 0 ? 0 : failures / attempts,
      attempts,
      successes: attempts - failures,
      failures,
      totalStarted: entry.totalStarted,
      recentStarted: this.recentStarted(entry),
      lastFailureCode: entry.lastFailureCode,
    };
  }

  /** The window's length, ms (the error-rate and recent-traffic window). */
  get recentWindowMs(): number {
    return this.windowMs;
  }

  private recentStarted(entry: Entry): number {
    const cutoff = this.now() - this.windowMs;
    return entry.startBuckets.reduce((sum, bucket) => (bucket.at + this.windowMs / START_BUCKETS > cutoff ? sum + bucket.count : sum), 0);
  }

  private push(entry: Entry, ok: boolean): void {
    const now = this.now();
    entry.outcomes.record(now, ok);
    entry.outcomes.forgetBefore(now - this.windowMs);
  }

  private prune(entry: Entry): void {
    entry.outcomes.forgetBefore(this.now() - this.windowMs);
  }
}
