/**
 * `weighted`: smooth weighted round-robin (the nginx algorithm): over any window each deployment
 * is chosen in proportion to its weight, interleaved rather than in bursts, and deterministic.
 */
export function createWeightedStrategy() {
    const current = new Map();
    return {
        id: 'weighted',
        order(groupName, deployments) {
            if (deployments.length <= 1)
                return [...deployments];
            let scores = current.get(groupName);
            if (!scores) {
                scores = new Map();
                current.set(groupName, scores);
            }
            let total = 0;
            let best;
            let bestScore = -Infinity;
            for (const deployment of deployments) {
                const weight = Math.max(0, deployment.weight);
                total += weight;
                const score = (scores.get(deployment.id) ?? 0) + weight;
                scores.set(deployment.id, score);
                if (score > bestScore) {
                    bestScore = score;
                    best = deployment;
                }
            }
            if (!best)
                return [...deployments];
            scores.set(best.id, bestScore - total);
            const chosen = best;
            const rest = deployments.filter((deployment) => deployment !== chosen).sort((a, b) => b.weight - a.weight);
            return [chosen, ...rest];
        },
    };
}
//# sourceMappingURL=weighted.js.map