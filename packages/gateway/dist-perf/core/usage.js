/** Token usage of one call, normalised across providers. */
export function emptyUsage() {
    return { promptTokens: 0, completionTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, estimated: false };
}
//# sourceMappingURL=usage.js.map