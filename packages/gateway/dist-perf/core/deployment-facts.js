/**
 * Static facts about a deployment that routing may weigh besides its live stats: what it costs and
 * what it can serve. Produced by accounting (prices, catalogue) and read by routing strategies.
 */
export {};
//# sourceMappingURL=deployment-facts.js.map