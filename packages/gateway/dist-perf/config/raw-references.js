/**
 * Provider references checked on the raw file, for when schema validation fails elsewhere: a
 * misspelt provider name is then still reported in the same run, so that one `config check`
 * shows every problem instead of one stage at a time.
 */
import { didYouMean } from './did-you-mean.js';
import { formatPath } from './format-path.js';
import { PROVIDER_PRESETS } from './presets.js';
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
export function rawProviderReferenceProblems(file) {
    if (!isRecord(file) || !Array.isArray(file.models))
        return [];
    // Presets count as known: a provider detected from the environment may be referenced by its id.
    const known = new Set([...(isRecord(file.providers) ? Object.keys(file.providers) : []), ...PROVIDER_PRESETS.map((preset) => preset.id)]);
    const problems = [];
    file.models.forEach((group, groupIndex) => {
        if (!isRecord(group) || !Array.isArray(group.deployments))
            return;
        group.deployments.forEach((deployment, deploymentIndex) => {
            if (!isRecord(deployment) || typeof deployment.provider !== 'string' || known.has(deployment.provider))
                return;
            const suggestion = didYouMean(deployment.provider, known);
            const hint = suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
            problems.push(`${formatPath(['models', groupIndex, 'deployments', deploymentIndex])}.provider: unknown provider "${deployment.provider}"${hint}`);
        });
    });
    return problems;
}
//# sourceMappingURL=raw-references.js.map