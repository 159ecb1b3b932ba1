import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleSet, conditionsHold, matchRule, ruleLabel, ruleProblems } from './conditional-rules.js';
import type { RoutingRule, RuleConditions, RuleInput } from './conditional-rules.js';

const plain: RuleInput = {
  model: 'gpt-4o-mini',
  promptTokens: 1_000,
  needs: { contextTokens: 1_500, tools: false, images: false, jsonMode: false },
  hints: {},
  keyTier: 'standard',
  stream: false,
};

function input(overrides: Partial<RuleInput> = {}): RuleInput {
  return { ...plain, ...overrides };
}

function withNeeds(overrides: Partial<NonNullable<RuleInput['needs']>>): RuleInput {
  return input({ needs: { contextTokens: 1_500, tools: false, images: false, jsonMode: false, ...overrides } });
}

/** Asserts a condition holds for `yes` and not for `no`. */
function holds(when: RuleConditions, cases: { yes: RuleInput[]; no: RuleInput[] }): void {
  for (const request of cases.yes) assert.equal(conditionsHold(when, request), true, `${JSON.stringify(when)} should hold`);
  for (const request of cases.no) assert.equal(conditionsHold(when, request), false, `${JSON.stringify(when)} should not hold`);
}

test('no conditions hold for any request', () => {
  holds({}, { yes: [plain, input({ needs: null, keyTier: null })], no: [] });
});

test('models scopes a rule to the groups the client asked for', () => {
  holds({ models: ['gpt-4o-mini', 'gpt-4o'] }, { yes: [plain, input({ model: 'gpt-4o' })], no: [input({ model: 'claude-haiku' })] });
});

test('prompt tokens above and below are strict bounds', () => {
  holds({ promptTokensAbove: 100_000 }, { yes: [input({ promptTokens: 100_001 })], no: [input({ promptTokens: 100_000 }), plain] });
  holds({ promptTokensBelow: 500 }, { yes: [input({ promptTokens: 499 }), input({ promptTokens: 0 })], no: [input({ promptTokens: 500 }), plain] });
  holds({ promptTokensAbove: 100, promptTokensBelow: 2_000 }, { yes: [plain], no: [input({ promptTokens: 50 }), input({ promptTokens: 3_000 })] });
});

test('images, tools and JSON mode follow the needs, and hold for neither value without them', () => {
  holds({ hasImages: true }, { yes: [withNeeds({ images: true })], no: [plain, input({ needs: null })] });
  holds({ hasImages: false }, { yes: [plain], no: [withNeeds({ images: true }), input({ needs: null })] });
  holds({ hasTools: true }, { yes: [withNeeds({ tools: true })], no: [plain, input({ needs: null })] });
  holds({ hasTools: false }, { yes: [plain], no: [withNeeds({ tools: true }), input({ needs: null })] });
  holds({ jsonMode: true }, { yes: [withNeeds({ jsonMode: true })], no: [plain, input({ needs: null })] });
  holds({ jsonMode: false }, { yes: [plain], no: [withNeeds({ jsonMode: true }), input({ needs: null })] });
});

test('use case: one or a list, case-insensitive, absent hint does not hold', () => {
  holds({ useCase: 'code' }, { yes: [input({ hints: { useCase: 'code' } })], no: [plain, input({ hints: { useCase: 'chat' } })] });
  holds({ useCase: ['Code', 'analysis'] }, {
    yes: [input({ hints: { useCase: 'code' } }), input({ hints: { useCase: 'analysis' } })],
    no: [plain, input({ hints: { useCase: 'creative' } })],
  });
});

test('priority: one or a list; no hint counts as normal', () => {
  holds({ priority: 'high' }, { yes: [input({ hints: { priority: 'high' } })], no: [plain, input({ hints: { priority: 'low' } })] });
  holds({ priority: 'normal' }, { yes: [plain, input({ hints: { priority: 'normal' } })], no: [input({ hints: { priority: 'high' } })] });
  holds({ priority: ['low', 'normal'] }, { yes: [plain, input({ hints: { priority: 'low' } })], no: [input({ hints: { priority: 'high' } })] });
});

test('key tier: one or a list, case-insensitive; no key does not hold', () => {
  holds({ keyTier: 'premium' }, { yes: [input({ keyTier: 'premium' }), input({ keyTier: 'PREMIUM' })], no: [plain, input({ keyTier: null })] });
  holds({ keyTier: ['premium', 'enterprise'] }, { yes: [input({ keyTier: 'enterprise' })], no: [plain, input({ keyTier: null })] });
});

test('stream matches streaming or non-streaming requests', () => {
  holds({ stream: true }, { yes: [input({ stream: true })], no: [plain] });
  holds({ stream: false }, { yes: [plain], no: [input({ stream: true })] });
});

