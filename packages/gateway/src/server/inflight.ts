/**
 * Requests in flight, each with an abort signal (request-abort-signal.ts): aborted when its client
 * disconnects, or by the shutdown sequence once its grace period is over. Lets SIGTERM wait for
 * streams to finish.
 */

import type { ServerResponse } from 'node:http';
import { RequestAbortSignal } from './request-abort-signal.js';

export type AbortReason = 'client_disconnected' | 'shutdown';

export interface InflightCall {
  signal: AbortSignal;
  reason(): AbortReason | null;
  done(): void;
}

export class InflightRegistry {
  private readonly calls = new Set<{ signal: RequestAbortSignal; reason: AbortReason | null }>();
  private idleWaiters: Array<() => void> = [];

  get size(): number {
    return this.calls.size;
  }

  /** Starts tracking a request; its signal aborts when `response` closes before it finished. */
  begin(response: ServerResponse): InflightCall {
    const entry = { signal: new RequestAbortSignal(), reason: null as AbortReason | null };
    this.calls.add(entry);
    const onClose = (): void => {
      if (!response.writableFinished && !entry.signal.aborted) {
        entry.reason = 'client_disconnected';
        entry.signal.abort(new Error('client disconnected'));
      }
    };
    response.once('close', onClose);
    let finished = false;
    return {
      signal: entry.signal.asAbortSignal(),
      reason: () => entry.reason,
      done: () => {
        if (finished) return;
        finished = true;
        response.off('close', onClose);
        this.calls.delete(entry);
        if (this.calls.size === 0) this.notifyIdle();
      },
    };
  }

  /** Resolves when no request is in flight, or after `timeoutMs`; returns whether it drained. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.calls.size === 0) return true;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(this.calls.size === 0), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Aborts every call still in flight (end of the shutdown grace period). */
  abortAll(): void {
    for (const entry of this.calls) {
      entry.reason = 'shutdown';
      entry.signal.abort(new Error('gateway shutting down'));
    }
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }
}
