/** The registry of routing strategies: one line per strategy. */

import { createAdaptiveStrategy } from './adaptive.js';
import { createIntelligentStrategy } from './intelligent.js';
import { createLeastConnectionsStrategy } from './least-connections.js';
import { createResponseTimeStrategy } from './response-time.js';
import { createRoundRobinStrategy } from './round-robin.js';
import type { RoutingStrategy } from './types.js';
import { createWeightedStrategy } from './weighted.js';

export type { DeploymentFacts, RequestNeeds, RoutingHints, RoutingStrategy, StrategyContext } from './types.js';
export type { AdaptiveStrategy, ArmBelief } from './adaptive.js';

export const STRATEGY_FACTORIES: Record<string, () => RoutingStrategy> = {
  'round-robin': createRoundRobinStrategy,
  weighted: createWeightedStrategy,
  'least-connections': createLeastConnectionsStrategy,
  'response-time': createResponseTimeStrategy,
  intelligent: createIntelligentStrategy,
  adaptive: () => createAdaptiveStrategy(),
};

export function isKnownStrategy(id: string): boolean {
  return Object.hasOwn(STRATEGY_FACTORIES, id);
}
