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

import type { RequestNeeds, RoutingHints } from './strategies/types.js';

type Priority = NonNullable<RoutingHints['priority']>;
type OneOrMany<T> = T | readonly T[];

/** Every condition given must hold; a condition left out holds for any request. */
export interface RuleConditions {
  /** The client-sent group names the rule applies to; absent means any group. */
  models?: readonly string[];
  /** Estimated prompt tokens strictly above this. */
  promptTokensAbove?: number;
  /** Estimated prompt tokens strictly below this. */
  promptTokensBelow?: number;
  hasImages?: boolean;
  hasTools?: boolean;
  /** A JSON object or JSON schema response format was asked for. */
  jsonMode?: boolean;
  useCase?: OneOrMany<string>;
  priority?: OneOrMany<Priority>;
  keyTier?: OneOrMany<string>;
  stream?: boolean;
}

export interface RoutingRule {
  /** Shown in logs and the management API; optional. */
  name?: string;
  when: RuleConditions;
  /** The model group to send a matching request to. */
  route: string;
}

export interface RuleInput {
  /** The group name the client sent. */
  model: string;
  /** Estimated prompt tokens (without the requested output). */
  promptTokens: number;
  /** Null when the body was not parsed into a chat request. */
  needs: RequestNeeds | null;
  hints: RoutingHints;
  /** The API key's tier; null for the master key or no key. */
  keyTier: string | null;
  stream: boolean;
}

export interface RuleMatch {
  rule: RoutingRule;
  /** The rule's position in the list, for logs when it has no name. */
  index: number;
}

function oneOf(actual: string | null | undefined, expected: OneOrMany<string>): boolean {
  if (actual === null || actual === undefined) return false;
  const wanted = typeof expected === 'string' ? [expected] : expected;
  const lower = actual.toLowerCase();
  return wanted.some((value) => value.toLowerCase() === lower);
}

function needHolds(needs: RequestNeeds | null, need: 'images' | 'tools' | 'jsonMode', expected: boolean | undefined): boolean {
  return expected === undefined || (needs !== null && needs[need] === expected);
}

/** Whether every condition of `when` holds for the request. */
export function conditionsHold(when: RuleConditions, input: RuleInput): boolean {
  return (
    (when.models === undefined || when.models.includes(input.model)) &&
    (when.promptTokensAbove === undefined || input.promptTokens > when.promptTokensAbove) &&
    (when.promptTokensBelow === undefined || input.promptTokens < when.promptTokensBelow) &&
    needHolds(input.needs, 'images', when.hasImages) &&
    needHolds(input.needs, 'tools', when.hasTools) &&
    needHolds(input.needs, 'jsonMode', when.jsonMode) &&
    (when.useCase === undefined || oneOf(input.hints.useCase, when.useCase)) &&
    (when.priority === undefined || oneOf(input.hints.priority ?? 'normal', when.priority)) &&
    (when.keyTier === undefined || oneOf(input.keyTier, when.keyTier)) &&
    (when.stream === undefined || input.stream === when.stream)
  );
}

/** The first rule that matches and routes elsewhere than the requested group; null when none does. */
export function matchRule(rules: readonly RoutingRule[], input: RuleInput): RuleMatch | null {
  const index = rules.findIndex((rule) => rule.route !== input.model && conditionsHold(rule.when, input));
  return index === -1 ? null : { rule: rules[index], index };
}

/** How a rule is named in logs and headers: its name, else its position. */
export function ruleLabel(match: RuleMatch): string {
  return match.rule.name ?? `rules[${match.index}]`;
}

/**
 * Problems with the rules' references, one line each for a person: unknown groups in `route` or
 * `models`, duplicate names, and a rule that can never fire because it only applies to its target.
 */
export function ruleProblems(rules: readonly RoutingRule[], groupNames: ReadonlySet<string>, at = 'routing.rules'): string[] {
  const problems: string[] = [];
  const seenNames = new Set<string>();
  rules.forEach((rule, index) => {
    const path = `${at}[${index}]`;
    if (!groupNames.has(rule.route)) problems.push(`${path}.route: unknown model group "${rule.route}"`);
    rule.when.models?.forEach((name, modelIndex) => {
      if (!groupNames.has(name)) problems.push(`${path}.when.models[${modelIndex}]: unknown model group "${name}"`);
    });
    const models = rule.when.models ?? [];
    if (models.length > 0 && models.every((name) => name === rule.route)) {
      problems.push(`${path}: a rule cannot route a model group to itself`);
    }
    if (rule.name !== undefined) {
      if (seenNames.has(rule.name)) problems.push(`${path}.name: another rule is already named "${rule.name}"`);
      seenNames.add(rule.name);
    }
  });
  return problems;
}

/** The rules in force; the management API replaces them at runtime without a restart. */
export class RuleSet {
  #rules: readonly RoutingRule[];

  constructor(rules: readonly RoutingRule[] = []) {
    this.#rules = Object.freeze([...rules]);
  }

  /** The current rules, in order. */
  get rules(): readonly RoutingRule[] {
    return this.#rules;
  }

  /** Swaps the whole list at once, so a request sees either the old rules or the new ones. */
  replace(rules: readonly RoutingRule[]): void {
    this.#rules = Object.freeze([...rules]);
  }

  match(input: RuleInput): RuleMatch | null {
    return matchRule(this.#rules, input);
  }
}
