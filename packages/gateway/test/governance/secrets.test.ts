/**
 * No secret leaks: a full run — master key, provider keys from the config, a provider credential
 * added through the API, virtual keys (created and rotated), a user's password, refresh and access
 * tokens — with the gateway logging at debug level (request bodies included), then every secret
 * is searched for in the log output and in the bytes of the database files (WAL included).
 */

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { MASTER_KEY, startFakes, startGateway, standardConfig } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';

let fakes: Fakes;
let running: RunningGateway;
let logText = '';
const ENCRYPTION_KEY = 'enc-0123456789abcdef0123456789abcdef-secret';
const PASSWORD = 'correct horse battery staple 42';

before(async () => {
  fakes = await startFakes();
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logText += chunk.toString();
      callback();
    },
  });
  // The config's key for the fake is wrong on purpose: the right one arrives through the API.
  const yaml = standardConfig(fakes).replace(`apiKey: ${fakes.openai.apiKey} }`, 'apiKey: sk-config-key-that-is-wrong-0000 }').replace('logging: { level: silent }', 'logging: { level: debug, bodies: true }');
  running = await startGateway({ yaml, env: { SWITCHYARD_ENCRYPTION_KEY: ENCRYPTION_KEY, JWT_SECRET: 'jwt-secret-0123456789abcdef0123456789abcdef' }, log: { level: 'debug', destination } });
});

after(async () => {
  await running.close();
  await fakes.close();
});

async function api(path: string, options: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${running.url}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${options.token ?? MASTER_KEY}`, ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

test('no secret used in a full run appears in the logs or the database', async () => {
  const secrets: Record<string, string> = { master: MASTER_KEY, encryptionKey: ENCRYPTION_KEY, password: PASSWORD, anthropic: fakes.anthropic.apiKey, gemini: fakes.gemini.apiKey };

  // A provider credential through the API; the running provider uses it at once.
  const stored = await api('/api/providers/credentials', { body: { provider: 'openai', name: 'prod', secret: fakes.openai.apiKey } });
  assert.equal(stored.status, 201, JSON.stringify(stored.body));
  assert.ok(!JSON.stringify(stored.body).includes(fakes.openai.apiKey));
  secrets.openaiCredential = fakes.openai.apiKey;

  // Users, sessions, keys.
  const user = await api('/api/users', { body: { email: 'ada@example.com', role: 'developer', password: PASSWORD } });
  assert.equal(user.status, 201, JSON.stringify(user.body));
  const login = await api('/api/auth/login', { body: { email: 'ada@example.com', password: PASSWORD } });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  const accessToken = String(login.body.accessToken);
  const refreshed = await api('/api/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
  assert.equal(refreshed.status, 200);
  secrets.refreshToken = String(login.body.refreshToken);
  secrets.refreshToken2 = String(refreshed.body.refreshToken);
  secrets.accessToken = accessToken;
  const key = await api('/api/keys', { token: String(refreshed.body.accessToken), body: { name: 'mine' } });
  assert.equal(key.status, 201, JSON.stringify(key.body));
  secrets.key = String(key.body.secret);
  const rotated = await api(`/api/keys/${(key.body.key as { id: string }).id}/rotate`, { body: { graceMs: 60_000 } });
  assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
  secrets.rotatedKey = String(rotated.body.secret);

  // Traffic with each credential, successes and failures, both protocols.
  for (const secret of [secrets.key, secrets.rotatedKey, MASTER_KEY]) {
    const answer = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }] }),
    });
    assert.equal(answer.status, 200, await answer.clone().text());
    await answer.text();
  }
  await (await fetch(`${running.url}/v1/messages`, {
    method: 'POST',
    headers: { 'x-api-key': secrets.key, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }),
  })).text();
  await (await fetch(`${running.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer sy-wrong-key', 'content-type': 'application/json' }, body: '{}' })).text();
  assert.equal((await api('/api/auth/login', { body: { email: 'ada@example.com', password: 'wrong password, longer than twelve' } })).status, 401);
  await api('/api/auth/logout', { method: 'POST', token: accessToken });

  await running.gateway.recorder.flush();
  const databaseFile = running.gateway.config.database.url.replace(/^sqlite:/, '');
  const databaseBytes = readdirSync(dirname(databaseFile))
    .filter((name) => name.startsWith('switchyard.db'))
    .map((name) => readFileSync(join(dirname(databaseFile), name)).toString('latin1'))
    .join('\n');
  assert.ok(logText.length > 1_000, 'the run was logged');
  assert.ok(databaseBytes.length > 10_000, 'the database was read');
  for (const [name, secret] of Object.entries(secrets)) {
    assert.ok(!logText.includes(secret), `${name} appears in the logs`);
    assert.ok(!databaseBytes.includes(secret), `${name} appears in the database`);
  }
});
