/**
 * Writes usage rows off the request path (DESIGN: "the hot path never waits on bookkeeping").
 * record() only pushes onto an in-memory queue; batches are written by a timer, or as soon as a
 * full batch waits, one write at a time. A failed write keeps its rows at the head of the queue
 * (the spool) and is retried with exponential backoff, so rows wait while the database is down.
 * The queue is bounded: past queueLimit, rows are dropped, counted, logged and reported.
 */

import type { UsageRecorder, UsageRow } from '../pipeline/ports.js';

/** What the writer needs from storage; UsageRepository provides it. */
export interface UsageBatchSink {
  insertMany(rows: readonly UsageRow[]): Promise<void>;
}

export interface UsageWriterLogger {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface UsageDropEvent {
  row: UsageRow;
  reason: 'queue_full' | 'closed';
  /** Rows dropped so far, this one included. */
  dropped: number;
}

export interface BatchingUsageRecorderOptions {
  repository: UsageBatchSink;
  /** Most rows per write; a full batch is written without waiting for the timer. */
  batchSize: number;
  flushIntervalMs: number;
  /** Most rows held in memory (waiting and in flight); further rows are dropped. */
  queueLimit: number;
  logger?: UsageWriterLogger;
  onDrop?: (event: UsageDropEvent) => void;
  /** Delay before the first retry of a failed write, doubled per failure up to retryMaxMs. Default 500. */
  retryBaseMs?: number;
  /** Default 30,000. */
  retryMaxMs?: number;
  /** flush() rejects after this many failed writes since it was called. Default 5. */
  flushAttempts?: number;
}

export interface UsageWriterStats {
  /** Rows held in memory, including a batch being written. */
  queued: number;
  written: number;
  dropped: number;
  /** Failed write attempts. */
  failures: number;
  /** Failures since the last successful write (0 while writes succeed). */
  consecutiveFailures: number;
  /** The last write failure's message, kept until a write succeeds. */
  lastError: string | null;
  /** Most rows held before new ones are dropped. */
  queueLimit: number;
}

interface FlushWaiter {
  /** Resolved once this many rows (counted since start) are written. */
  target: number;
  failuresLeft: number;
  resolve(): void;
  reject(error: Error): void;
}

export class BatchingUsageRecorder implements UsageRecorder {
  readonly #options: Required<Omit<BatchingUsageRecorderOptions, 'logger' | 'onDrop'>> & BatchingUsageRecorderOptions;
  /** FIFO; the batch being written stays at the head until the write succeeds. */
  readonly #queue: UsageRow[] = [];
  #waiters: FlushWaiter[] = [];
  #accepted = 0;
  #written = 0;
  #dropped = 0;
  #failures = 0;
  #consecutiveFailures = 0;
  #lastError = '';
  #dropping = false;
  #closed = false;
  #writing: Promise<void> | null = null;
  #immediate: NodeJS.Immediate | null = null;
  #retryTimer: NodeJS.Timeout | null = null;
  readonly #interval: NodeJS.Timeout;

  constructor(options: BatchingUsageRecorderOptions) {
    for (const name of ['batchSize', 'flushIntervalMs', 'queueLimit'] as const) {
      if (!(options[name] > 0)) throw new RangeError(`BatchingUsageRecorder: ${name} must be positive, got ${options[name]}`);
    }
    this.#options = { retryBaseMs: 500, retryMaxMs: 30_000, flushAttempts: 5, ...options };
    this.#interval = setInterval(() => this.#onInterval(), options.flushIntervalMs);
    // The timer alone must not keep the process alive; pending flush() calls do (see #onFailure).
    this.#interval.unref();
  }

