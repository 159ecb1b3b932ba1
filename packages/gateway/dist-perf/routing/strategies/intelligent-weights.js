/**
 * How much each factor of the `intelligent` score counts, set by the request's hints.
 *
 * Base weights by use case (`x-switchyard-use-case`; unknown or absent means `chat`):
 *
 *   use case         latency  cost   errors  load
 *   chat             0.30     0.30   0.25    0.15   balanced
 *   code             0.35     0.10   0.40    0.15   quality of service and speed over price
 *   analysis         0.30     0.10   0.45    0.15   quality of service over price
 *   creative         0.30     0.20   0.35    0.15
 *   summarization    0.25     0.40   0.25    0.10
 *   extraction       0.20     0.50   0.20    0.10   bulk work: price first
 *   classification   0.20     0.55   0.15    0.10   bulk work: price first
 *
 * There is no measured answer-quality signal per deployment (a group usually serves one model from
 * several providers), so the quality-minded use cases lean on reliability (the error rate) and
 * latency and give cost little weight.
 *
 * Then, in this order: priority `high` doubles latency and multiplies load by 1.5; priority `low`
 * doubles cost and halves latency; `budget: strict` sets cost to three times all the others
 * together (75 % of the total), so the cheapest capable deployment wins unless it is failing.
 * Finally the weights are scaled to sum to 1.
 */
const USE_CASE_WEIGHTS = {
    chat: { latency: 0.3, cost: 0.3, errors: 0.25, load: 0.15 },
    code: { latency: 0.35, cost: 0.1, errors: 0.4, load: 0.15 },
    analysis: { latency: 0.3, cost: 0.1, errors: 0.45, load: 0.15 },
    creative: { latency: 0.3, cost: 0.2, errors: 0.35, load: 0.15 },
    summarization: { latency: 0.25, cost: 0.4, errors: 0.25, load: 0.1 },
    extraction: { latency: 0.2, cost: 0.5, errors: 0.2, load: 0.1 },
    classification: { latency: 0.2, cost: 0.55, errors: 0.15, load: 0.1 },
};
export function factorWeights(hints) {
    const useCase = hints.useCase?.trim().toLowerCase() ?? 'chat';
    const weights = { ...(Object.hasOwn(USE_CASE_WEIGHTS, useCase) ? USE_CASE_WEIGHTS[useCase] : USE_CASE_WEIGHTS.chat) };
    if (hints.priority === 'high') {
        weights.latency *= 2;
        weights.load *= 1.5;
    }
    else if (hints.priority === 'low') {
        weights.cost *= 2;
        weights.latency *= 0.5;
    }
    if (hints.budget === 'strict')
        weights.cost = 3 * (weights.latency + weights.errors + weights.load);
    const total = weights.latency + weights.cost + weights.errors + weights.load;
    return { latency: weights.latency / total, cost: weights.cost / total, errors: weights.errors / total, load: weights.load / total };
}
//# sourceMappingURL=intelligent-weights.js.map