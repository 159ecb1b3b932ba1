/**
 * Turns per-deployment scores into an order, for the score-based strategies (`response-time`,
 * `intelligent`). Three rules on top of "lowest score first":
 *
 * - Near-ties share traffic in turn. Deployments whose scores lie within a band of the best are
 *   indistinguishable from noise; sending all traffic to the one that is marginally best would
 *   herd onto it until it slows down (the classic oscillation of greedy least-latency routing).
 * - Exploration: with probability `epsilon` another deployment goes first, so that the figures of
 *   one that is out of favour get refreshed and its recovery is noticed.
 * - Follow-up probes: a deployment whose health improved markedly (10 %) at a sample, and has
 *   improved at every sample since, goes first again, but only while nothing is in flight on it
 *   (one probe at a time), so that a recovering deployment's averages catch up in a few requests
 *   instead of waiting for chance exploration.
 */
/** A drop of health by this fraction at one sample marks a deployment as improving. */
const IMPROVEMENT = 0.1;
export function createScoreRanker(options) {
    const cursors = new Map();
    const memories = new Map();
    function remember(groupName, candidates) {
        let memory = memories.get(groupName);
        if (!memory) {
            memory = new Map();
            memories.set(groupName, memory);
        }
        for (const { deployment, health } of candidates) {
            const previous = memory.get(deployment.id);
            if (!previous)
                memory.set(deployment.id, { health, improving: false });
            else if (health !== previous.health) {
                // A marked drop starts a run of follow-ups; the run goes on while every sample still improves.
                const improving = health < previous.health * (1 - IMPROVEMENT) || (previous.improving && health < previous.health);
                memory.set(deployment.id, { health, improving });
            }
        }
        return memory;
    }
    return {
        rank(groupName, candidates, random) {
            const memory = remember(groupName, candidates);
            if (candidates.length <= 1)
                return candidates.map((candidate) => candidate.deployment);
            const indexed = candidates.map((candidate, index) => ({ ...candidate, index, score: Number.isNaN(candidate.score) ? Infinity : candidate.score }));
            indexed.sort((a, b) => Number(a.pushedBack) - Number(b.pushedBack) || a.score - b.score || a.index - b.index);
            const best = indexed[0];
            const limit = best.score + options.band(best.score);
            let tiedCount = 0;
            while (tiedCount < indexed.length && !indexed[tiedCount].pushedBack && indexed[tiedCount].score <= limit)
                tiedCount += 1;
            const tied = indexed.slice(0, Math.max(1, tiedCount)).sort((a, b) => a.index - b.index);
            const cursor = cursors.get(groupName) ?? 0;
            cursors.set(groupName, cursor + 1);
            const start = cursor % tied.length;
            const ordered = [...tied.slice(start), ...tied.slice(0, start), ...indexed.slice(tied.length)];
            if (random() < options.epsilon) {
                const explored = 1 + Math.floor(random() * (ordered.length - 1));
                return moveToFront(ordered, Math.min(explored, ordered.length - 1));
            }
            const followUpLimit = options.followUpBand ? best.score + options.followUpBand(best.score) : Infinity;
            const followUp = ordered.findIndex((item, position) => position > 0 && item.inFlight === 0 && item.score <= followUpLimit && memory.get(item.deployment.id)?.improving === true);
            return followUp > 0 ? moveToFront(ordered, followUp) : ordered.map((item) => item.deployment);
        },
    };
}
function moveToFront(ordered, position) {
    const deployments = ordered.map((item) => item.deployment);
    const [chosen] = deployments.splice(position, 1);
    return [chosen, ...deployments];
}
//# sourceMappingURL=score-ranking.js.map