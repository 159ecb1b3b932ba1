/**
 * `response-time`: the deployment with the lowest recent latency first. Latency is the blend of the
 * EWMA time to first token and total time from the live stats, stretched by the error rate (each
 * failure costs another attempt); a deployment with no data yet counts as the fastest so it gets
 * tried, and one failing at a high rate goes behind the healthy ones. Deployments within 10 % of
 * the best share traffic in turn, and 5 % of requests explore another deployment first so that a
 * recovered one is noticed (see score-ranking.ts). Without a context it behaves as round-robin.
 */
import { expectedLatency, isFailing } from './latency-signals.js';
import { createRoundRobinStrategy } from './round-robin.js';
import { createScoreRanker } from './score-ranking.js';
export const RESPONSE_TIME_EPSILON = 0.05;
/** Within 10 % (and 5 ms, for very fast local deployments) of the best counts as equally fast. */
const TIE_SHARE = 0.1;
const TIE_MS = 5;
export function createResponseTimeStrategy() {
    const fallback = createRoundRobinStrategy();
    const ranker = createScoreRanker({ epsilon: RESPONSE_TIME_EPSILON, band: (best) => best * TIE_SHARE + TIE_MS });
    return {
        id: 'response-time',
        order(groupName, deployments, context) {
            if (!context)
                return fallback.order(groupName, deployments);
            const candidates = deployments.map((deployment) => {
                const snapshot = context.stats(deployment.id);
                const expected = expectedLatency(snapshot);
                return { deployment, score: expected, health: expected, pushedBack: isFailing(snapshot), inFlight: snapshot.inFlight };
            });
            return ranker.rank(groupName, candidates, context.random);
        },
    };
}
//# sourceMappingURL=response-time.js.map