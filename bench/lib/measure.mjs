/**
 * Measures one target: waits for a quiet machine, reads idle RSS, warms up, then runs the phases
 * (closed-loop max throughput, open loop at 500 and 2000 req/s, streams, and for the targets asked
 * the soak: many requests at a steady rate with RSS followed throughout) with the server's CPU
 * time, each CPU's busy share and the unaccounted CPU recorded around each phase, and the peak
 * RSS sampled throughout. After each phase `afterPhase` runs (the gateway's /metrics scrape).
 * Counts every request sent, for the usage-row check.
 */

import { maxThroughput, openLoop } from './drivers.mjs';
import { cpuBusyBetween, cpuSeconds, cpuTimes, machineBusyPercent, rssMiB, sampleRss, sampleRssTimeline } from './procfs.mjs';

export const RATES = { low: 500, high: 2000, streams: 100 };
/** Below this share of the whole machine busy, a target's run may start. */
const QUIET_PERCENT = 10;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message) => process.stderr.write(`bench: ${message}\n`);

/** Adds a phase's requests to the target's count: every request begun, and those answered. */
export function tally(counter, phase) {
  const statusErrors = Object.entries(phase.errorKinds ?? {})
    .filter(([kind]) => kind.startsWith('status_'))
    .reduce((sum, [, count]) => sum + count, 0);
  counter.sent += phase.sent + (phase.warmup?.sent ?? 0);
  counter.answered += (phase.requests ?? phase.ok + statusErrors) + (phase.warmup?.ok ?? 0);
  return phase;
}

/**
 * Runs one load phase and accounts for the CPU around it: the server's and the mock's CPU time,
 * each CPU's busy share, and the "unaccounted" share of the machine that none of our processes
 * (server, mock, load driver) used: kernel network work on their behalf, or other load on the
 * machine, which makes the phase's figures suspect when it is large.
 */
async function withCpuAccounting({ pid, mockPid }, runPhase) {
  const serverBefore = cpuSeconds(pid);
  const mockBefore = pid === mockPid ? 0 : cpuSeconds(mockPid);
  const timesBefore = cpuTimes();
  const phase = await runPhase();
  const serverCpu = cpuSeconds(pid) - serverBefore;
  const mockCpu = pid === mockPid ? 0 : cpuSeconds(mockPid) - mockBefore;
  const { percent, busySeconds, wallSeconds } = cpuBusyBetween(timesBefore, cpuTimes());
  const unaccounted = busySeconds - serverCpu - mockCpu - (phase.driverCpuSeconds ?? 0);
  const cpus = Object.keys(percent).length;
  phase.cpu = {
    serverSeconds: Math.round(serverCpu * 100) / 100,
    serverPercent: Math.round((serverCpu / wallSeconds) * 1000) / 10,
    mockPercent: pid === mockPid ? null : Math.round((mockCpu / wallSeconds) * 1000) / 10,
    driverPercent: phase.driverCpuSeconds === null ? null : Math.round((phase.driverCpuSeconds / wallSeconds) * 1000) / 10,
    busyPercentByCpu: percent,
    unaccountedPercentOfMachine: Math.round((Math.max(0, unaccounted) / (wallSeconds * cpus)) * 1000) / 10,
  };
  return phase;
}

/** Waits (up to maxS) for the machine to be nearly idle, so that other work does not skew a target. */
async function waitForQuiet({ id, maxS }) {
  const deadline = Date.now() + maxS * 1000;
  let busy = await machineBusyPercent(1000);
  if (busy > QUIET_PERCENT) log(`[${id}] machine ${busy}% busy before the run; waiting up to ${maxS} s for it to settle`);
  while (busy > QUIET_PERCENT && Date.now() < deadline) busy = await machineBusyPercent(1000);
  if (busy > QUIET_PERCENT) log(`[${id}] machine still ${busy}% busy; measuring anyway (figures will be noisy)`);
  return busy;
}

/** Median of the samples' `mib` whose index lies in [from, to). */
function medianMiB(samples, from, to) {
  const values = samples.slice(from, to).map((sample) => sample.mib).sort((a, b) => a - b);
  return values.length === 0 ? null : values[Math.floor(values.length / 2)];
}

/**
 * The soak: `requests` requests in open loop at `rate` req/s (after the phases' warm-up at the same
 * rate), the server's RSS sampled every second from before the warm-up. Growth is the RSS at the end minus at the start; because a garbage-collected heap
 * breathes, the medians of the first and last tenth of the samples are reported beside it.
 */
