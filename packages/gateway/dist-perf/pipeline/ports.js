/**
 * What the data plane needs from the outside, declared here and implemented elsewhere (store/ for
 * SQLite/Postgres, in-memory versions for tests and benchmarks). The data plane never imports store/.
 */
export {};
//# sourceMappingURL=ports.js.map