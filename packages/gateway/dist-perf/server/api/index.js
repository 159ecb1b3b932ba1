/**
 * The multi-model endpoints under /api/ai: one request to a chosen model, several requests side by
 * side, and a consensus of several models. Each model call goes through the full pipeline via
 * executeChat and leaves its own usage row; the HTTP request itself has none (these routes carry
 * no `dataPlane` config, so the onRequest hook creates no request state for them).
 */
import { registerAiConsensusRoutes } from './ai-consensus-route.js';
import { registerAiMultipleRoute } from './ai-multiple-route.js';
import { registerAiRequestRoutes } from './ai-request-route.js';
export function registerAiRoutes(app, services) {
    registerAiRequestRoutes(app, services);
    registerAiMultipleRoute(app, services);
    registerAiConsensusRoutes(app, services);
}
//# sourceMappingURL=index.js.map