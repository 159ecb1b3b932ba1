/** In-memory implementations of the data plane's ports, for tests and benchmarks without a database. */
export class MemoryKeyLookup {
    byHash = new Map();
    add(hash, key) {
        this.byHash.set(hash, key);
    }
    async findByHash(hash) {
        return this.byHash.get(hash) ?? null;
    }
}
export class MemoryUsageRecorder {
    rows = [];
    record(row) {
        this.rows.push(row);
    }
    async flush() { }
}
//# sourceMappingURL=memory-ports.js.map