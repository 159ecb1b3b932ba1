/** In-memory implementations of the data plane's ports, for tests and benchmarks without a database. */

import type { KeyLookup, KeyRecord, UsageRecorder, UsageRow } from './ports.js';

export class MemoryKeyLookup implements KeyLookup {
  private readonly byHash = new Map<string, KeyRecord>();

  add(hash: string, key: KeyRecord): void {
    this.byHash.set(hash, key);
  }

  async findByHash(hash: string): Promise<KeyRecord | null> {
    return this.byHash.get(hash) ?? null;
  }
}

export class MemoryUsageRecorder implements UsageRecorder {
  readonly rows: UsageRow[] = [];

  record(row: UsageRow): void {
    this.rows.push(row);
  }

  async flush(): Promise<void> {}
}
