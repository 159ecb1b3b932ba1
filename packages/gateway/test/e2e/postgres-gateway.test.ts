/**
 * The gateway on a real PostgreSQL server (DATABASE_URL=postgres://…): migrations, virtual keys and
 * usage rows work end to end exactly as on the SQLite default.
 */

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import OpenAI from 'openai';
import { startFakes, startGateway, standardConfig, usageRows } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';
import { startPostgres } from '../support/postgres.js';
import type { TestPostgres } from '../support/postgres.js';

let postgres: TestPostgres;
let fakes: Fakes;
let running: RunningGateway;

before(async () => {
  postgres = await startPostgres();
  fakes = await startFakes();
  running = await startGateway({ yaml: standardConfig(fakes), databaseUrl: postgres.url });
});

after(async () => {
  await running?.close();
  await fakes?.close();
  await postgres?.stop();
});

test('on Postgres: a virtual key calls three providers, streams, fails, and every request leaves one row', async () => {
  assert.equal(running.gateway.database.dialect, 'postgres');
  const { record, secret } = await running.gateway.keys.create({ name: 'pg-key', models: ['gpt-4o', 'claude', 'gemini'] });
  const client = new OpenAI({ apiKey: secret, baseURL: `${running.url}/v1`, maxRetries: 0 });
  for (const model of ['gpt-4o', 'claude', 'gemini']) {
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(completion.choices[0].message.content, 'Echo: hi');
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], stream: true });
    for await (const chunk of stream) void chunk;
  }
  await assert.rejects(client.chat.completions.create({ model: 'embed-openai', messages: [{ role: 'user', content: 'x' }] }), OpenAI.PermissionDeniedError);
  fakes.openai.failNext({ kind: 'http', status: 500, message: 'boom' });
  await assert.rejects(client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }), OpenAI.InternalServerError);

  const rows = (await usageRows(running)).filter((row) => row.keyId === record.id);
  assert.equal(rows.length, 8);
  assert.equal(rows.filter((row) => row.outcome === 'success').length, 6);
  assert.equal(rows.filter((row) => row.stream).length, 3);
  assert.deepEqual(rows.filter((row) => row.outcome === 'error').map((row) => row.status).sort(), [403, 502]);
  assert.ok(rows.every((row) => row.requestId.length > 0));
});
