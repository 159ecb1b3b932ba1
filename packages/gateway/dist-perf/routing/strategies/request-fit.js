/** Whether a deployment can serve a request at all: context window, tools, images, JSON mode. */
/** An unknown context window (null) is given the benefit of the doubt, as are unknown needs. */
export function canServe(facts, needs) {
    if (!needs)
        return true;
    if (facts.contextWindow !== null && needs.contextTokens > facts.contextWindow)
        return false;
    if (needs.tools && !facts.supportsTools)
        return false;
    if (needs.images && !facts.supportsImages)
        return false;
    if (needs.jsonMode && !facts.supportsJsonMode)
        return false;
    return true;
}
//# sourceMappingURL=request-fit.js.map