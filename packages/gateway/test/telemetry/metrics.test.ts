/**
 * GET /metrics over the real gateway against the fake upstreams: successful, failed, streamed,
 * rate-limited, over-budget and unknown-model requests, an opening circuit breaker and held
 * requests in the queues each move exactly the series they should; the totals agree with the usage
 * rows; Prometheus' own linter (`promtool check metrics`) accepts the output; a name a client
 * makes up never becomes a series. Then the endpoint's switches: auth, disabled, and Redis status.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { UsageRow } from '../../src/pipeline/ports.js';
import { startFakes, startGateway, standardConfig, usageRows } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';
import { startHeldStreamUpstream } from '../support/held-stream-upstream.js';
import type { HeldStreamUpstream } from '../support/held-stream-upstream.js';
import { hasSeries, parseExposition, runPromtool, sumOf } from '../support/prometheus-text.js';
import type { Exposition } from '../support/prometheus-text.js';
import { startRedis } from '../support/redis.js';

/** Output tokens of gpt-4o cost $0.01 each (input is free), so cost checks are exact. */
const OUTPUT_USD_PER_TOKEN = 0.01;
const GPT = { model_group: 'gpt-4o', provider: 'openai' };
const GPT_DEPLOYMENT = 'openai/gpt-4o';
const BADKEY_DEPLOYMENT = 'openai-badkey/gpt-4o';

/**
 * The standard fakes plus a `held` group whose upstream answers only when told (one slot, so a
 * second request queues for it), a gateway-wide limit of two requests, a tier allowed one request
 * an hour, and a $0.15 team budget: with max_tokens 10 a request's worst case is $0.10.
 */
function config(fakes: Fakes, held: HeldStreamUpstream): string {
  return `${standardConfig(fakes)
    .replace('shutdownGraceMs: 5000 }', 'shutdownGraceMs: 5000, maxConcurrentRequests: 2, maxQueue: 10, maxQueueWaitMs: 60000 }')
    .replace('providers:\n', `providers:\n  held: { type: openai, baseUrl: ${held.baseUrl}, apiKey: none }\n`)
    .replace(
      '  - name: gpt-4o\n    deployments: [{ provider: openai, model: gpt-4o }]',
      '  - name: gpt-4o\n    deployments: [{ provider: openai, model: gpt-4o, price: { inputPerMTok: 0, outputPerMTok: 10000 } }]',
    )}  - name: held
    deployments: [{ provider: held, model: held-1, id: held, maxConcurrentRequests: 1, maxQueue: 5 }]
governance:
  tiers:
    metered: { limits: [{ requests: 1, per: 1h }] }
  budgets: [{ name: metrics-team, scope: team, target: team_metrics, limitUsd: 0.15, period: daily, thresholds: [10] }]
`;
}

async function scrape(running: RunningGateway, headers: Record<string, string> = {}): Promise<{ text: string; exposition: Exposition }> {
  const response = await fetch(`${running.url}/metrics`, { headers });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
  const text = await response.text();
  return { text, exposition: parseExposition(text) };
}

/** Scrapes until `predicate` holds (for figures that settle after the answer: budget events, queues). */
async function scrapeUntil(running: RunningGateway, predicate: (exposition: Exposition) => boolean): Promise<Exposition> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const { exposition } = await scrape(running);
    if (predicate(exposition)) return exposition;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the metrics never reached the expected state');
}

