/**
 * The `performance` channel's figures: the process's CPU share and memory, event-loop lag
 * (perf_hooks' delay histogram, reset at every sample so each one covers the last interval), free
 * disk of the data directory, uptime and the load average. The lag monitor runs only while the
 * channel has subscribers (start/stop).
 */

import { statfs } from 'node:fs/promises';
import { availableParallelism, freemem, loadavg, totalmem } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { IntervalHistogram } from 'node:perf_hooks';

export interface PerformanceSnapshot {
  at: string;
  uptimeSeconds: number;
  /** CPU time of this process over the last interval / wall time, in % of one core (may pass 100 on several cores). */
  cpuPercent: number;
  cpuCount: number;
  /** 1, 5 and 15 minute load averages of the machine (0 on Windows). */
  loadAverage: [number, number, number];
  memory: { rssBytes: number; heapUsedBytes: number; heapTotalBytes: number; externalBytes: number; systemFreeBytes: number; systemTotalBytes: number };
  /** Event-loop delay over the last interval, ms. */
  eventLoopLagMs: { p50: number; p99: number; max: number };
  /** Free and total bytes of the file system holding the data directory; null when it cannot be read. */
  disk: { path: string; freeBytes: number; totalBytes: number } | null;
}

const NS_PER_MS = 1e6;
const round = (value: number): number => Math.round(value * 100) / 100;

export class SystemSampler {
  readonly #dataDirectory: string;
  readonly #startedAt: number;
  #monitor: IntervalHistogram | null = null;
  #lastCpu = process.cpuUsage();
  #lastAt = performance.now();

  constructor(options: { dataDirectory: string; startedAtMs: number }) {
    this.#dataDirectory = options.dataDirectory;
    this.#startedAt = options.startedAtMs;
  }

  start(): void {
    if (this.#monitor) return;
    this.#monitor = monitorEventLoopDelay({ resolution: 10 });
    this.#monitor.enable();
    this.#lastCpu = process.cpuUsage();
    this.#lastAt = performance.now();
  }

  stop(): void {
    this.#monitor?.disable();
    this.#monitor = null;
  }

  async sample(): Promise<PerformanceSnapshot> {
    const nowAt = performance.now();
    const cpu = process.cpuUsage(this.#lastCpu);
    const elapsedMicros = Math.max(1, (nowAt - this.#lastAt) * 1000);
    this.#lastCpu = process.cpuUsage();
    this.#lastAt = nowAt;
    const memory = process.memoryUsage();
    const [one, five, fifteen] = loadavg();
    const snapshot: PerformanceSnapshot = {
      at: new Date().toISOString(),
      uptimeSeconds: Math.max(0, Math.floor((Date.now() - this.#startedAt) / 1000)),
      cpuPercent: round(((cpu.user + cpu.system) / elapsedMicros) * 100),
      cpuCount: availableParallelism(),
      loadAverage: [round(one), round(five), round(fifteen)],
      memory: {
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        heapTotalBytes: memory.heapTotal,
        externalBytes: memory.external,
        systemFreeBytes: freemem(),
        systemTotalBytes: totalmem(),
      },
      eventLoopLagMs: this.#lag(),
      disk: await this.#disk(),
    };
    return snapshot;
  }

  #lag(): PerformanceSnapshot['eventLoopLagMs'] {
    const monitor = this.#monitor;
    if (!monitor || monitor.count === 0) return { p50: 0, p99: 0, max: 0 };
    const lag = { p50: round(monitor.percentile(50) / NS_PER_MS), p99: round(monitor.percentile(99) / NS_PER_MS), max: round(monitor.max / NS_PER_MS) };
    monitor.reset();
    return lag;
  }

  async #disk(): Promise<PerformanceSnapshot['disk']> {
    try {
      const stats = await statfs(this.#dataDirectory);
      return { path: this.#dataDirectory, freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
    } catch {
      // The directory may not exist (Postgres, or sqlite::memory:); the rest of the sample still counts.
      return null;
    }
  }
}
