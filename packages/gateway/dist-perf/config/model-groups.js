/**
 * Model groups: those of the file (checked against the known providers), then one per default
 * model of each provider detected from the environment, and the simulator's when it stands in.
 */
import { DEFAULTS } from './defaults.js';
import { didYouMean } from './did-you-mean.js';
import { presetModels } from './env-values.js';
import { formatPath } from './format-path.js';
import { findPreset } from './presets.js';
export function resolveFileGroups(input) {
    const { entries, providers, unresolved } = input;
    const problems = [];
    const groups = [];
    const firstIndexByName = new Map();
    entries.forEach((entry, groupIndex) => {
        const earlier = firstIndexByName.get(entry.name);
        if (earlier !== undefined) {
            problems.push(`${formatPath(['models', groupIndex, 'name'])}: duplicate model group "${entry.name}" (also models[${earlier}])`);
            return;
        }
        firstIndexByName.set(entry.name, groupIndex);
        const deployments = [];
        const seenIds = new Set();
        entry.deployments.forEach((item, deploymentIndex) => {
            const path = formatPath(['models', groupIndex, 'deployments', deploymentIndex]);
            const provider = providers.find((candidate) => candidate.id === item.provider);
            if (provider === undefined) {
                if (!unresolved.has(item.provider)) {
                    const suggestion = didYouMean(item.provider, [...providers.map((candidate) => candidate.id), ...unresolved]);
                    problems.push(`${path}.provider: unknown provider "${item.provider}"${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`);
                }
                return;
            }
            const id = item.id ?? `${provider.id}/${item.model}`;
            if (seenIds.has(id)) {
                problems.push(`${path}${item.id === undefined ? '' : '.id'}: duplicate deployment id "${id}" in model group "${entry.name}"`);
                return;
            }
            seenIds.add(id);
            deployments.push({
                id,
                // Own timeouts: a copy of the provider's settings, so that every adapter and the HTTP layer honour them.
                provider: item.timeouts === undefined ? provider : { ...provider, timeouts: { ...provider.timeouts, ...definedOnly(item.timeouts) } },
                model: item.model,
                weight: item.weight,
                price: item.price,
                defaultMaxTokens: item.maxTokens,
                ...definedOnly({
                    maxConcurrentRequests: item.maxConcurrentRequests,
                    maxQueue: item.maxQueue,
                    maxQueueWaitMs: item.maxQueueWaitMs,
                    healthCheck: item.healthCheck,
                }),
            });
        });
        groups.push({ name: entry.name, deployments, source: 'config', ...(entry.strategy === undefined ? {} : { strategy: entry.strategy }) });
    });
    return { groups, problems };
}
/** One group per default model of each provider, named after the model, unless the name is taken. */
export function defaultGroupsFor(options) {
    const taken = new Set(options.taken);
    const groups = [];
    for (const provider of options.providers) {
        const preset = findPreset(provider.preset);
        if (preset === undefined)
            continue;
        for (const model of presetModels(preset, options.env)) {
            if (taken.has(model))
                continue;
            taken.add(model);
            groups.push({
                name: model,
                source: options.source,
                deployments: [
                    { id: `${provider.id}/${model}`, provider, model, weight: DEFAULTS.deploymentWeight, defaultMaxTokens: DEFAULTS.maxTokens },
                ],
            });
        }
    }
    return groups;
}
/** Every fallback names existing groups. */
export function checkFallbacks(fallbacks, groupNames, at = ['routing', 'fallbacks']) {
    const problems = [];
    for (const [name, targets] of Object.entries(fallbacks)) {
        const path = formatPath([...at, name]);
        if (!groupNames.has(name))
            problems.push(`${path}: unknown model group "${name}"`);
        targets.forEach((target, index) => {
            if (target === name)
                problems.push(`${path}[${index}]: a model group cannot fall back to itself`);
            else if (!groupNames.has(target))
                problems.push(`${path}[${index}]: unknown model group "${target}"`);
        });
    }
    return problems;
}
/** The fields whose value is set (optional fields stay absent rather than `undefined`). */
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}
//# sourceMappingURL=model-groups.js.map