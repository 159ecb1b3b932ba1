/**
 * Structured logs: every line logged for a request carries its id as `requestId`, the value of the
 * x-request-id header (the client's own id beside it); secrets are redacted wherever they could
 * appear, both in objects handed to the logger and in a real run at debug level with bodies on
 * (a virtual key, a password on /api/auth/login, a provider's apiKey).
 */

import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { createLogger } from '../../src/telemetry/logger.js';
import { MASTER_KEY, startFakes, startGateway } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';

const PASSWORD = 'correct horse battery staple 7';
const PROVIDER_KEY = 'sk-provider-key-from-config-0123';

interface LogLine {
  msg?: string;
  requestId?: string;
  reqId?: string;
  clientRequestId?: string;
  [field: string]: unknown;
}

let fakes: Fakes;
let running: RunningGateway;
let logText = '';

function capture(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logText += chunk.toString();
      callback();
    },
  });
}

function lines(): LogLine[] {
  return logText
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as LogLine);
}

before(async () => {
  fakes = await startFakes();
  // `unused` holds a provider key that must never be logged, though it is never called.
  running = await startGateway({
    yaml: `
server: { port: 0, host: 127.0.0.1 }
logging: { level: debug, bodies: true }
usage: { batchSize: 50, flushIntervalMs: 20 }
routing: { retries: { maxPerDeployment: 1, baseDelayMs: 1, maxDelayMs: 5 } }
providers:
  openai: { type: openai, baseUrl: ${fakes.openai.baseUrl}, apiKey: ${fakes.openai.apiKey} }
  unused: { type: anthropic, baseUrl: ${fakes.anthropic.baseUrl}, apiKey: ${PROVIDER_KEY} }
models:
  - name: gpt-4o
    deployments: [{ provider: openai, model: gpt-4o }]
`,
    env: { JWT_SECRET: 'jwt-secret-0123456789abcdef0123456789abcdef' },
    log: { level: 'debug', destination: capture() },
  });
});

after(async () => {
  await running?.close();
  await fakes?.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; requestId: string; body: Record<string, unknown> }> {
  const response = await fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, requestId: response.headers.get('x-request-id') ?? '', body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

test('every line logged for a request carries its id, the value of the x-request-id header', async () => {
  fakes.openai.failNext({ kind: 'http', status: 500 });
  const retried = await post('/v1/chat/completions', { model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }] }, { 'x-request-id': 'client-chosen-id' });
  assert.equal(retried.status, 200);
  const failed = await post('/v1/chat/completions', { model: 'no-such-model', messages: [{ role: 'user', content: 'hello' }] });
  assert.equal(failed.status, 404);
  await running.gateway.recorder.flush();

  const all = lines();
  const messagesOf = (requestId: string): string[] => all.filter((line) => line.requestId === requestId).map((line) => String(line.msg));
  assert.deepEqual(messagesOf(retried.requestId).filter((message) => ['request body', 'upstream attempt failed', 'response body'].includes(message)), [
    'request body',
    'upstream attempt failed',
    'response body',
  ]);
  assert.ok(messagesOf(failed.requestId).some((message) => message.includes('no-such-model')), 'the error is logged with the request id');
  assert.ok(all.filter((line) => line.requestId === retried.requestId && line.msg !== 'upstream attempt failed').every((line) => line.clientRequestId === 'client-chosen-id'));
  for (const [index, line] of all.entries()) {
    assert.equal(line.reqId, undefined, `line ${index} uses Fastify's own label`);
    // A line that names a request anywhere names it in `requestId`.
    for (const requestId of [retried.requestId, failed.requestId]) {
      if (JSON.stringify(line).includes(requestId)) assert.equal(line.requestId, requestId, JSON.stringify(line));
    }
  }
});

test('a virtual key, a password on /api/auth/login and provider keys never reach the log', async () => {
  const key = await post('/api/keys', { name: 'logged' });
  assert.equal(key.status, 201);
  const secret = String(key.body.secret);
  const chat = await post('/v1/chat/completions', { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }, { authorization: '', 'x-api-key': secret });
  assert.equal(chat.status, 200);
  assert.equal((await post('/api/users', { email: 'logs@example.com', role: 'developer', password: PASSWORD })).status, 201);
  const login = await post('/api/auth/login', { email: 'logs@example.com', password: PASSWORD }, { authorization: '' });
  assert.equal(login.status, 200);
  assert.equal((await post('/api/auth/login', { email: 'logs@example.com', password: `${PASSWORD} but wrong` }, { authorization: '' })).status, 401);
  const stored = await post('/api/providers/credentials', { provider: 'openai', name: 'rotated', secret: fakes.openai.apiKey });
  assert.equal(stored.status, 201);
  await running.gateway.recorder.flush();

  const logged = lines();
  assert.ok(logged.some((line) => line.requestId === chat.requestId && line.msg === 'request body'), 'the keyed call was logged, body included');
  assert.ok(logged.some((line) => typeof line.requestId === 'string' && /invalid email or password/i.test(String(line.msg))), 'the failed login was logged');
  const secrets = { masterKey: MASTER_KEY, virtualKey: secret, password: PASSWORD, refreshToken: String(login.body.refreshToken), openaiKey: fakes.openai.apiKey, configKey: PROVIDER_KEY };
  for (const [name, value] of Object.entries(secrets)) assert.ok(!logText.includes(value), `${name} appears in the log`);
});

test('the logger redacts secret fields and credential headers wherever they sit', async () => {
  let output = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      output += chunk.toString();
      callback();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  logger.info(
    {
      req: { headers: { authorization: 'Bearer s-1', cookie: 'session=s-2', 'x-api-key': 's-3' } },
      res: { headers: { 'set-cookie': ['session=s-4'] } },
      headers: { 'api-key': 's-5', 'x-goog-api-key': 's-6', 'proxy-authorization': 's-7' },
      provider: { id: 'openai', apiKey: 's-8' },
      body: { email: 'ada@example.com', password: 's-9', refreshToken: 's-10' },
      settings: { providers: { apiKey: 's-11' } },
      masterKey: 's-12',
      credential: { secret: 's-13' },
    },
    'everything secret',
  );
  logger.child({ requestId: 'req_1' }).info({ password: 's-14', accessToken: 's-15' }, 'a child line');
  logger.flush();
  await new Promise((resolve) => setImmediate(resolve));
  const [first, second] = output.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  for (let index = 1; index <= 15; index += 1) assert.ok(!output.includes(`"s-${index}"`) && !output.includes(`s-${index}"`) && !output.includes(`=s-${index}`), `s-${index} was logged`);
  assert.equal((first.provider as { id: string }).id, 'openai', 'what is not secret stays');
  assert.equal((first.body as { email: string }).email, 'ada@example.com');
  assert.equal(second.requestId, 'req_1');
  assert.equal(second.password, '[redacted]');
});
