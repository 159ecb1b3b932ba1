/** `round-robin`: each request starts at the next deployment of the group, in turn. */

import type { Deployment } from '../../core/index.js';
import type { RoutingStrategy } from './types.js';

export function createRoundRobinStrategy(): RoutingStrategy {
  const cursors = new Map<string, number>();
  return {
    id: 'round-robin',
    order(groupName: string, deployments: readonly Deployment[]): Deployment[] {
      if (deployments.length <= 1) return [...deployments];
      const start = (cursors.get(groupName) ?? 0) % deployments.length;
      cursors.set(groupName, start + 1);
      return [...deployments.slice(start), ...deployments.slice(0, start)];
    },
  };
}
