/**
 * The `performance` channel's figures: the process's CPU share and memory, event-loop lag
 * (perf_hooks' delay histogram, reset at every sample so each one covers the last interval), free
 * disk of the data directory, uptime and the load average. The lag monitor runs only while the
 * channel has subscribers (start/stop).
 */
import { statfs } from 'node:fs/promises';
import { availableParallelism, freemem, loadavg, totalmem } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
const NS_PER_MS = 1e6;
const round = (value) => Math.round(value * 100) / 100;
export class SystemSampler {
    #dataDirectory;
    #startedAt;
    #monitor = null;
    #lastCpu = process.cpuUsage();
    #lastAt = performance.now();
    constructor(options) {
        this.#dataDirectory = options.dataDirectory;
        this.#startedAt = options.startedAtMs;
    }
    start() {
        if (this.#monitor)
            return;
        this.#monitor = monitorEventLoopDelay({ resolution: 10 });
        this.#monitor.enable();
        this.#lastCpu = process.cpuUsage();
        this.#lastAt = performance.now();
    }
    stop() {
        this.#monitor?.disable();
        this.#monitor = null;
    }
    async sample() {
        const nowAt = performance.now();
        const cpu = process.cpuUsage(this.#lastCpu);
        const elapsedMicros = Math.max(1, (nowAt - this.#lastAt) * 1000);
        this.#lastCpu = process.cpuUsage();
        this.#lastAt = nowAt;
        const memory = process.memoryUsage();
        const [one, five, fifteen] = loadavg();
        const snapshot = {
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
    #lag() {
        const monitor = this.#monitor;
        if (!monitor || monitor.count === 0)
            return { p50: 0, p99: 0, max: 0 };
        const lag = { p50: round(monitor.percentile(50) / NS_PER_MS), p99: round(monitor.percentile(99) / NS_PER_MS), max: round(monitor.max / NS_PER_MS) };
        monitor.reset();
        return lag;
    }
    async #disk() {
        try {
            const stats = await statfs(this.#dataDirectory);
            return { path: this.#dataDirectory, freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
        }
        catch {
            // The directory may not exist (Postgres, or sqlite::memory:); the rest of the sample still counts.
            return null;
        }
    }
}
//# sourceMappingURL=system-sampler.js.map