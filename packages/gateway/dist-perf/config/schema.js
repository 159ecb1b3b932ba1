/**
 * The config file's schema (zod v4). Validation is strict: unknown keys are errors, so a typo never
 * passes silently. Values may arrive as strings after `${VAR}` interpolation, so numbers and
 * booleans also accept their text form. Cross-references (providers named by deployments, fallback
 * groups, presets) are checked later, once environment-detected providers are known.
 */
import * as z from 'zod';
import { WIRE_PROTOCOLS } from '../core/index.js';
import { parseByteSize } from './byte-size.js';
import { DEFAULTS } from './defaults.js';
import { governanceSchema } from './governance-schema.js';
import { observabilitySchema } from './observability-schema.js';
import { LOG_LEVELS } from './types.js';
/** Accepts a number or its text form ("3000" after interpolation). */
function numeric(schema) {
    return z.preprocess((value) => (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value), schema);
}
const booleanLike = z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean());
const milliseconds = numeric(z.number().int().min(0));
const positiveInt = numeric(z.number().int().positive());
const text = z.string().min(1);
/** Header and query values: YAML may type `1` or `true`, which are meant as text. */
const scalarText = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const bodyLimit = z
    .union([z.string(), z.number()])
    .refine((value) => parseByteSize(value) !== undefined, { message: 'expected a size such as "4mb", "512kb" or a byte count' });
