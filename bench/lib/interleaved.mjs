/**
 * The stream TTFB of the bare proxy and the gateway in alternating rounds, both servers up and warm
 * (after every target's own phases). The full run measures the targets one after the other, minutes
 * apart, and the host's speed drifts in between: in one afternoon both servers' CPU per stream
 * moved by a fifth from run to run, and the TTFB gap with it (docs/performance.md, "Noise and
 * spread"). Rounds a few seconds apart share the machine's state. They run in ABBA order (bare
 * first in even rounds, the gateway first in odd ones), so that a trend within the check cancels
 * out, and the gap is the median of the rounds' paired differences of p50.
 */

import { openLoop } from './drivers.mjs';
import { tally } from './measure.mjs';
import { median } from './stats.mjs';

/**
 * @param {{ bare: { url: string }, gateway: { url: string, auth?: string }, rounds: number, durationS: number,
 *           warmupS: number, rate: number, cpu: number | null, counter: { sent: number, answered: number },
 *           log: (message: string) => void }} options  `counter` is the gateway's (its usage rows are checked against it).
 */
export async function interleavedStreams({ bare, gateway, rounds, durationS, warmupS, rate, cpu, counter, log }) {
  const bareP50 = [];
  const gatewayP50 = [];
  const errors = { bare: 0, gateway: 0 };
  log(`interleaved streams: ${rounds} rounds of ${durationS} s (+${warmupS} s) on each server, ${rate}/s, ABBA order`);
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? ['bare', 'gateway'] : ['gateway', 'bare'];
    for (const name of order) {
      const target = name === 'bare' ? bare : gateway;
      const phase = await openLoop({ url: target.url, auth: target.auth, cpu, rate, durationS, warmupS, stream: true });
      if (name === 'gateway') tally(counter, phase);
      errors[name] += phase.errors;
      (name === 'bare' ? bareP50 : gatewayP50).push(phase.ttfbMs?.p50 ?? Number.NaN);
    }
  }
  const gapsMs = gatewayP50.map((value, index) => value - bareP50[index]);
  return {
    rounds,
    durationS,
    warmupS,
    rate,
    bareP50Ms: bareP50,
    gatewayP50Ms: gatewayP50,
    gapsMs,
    bareMedianMs: median(bareP50),
    gatewayMedianMs: median(gatewayP50),
    medianGapMs: median(gapsMs),
    minGapMs: Math.min(...gapsMs),
    maxGapMs: Math.max(...gapsMs),
    errors,
  };
}
