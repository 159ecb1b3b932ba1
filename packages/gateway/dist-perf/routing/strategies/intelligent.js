/**
 * `intelligent`: a score per deployment from latency, cost per token, error rate and load (requests
 * in flight), weighted by the request's hints (intelligent-weights.ts), after removing every
 * deployment that cannot serve the request (request-fit.ts). When none can, the group's order is
 * returned unchanged so the upstream answers with its own error.
 *
 * Each factor is normalised across the candidates to 0 (best) … 1, min-max, so that weights mean
 * the same whatever the units. The spread is at least a floor, so that noise-sized differences stay
 * small: latency and cost differences count relative to the best value (10 % slower is 0.1, twice
 * as slow is 1), errors relative to 10 percentage points, load relative to 4 requests. Scores
 * within 0.05 share traffic in turn, with 5 % exploration and follow-up probes (score-ranking.ts).
 * Without a context it behaves as round-robin.
 */
import { factorWeights } from './intelligent-weights.js';
import { expectedLatency, isFailing, latencyScore } from './latency-signals.js';
import { canServe } from './request-fit.js';
import { createRoundRobinStrategy } from './round-robin.js';
import { createScoreRanker } from './score-ranking.js';
export const INTELLIGENT_EPSILON = 0.05;
const TIE_BAND = 0.05;
const ERROR_RATE_FLOOR = 0.1;
const LOAD_FLOOR = 4;
const FOLLOW_UP_BAND = 0.4;
export function createIntelligentStrategy() {
    const fallback = createRoundRobinStrategy();
    // Follow-up probes only for candidates within reach of the best: their distance is then mostly
    // latency that may be recovering, not cost or errors that a probe cannot change.
    const ranker = createScoreRanker({ epsilon: INTELLIGENT_EPSILON, band: () => TIE_BAND, followUpBand: () => FOLLOW_UP_BAND });
    return {
        id: 'intelligent',
        order(groupName, deployments, context) {
            if (!context)
                return fallback.order(groupName, deployments);
            const capable = deployments.filter((deployment) => canServe(context.facts(deployment), context.needs));
            if (capable.length === 0)
                return [...deployments];
            const rows = capable.map((deployment) => {
                const snapshot = context.stats(deployment.id);
                return { deployment, snapshot, latency: latencyScore(snapshot), cost: context.facts(deployment).costPer1kTokens };
            });
            // No latency data yet counts as the best known latency, so a new deployment gets tried.
            const known = rows.flatMap((row) => (row.latency === null ? [] : [row.latency]));
            const optimistic = known.length > 0 ? Math.min(...known) : 0;
            const latency = normalise(rows.map((row) => row.latency ?? optimistic), 'relative');
            const cost = normalise(rows.map((row) => row.cost), 'relative');
            const errors = normalise(rows.map((row) => row.snapshot.errorRate), ERROR_RATE_FLOOR);
            const load = normalise(rows.map((row) => row.snapshot.inFlight), LOAD_FLOOR);
            const weights = factorWeights(context.hints);
            const candidates = rows.map((row, index) => ({
                deployment: row.deployment,
                score: weights.latency * latency[index] + weights.cost * cost[index] + weights.errors * errors[index] + weights.load * load[index],
                pushedBack: isFailing(row.snapshot),
                health: expectedLatency(row.snapshot),
                inFlight: row.snapshot.inFlight,
            }));
            return ranker.rank(groupName, candidates, context.random);
        },
    };
}
/**
 * Min-max to 0 … 1 with the spread at least `floor` (`relative`: the smallest value itself), and
 * capped at 1: with a relative floor a value ten times the best would otherwise score 9, and one
 * noisy factor (a cold first request's latency) would outweigh every other factor's whole range.
 */
export function normalise(values, floor) {
    const min = Math.min(...values);
    const max = Math.max(...values);
    const spread = Math.max(max - min, floor === 'relative' ? Math.abs(min) : floor);
    if (!(spread > 0) || !Number.isFinite(spread))
        return values.map(() => 0);
    return values.map((value) => Math.min(1, (value - min) / spread));
}
//# sourceMappingURL=intelligent.js.map