/**
 * What a request tells the router: hints (use case, priority, budget) from `x-switchyard-*`
 * headers or body metadata, its needs (context size, tools, images, JSON mode), and the client's
 * own fallback list (`fallbacks` in the body or `x-switchyard-fallbacks`).
 */
import { approximatePromptTokens } from '../accounting/token-estimator.js';
import { parseFallbackHeader } from '../routing/fallback-policy.js';
function header(headers, name) {
    const value = headers[name];
    return typeof value === 'string' ? value.trim().toLowerCase() : undefined;
}
function metadataValue(body, key) {
    const metadata = body.metadata;
    if (typeof metadata !== 'object' || metadata === null)
        return undefined;
    const value = metadata[key];
    return typeof value === 'string' ? value.trim().toLowerCase() : undefined;
}
export function routingHints(headers, body) {
    const hints = {};
    const useCase = header(headers, 'x-switchyard-use-case') ?? metadataValue(body, 'use_case');
    if (useCase)
        hints.useCase = useCase;
    const priority = header(headers, 'x-switchyard-priority') ?? metadataValue(body, 'priority');
    if (priority === 'low' || priority === 'normal' || priority === 'high')
        hints.priority = priority;
    const budget = header(headers, 'x-switchyard-budget') ?? metadataValue(body, 'budget');
    if (budget === 'strict' || budget === 'normal')
        hints.budget = budget;
    return hints;
}
export function routeRequestFor(options) {
    const { chat } = options;
    const needs = chat
        ? {
            contextTokens: approximatePromptTokens(chat) + (chat.maxTokens ?? 0),
            tools: (chat.tools?.length ?? 0) > 0,
            images: chat.messages.some((message) => message.content.some((part) => part.type === 'image')),
            jsonMode: chat.responseFormat !== undefined && chat.responseFormat.type !== 'text',
        }
        : null;
    return { hints: routingHints(options.headers, options.body), needs, request: chat };
}
/**
 * The client's fallback list. The body's `fallbacks` is the gateway's own field, so it is taken
 * out of the body: a pass-through must not forward it to an upstream that would reject it.
 */
export function takeFallbackOverride(headers, body) {
    const fromBody = body.fallbacks;
    if (fromBody !== undefined) {
        delete body.fallbacks;
        if (Array.isArray(fromBody))
            return fromBody.filter((name) => typeof name === 'string' && name.length > 0);
    }
    return parseFallbackHeader(headers['x-switchyard-fallbacks']);
}
/** The conditional rule that sends this request to another existing group, if any. */
export function matchRoutingRule(options) {
    const { services, route } = options;
    if (services.rules.rules.length === 0)
        return null;
    const match = services.rules.match({
        model: options.groupName,
        // The needs already hold the prompt estimate (plus the output cap); no need to count twice.
        promptTokens: route.needs ? route.needs.contextTokens - (route.request?.maxTokens ?? 0) : route.request ? approximatePromptTokens(route.request) : 0,
        needs: route.needs,
        hints: route.hints,
        keyTier: options.principal?.kind === 'key' ? options.principal.key.tier : null,
        stream: options.stream,
    });
    return match && services.router.group(match.rule.route) ? match : null;
}
//# sourceMappingURL=route-request.js.map