  record(row: UsageRow): void {
    try {
      if (this.#closed) return this.#drop(row, 'closed');
      if (this.#queue.length >= this.#options.queueLimit) return this.#drop(row, 'queue_full');
      this.#queue.push(row);
      this.#accepted += 1;
      if (this.#queue.length >= this.#options.batchSize) this.#scheduleSoon();
    } catch {
      // record() must never throw into the request path; a throwing onDrop or logger is ignored.
    }
  }

  /** Resolves when every row recorded before the call is written; rejects after flushAttempts failed writes. */
  flush(): Promise<void> {
    const target = this.#accepted;
    if (this.#written >= target) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.#waiters.push({ target, failuresLeft: this.#options.flushAttempts, resolve, reject });
      // Someone is waiting: try now instead of sitting out the current backoff.
      this.#clearRetryTimer();
      this.#pump();
    });
  }

  /** Stops the timer and flushes. Rows recorded afterwards are dropped (reason 'closed'). */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#interval);
    try {
      await this.flush();
    } catch (error) {
      this.#safeLog('error', { err: error, unwritten: this.#queue.length }, 'usage rows could not be written before shutdown');
      throw error;
    } finally {
      this.#clearRetryTimer();
      if (this.#immediate !== null) clearImmediate(this.#immediate);
      this.#immediate = null;
    }
  }

  stats(): UsageWriterStats {
    return {
      queued: this.#queue.length,
      written: this.#written,
      dropped: this.#dropped,
      failures: this.#failures,
      consecutiveFailures: this.#consecutiveFailures,
      lastError: this.#consecutiveFailures > 0 ? this.#lastError : null,
      queueLimit: this.#options.queueLimit,
    };
  }

  #onInterval(): void {
    if (this.#retryTimer === null) this.#pump();
  }

  /** Starts a write on the next turn of the event loop, so record() returns at once. */
  #scheduleSoon(): void {
    if (this.#immediate !== null || this.#writing !== null || this.#retryTimer !== null) return;
    this.#immediate = setImmediate(() => {
      this.#immediate = null;
      this.#pump();
    });
  }

  #pump(): void {
    if (this.#writing !== null || this.#queue.length === 0) return;
    this.#writing = this.#drain().finally(() => {
      this.#writing = null;
    });
  }

  /** Writes batches until the queue is empty or a write fails. Never rejects. */
  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.slice(0, this.#options.batchSize);
      try {
        await this.#options.repository.insertMany(batch);
      } catch (error) {
        this.#onFailure(error);
        return;
      }
      this.#queue.splice(0, batch.length);
      this.#written += batch.length;
      this.#consecutiveFailures = 0;
      this.#dropping = false;
      this.#settleWaiters();
    }
  }

  #onFailure(error: unknown): void {
    this.#failures += 1;
    this.#consecutiveFailures += 1;
    const { retryBaseMs, retryMaxMs } = this.#options;
    const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(30, this.#consecutiveFailures - 1));
    this.#safeLog('warn', { err: error, queued: this.#queue.length, attempt: this.#consecutiveFailures, retryInMs: delay }, 'usage write failed; rows kept for retry');
    const message = error instanceof Error ? error.message : String(error);
    this.#lastError = message;
    this.#waiters = this.#waiters.filter((waiter) => {
      waiter.failuresLeft -= 1;
      if (waiter.failuresLeft > 0) return true;
      waiter.reject(new Error(`usage rows not written after ${this.#options.flushAttempts} attempts: ${message}`, { cause: error }));
      return false;
    });
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#pump();
    }, delay);
    // Keep the process alive for a retry only while somebody waits for it (a flush or a close).
    if (this.#waiters.length === 0) this.#retryTimer.unref();
  }

  #settleWaiters(): void {
    this.#waiters = this.#waiters.filter((waiter) => {
      if (waiter.target > this.#written) return true;
      waiter.resolve();
      return false;
    });
  }

  #drop(row: UsageRow, reason: UsageDropEvent['reason']): void {
    this.#dropped += 1;
    if (!this.#dropping) {
      // One line when dropping starts, not one per row; stats().dropped has the running count.
      this.#dropping = true;
      this.#safeLog('warn', { reason, dropped: this.#dropped, queueLimit: this.#options.queueLimit }, 'usage rows dropped');
    }
    this.#options.onDrop?.({ row, reason, dropped: this.#dropped });
  }

  #clearRetryTimer(): void {
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  #safeLog(level: 'warn' | 'error', object: object, message: string): void {
    try {
      this.#options.logger?.[level](object, message);
    } catch {
      // A failing logger must not stop the writer.
    }
  }
}
