/**
 * One model's part of a multi-model answer, as the endpoints report it: the answer text or the
 * error, and the latency, tokens, cost and request id of its own usage row.
 */
export function describeExecutedChat(executed) {
    const { response, error } = executed;
    return {
        model: executed.model,
        provider: executed.provider,
        answer: response === null ? null : (response.choices[0]?.content ?? ''),
        error: error === null ? null : { code: error.code, message: error.message, status: error.status },
        latencyMs: executed.latencyMs,
        tokens: { prompt: response?.usage.promptTokens ?? 0, completion: response?.usage.completionTokens ?? 0 },
        costUsd: executed.costUsd,
        requestId: executed.requestId,
    };
}
/** Sum of costs, rounded to the nano-dollar so that float sums do not print as 0.30000000000000004. */
export function totalCostUsd(answers) {
    return Math.round(answers.reduce((sum, answer) => sum + answer.costUsd, 0) * 1e9) / 1e9;
}
//# sourceMappingURL=model-answer.js.map