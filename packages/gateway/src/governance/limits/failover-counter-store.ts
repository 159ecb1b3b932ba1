/**
 * A CounterStore that uses Redis and, while Redis fails or does not answer, the local store: limits
 * then hold per replica instead of across replicas (DESIGN.md, "Redis unavailable"). Counts taken
 * locally during an outage stay local; Redis resumes with what it had.
 */

import type { CounterStore, WindowCounter } from '../../pipeline/ports.js';
import { type FailoverOptions, FailoverState } from './failover-state.js';

export interface FailoverCounterStoreOptions extends FailoverOptions {
  primary: CounterStore;
  fallback: CounterStore;
}

type TakeResult = Awaited<ReturnType<CounterStore['take']>>;

export class FailoverCounterStore implements CounterStore {
  private readonly primary: CounterStore;
  private readonly fallback: CounterStore;
  private readonly state: FailoverState;

  constructor(options: FailoverCounterStoreOptions) {
    this.primary = options.primary;
    this.fallback = options.fallback;
    this.state = new FailoverState(options);
  }

  /** True while answering from the local store. */
  get degraded(): boolean {
    return this.state.isDegraded;
  }

  /** Probes Redis now; resolves true when it is in use again (health checks, tests). */
  checkNow(): Promise<boolean> {
    return this.state.check();
  }

  async take(counters: readonly WindowCounter[], nowMs: number): Promise<TakeResult> {
    if (this.state.usePrimary()) {
      try {
        return await this.primary.take(counters, nowMs);
      } catch (error) {
        this.state.absorb(error);
      }
    }
    return this.fallback.take(counters, nowMs);
  }

  async add(counters: ReadonlyArray<Pick<WindowCounter, 'key' | 'windowMs' | 'amount'>>, nowMs: number): Promise<void> {
    if (this.state.usePrimary()) {
      try {
        return await this.primary.add(counters, nowMs);
      } catch (error) {
        this.state.absorb(error);
      }
    }
    return this.fallback.add(counters, nowMs);
  }
}
