/**
 * Conditional routing rules: send a request to another model group by its properties (a long
 * prompt to a long-context group, images to a vision group, a use case or key tier to a chosen
 * group). Rules are an ordered list from the config or the management API; the first rule whose
 * conditions all hold wins. Pure: the caller passes the rules and what it knows of the request.
 *
 * A condition on something the request does not tell (no parsed body, so no needs; no key, so no
 * tier) does not hold: a rule must not fire on a guess. A request without a priority hint counts as
 * `normal`, as it does for the `intelligent` strategy. Use cases, priorities and tiers compare
 * without regard to case (hints arrive lower-cased). A rule never routes a group to itself: such a
 * match is skipped and the next rule is tried.
 */
function oneOf(actual, expected) {
    if (actual === null || actual === undefined)
        return false;
    const wanted = typeof expected === 'string' ? [expected] : expected;
    const lower = actual.toLowerCase();
    return wanted.some((value) => value.toLowerCase() === lower);
}
function needHolds(needs, need, expected) {
    return expected === undefined || (needs !== null && needs[need] === expected);
}
/** Whether every condition of `when` holds for the request. */
export function conditionsHold(when, input) {
    return ((when.models === undefined || when.models.includes(input.model)) &&
        (when.promptTokensAbove === undefined || input.promptTokens > when.promptTokensAbove) &&
        (when.promptTokensBelow === undefined || input.promptTokens < when.promptTokensBelow) &&
        needHolds(input.needs, 'images', when.hasImages) &&
        needHolds(input.needs, 'tools', when.hasTools) &&
        needHolds(input.needs, 'jsonMode', when.jsonMode) &&
        (when.useCase === undefined || oneOf(input.hints.useCase, when.useCase)) &&
        (when.priority === undefined || oneOf(input.hints.priority ?? 'normal', when.priority)) &&
        (when.keyTier === undefined || oneOf(input.keyTier, when.keyTier)) &&
        (when.stream === undefined || input.stream === when.stream));
}
/** The first rule that matches and routes elsewhere than the requested group; null when none does. */
export function matchRule(rules, input) {
    const index = rules.findIndex((rule) => rule.route !== input.model && conditionsHold(rule.when, input));
    return index === -1 ? null : { rule: rules[index], index };
}
/** How a rule is named in logs and headers: its name, else its position. */
export function ruleLabel(match) {
    return match.rule.name ?? `rules[${match.index}]`;
}
/**
 * Problems with the rules' references, one line each for a person: unknown groups in `route` or
 * `models`, duplicate names, and a rule that can never fire because it only applies to its target.
 */
export function ruleProblems(rules, groupNames, at = 'routing.rules') {
    const problems = [];
    const seenNames = new Set();
    rules.forEach((rule, index) => {
        const path = `${at}[${index}]`;
        if (!groupNames.has(rule.route))
            problems.push(`${path}.route: unknown model group "${rule.route}"`);
        rule.when.models?.forEach((name, modelIndex) => {
            if (!groupNames.has(name))
                problems.push(`${path}.when.models[${modelIndex}]: unknown model group "${name}"`);
        });
        const models = rule.when.models ?? [];
        if (models.length > 0 && models.every((name) => name === rule.route)) {
            problems.push(`${path}: a rule cannot route a model group to itself`);
        }
        if (rule.name !== undefined) {
            if (seenNames.has(rule.name))
                problems.push(`${path}.name: another rule is already named "${rule.name}"`);
            seenNames.add(rule.name);
        }
    });
    return problems;
}
/** The rules in force; the management API replaces them at runtime without a restart. */
export class RuleSet {
    #rules;
    constructor(rules = []) {
        this.#rules = Object.freeze([...rules]);
    }
    /** The current rules, in order. */
    get rules() {
        return this.#rules;
    }
    /** Swaps the whole list at once, so a request sees either the old rules or the new ones. */
    replace(rules) {
        this.#rules = Object.freeze([...rules]);
    }
    match(input) {
        return matchRule(this.#rules, input);
    }
}
//# sourceMappingURL=conditional-rules.js.map