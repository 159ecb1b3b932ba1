/**
 * Figures of the degradation scenario, per strategy and phase: requests, errors, the share of
 * answers each deployment gave (from the x-switchyard-provider header), the share of upstream
 * attempts the degraded one received (from the mock's counters: failed attempts retried elsewhere
 * count there too), and the latency clients saw (p50 / p90 / p99, from the time each request was due).
 * Phases: `before` (due before the degradation), `after` (due after it) and `after, settled` (the
 * second half of `after`, once the strategy had time to react).
 */

import { summarize } from './stats.mjs';

const percent = (part, whole) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * @param {{ samples: Array<{ dueMs: number, latencyMs: number, status: number, provider: string | null }>,
 *           degradedAtMs: number, endMs: number, degraded: string, providers: string[],
 *           attempts: { before: Record<string, number>, after: Record<string, number> } }} run
 */
export function phaseFigures(run) {
  const windows = {
    before: (sample) => sample.dueMs < run.degradedAtMs,
    after: (sample) => sample.dueMs >= run.degradedAtMs,
    'after, settled': (sample) => sample.dueMs >= run.degradedAtMs + (run.endMs - run.degradedAtMs) / 2,
  };
  return Object.entries(windows).map(([phase, inWindow]) => {
    const samples = run.samples.filter(inWindow);
    const answered = samples.filter((sample) => sample.status === 200);
    const byProvider = Object.fromEntries(run.providers.map((id) => [id, percent(answered.filter((sample) => sample.provider === id).length, answered.length)]));
    const attempts = phase === 'before' ? run.attempts.before : run.attempts.after;
    const attemptTotal = Object.values(attempts).reduce((sum, count) => sum + count, 0);
    return {
      phase,
      requests: samples.length,
      errors: samples.length - answered.length,
      answeredShare: byProvider,
      degradedAnswerShare: byProvider[run.degraded] ?? 0,
      // The mock's counters are read at the degradation and at the end only, so `after, settled` repeats `after`.
      degradedAttemptShare: percent(attempts[run.degraded] ?? 0, attemptTotal),
      latencyMs: summarize(samples.map((sample) => sample.latencyMs)),
    };
  });
}

const fixed = (value, digits = 1) => (value === null || value === undefined ? '—' : value.toFixed(digits));

/** One Markdown table: a row per strategy and phase. */
export function degradationTable(results) {
  const rows = [
    '| Strategy | Phase | Requests | Errors | Answered by the degraded deployment | Upstream attempts on it | Client p50 / p90 / p99 (ms) |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const [strategy, result] of Object.entries(results.strategies)) {
    for (const phase of result.phases) {
      rows.push(
        `| ${strategy} | ${phase.phase} | ${phase.requests} | ${phase.errors} | ${fixed(phase.degradedAnswerShare)} % | ${phase.phase === 'after, settled' ? '—' : `${fixed(phase.degradedAttemptShare)} %`} | ${fixed(phase.latencyMs.p50)} / ${fixed(phase.latencyMs.p90)} / ${fixed(phase.latencyMs.p99)} |`,
      );
    }
  }
  return rows.join('\n');
}
