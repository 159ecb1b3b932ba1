/**
 * The `governance:` section of the config file: key tiers with their default limits and model
 * access, rate limits that apply to every key, user, team, IP or model, budgets set in the file,
 * and the lifetimes of sessions and rotated keys. Limits and budgets can also be managed at run
 * time through the management API; these are the ones an operator wants in version control.
 */
import * as z from 'zod';
import { parseDuration } from './duration.js';
const text = z.string().min(1);
const count = z.preprocess((value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value), z.number().int().positive());
const money = z.preprocess((value) => (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value), z.number().positive());
export const durationSchema = z
    .union([z.string(), z.number()])
    .transform((value, context) => {
    const ms = parseDuration(value);
    if (ms === undefined || ms <= 0) {
        context.addIssue({ code: 'custom', message: 'expected a duration such as "90s", "15m", "24h", "7d" or milliseconds' });
        return z.NEVER;
    }
    return ms;
});
/** `{ requests: 100, per: 15m }` or `{ tokens: 50000, per: 1m }`. */
const limitSchema = z
    .strictObject({ requests: count.optional(), tokens: count.optional(), per: durationSchema })
    .refine((limit) => (limit.requests === undefined) !== (limit.tokens === undefined), {
    message: 'a limit counts either `requests` or `tokens` (write two limits for both)',
});
const tierSchema = z.strictObject({
    /** `all`, `basic` (every group not listed in governance.premiumModels), or a list of group names. */
    models: z.union([z.enum(['all', 'basic']), z.array(text)]).default('all'),
    limits: z.array(limitSchema).default([]),
});
const scopedLimitSchema = z
    .strictObject({
    /** Applies to each key, user, team or IP separately; `model` to one group; `global` to all traffic. */
    scope: z.enum(['key', 'user', 'team', 'ip', 'model', 'global']),
    /** For scope `model`: the group. For other scopes: only requests to this group count. */
    model: text.optional(),
    requests: count.optional(),
    tokens: count.optional(),
    per: durationSchema,
})
    .refine((limit) => (limit.requests === undefined) !== (limit.tokens === undefined), {
    message: 'a limit counts either `requests` or `tokens` (write two limits for both)',
})
    .refine((limit) => limit.scope !== 'model' || limit.model !== undefined, { message: 'a `model` limit names its group in `model`', path: ['model'] });
const budgetSchema = z.strictObject({
    name: text,
    scope: z.enum(['global', 'team', 'user', 'key']).default('global'),
    /** Team name or id, user e-mail or id, or key id; not for global. */
    target: text.optional(),
    limitUsd: money,
    period: z.enum(['daily', 'weekly', 'monthly']).default('monthly'),
    thresholds: z.array(z.number().positive().max(1000)).default([50, 80, 100]),
});
export const governanceSchema = z
    .strictObject({
    tiers: z.record(text, tierSchema).default({}),
    /** Groups that keys of tiers with `models: basic` may not use. */
    premiumModels: z.array(text).default([]),
    rateLimits: z.array(scopedLimitSchema).default([]),
    /** Requests per user per provider per UTC day (`{ openai: 1000 }`): each user's calls to that provider. */
    providerDailyCaps: z.record(text, count).default({}),
    budgets: z.array(budgetSchema).default([]),
    /** How long a rotated key keeps working, by default. */
    keyRotationGrace: durationSchema.default(86_400_000),
    sessions: z
        .strictObject({ accessTtl: durationSchema.default(900_000), refreshTtl: durationSchema.default(604_800_000) })
        .prefault({}),
})
    .prefault({});
//# sourceMappingURL=governance-schema.js.map