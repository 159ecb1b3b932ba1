/**
 * Budgets through the real gateway: the worst-case reservation keeps 200 concurrent requests
 * within a budget that allows 20; the rejection is a 429 budget_exceeded naming the budget and its
 * reset, with x-should-retry: false (so the official SDK does not retry); a failed request gives
 * its reservation back; spend survives a restart (seeded from the usage table).
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import OpenAI from 'openai';
import { startFakes, startGateway, standardConfig, usageRows } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';

/**
 * Output tokens cost $0.01 each and input is free, so a request capped at 10 output tokens has a
 * worst case of exactly $0.10: a $2.00 budget holds 20 of them in flight. The fake answers "hi"
 * with "Echo: hi", 2 tokens: $0.02.
 */
function config(fakes: Fakes, budget: string): string {
  return standardConfig(fakes).replace(
    "  - name: gpt-4o\n    deployments: [{ provider: openai, model: gpt-4o }]",
    '  - name: gpt-4o\n    deployments: [{ provider: openai, model: gpt-4o, price: { inputPerMTok: 0, outputPerMTok: 10000 } }]',
  ) + budget;
}

function chat(url: string, key: string): Promise<Response> {
  return fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }),
  });
}

describe('budgets', () => {
  let fakes: Fakes;
  let running: RunningGateway;
  before(async () => {
    fakes = await startFakes();
  });
  after(async () => {
    await running?.close();
    await fakes.close();
  });

  test('200 concurrent requests against a budget that allows 20: 20 are served, the rest refused, spend within the limit', async () => {
    running = await startGateway({ yaml: config(fakes, `governance:\n  budgets: [{ name: research, scope: team, target: team_research, limitUsd: 2, period: monthly }]\n`) });
    const { secret } = await running.gateway.keys.create({ name: 'research bot', tier: 'enterprise', teamId: 'team_research' });
    // The 20 calls the budget admits wait upstream long enough for all 200 to arrive while they are in flight.
    for (let index = 0; index < 20; index += 1) fakes.openai.failNext({ kind: 'delay', ms: 3_000 });
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => chat(running.url, secret).then(async (answer) => ({ status: answer.status, headers: answer.headers, body: await answer.json() }))),
    );
    const served = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 429);
    assert.equal(served.length, 20);
    assert.equal(refused.length, 180);
    const rejection = refused[0];
    const error = (rejection.body as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'budget_exceeded');
    assert.match(error.message, /monthly team budget "research"/);
    assert.match(error.message, /resets at \d{4}-\d{2}-01T00:00:00\.000Z/);
    assert.equal(rejection.headers.get('x-should-retry'), 'false');
    const rows = (await usageRows(running)).filter((row) => row.outcome === 'success');
    const spent = rows.reduce((sum, row) => sum + row.costUsd, 0);
    assert.ok(spent <= 2 + 1e-9, `spent ${spent}`);
    assert.ok(Math.abs(spent - 20 * 0.02) < 1e-9, `each served call settled at its real cost: ${spent}`);
  });

  test('the official SDK gets a RateLimitError and does not retry; a failed request releases its reservation', async () => {
    await running?.close();
    running = await startGateway({ yaml: config(fakes, `governance:\n  budgets: [{ name: tiny, limitUsd: 0.25, period: daily }]\n`) });
    const { secret } = await running.gateway.keys.create({ name: 'tiny', tier: 'enterprise' });
    const before = fakes.openai.requests.length;
    fakes.openai.failNext({ kind: 'http', status: 400, message: 'bad upstream request' });
    assert.equal((await chat(running.url, secret)).status, 400);
    // Two calls of $0.10 worst case fit in $0.25 only if the failed one gave its $0.10 back.
    assert.equal((await chat(running.url, secret)).status, 200);
    assert.equal((await chat(running.url, secret)).status, 200);
    const account = (await (await fetch(`${running.url}/api/v1/account`, { headers: { authorization: `Bearer ${secret}` } })).json()) as {
      budgets: Array<{ spentUsd: number; reservedUsd: number; remainingUsd: number }>;
    };
    assert.equal(account.budgets.length, 1);
    assert.ok(Math.abs(account.budgets[0].spentUsd - 0.04) < 1e-9, JSON.stringify(account.budgets));
    assert.equal(account.budgets[0].reservedUsd, 0);

    const client = new OpenAI({ apiKey: secret, baseURL: `${running.url}/v1`, maxRetries: 3 });
    // Each call settles at $0.02; a call is refused once spent + $0.10 would pass $0.25, i.e. after
    // six more ($0.04 + 6 × $0.02 = $0.16).
    let served = 0;
    let refusal: unknown = null;
    while (refusal === null && served < 20) {
      try {
        await client.chat.completions.create({ model: 'gpt-4o', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
        served += 1;
      } catch (error) {
        refusal = error;
      }
    }
    assert.equal(served, 6);
    assert.ok(refusal instanceof OpenAI.RateLimitError, String(refusal));
    assert.equal((refusal.error as { code?: string }).code, 'budget_exceeded');
    // x-should-retry: false — the SDK (maxRetries 3) sent the refused request once.
    const refusedRows = (await usageRows(running)).filter((row) => row.errorCode === 'SY_ERR_BUDGET_EXCEEDED');
    assert.equal(refusedRows.length, 1);
    assert.equal(fakes.openai.requests.length - before, 9, 'one failed, two and six served; no upstream call for the refused one');
  });

  test('spend survives a restart: the ledger is seeded from the usage table', async () => {
    const yaml = config(fakes, `governance:\n  budgets: [{ name: everyone, limitUsd: 0.15, period: weekly }]\n`);
    await running?.close();
    running = await startGateway({ yaml });
    const { secret } = await running.gateway.keys.create({ name: 'k', tier: 'enterprise' });
    assert.equal((await chat(running.url, secret)).status, 200);
    assert.equal((await chat(running.url, secret)).status, 200);
    // $0.04 spent; one more $0.10 worst case fits under $0.15.
    const spent = (await usageRows(running)).reduce((sum, row) => sum + row.costUsd, 0);
    assert.ok(Math.abs(spent - 0.04) < 1e-9);
    const first = running;
    await first.gateway.shutdown();
    running = await startGateway({ yaml, databaseUrl: first.gateway.config.database.url });
    assert.equal((await chat(running.url, secret)).status, 200);
    // $0.06 spent: $0.16 worst case would overshoot $0.15.
    const refused = await chat(running.url, secret);
    assert.equal(refused.status, 429);
    await running.close();
    await first.close();
    running = undefined as unknown as RunningGateway;
  });
});
