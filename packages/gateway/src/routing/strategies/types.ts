/** The routing strategy contract: given a group's healthy deployments, the order to try them in. */

import type { Deployment } from '../../core/index.js';

export interface RoutingStrategy {
  /** Public id, as written in config (`routing.strategy`). */
  readonly id: string;
  /** Returns the deployments in the order to try them; the first is the choice. Must not mutate its input. */
  order(groupName: string, deployments: readonly Deployment[]): Deployment[];
}
