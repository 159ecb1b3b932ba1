/**
 * A discrete-event simulation of traffic through one routing strategy, for the strategy tests (and
 * any benchmark that wants figures without sockets): requests arrive at a fixed interval, each goes
 * to the strategy's first choice, and completes after the latency its phase's behaviour gives it,
 * feeding the live stats (on a simulated clock) and the strategy's observe(). No wall clock.
 */

import type { Deployment, DeploymentFacts } from '../../src/core/index.js';
import { DeploymentStats } from '../../src/routing/deployment-stats.js';
import type { RequestNeeds, RoutingHints, RoutingStrategy, StrategyContext } from '../../src/routing/strategies/types.js';

export interface SimulatedOutcome {
  ok: boolean;
  /** Time to completion (or to the failure), ms. */
  latencyMs: number;
  ttftMs?: number;
  costUsd?: number;
}

export interface SimulationPhase {
  requests: number;
  /** What an attempt on the deployment does during this phase. */
  behaviour: (deploymentId: string) => SimulatedOutcome;
}

export interface SimulationOptions {
  strategy: RoutingStrategy;
  deployments: readonly Deployment[];
  phases: readonly SimulationPhase[];
  /** The strategy's random source (seeded in tests). */
  random: () => number;
  groupName?: string;
  /** Time between arrivals, ms (default 50). */
  intervalMs?: number;
  /** Error-rate window of the stats, ms (default the stats' own). */
  windowMs?: number;
  facts?: (deployment: Deployment) => DeploymentFacts;
  hints?: RoutingHints;
  needs?: RequestNeeds | null;
}

export interface SimulationResult {
  /** Per phase: deployment id → share of first choices (0 … 1). */
  shares: Record<string, number>[];
  stats: DeploymentStats;
}

interface Pending {
  at: number;
  deploymentId: string;
  outcome: SimulatedOutcome;
}

export const CAPABLE_FREE_FACTS: DeploymentFacts = { costPer1kTokens: 0, contextWindow: null, supportsTools: true, supportsImages: true, supportsJsonMode: true };

export function simulateTraffic(options: SimulationOptions): SimulationResult {
  const groupName = options.groupName ?? 'group';
  const intervalMs = options.intervalMs ?? 50;
  let clock = 0;
  const stats = new DeploymentStats({ now: () => clock, windowMs: options.windowMs });
  const context: StrategyContext = {
    stats: (id) => stats.snapshot(id),
    facts: options.facts ?? (() => CAPABLE_FREE_FACTS),
    hints: options.hints ?? {},
    needs: options.needs ?? null,
    request: null,
    random: options.random,
  };
  const pending: Pending[] = [];
  const complete = (until: number): void => {
    pending.sort((a, b) => a.at - b.at);
    while (pending.length > 0 && pending[0].at <= until) {
      const { at, deploymentId, outcome } = pending.shift() as Pending;
      clock = at;
      if (outcome.ok) stats.succeeded(deploymentId, { latencyMs: outcome.latencyMs, ttftMs: outcome.ttftMs });
      else stats.failed(deploymentId, 'SY_ERR_UPSTREAM_SERVER');
      options.strategy.observe?.(groupName, deploymentId, { ok: outcome.ok, latencyMs: outcome.latencyMs, costUsd: outcome.costUsd ?? 0 });
    }
  };
  const shares: Record<string, number>[] = [];
  let arrival = 0;
  for (const phase of options.phases) {
    const counts: Record<string, number> = Object.fromEntries(options.deployments.map((deployment) => [deployment.id, 0]));
    for (let request = 0; request < phase.requests; request += 1) {
      arrival += intervalMs;
      complete(arrival);
      clock = arrival;
      const [chosen] = options.strategy.order(groupName, options.deployments, context);
      counts[chosen.id] += 1;
      stats.started(chosen.id);
      const outcome = phase.behaviour(chosen.id);
      pending.push({ at: clock + Math.max(0, outcome.latencyMs), deploymentId: chosen.id, outcome });
    }
    shares.push(Object.fromEntries(Object.entries(counts).map(([id, count]) => [id, count / Math.max(1, phase.requests)])));
  }
  complete(Number.POSITIVE_INFINITY);
  return { shares, stats };
}

export interface DegradationScenario {
  /** Source of latency noise (seeded in tests). */
  random: () => number;
  degradedId: string;
  /** `slow`: ten times the latency; `failing`: every attempt fails fast. */
  mode: 'slow' | 'failing';
  /** Requests per phase: healthy warm-up, degraded, recovered. */
  requests: { warmUp: number; degraded: number; recovered: number };
  /** Healthy latency, ms (default 200, with 10 % noise). */
  latencyMs?: number;
}

/** Three phases: all healthy, one deployment degraded, all healthy again. */
export function degradationPhases(scenario: DegradationScenario): SimulationPhase[] {
  const base = scenario.latencyMs ?? 200;
  const sample = (mean: number): SimulatedOutcome => {
    const latencyMs = mean * (0.9 + 0.2 * scenario.random());
    return { ok: true, latencyMs, ttftMs: latencyMs * 0.4, costUsd: 0.001 };
  };
  const healthy = (): SimulatedOutcome => sample(base);
  const degraded = (id: string): SimulatedOutcome => {
    if (id !== scenario.degradedId) return sample(base);
    return scenario.mode === 'slow' ? sample(base * 10) : { ok: false, latencyMs: base / 10 };
  };
  return [
    { requests: scenario.requests.warmUp, behaviour: healthy },
    { requests: scenario.requests.degraded, behaviour: degraded },
    { requests: scenario.requests.recovered, behaviour: healthy },
  ];
}
