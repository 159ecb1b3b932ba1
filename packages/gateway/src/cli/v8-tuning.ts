/**
 * V8 settings for the long-running server (`switchyard start` only; the CLI's short commands and
 * tests keep V8's defaults). Measured in docs/performance.md ("What was changed").
 *
 * Allocation-site pretenuring off: V8 learns, per allocation site, whether its objects tend to
 * survive, and then allocates that site's objects straight in the old generation. Start-up and
 * the first bursts of traffic teach it that the request path's objects survive (they are in flight
 * when a scavenge comes), after which every request's objects land in the old generation, keep the
 * young objects they point to alive through scavenges, and are only freed by full collections:
 * under load each scavenge then promoted about 1.3 MB instead of 0.2 MB, took 6 ms instead of
 * 2 ms, and the heap grew by 200 MB between full collections (the RSS peak and the 50–150 ms
 * stalls). Set before the gateway is built; an operator's own `--allocation-site-pretenuring`
 * (on the command line or in NODE_OPTIONS) wins.
 */

import { setFlagsFromString } from 'node:v8';

const FLAG = 'allocation-site-pretenuring';

export function applyServerV8Tuning(options: { execArgv: readonly string[]; nodeOptions: string | undefined }): string[] {
  const given = [...options.execArgv, ...(options.nodeOptions ?? '').split(/\s+/)];
  if (given.some((argument) => argument.includes(FLAG))) return [];
  setFlagsFromString(`--no-${FLAG}`);
  return [`--no-${FLAG}`];
}