test('combined conditions must all hold', () => {
  const when: RuleConditions = { useCase: 'code', models: ['gpt-4o-mini'], hasTools: true, keyTier: 'premium' };
  const all = input({ hints: { useCase: 'code' }, keyTier: 'premium', needs: { contextTokens: 10, tools: true, images: false, jsonMode: false } });
  holds(when, {
    yes: [all],
    no: [
      { ...all, model: 'gpt-4o' },
      { ...all, hints: { useCase: 'chat' } },
      { ...all, keyTier: 'standard' },
      { ...all, needs: { contextTokens: 10, tools: false, images: false, jsonMode: false } },
    ],
  });
});

const rules: RoutingRule[] = [
  { name: 'long-prompts', when: { promptTokensAbove: 100_000 }, route: 'long-context' },
  { name: 'vision', when: { hasImages: true }, route: 'gpt-4o-vision' },
  { when: { useCase: 'code', models: ['gpt-4o-mini'] }, route: 'claude-sonnet' },
  { when: { keyTier: 'premium' }, route: 'gpt-4o' },
];

test('the first matching rule wins, with its position', () => {
  const longWithImages = input({ promptTokens: 200_000, needs: { contextTokens: 200_000, tools: false, images: true, jsonMode: false } });
  assert.deepEqual(matchRule(rules, longWithImages), { rule: rules[0], index: 0 });
  assert.deepEqual(matchRule(rules, withNeeds({ images: true })), { rule: rules[1], index: 1 });
  const codeFromPremium = input({ hints: { useCase: 'code' }, keyTier: 'premium' });
  assert.deepEqual(matchRule(rules, codeFromPremium), { rule: rules[2], index: 2 });
});

test('models scoping: a rule for other groups is passed over for the next one', () => {
  const codeFromPremium = input({ model: 'claude-haiku', hints: { useCase: 'code' }, keyTier: 'premium' });
  assert.equal(matchRule(rules, codeFromPremium)?.index, 3);
  assert.equal(matchRule(rules, input({ model: 'claude-haiku', hints: { useCase: 'code' } })), null);
});

test('no matching rule, or no rules at all, gives null', () => {
  assert.equal(matchRule(rules, plain), null);
  assert.equal(matchRule([], plain), null);
});

test('a rule never routes a group to itself: the match is skipped and the next rule tried', () => {
  const premiumOnGpt4o = input({ model: 'gpt-4o', keyTier: 'premium' });
  assert.equal(matchRule(rules, premiumOnGpt4o), null);
  const selfFirst: RoutingRule[] = [{ when: { keyTier: 'premium' }, route: 'gpt-4o' }, { when: { stream: false }, route: 'claude-sonnet' }];
  assert.deepEqual(matchRule(selfFirst, premiumOnGpt4o), { rule: selfFirst[1], index: 1 });
});

test('ruleLabel names a match by its name, else its position', () => {
  assert.equal(ruleLabel({ rule: rules[0], index: 0 }), 'long-prompts');
  assert.equal(ruleLabel({ rule: rules[2], index: 2 }), 'rules[2]');
});

test('RuleSet matches with its current rules and replaces them whole', () => {
  const source: RoutingRule[] = [{ when: { stream: true }, route: 'fast' }];
  const set = new RuleSet(source);
  source.push({ when: {}, route: 'other' });
  assert.equal(set.rules.length, 1, 'the set keeps its own copy');
  assert.equal(set.match(input({ stream: true }))?.rule.route, 'fast');
  assert.equal(set.match(plain), null);
  set.replace(rules);
  assert.equal(set.match(input({ stream: true })), null);
  assert.equal(set.match(input({ keyTier: 'premium' }))?.rule.route, 'gpt-4o');
  set.replace([]);
  assert.equal(set.match(input({ keyTier: 'premium' })), null);
  assert.equal(new RuleSet().match(plain), null);
});

test('ruleProblems reports unknown groups, self-routes and duplicate names', () => {
  const groups = new Set(['gpt-4o', 'gpt-4o-mini', 'claude-sonnet', 'long-context']);
  assert.deepEqual(ruleProblems([rules[0], rules[2], rules[3]], groups), []);
  assert.deepEqual(
    ruleProblems(
      [
        { name: 'a', when: { hasImages: true }, route: 'missing' },
        { name: 'a', when: { models: ['gpt-4o', 'ghost'] }, route: 'gpt-4o' },
        { when: { models: ['gpt-4o'], stream: true }, route: 'gpt-4o' },
      ],
      groups,
    ),
    [
      'routing.rules[0].route: unknown model group "missing"',
      'routing.rules[1].when.models[1]: unknown model group "ghost"',
      'routing.rules[1].name: another rule is already named "a"',
      'routing.rules[2]: a rule cannot route a model group to itself',
    ],
  );
});
