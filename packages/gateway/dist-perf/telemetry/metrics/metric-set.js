/**
 * The metrics the gateway counts as things happen (requests, tokens, cost, rejections, failed
 * attempts, breaker transitions, budget thresholds, cache lookups), declared once on a registry.
 * Names and labels are a public contract: the Grafana dashboard and alert rules in deploy/ and
 * docs/observability.md use them.
 */
import { Counter } from 'prom-client';
import { PendingCounterSeries, SeriesHistogram } from './series.js';
/**
 * LLM calls range from a cached 5 ms answer to a two-minute reasoning stream; these buckets cover
 * that range with enough resolution for p50/p95/p99 of both fast and slow models.
 */
export const LLM_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120];
export const TOKEN_DIRECTIONS = ['input', 'output', 'cached'];
/**
 * The series every finished request moves (requests, tokens, cost, durations) are counted in
 * ./series.ts's cheap series and reach prom-client when it is scraped; the rare ones use
 * prom-client's own counters directly.
 */
export function createMetricSet(registry) {
    const registers = [registry];
    const groupProvider = ['model_group', 'provider'];
    const pending = {
        requests: new PendingCounterSeries(),
        tokens: new PendingCounterSeries(),
        cost: new PendingCounterSeries(),
    };
    return {
        pending,
        requests: new Counter({
            name: 'switchyard_requests_total',
            help: 'Finished requests (one per usage row), by model group, provider, deployment, HTTP status and outcome.',
            labelNames: ['model_group', 'provider', 'deployment', 'status', 'outcome'],
            registers,
            collect() {
                pending.requests.flushInto(this);
            },
        }),
        duration: new SeriesHistogram({
            name: 'switchyard_request_duration_seconds',
            help: 'Time from receiving a request to its last byte, in seconds.',
            labelNames: groupProvider,
            buckets: [...LLM_DURATION_BUCKETS],
            registers,
        }),
        timeToFirstToken: new SeriesHistogram({
            name: 'switchyard_time_to_first_token_seconds',
            help: 'Time from receiving a streamed request to its first content byte sent, in seconds.',
            labelNames: groupProvider,
            buckets: [...LLM_DURATION_BUCKETS],
            registers,
        }),
        tokens: new Counter({
            name: 'switchyard_tokens_total',
            help: 'Tokens of finished requests: input (prompt), output (completion) and cached (the part of the input read from the provider cache).',
            labelNames: ['model_group', 'provider', 'direction'],
            registers,
            collect() {
                pending.tokens.flushInto(this);
            },
        }),
        cost: new Counter({
            name: 'switchyard_cost_usd_total',
            help: 'Cost of finished requests in US dollars, as recorded on their usage rows.',
            labelNames: groupProvider,
            registers,
            collect() {
                pending.cost.flushInto(this);
            },
        }),
        rateLimitRejections: new Counter({
            name: 'switchyard_rate_limit_rejections_total',
            help: 'Requests refused by a rate limit (429 SY_ERR_RATE_LIMITED).',
            labelNames: ['model_group'],
            registers,
        }),
        budgetRejections: new Counter({
            name: 'switchyard_budget_rejections_total',
            help: 'Requests refused because a budget could not cover them (429 SY_ERR_BUDGET_EXCEEDED).',
            labelNames: ['model_group'],
            registers,
        }),
        concurrencyRejections: new Counter({
            name: 'switchyard_concurrency_rejections_total',
            help: 'Requests refused because a concurrency queue was full or its wait ran out (429 SY_ERR_CONCURRENCY_LIMITED).',
            labelNames: ['model_group'],
            registers,
        }),
        attemptFailures: new Counter({
            name: 'switchyard_upstream_attempt_failures_total',
            help: 'Failed upstream attempts (a request may still succeed on a retry or fallback), by deployment and gateway error code.',
            labelNames: ['deployment', 'code'],
            registers,
        }),
        breakerTransitions: new Counter({
            name: 'switchyard_breaker_transitions_total',
            help: 'Circuit breaker state changes, by deployment, from and to state.',
            labelNames: ['deployment', 'from', 'to'],
            registers,
        }),
        budgetThresholds: new Counter({
            name: 'switchyard_budget_threshold_events_total',
            help: 'Budgets crossing one of their thresholds (percent of the limit) for the first time in a period.',
            labelNames: ['threshold'],
            registers,
        }),
        cacheRequests: new Counter({
            name: 'switchyard_cache_requests_total',
            help: 'Response cache lookups, by result.',
            labelNames: ['result'],
            registers,
        }),
    };
}
//# sourceMappingURL=metric-set.js.map