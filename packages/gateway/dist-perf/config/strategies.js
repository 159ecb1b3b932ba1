/** Routing strategy ids in the file must name a strategy the router has (global and per group). */
import { STRATEGY_FACTORIES } from '../routing/strategies/index.js';
import { didYouMean } from './did-you-mean.js';
import { formatPath } from './format-path.js';
export function checkStrategies(file) {
    const known = Object.keys(STRATEGY_FACTORIES);
    const problem = (path, id) => {
        const suggestion = didYouMean(id, known);
        const hint = suggestion === undefined ? `known strategies: ${known.join(', ')}` : `did you mean "${suggestion}"?`;
        return `${formatPath(path)}: unknown routing strategy "${id}" (${hint})`;
    };
    const problems = [];
    if (!known.includes(file.routing.strategy))
        problems.push(problem(['routing', 'strategy'], file.routing.strategy));
    file.models.forEach((group, index) => {
        if (group.strategy !== undefined && !known.includes(group.strategy))
            problems.push(problem(['models', index, 'strategy'], group.strategy));
    });
    return problems;
}
//# sourceMappingURL=strategies.js.map