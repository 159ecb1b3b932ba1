/** The registry of routing strategies: one line per strategy. */

import { createRoundRobinStrategy } from './round-robin.js';
import type { RoutingStrategy } from './types.js';
import { createWeightedStrategy } from './weighted.js';

export type { RoutingStrategy } from './types.js';

export const STRATEGY_FACTORIES: Record<string, () => RoutingStrategy> = {
  'round-robin': createRoundRobinStrategy,
  weighted: createWeightedStrategy,
};

export function isKnownStrategy(id: string): boolean {
  return Object.hasOwn(STRATEGY_FACTORIES, id);
}
