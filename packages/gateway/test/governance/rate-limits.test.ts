/**
 * Rate limits through the real gateway: exact counts at the boundary, the 429 and its headers in
 * both protocols, allowed answers carrying x-ratelimit-* too, token limits, tier model access,
 * and one limit held across two gateway processes sharing a real redis-server.
 */

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startGatewayProcess } from '../support/gateway-process.js';
import type { GatewayProcess } from '../support/gateway-process.js';
import { MASTER_KEY, startFakes, startGateway, standardConfig } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';
import { startRedis } from '../support/redis.js';
import type { TestRedis } from '../support/redis.js';

const GOVERNANCE = `
governance:
  tiers:
    standard: { models: basic, limits: [{ requests: 3, per: 1h }] }
  premiumModels: [claude]
  rateLimits:
    - { scope: key, tokens: 40, per: 1h, model: gemini }
`;

function chat(url: string, key: string, model = 'gpt-4o', text = 'hello'): Promise<Response> {
  return fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: text }] }),
  });
}

describe('rate limits on one gateway', () => {
  let fakes: Fakes;
  let running: RunningGateway;
  before(async () => {
    fakes = await startFakes();
    running = await startGateway({ yaml: standardConfig(fakes) + GOVERNANCE });
  });
  after(async () => {
    await running.close();
    await fakes.close();
  });

  test('a standard key gets exactly its 3 requests, then a 429 naming the limit, with retry-after and x-ratelimit-*', async () => {
    const { secret } = await running.gateway.keys.create({ name: 'limited', tier: 'standard' });
    for (const remaining of [2, 1, 0]) {
      const answer = await chat(running.url, secret);
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('x-ratelimit-limit-requests'), '3');
      assert.equal(answer.headers.get('x-ratelimit-remaining-requests'), String(remaining));
      assert.match(answer.headers.get('x-ratelimit-reset-requests') ?? '', /^(\d+h)?(\d+m)?\d+s$|^\d+ms$/);
      await answer.text();
    }
    const refused = await chat(running.url, secret);
    assert.equal(refused.status, 429);
    const body = (await refused.json()) as { error: { code: string; type: string; message: string } };
    assert.equal(body.error.code, 'rate_limit_exceeded');
    assert.match(body.error.message, /tier "standard".*3 requests per 1h/);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    assert.equal(refused.headers.get('x-ratelimit-remaining-requests'), '0');
    assert.equal(refused.headers.get('x-ratelimit-limit-requests'), '3');

    // The Anthropic protocol answers in its own shape.
    const messages = await fetch(`${running.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': secret, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }),
    });
    assert.equal(messages.status, 429);
    assert.equal(((await messages.json()) as { error: { type: string } }).error.type, 'rate_limit_error');

    // Another key has its own window; the master key has no tier.
    const other = await running.gateway.keys.create({ name: 'other', tier: 'standard' });
    assert.equal((await chat(running.url, other.secret)).status, 200);
    assert.equal((await chat(running.url, MASTER_KEY)).status, 200);
  });

  test('a premium key is not held to the standard limit; a standard key may not use a premium model', async () => {
    const premium = await running.gateway.keys.create({ name: 'premium', tier: 'premium' });
    const answer = await chat(running.url, premium.secret, 'claude');
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('x-ratelimit-limit-requests'), '1000');
    const standard = await running.gateway.keys.create({ name: 'basic only', tier: 'standard' });
    const denied = await chat(running.url, standard.secret, 'claude');
    assert.equal(denied.status, 403);
    assert.match(((await denied.json()) as { error: { message: string } }).error.message, /tier "standard" may not use the model 'claude'/);
  });

  test('a token limit counts real tokens after each answer and refuses once the window is spent', async () => {
    const { secret } = await running.gateway.keys.create({ name: 'tokens', tier: 'enterprise' });
    const long = 'one two three four five six seven eight nine ten eleven twelve';
    let status = 200;
    let answers = 0;
    while (status === 200 && answers < 10) {
      const answer = await chat(running.url, secret, 'gemini', long);
      status = answer.status;
      if (status === 200) {
        answers += 1;
        assert.equal(answer.headers.get('x-ratelimit-limit-tokens'), '40');
      }
      await answer.text();
    }
    assert.equal(status, 429);
    // Each exchange costs more than 13 tokens, so the 40-token window holds at most 3 of them.
    assert.ok(answers >= 1 && answers <= 3, `answers before the limit: ${answers}`);
    // The limit names only the gemini group: other models are not counted.
    assert.equal((await chat(running.url, secret, 'gpt-4o')).status, 200);
  });
});

describe('one limit across two gateway processes sharing Redis', () => {
  let fakes: Fakes;
  let redis: TestRedis;
  let dir: string;
  const processes: GatewayProcess[] = [];
  before(async () => {
    fakes = await startFakes();
    redis = await startRedis();
    dir = mkdtempSync(join(tmpdir(), 'switchyard-replicas-'));
  });
  after(async () => {
    await Promise.all(processes.map((gateway) => gateway.stop()));
    await redis.stop();
    await fakes.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a key limited to 10 requests gets 10 in all, whichever replica serves them', async () => {
    const configFile = join(dir, 'switchyard.yaml');
    writeFileSync(configFile, standardConfig(fakes) + `governance:\n  rateLimits: [{ scope: key, requests: 10, per: 1h }]\n`);
    const env = { SWITCHYARD_MASTER_KEY: MASTER_KEY, DATABASE_URL: `sqlite:${join(dir, 'shared.db')}`, REDIS_URL: redis.url, SWITCHYARD_LOG_LEVEL: 'warn' };
    processes.push(await startGatewayProcess({ configFile, env }));
    processes.push(await startGatewayProcess({ configFile, env }));
    const created = await fetch(`${processes[0].url}/api/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'shared', tier: 'enterprise' }),
    });
    assert.equal(created.status, 201);
    const { secret } = (await created.json()) as { secret: string };
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, index) => chat(processes[index % 2].url, secret).then(async (answer) => {
      await answer.text();
      return answer.status;
    })));
    assert.equal(statuses.filter((status) => status === 200).length, 10);
    assert.equal(statuses.filter((status) => status === 429).length, 20);
  });
});