function chat(running: RunningGateway, body: { model: string; text?: string; stream?: boolean; maxTokens?: number; key?: string }): Promise<Response> {
  return fetch(`${running.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${body.key ?? running.masterKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: body.model,
      stream: body.stream ?? false,
      ...(body.maxTokens === undefined ? {} : { max_tokens: body.maxTokens }),
      messages: [{ role: 'user', content: body.text ?? 'hello metrics' }],
    }),
  });
}

/** How much each named figure moved between two scrapes. */
function delta(before: Exposition, after: Exposition, name: string, labels: Record<string, string> = {}): number {
  return sumOf(after, name, labels) - sumOf(before, name, labels);
}

describe('GET /metrics over the real gateway', () => {
  let fakes: Fakes;
  let held: HeldStreamUpstream;
  let running: RunningGateway;

  before(async () => {
    fakes = await startFakes();
    held = await startHeldStreamUpstream();
    running = await startGateway({ yaml: config(fakes, held) });
  });
  after(async () => {
    await running.close();
    await held.close();
    await fakes.close();
  });

  test('a successful call counts one request, its duration, its tokens and its cost; no TTFT without a stream', async () => {
    const { exposition: before } = await scrape(running);
    const response = await chat(running, { model: 'gpt-4o', text: 'hello metrics world' });
    assert.equal(response.status, 200);
    const { usage } = (await response.json()) as { usage: { prompt_tokens: number; completion_tokens: number } };
    const { exposition: after } = await scrape(running);
    assert.equal(delta(before, after, 'switchyard_requests_total', { ...GPT, deployment: GPT_DEPLOYMENT, status: '200', outcome: 'success' }), 1);
    assert.equal(delta(before, after, 'switchyard_requests_total'), 1, 'one request, one series moved');
    assert.equal(delta(before, after, 'switchyard_request_duration_seconds_count', GPT), 1);
    assert.ok(delta(before, after, 'switchyard_request_duration_seconds_sum', GPT) > 0);
    assert.equal(delta(before, after, 'switchyard_time_to_first_token_seconds_count'), 0);
    assert.equal(delta(before, after, 'switchyard_tokens_total', { ...GPT, direction: 'input' }), usage.prompt_tokens);
    assert.equal(delta(before, after, 'switchyard_tokens_total', { ...GPT, direction: 'output' }), usage.completion_tokens);
    assert.equal(delta(before, after, 'switchyard_tokens_total', { ...GPT, direction: 'cached' }), 0);
    assert.ok(Math.abs(delta(before, after, 'switchyard_cost_usd_total', GPT) - usage.completion_tokens * OUTPUT_USD_PER_TOKEN) < 1e-9);
  });

  test('an upstream failure counts an error request and one failed attempt with its code', async () => {
    const { exposition: before } = await scrape(running);
    fakes.openai.failNext({ kind: 'http', status: 500, message: 'upstream broke' });
    const response = await chat(running, { model: 'gpt-4o' });
    await response.text();
    assert.ok(response.status >= 500, String(response.status));
    const { exposition: after } = await scrape(running);
    assert.equal(delta(before, after, 'switchyard_requests_total', { ...GPT, deployment: GPT_DEPLOYMENT, status: String(response.status), outcome: 'error' }), 1);
    assert.equal(delta(before, after, 'switchyard_upstream_attempt_failures_total', { deployment: GPT_DEPLOYMENT, code: 'SY_ERR_UPSTREAM_SERVER' }), 1);
    assert.equal(delta(before, after, 'switchyard_upstream_attempt_failures_total'), 1);
    assert.equal(delta(before, after, 'switchyard_cost_usd_total'), 0, 'nothing was billed');
  });

  test('a streamed answer adds a time-to-first-token observation, with buckets that add up', async () => {
    const labels = { model_group: 'claude', provider: 'anthropic' };
    const { exposition: before } = await scrape(running);
    const response = await chat(running, { model: 'claude', stream: true, text: 'stream these words please' });
    assert.equal(response.status, 200);
    assert.match(await response.text(), /data: \[DONE\]/);
    const { exposition: after } = await scrape(running);
    assert.equal(delta(before, after, 'switchyard_requests_total', { ...labels, deployment: 'anthropic/claude-sonnet-4-5', status: '200', outcome: 'success' }), 1);
    assert.equal(delta(before, after, 'switchyard_time_to_first_token_seconds_count', labels), 1);
    assert.equal(delta(before, after, 'switchyard_request_duration_seconds_count', labels), 1);
    assert.equal(sumOf(after, 'switchyard_time_to_first_token_seconds_bucket', { ...labels, le: '+Inf' }), sumOf(after, 'switchyard_time_to_first_token_seconds_count', labels));
    assert.ok(sumOf(after, 'switchyard_time_to_first_token_seconds_sum', labels) <= sumOf(after, 'switchyard_request_duration_seconds_sum', labels));
    assert.ok(delta(before, after, 'switchyard_tokens_total', { ...labels, direction: 'output' }) > 0);
  });

  test('a rate-limited request counts one rejection and a 429 that reached no provider', async () => {
    const { secret } = await running.gateway.keys.create({ name: 'metered', tier: 'metered' });
    assert.equal((await chat(running, { model: 'gpt-4o', key: secret })).status, 200);
    const { exposition: before } = await scrape(running);
    const refused = await chat(running, { model: 'gpt-4o', key: secret });
    assert.equal(refused.status, 429);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'rate_limit_exceeded');
    const { exposition: after } = await scrape(running);
    assert.equal(delta(before, after, 'switchyard_rate_limit_rejections_total', { model_group: 'gpt-4o' }), 1);
    assert.equal(delta(before, after, 'switchyard_budget_rejections_total'), 0);
    assert.equal(delta(before, after, 'switchyard_requests_total', { model_group: 'gpt-4o', provider: 'none', deployment: 'none', status: '429', outcome: 'error' }), 1);
    assert.equal(delta(before, after, 'switchyard_request_duration_seconds_count', { model_group: 'gpt-4o', provider: 'none' }), 1);
  });

  test('a budget crossing its threshold counts one event; the refusal counts one budget rejection', async () => {
    const { secret } = await running.gateway.keys.create({ name: 'team bot', tier: 'enterprise', teamId: 'team_metrics' });
    const { exposition: before } = await scrape(running);
    let refusal: Response | null = null;
    for (let call = 0; call < 10 && refusal === null; call += 1) {
      const response = await chat(running, { model: 'gpt-4o', key: secret, text: 'hi', maxTokens: 10 });
      if (response.status === 429) refusal = response;
      else {
        assert.equal(response.status, 200);
        await response.text();
      }
    }
    assert.ok(refusal, 'the budget refused a request');
    assert.equal(((await refusal.json()) as { error: { code: string } }).error.code, 'budget_exceeded');
    // The threshold is noticed when a settled cost is read back, after the answer was sent.
    const after = await scrapeUntil(running, (exposition) => sumOf(exposition, 'switchyard_budget_threshold_events_total') > sumOf(before, 'switchyard_budget_threshold_events_total'));
    assert.equal(delta(before, after, 'switchyard_budget_rejections_total', { model_group: 'gpt-4o' }), 1);
    assert.equal(delta(before, after, 'switchyard_rate_limit_rejections_total'), 0);
    assert.equal(delta(before, after, 'switchyard_budget_threshold_events_total', { threshold: '10' }), 1);
  });

  test('a model name the client made up is counted as `unknown` and never becomes a series', async () => {
    const madeUp = 'client-made-up-model-7f3a9c';
    const { exposition: before } = await scrape(running);
    const response = await chat(running, { model: madeUp });
    assert.equal(response.status, 404);
    await response.text();
    const { text, exposition: after } = await scrape(running);
    assert.ok(!text.includes(madeUp), 'the made-up name appears nowhere in /metrics');
    assert.equal(delta(before, after, 'switchyard_requests_total', { model_group: 'unknown', provider: 'none', deployment: 'none', status: '404', outcome: 'error' }), 1);
  });

  test('five upstream auth failures open the breaker: one transition, state 2, five failed attempts', async () => {
    const { exposition: before } = await scrape(running);
    assert.equal(sumOf(before, 'switchyard_breaker_state', { deployment: BADKEY_DEPLOYMENT }), 0);
    for (let call = 0; call < 5; call += 1) await (await chat(running, { model: 'badkey' })).text();
    const { exposition: after } = await scrape(running);
    assert.equal(sumOf(after, 'switchyard_breaker_state', { deployment: BADKEY_DEPLOYMENT }), 2);
    assert.equal(sumOf(after, 'switchyard_breaker_state', { deployment: GPT_DEPLOYMENT }), 0);
    assert.equal(delta(before, after, 'switchyard_breaker_transitions_total', { deployment: BADKEY_DEPLOYMENT, from: 'closed', to: 'open' }), 1);
    assert.equal(delta(before, after, 'switchyard_breaker_transitions_total'), 1);
    assert.equal(delta(before, after, 'switchyard_upstream_attempt_failures_total', { deployment: BADKEY_DEPLOYMENT, code: 'SY_ERR_UPSTREAM_AUTH' }), 5);
  });

  test('held requests show in flight and in the deployment and gateway queues, and leave them when done', async () => {
    const heldCall = (text: string) => held.held.find((call) => call.text === text);
    const finish = async (text: string): Promise<void> => {
      await held.until(() => heldCall(text) !== undefined);
      heldCall(text)?.finish();
    };
    // A takes the deployment's one slot; B holds the second gateway slot and queues for the deployment;
    // C finds both gateway slots taken and queues at the gateway.
    const first = chat(running, { model: 'held', text: 'first' });
    await held.until(() => heldCall('first') !== undefined);
    const second = chat(running, { model: 'held', text: 'second' });
    await scrapeUntil(running, (exposition) => sumOf(exposition, 'switchyard_deployment_queue_length', { deployment: 'held' }) === 1);
    const third = chat(running, { model: 'held', text: 'third' });
    const busy = await scrapeUntil(running, (exposition) => sumOf(exposition, 'switchyard_routing_queue_length') === 1);
    assert.equal(sumOf(busy, 'switchyard_requests_in_flight'), 3);
    assert.equal(sumOf(busy, 'switchyard_deployment_requests_in_flight', { deployment: 'held' }), 1);
    assert.equal(sumOf(busy, 'switchyard_deployment_queue_length', { deployment: 'held' }), 1);
    assert.ok(!hasSeries(busy, 'switchyard_deployment_queue_length', { deployment: GPT_DEPLOYMENT }), 'only deployments with a slot limit have a queue');

    await finish('first');
    await finish('second');
    await finish('third');
    for (const response of await Promise.all([first, second, third])) {
      assert.equal(response.status, 200);
      await response.text();
    }
    const idle = await scrapeUntil(running, (exposition) => sumOf(exposition, 'switchyard_requests_in_flight') === 0);
    assert.equal(sumOf(idle, 'switchyard_routing_queue_length'), 0);
    assert.equal(sumOf(idle, 'switchyard_deployment_queue_length', { deployment: 'held' }), 0);
    assert.equal(sumOf(idle, 'switchyard_deployment_requests_in_flight', { deployment: 'held' }), 0);
  });

  test('every counter agrees with the usage rows, and the usage writer reports what it wrote', async () => {
    const rows = await usageRows(running);
    const { exposition } = await scrape(running);
    const groups = new Set(running.gateway.router.routingTable().groups.map((group) => group.name));
    const group = (row: UsageRow) => (groups.has(row.modelGroup) ? row.modelGroup : 'unknown');
    const expected = new Map<string, { count: number; labels: Record<string, string> }>();
    const add = (key: Record<string, string>): void => {
      const id = JSON.stringify(key);
      expected.set(id, { count: (expected.get(id)?.count ?? 0) + 1, labels: key });
    };
    for (const row of rows) {
      add({ model_group: group(row), provider: row.provider ?? 'none', deployment: row.deploymentId ?? 'none', status: String(row.status), outcome: row.outcome });
    }
    assert.equal(sumOf(exposition, 'switchyard_requests_total'), rows.length);
    for (const { count, labels } of expected.values()) assert.equal(sumOf(exposition, 'switchyard_requests_total', labels), count, JSON.stringify(labels));
    for (const direction of ['input', 'output', 'cached'] as const) {
      const field = direction === 'input' ? 'promptTokens' : direction === 'output' ? 'completionTokens' : 'cachedTokens';
      assert.equal(sumOf(exposition, 'switchyard_tokens_total', { direction }), rows.reduce((sum, row) => sum + row[field], 0), direction);
    }
    assert.ok(Math.abs(sumOf(exposition, 'switchyard_cost_usd_total') - rows.reduce((sum, row) => sum + row.costUsd, 0)) < 1e-9);
    assert.equal(sumOf(exposition, 'switchyard_request_duration_seconds_count'), rows.length);
    assert.equal(sumOf(exposition, 'switchyard_time_to_first_token_seconds_count'), rows.filter((row) => row.stream && row.ttftMs !== null).length);
    assert.equal(sumOf(exposition, 'switchyard_rate_limit_rejections_total'), rows.filter((row) => row.errorCode === 'SY_ERR_RATE_LIMITED').length);
    assert.equal(sumOf(exposition, 'switchyard_budget_rejections_total'), rows.filter((row) => row.errorCode === 'SY_ERR_BUDGET_EXCEEDED').length);
    assert.equal(sumOf(exposition, 'switchyard_usage_writer_written_rows_total'), rows.length);
    assert.equal(sumOf(exposition, 'switchyard_usage_writer_queue_length'), 0);
    assert.equal(sumOf(exposition, 'switchyard_usage_writer_dropped_rows_total'), 0);
    assert.equal(sumOf(exposition, 'switchyard_usage_writer_queue_capacity'), running.gateway.config.usage.queueLimit);
    assert.equal(sumOf(exposition, 'switchyard_cache_requests_total', { result: 'hit' }), 0, 'no response cache yet: registered at 0');
    assert.ok(hasSeries(exposition, 'switchyard_cache_requests_total', { result: 'miss' }));
  });

  test('process and Node.js metrics are there with the switchyard_ prefix', async () => {
    const { exposition } = await scrape(running);
    for (const name of ['switchyard_process_resident_memory_bytes', 'switchyard_nodejs_heap_size_used_bytes', 'switchyard_nodejs_eventloop_lag_p99_seconds', 'switchyard_process_cpu_seconds_total']) {
      assert.ok(exposition.types.has(name), name);
    }
    assert.ok(exposition.types.has('switchyard_nodejs_gc_duration_seconds'));
    assert.ok(sumOf(exposition, 'switchyard_process_resident_memory_bytes') > 0);
    for (const name of exposition.types.keys()) assert.ok(name.startsWith('switchyard_'), name);
  });

  test('promtool check metrics accepts the output with no lint problems', async () => {
    const { text } = await scrape(running);
    const result = await runPromtool(['check', 'metrics'], text);
    assert.deepEqual({ code: result.code, output: (result.stdout + result.stderr).trim() }, { code: 0, output: '' });
  });
});

describe('the /metrics switches', () => {
  let fakes: Fakes;
  before(async () => {
    fakes = await startFakes();
  });
  after(async () => {
    await fakes.close();
  });

  test('with metrics.auth: 401 without a key, 403 without analytics.read, 200 for the master key and a viewer key', async () => {
    const running = await startGateway({ yaml: `${standardConfig(fakes)}observability:\n  metrics: { auth: true }\n` });
    try {
      const anonymous = await fetch(`${running.url}/metrics`);
      assert.equal(anonymous.status, 401);
      assert.equal(((await anonymous.json()) as { error: { code: string } }).error.code, 'invalid_api_key');
      const { secret } = await running.gateway.keys.create({ name: 'data only' });
      const dataKey = await fetch(`${running.url}/metrics`, { headers: { authorization: `Bearer ${secret}` } });
      assert.equal(dataKey.status, 403);
      await dataKey.text();
      const developer = await running.gateway.keys.create({ name: 'developer', scopes: ['management'], role: 'developer' });
      const noPermission = await fetch(`${running.url}/metrics`, { headers: { authorization: `Bearer ${developer.secret}` } });
      assert.equal(noPermission.status, 403);
      assert.equal(((await noPermission.json()) as { error: { code: string } }).error.code, 'permission_denied');
      const { exposition } = await scrape(running, { authorization: `Bearer ${running.masterKey}` });
      assert.ok(exposition.types.has('switchyard_requests_total'));
      const viewer = await running.gateway.keys.create({ name: 'prometheus', scopes: ['management'], role: 'viewer' });
      assert.ok((await scrape(running, { authorization: `Bearer ${viewer.secret}` })).exposition.types.has('switchyard_requests_total'));
    } finally {
      await running.close();
    }
  });

  test('with metrics.enabled false there is no /metrics route', async () => {
    const running = await startGateway({ yaml: `${standardConfig(fakes)}observability:\n  metrics: { enabled: false }\n` });
    try {
      const response = await fetch(`${running.url}/metrics`);
      assert.equal(response.status, 404);
      await response.text();
    } finally {
      await running.close();
    }
  });

  test('component_up follows a configured Redis going down', async () => {
    const redis = await startRedis();
    const running = await startGateway({ yaml: standardConfig(fakes), env: { REDIS_URL: redis.url } });
    try {
      await scrapeUntil(running, (exposition) => sumOf(exposition, 'switchyard_component_up', { component: 'redis' }) === 1);
      await redis.shutdown();
      const down = await scrapeUntil(running, (exposition) => sumOf(exposition, 'switchyard_component_up', { component: 'redis' }) === 0);
      assert.ok(hasSeries(down, 'switchyard_component_up', { component: 'redis' }));
    } finally {
      await running.close();
      await redis.stop();
    }
  });
});
