/**
 * V8 settings for the long-running server (`switchyard start` only; the CLI's short commands and
 * tests keep V8's defaults). Measured in docs/performance.md ("What was changed"). Set before the
 * gateway is built; an operator's own value of either flag (on the command line or in
 * NODE_OPTIONS) wins.
 *
 * Allocation-site pretenuring off: V8 learns, per allocation site, whether its objects tend to
 * survive, and then allocates that site's objects straight in the old generation. Start-up and
 * the first bursts of traffic teach it that the request path's objects survive (they are in flight
 * when a scavenge comes), after which every request's objects land in the old generation, keep the
 * young objects they point to alive through scavenges, and are only freed by full collections:
 * under load each scavenge then promoted about 1.3 MB instead of 0.2 MB, took 6 ms instead of
 * 2 ms, and the heap grew by 200 MB between full collections (the RSS peak and the 50–150 ms
 * stalls).
 *
 * Heap growing factor 1.5: after a full collection V8 lets the old generation grow to up to four
 * times what survived before it collects again. A gateway's live heap is small (about 30 MB) and
 * what it promotes under load is mostly request objects that were in flight at a scavenge, dead a
 * moment later, so the default let 60 MB of garbage pile up before each full collection. At 1.5×
 * resident memory under maximum load fell from about 220 to 180 MB for no measurable CPU. At 1.25×
 * (tried with a 12 MB young generation) the peak fell by another 10 MiB, but the more frequent full
 * collections raised p99 at 2000 req/s from about 8 to 35 ms (docs/performance.md), so 1.5 it is.
 */

import { setFlagsFromString } from 'node:v8';

const TUNING: readonly { name: string; flag: string }[] = [
  { name: 'allocation-site-pretenuring', flag: '--no-allocation-site-pretenuring' },
  { name: 'heap-growing-percent', flag: '--heap-growing-percent=50' },
];

/** Applies the flags the operator did not set themselves; returns those applied. */
export function applyServerV8Tuning(options: { execArgv: readonly string[]; nodeOptions: string | undefined }): string[] {
  const given = [...options.execArgv, ...(options.nodeOptions ?? '').split(/\s+/)].map((argument) => argument.replaceAll('_', '-'));
  const applied: string[] = [];
  for (const { name, flag } of TUNING) {
    if (given.some((argument) => argument.includes(name))) continue;
    setFlagsFromString(flag);
    applied.push(flag);
  }
  return applied;
}