describe('per-provider daily caps per user', () => {
  let fakes: Fakes;
  let running: RunningGateway;
  before(async () => {
    fakes = await startFakes();
    const groups = `
  - name: openai-only
    deployments: [{ provider: openai, model: gpt-4o }]
  - name: either
    strategy: round-robin
    deployments: [{ provider: openai, model: gpt-4o }, { provider: anthropic, model: claude-sonnet-4-5 }]
`;
    const yaml = standardConfig(fakes).replace('models:\n', `models:${groups}`) + 'governance:\n  providerDailyCaps: { openai: 2 }\n';
    running = await startGateway({ yaml });
  });
  after(async () => {
    await running.close();
    await fakes.close();
  });

  test("a user's calls to a capped provider stop at the cap; other providers still serve; keys without a user are not capped", async () => {
    const { secret } = await running.gateway.keys.create({ name: 'ada', tier: 'enterprise', userId: 'usr_ada' });
    assert.equal((await chat(running.url, secret, 'openai-only')).status, 200);
    assert.equal((await chat(running.url, secret, 'openai-only')).status, 200);
    const refused = await chat(running.url, secret, 'openai-only');
    assert.equal(refused.status, 429);
    assert.match(((await refused.json()) as { error: { message: string } }).error.message, /daily cap on provider "openai" for user usr_ada/);
    // A group with another provider goes on being served there.
    for (let index = 0; index < 3; index += 1) {
      const answer = await chat(running.url, secret, 'either');
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('x-switchyard-provider'), 'anthropic');
      await answer.text();
    }
    // The same key's user is capped on every key; a key without a user is not.
    const sameUser = await running.gateway.keys.create({ name: 'ada 2', tier: 'enterprise', userId: 'usr_ada' });
    assert.equal((await chat(running.url, sameUser.secret, 'openai-only')).status, 429);
    const noUser = await running.gateway.keys.create({ name: 'service', tier: 'enterprise' });
    assert.equal((await chat(running.url, noUser.secret, 'openai-only')).status, 200);
  });
});
