/**
 * Static facts about a deployment that routing may weigh besides its live stats: what it costs and
 * what it can serve. Produced by accounting (prices, catalogue) and read by routing strategies.
 */

export interface DeploymentFacts {
  /** USD per 1k tokens (input and output averaged), 0 when free or unknown. */
  costPer1kTokens: number;
  /** Context window in tokens, or null when unknown. */
  contextWindow: number | null;
  /** Whether the deployment accepts tool (function) definitions. */
  supportsTools: boolean;
  /** Whether the deployment accepts image inputs. */
  supportsImages: boolean;
  /** Whether the deployment honours a JSON response format. */
  supportsJsonMode: boolean;
}
