/**
 * Turns a run's results into the one Markdown table (each target's figures, then gateway vs bare
 * proxy and gateway vs direct), describes the machine, and writes both into docs/performance.md
 * between its `bench:latest` markers.
 */

import fs from 'node:fs';
import os from 'node:os';

export const TARGETS = [
  ['direct', 'direct → mock'],
  ['bare', 'bare proxy'],
  ['gateway', 'gateway'],
];

const START_MARKER = '<!-- bench:latest:start -->';
const END_MARKER = '<!-- bench:latest:end -->';

export function machineInfo() {
  let cpuModel = 'unknown';
  try {
    cpuModel = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux
  }
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

const fixed = (value, digits = 2) => (value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
const added = (a, b) => (a === null || a === undefined || b === null || b === undefined ? '—' : `${a - b >= 0 ? '+' : ''}${(a - b).toFixed(2)} ms`);
const percentiles = (s) => (s?.count ? `${fixed(s.p50)} / ${fixed(s.p90)} / ${fixed(s.p99)} / ${fixed(s.max, 1)}` : '—');
const errorsOf = (phase) => (phase ? `${phase.errors} / ${phase.sent}` : '—');

/** The one table: a row per figure, a column per target, then the two comparisons. */
export function buildTable(results) {
  const t = Object.fromEntries(TARGETS.map(([id]) => [id, results.targets[id] ?? null]));
  const cell = (id, pick) => (t[id] ? pick(t[id]) : '—');
  const rows = [];
  const row = (label, pick, compare) => {
    const values = TARGETS.map(([id]) => cell(id, pick));
    const [vsBare, vsDirect] = t.gateway ? [compare(t.gateway, t.bare), compare(t.gateway, t.direct)] : ['—', '—'];
    rows.push(`| ${label} | ${values.join(' | ')} | ${t.bare ? vsBare : '—'} | ${t.direct ? vsDirect : '—'} |`);
  };
  const none = () => '—';
  const rps = (x) => x.max?.requestsPerSecond;
  const cpu = (x) => x.max?.cpuPerRequestUs;
  const p = (phase, q) => (x) => x[phase]?.latencyMs?.[q];
  const ttfb = (q) => (x) => x.stream?.ttfbMs?.[q];

  row('Max throughput, closed loop, 64 conns (req/s)', (x) => fixed(rps(x), 0), (g, o) => ratio(rps(g), o && rps(o)));
  row('Server CPU per request at max throughput (µs)', (x) => fixed(cpu(x), 1), (g, o) => ratio(cpu(g), o && cpu(o)));
  const openPhases = ['open500', 'open2000', 'stream'];
  row('Server CPU per request at 500 · 2000 req/s · 100 streams/s (µs)', (x) => openPhases.map((name) => fixed(phaseCpuPerRequest(x[name]), 0)).join(' · '), (g, o) =>
    o ? openPhases.map((name) => ratio(phaseCpuPerRequest(g[name]), phaseCpuPerRequest(o[name]))).join(' · ') : '—',
  );
  row('CPU busy during max phase: CPU0 load+mock / CPU1 server (%)', (x) => busy(x.max), none);
  row('Noise: CPU none of our processes used, worst phase (% of machine)', noise, none);
  row('Open loop 500 req/s: p50 / p90 / p99 / max (ms)', (x) => percentiles(x.open500?.latencyMs), (g, o) => o && added(p('open500', 'p50')(g), p('open500', 'p50')(o)));
  row('Open loop 2000 req/s: p50 / p90 / p99 / max (ms)', (x) => percentiles(x.open2000?.latencyMs), (g, o) => o && added(p('open2000', 'p50')(g), p('open2000', 'p50')(o)));
  row('Stream 100/s, 20 chunks × 5 ms: TTFB p50 / p90 / p99 / max (ms)', (x) => percentiles(x.stream?.ttfbMs), (g, o) => o && added(ttfb('p50')(g), ttfb('p50')(o)));
  row('Stream total time p50 / p90 / p99 / max (ms)', (x) => percentiles(x.stream?.latencyMs), (g, o) => o && added(p('stream', 'p50')(g), p('stream', 'p50')(o)));
  row('Errors / sent: 500 · 2000 · stream', (x) => `${errorsOf(x.open500)} · ${errorsOf(x.open2000)} · ${errorsOf(x.stream)}`, none);
  row('Server RSS idle / peak (MiB)', (x) => `${fixed(x.rssIdleMiB, 0)} / ${fixed(x.rssPeakMiB, 0)}`, (g, o) => ratio(g.rssPeakMiB, o && o.rssPeakMiB));
  const soakSettings = results.meta.soak;
  if (soakSettings?.requests > 0 && Object.values(t).some((x) => x?.soak)) {
    const soakLabel = `Soak, ${soakSettings.requests} req at ${soakSettings.rate} req/s`;
    row(`${soakLabel}: RSS start / end / peak (MiB), growth`, soakRss, none);
    row(`${soakLabel}: p50 / p90 / p99 / max (ms), errors`, (x) => (x.soak ? `${percentiles(x.soak.latencyMs)}, ${errorsOf(x.soak)}` : '—'), (g, o) =>
      o?.soak && g.soak ? added(g.soak.latencyMs.p50, o.soak.latencyMs.p50) : '—',
    );
  }

  const paired = results.interleaved;
  if (paired) {
    const range = `${added(paired.minGapMs, 0)} … ${added(paired.maxGapMs, 0)}`;
    rows.push(
      `| Stream TTFB p50, ${paired.rounds} alternating rounds of ${paired.durationS} s: median of the rounds' p50 (ms) | — | ${fixed(paired.bareMedianMs)} | ${fixed(paired.gatewayMedianMs)} | ${added(paired.medianGapMs, 0)} (rounds ${range}) | — |`,
    );
  }

  const header = `| Figure | ${TARGETS.map(([, label]) => label).join(' | ')} | gateway vs bare | gateway vs direct |`;
  const rule = `|---|${TARGETS.map(() => '---:').join('|')}|---:|---:|`;
  return [header, rule, ...rows].join('\n');
}

/** The soak's RSS figures, with the medians of its first and last tenth when they differ from start/end. */
function soakRss(target) {
  const rss = target.soak?.rss;
  if (!rss) return '—';
  const growth = rss.growthMiB === null ? '—' : `${rss.growthMiB >= 0 ? '+' : ''}${fixed(rss.growthMiB, 0)}`;
  const medians = `first/last tenth median ${fixed(rss.firstTenthMedianMiB, 0)} → ${fixed(rss.lastTenthMedianMiB, 0)}`;
  return `${fixed(rss.startMiB, 0)} / ${fixed(rss.endMiB, 0)} / ${fixed(rss.peakMiB, 0)}, ${growth} (${medians})`;
}

/** Server CPU per request over an open-loop phase, warm-up and drain included (all its requests). */
function phaseCpuPerRequest(phase) {
  const requests = (phase?.sent ?? 0) + (phase?.warmup?.sent ?? 0);
  return phase?.cpu && requests > 0 ? (phase.cpu.serverSeconds / requests) * 1e6 : null;
}

function busy(max) {
  const b = max?.cpu?.busyPercentByCpu;
  return b ? `${fixed(b[0] ?? null, 0)} / ${fixed(b[1] ?? null, 0)}` : '—';
}

/** The largest unaccounted CPU share over a target's phases (kernel network work, or other load). */
function noise(target) {
  const shares = ['max', 'open500', 'open2000', 'stream'].map((name) => target[name]?.cpu?.unaccountedPercentOfMachine).filter((v) => v !== undefined);
  return shares.length ? fixed(Math.max(...shares), 1) : '—';
}

/** One line on usage rows vs requests sent to the gateway. */
export function usageLine(usage) {
  if (!usage) return 'Usage rows: gateway not run.';
  if (usage.error) return `Usage rows: could not be counted (${usage.error}).`;
  const { rows, requests } = usage;
  const verdict = rows.total >= requests.answered && rows.total <= requests.sent && rows.duplicates === 0 ? 'consistent' : 'MISMATCH';
  const metrics = usage.metrics && !usage.metrics.error
    ? ` Before SIGTERM, GET /metrics (${fixed(usage.metrics.bytes / 1024, 0)} KiB in ${fixed(usage.metrics.ms, 1)} ms) counted ${usage.metrics.requestsTotal} finished requests, ${usage.metrics.usageWritten} rows written, ${usage.metrics.usageQueued} queued, ${usage.metrics.usageDropped} dropped.`
    : usage.metrics?.error
      ? ` GET /metrics failed: ${usage.metrics.error}.`
      : '';
  const outcomes = rows.byOutcome.map((group) => `${group.count} ${group.outcome}/${group.status}${group.stream ? '/stream' : ''}`).join(', ');
  return (
    `Usage rows after SIGTERM (${usage.stop.clean ? 'clean exit' : 'had to be killed'}, code ${usage.stop.code}): ` +
    `**${rows.total}** rows for ${requests.answered} requests answered and ${requests.sent} sent (${verdict}; requests cut off when a driver stops may or may not have reached the gateway); ` +
    `by outcome/status: ${outcomes || 'none'}; by deployment: ${Object.entries(rows.byDeployment).map(([id, count]) => `${count} ${id}`).join(', ')}; ` +
    `rows with estimated tokens: ${rows.estimated}; duplicate request ids: ${rows.duplicates ?? '—'}.${metrics}`
  );
}

/** The section written into docs/performance.md for this run. */
export function latestSection(results, table) {
  const { meta } = results;
  const m = meta.machine;
  return [
    `Run on ${meta.date} — ${m.nproc} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.kernel}, Node ${m.node}; ` +
      `gateway at commit ${meta.gateway.commit ?? 'unknown'}${meta.gateway.sourcesDirty ? ' with local changes' : ''}` +
      `${meta.gateway.distStale ? ' (dist older than the sources!)' : ''}.`,
    `Driver: ${meta.driver}; ${meta.pinning}; phases of ${meta.durationS} s after a ${meta.warmupS} s warm-up` +
      `${meta.streamWarmupS !== undefined && meta.streamWarmupS !== meta.warmupS ? ` (the stream phase after ${meta.streamWarmupS} s)` : ''}; ` +
      `mock streams ${meta.mock.chunks} chunks ${meta.mock.intervalMs} ms apart` +
      `${meta.soak?.requests > 0 ? `; soak of ${meta.soak.requests} requests at ${meta.soak.rate} req/s (open loop) on ${meta.soak.targets.join(', ')}` : ''}` +
      `${results.interleaved ? `; then ${results.interleaved.rounds} alternating stream rounds of ${results.interleaved.durationS} s (+${results.interleaved.warmupS} s) on the bare proxy and the gateway, ABBA` : ''}` +
      `${meta.gatewayDist && meta.gatewayDist !== 'dist' ? `; gateway build packages/gateway/${meta.gatewayDist}` : ''}` +
      `; gateway node flags: ${meta.gatewayNodeFlags?.length ? `\`${meta.gatewayNodeFlags.join(' ')}\`` : 'none'}` +
      `${meta.gatewayEnv ? `, environment: ${Object.entries(meta.gatewayEnv).map(([name, value]) => `\`${name}=${value}\``).join(' ')}` : ''}. Raw JSON: \`bench/results/${meta.resultFile}\`.`,
    '',
    table,
    '',
    usageLine(results.usage),
  ].join('\n');
}

/** Replaces the text between the markers in `file` (appends a section when the markers are missing). */
export function writeLatestSection(file, section) {
  const block = `${START_MARKER}\n${section}\n${END_MARKER}`;
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Performance\n';
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER);
  const next = start !== -1 && end > start ? `${text.slice(0, start)}${block}${text.slice(end + END_MARKER.length)}` : `${text.trimEnd()}\n\n## Latest run\n\n${block}\n`;
  fs.writeFileSync(file, next);
}