async function soak({ load, pid, mockPid, requests, rate, warmupS, drainTimeoutS }) {
  const durationS = Math.max(1, Math.round(requests / rate));
  const rssStartMiB = rssMiB(pid);
  const timeline = sampleRssTimeline(pid, 1000);
  // Like the other open-loop phases, a warm-up at the same rate is left out of the latencies: the
  // load generator's own start (a new pool of connections) would otherwise show as a stall.
  const phase = await withCpuAccounting({ pid, mockPid }, () => openLoop({ ...load, rate, durationS, warmupS, drainTimeoutS }));
  const samples = timeline.stop();
  const rssEndMiB = rssMiB(pid);
  const tenth = Math.max(1, Math.floor(samples.length / 10));
  phase.rss = {
    startMiB: rssStartMiB,
    endMiB: rssEndMiB,
    peakMiB: Math.max(...samples.map((sample) => sample.mib), rssStartMiB ?? 0, rssEndMiB ?? 0),
    growthMiB: rssStartMiB === null || rssEndMiB === null ? null : Math.round((rssEndMiB - rssStartMiB) * 10) / 10,
    firstTenthMedianMiB: medianMiB(samples, 0, tenth),
    lastTenthMedianMiB: medianMiB(samples, samples.length - tenth, samples.length),
    samples,
  };
  return phase;
}

/**
 * @param {{ id: string, url: string, pid: number, auth?: string, mockPid: number,
 *           counter: { sent: number, answered: number }, settings: object,
 *           afterPhase?: (name: string) => Promise<unknown> }} options
 */
export async function measureTarget({ id, url, pid, auth, settings, mockPid, counter, afterPhase }) {
  const { durationS, warmupS, pauseMs, loadCpu, useWrk } = settings;
  const load = { url, auth, cpu: loadCpu };
  const backgroundBusyPercent = await waitForQuiet({ id, maxS: settings.quietWaitS });
  const rssIdleMiB = rssMiB(pid);
  const rss = sampleRss(pid);

  log(`[${id}] warm-up ${warmupS} s`);
  tally(counter, await maxThroughput({ ...load, connections: 64, durationS: warmupS, useWrk }));
  await sleep(pauseMs);

  log(`[${id}] max throughput (${useWrk ? 'wrk' : 'undici closed loop'}, 64 connections) ${durationS} s`);
  const max = await withCpuAccounting({ pid, mockPid }, () => maxThroughput({ ...load, connections: 64, durationS, useWrk }));
  tally(counter, max);
  max.cpuPerRequestUs = max.requests > 0 ? Math.round((max.cpu.serverSeconds / max.requests) * 1e7) / 10 : null;
  const scrapes = {};
  if (afterPhase) scrapes.max = await afterPhase('max');
  await sleep(pauseMs);

  const phases = {};
  for (const [name, rate, stream] of [['open500', RATES.low, false], ['open2000', RATES.high, false], ['stream', RATES.streams, true]]) {
    const phaseWarmupS = stream ? (settings.streamWarmupS ?? settings.phaseWarmupS) : settings.phaseWarmupS;
    log(`[${id}] open loop ${rate} ${stream ? 'streams' : 'req'}/s ${durationS} s (+${phaseWarmupS} s warm-up)`);
    const phase = await withCpuAccounting({ pid, mockPid }, () => openLoop({ ...load, rate, durationS, warmupS: phaseWarmupS, stream }));
    phases[name] = tally(counter, phase);
    if (afterPhase) scrapes[name] = await afterPhase(name);
    await sleep(pauseMs);
  }
  const { soak: soakSettings } = settings;
  if (soakSettings && soakSettings.requests > 0 && soakSettings.targets.includes(id)) {
    log(`[${id}] soak: ${soakSettings.requests} requests at ${soakSettings.rate} req/s (open loop), RSS sampled every second`);
    phases.soak = tally(counter, await soak({ load, pid, mockPid, requests: soakSettings.requests, rate: soakSettings.rate, warmupS: settings.phaseWarmupS, drainTimeoutS: 30 }));
    if (afterPhase) scrapes.soak = await afterPhase('soak');
  }
  return { url, pid, backgroundBusyPercent, rssIdleMiB, rssPeakMiB: rss.stop(), max, ...phases, ...(afterPhase ? { scrapes } : {}) };
}
