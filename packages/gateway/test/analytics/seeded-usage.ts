/**
 * Usage rows with hand-picked values for the analytics tests, in March 2025 (far from the rows real
 * requests write now), and the figures they must give, worked out by hand in the comments.
 */

import type { UsageRow } from '../../src/pipeline/ports.js';

export const RANGE = { from: '2025-03-10T00:00:00Z', to: '2025-03-12T00:00:00Z' };

function row(requestId: string, at: string, fields: Partial<UsageRow>): UsageRow {
  return {
    requestId,
    createdAt: new Date(at),
    keyId: 'key_a',
    userId: 'usr_1',
    teamId: 'team_1',
    protocol: 'openai',
    endpoint: 'chat',
    modelGroup: 'gpt-4o',
    provider: 'openai',
    deploymentId: 'openai/gpt-4o',
    upstreamModel: 'gpt-4o',
    stream: false,
    promptTokens: 0,
    completionTokens: 0,
    cachedTokens: 0,
    tokensEstimated: false,
    costUsd: 0,
    latencyMs: 0,
    ttftMs: null,
    status: 200,
    outcome: 'success',
    errorCode: null,
    attempts: 1,
    ...fields,
  };
}

const claude = { keyId: 'key_b', userId: 'usr_2', modelGroup: 'claude', provider: 'anthropic', deploymentId: 'anthropic/claude-sonnet-4-5', upstreamModel: 'claude-sonnet-4-5' };
const gemini = { keyId: 'key_c', userId: null, teamId: null, modelGroup: 'gemini', provider: 'gemini', deploymentId: 'gemini/gemini-2.5-flash', upstreamModel: 'gemini-2.5-flash' };

export const SEEDED_ROWS: UsageRow[] = [
  // Outside the range on either side: never counted.
  row('seed-before', '2025-03-09T23:59:59.999Z', { promptTokens: 999, costUsd: 9 }),
  row('seed-after', '2025-03-12T00:00:00.000Z', { promptTokens: 999, costUsd: 9 }),
  // 10 March, 01:00 hour.
  row('seed-1', '2025-03-10T01:10:00Z', { promptTokens: 100, completionTokens: 50, cachedTokens: 10, costUsd: 0.01, latencyMs: 100 }),
  row('seed-2', '2025-03-10T01:50:00Z', { promptTokens: 200, completionTokens: 100, costUsd: 0.02, latencyMs: 200, stream: true, ttftMs: 50 }),
  // 10 March, 02:00 hour.
  row('seed-3', '2025-03-10T02:05:00Z', { ...claude, promptTokens: 300, costUsd: 0.03, latencyMs: 1000, status: 502, outcome: 'error', errorCode: 'SY_ERR_UPSTREAM_SERVER', attempts: 2 }),
  row('seed-4', '2025-03-10T02:30:00Z', { ...claude, promptTokens: 10, completionTokens: 20, costUsd: 0.005, latencyMs: 400, stream: true, ttftMs: 150, status: 499, outcome: 'client_disconnected' }),
  // 11 March, 10:00 hour.
  row('seed-5', '2025-03-11T10:00:00Z', { ...gemini, promptTokens: 1000, completionTokens: 500, cachedTokens: 100, costUsd: 0.1, latencyMs: 3000, stream: true, ttftMs: 800 }),
  row('seed-6', '2025-03-11T10:15:00Z', { keyId: null, userId: null, teamId: null, promptTokens: 50, completionTokens: 25, costUsd: 0.001, latencyMs: 50 }),
  // 11 March, 23:00 hour.
  row('seed-7', '2025-03-11T23:59:59.999Z', { promptTokens: 1, completionTokens: 1, latencyMs: 10, status: 429, outcome: 'error', errorCode: 'SY_ERR_RATE_LIMITED' }),
  // 5 March, alone: names that CSV must quote or defuse.
  row('seed-csv-1', '2025-03-05T12:00:00Z', { modelGroup: 'weird,"model"', costUsd: 0.5 }),
  row('seed-csv-2', '2025-03-05T13:00:00Z', { modelGroup: '=HYPERLINK("x")', costUsd: 0.25 }),
];

/** The usage figures of a set of seeded rows, summed by hand-checkable rules. */
export interface UsageFigures {
  requests: number;
  successes: number;
  errors: number;
  clientDisconnected: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  totalTokens: number;
  costUsd: number;
}

/** 10 March: seed-1..4. 4 requests, 2 successes, 1 error, 1 disconnect; 610 + 170 tokens, 10 cached, 0.065 USD. */
export const MARCH_10: UsageFigures = { requests: 4, successes: 2, errors: 1, clientDisconnected: 1, promptTokens: 610, completionTokens: 170, cachedTokens: 10, totalTokens: 780, costUsd: 0.065 };
/** 11 March: seed-5..7. 3 requests, 2 successes, 1 error; 1051 + 526 tokens, 100 cached, 0.101 USD. */
export const MARCH_11: UsageFigures = { requests: 3, successes: 2, errors: 1, clientDisconnected: 0, promptTokens: 1051, completionTokens: 526, cachedTokens: 100, totalTokens: 1577, costUsd: 0.101 };
export const RANGE_TOTALS: UsageFigures = { requests: 7, successes: 4, errors: 2, clientDisconnected: 1, promptTokens: 1661, completionTokens: 696, cachedTokens: 110, totalTokens: 2357, costUsd: 0.166 };
