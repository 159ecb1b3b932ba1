/** The registry of routing strategies: one line per strategy. */
import { createAdaptiveStrategy } from './adaptive.js';
import { createIntelligentStrategy } from './intelligent.js';
import { createLeastConnectionsStrategy } from './least-connections.js';
import { createResponseTimeStrategy } from './response-time.js';
import { createRoundRobinStrategy } from './round-robin.js';
import { createWeightedStrategy } from './weighted.js';
export const STRATEGY_FACTORIES = {
    'round-robin': createRoundRobinStrategy,
    weighted: createWeightedStrategy,
    'least-connections': createLeastConnectionsStrategy,
    'response-time': createResponseTimeStrategy,
    intelligent: createIntelligentStrategy,
    adaptive: () => createAdaptiveStrategy(),
};
export function isKnownStrategy(id) {
    return Object.hasOwn(STRATEGY_FACTORIES, id);
}
//# sourceMappingURL=index.js.map