const timeoutsSchema = z.strictObject({
    connectMs: positiveInt.optional(),
    firstByteMs: positiveInt.optional(),
    totalMs: positiveInt.optional(),
    streamIdleMs: positiveInt.optional(),
});
const simulatorSchema = z.strictObject({
    latencyMeanMs: numeric(z.number().min(0)).optional(),
    latencyStdDevMs: numeric(z.number().min(0)).optional(),
    chunkIntervalMs: numeric(z.number().min(0)).optional(),
    answerWords: positiveInt.optional(),
    errorRate: numeric(z.number().min(0).max(1)).optional(),
    seed: numeric(z.number().int()).optional(),
});
const providerSchema = z.strictObject({
    type: z.enum(WIRE_PROTOCOLS).optional(),
    preset: text.optional(),
    baseUrl: text.optional(),
    apiKey: z.string().optional(),
    headers: z.record(z.string(), scalarText).optional(),
    query: z.record(z.string(), scalarText).optional(),
    apiVersion: text.optional(),
    authHeader: z.enum(['bearer', 'x-api-key', 'x-goog-api-key', 'api-key', 'none']).optional(),
    supportsStreamUsage: booleanLike.optional(),
    timeouts: timeoutsSchema.optional(),
    simulator: simulatorSchema.optional(),
});
const priceSchema = z.strictObject({
    inputPerMTok: numeric(z.number().min(0)),
    outputPerMTok: numeric(z.number().min(0)),
    cachedInputPerMTok: numeric(z.number().min(0)).optional(),
});
export const deploymentSchema = z.strictObject({
    provider: text,
    model: text,
    weight: numeric(z.number().min(0)).default(DEFAULTS.deploymentWeight),
    id: text.optional(),
    price: priceSchema.optional(),
    maxTokens: positiveInt.default(DEFAULTS.maxTokens),
    /** Requests in flight on this deployment at once; 0 or absent = unlimited. */
    maxConcurrentRequests: numeric(z.number().int().min(0)).optional(),
    /** Waiters for this deployment's slot; absent = server.maxQueue. */
    maxQueue: numeric(z.number().int().min(0)).optional(),
    /** Longest wait for this deployment's slot; absent = server.maxQueueWaitMs. */
    maxQueueWaitMs: milliseconds.optional(),
    /** Overrides the provider's timeouts for this deployment only. */
    timeouts: timeoutsSchema.optional(),
    /** Active health probes; off when absent. */
    healthCheck: z
        .strictObject({
        intervalMs: positiveInt.default(DEFAULTS.healthCheckIntervalMs),
        timeoutMs: positiveInt.default(DEFAULTS.healthCheckTimeoutMs),
    })
        .optional(),
});
/** A value or a non-empty list of values (`useCase: code` or `useCase: [code, analysis]`); always a list after parsing. */
function oneOrMany(schema) {
    return z.preprocess((value) => (Array.isArray(value) ? value : [value]), z.array(schema).min(1));
}
const ruleConditionsSchema = z
    .strictObject({
    models: z.array(text).min(1).optional(),
    promptTokensAbove: numeric(z.number().int().min(0)).optional(),
    promptTokensBelow: numeric(z.number().int().positive()).optional(),
    hasImages: booleanLike.optional(),
    hasTools: booleanLike.optional(),
    jsonMode: booleanLike.optional(),
    useCase: oneOrMany(text).optional(),
    priority: oneOrMany(z.enum(['low', 'normal', 'high'])).optional(),
    keyTier: oneOrMany(text).optional(),
    stream: booleanLike.optional(),
})
    .refine((when) => Object.values(when).some((value) => value !== undefined), {
    message: 'a rule needs at least one condition (to send every request elsewhere, change the model group instead)',
    when: (payload) => payload.issues.length === 0,
})
    .refine((when) => when.promptTokensAbove === undefined || when.promptTokensBelow === undefined || when.promptTokensAbove + 1 < when.promptTokensBelow, {
    message: 'promptTokensAbove must be below promptTokensBelow, or no prompt can match',
    path: ['promptTokensBelow'],
    when: (payload) => payload.issues.length === 0,
});
/** Conditional routing: the first rule whose conditions all hold sends the request to `route`. */
export const routingRuleSchema = z.strictObject({
    name: text.optional(),
    when: ruleConditionsSchema,
    route: text,
});
const fallbackMap = z.record(z.string(), z.array(text));
const modelGroupSchema = z.strictObject({
    name: text,
    strategy: text.optional(),
    deployments: z.array(deploymentSchema).min(1, { message: 'a model group needs at least one deployment' }),
});
/** Provider ids appear in deployment ids (`provider/model`), headers and metrics labels. */
const providerId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, {
    message: 'provider ids use letters, digits, "-", "_" and "." only',
});
export const configFileSchema = z.strictObject({
    server: z
        .strictObject({
        port: numeric(z.number().int().min(0).max(65535)).default(DEFAULTS.port),
        host: text.default(DEFAULTS.host),
        masterKey: z.string().optional(),
        bodyLimit: bodyLimit.default(DEFAULTS.bodyLimit),
        shutdownGraceMs: milliseconds.default(DEFAULTS.shutdownGraceMs),
        /** Requests served at once by the whole gateway; 0 = unlimited. Beyond it they queue by priority. */
        maxConcurrentRequests: numeric(z.number().int().min(0)).default(0),
        /** Requests that may wait for a slot; beyond it they get 429 at once. */
        maxQueue: numeric(z.number().int().min(0)).default(1_000),
        /** Longest wait for a slot before a 429. */
        maxQueueWaitMs: milliseconds.default(30_000),
    })
        .prefault({}),
    database: z.strictObject({ url: text.default(DEFAULTS.databaseUrl) }).prefault({}),
    providers: z.record(providerId, providerSchema).default({}),
    models: z.array(modelGroupSchema).default([]),
    routing: z
        .strictObject({
        strategy: text.default(DEFAULTS.routingStrategy),
        fallbacks: z.record(z.string(), z.array(text)).default({}),
        /** Fallbacks per failure class; context_window goes to larger-context groups. */
        fallbacksByClass: z
            .strictObject({
            rate_limited: fallbackMap.optional(),
            server_error: fallbackMap.optional(),
            timeout: fallbackMap.optional(),
            context_window: fallbackMap.optional(),
            content_policy: fallbackMap.optional(),
        })
            .default({}),
        /** Groups every model group falls back to last. */
        defaultFallbacks: z.array(text).default([]),
        /** Conditional routing rules, first match wins. */
        rules: z.array(routingRuleSchema).default([]),
        /** Most deployments tried for one request, fallbacks included. */
        maxAttempts: positiveInt.default(4),
        /** Key tier → queue priority when a request sends no priority hint; merged over the defaults. */
        tierPriority: z.record(text, z.enum(['high', 'normal', 'low'])).default({}),
        retries: z
            .strictObject({
            maxPerDeployment: numeric(z.number().int().min(0)).default(1),
            baseDelayMs: milliseconds.default(200),
            maxDelayMs: milliseconds.default(5_000),
            maxRetryAfterMs: milliseconds.default(10_000),
        })
            .prefault({}),
        breaker: z
            .strictObject({
            failureThreshold: positiveInt.default(5),
            errorRateThreshold: numeric(z.number().min(0).max(1)).default(0.5),
            minimumRequests: positiveInt.default(10),
            windowMs: positiveInt.default(30_000),
            cooldownMs: positiveInt.default(30_000),
        })
            .prefault({}),
    })
        .prefault({}),
    governance: governanceSchema,
    observability: observabilitySchema,
    logging: z
        .strictObject({
        level: z.enum(LOG_LEVELS).default(DEFAULTS.logLevel),
        bodies: booleanLike.default(false),
    })
        .prefault({}),
    usage: z
        .strictObject({
        batchSize: positiveInt.default(DEFAULTS.usageBatchSize),
        flushIntervalMs: positiveInt.default(DEFAULTS.usageFlushIntervalMs),
        queueLimit: positiveInt.default(DEFAULTS.usageQueueLimit),
    })
        .prefault({}),
});
//# sourceMappingURL=schema.js.map