/**
 * `least-connections`: the deployment with the fewest requests in flight first. Deployments tied
 * at the fewest take turns (per group), so an idle group spreads evenly rather than always starting
 * at the first; the rest follow by their in-flight count. Without a context it is round-robin.
 */
import { createRoundRobinStrategy } from './round-robin.js';
export function createLeastConnectionsStrategy() {
    const fallback = createRoundRobinStrategy();
    const cursors = new Map();
    return {
        id: 'least-connections',
        order(groupName, deployments, context) {
            if (!context || deployments.length <= 1)
                return fallback.order(groupName, deployments);
            const loads = deployments.map((deployment, index) => ({ deployment, index, inFlight: context.stats(deployment.id).inFlight }));
            const fewest = Math.min(...loads.map((load) => load.inFlight));
            const tied = loads.filter((load) => load.inFlight === fewest);
            const rest = loads.filter((load) => load.inFlight !== fewest).sort((a, b) => a.inFlight - b.inFlight || a.index - b.index);
            const cursor = cursors.get(groupName) ?? 0;
            cursors.set(groupName, cursor + 1);
            const start = cursor % tied.length;
            return [...tied.slice(start), ...tied.slice(0, start), ...rest].map((load) => load.deployment);
        },
    };
}
//# sourceMappingURL=least-connections.js.map