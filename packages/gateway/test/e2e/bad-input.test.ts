/**
 * Bad input gets the right 4xx in the protocol's own error shape (OpenAI's on /v1/chat/completions
 * and /v1/embeddings, Anthropic's on /v1/messages), and keys are checked: missing, wrong, revoked,
 * expired, and not allowed for the model.
 */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFakes, startGateway, standardConfig, usageRows } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';

let fakes: Fakes;
let running: RunningGateway;

before(async () => {
  fakes = await startFakes();
  running = await startGateway({ yaml: standardConfig(fakes) });
});

after(async () => {
  await running.close();
  await fakes.close();
});

interface Sent {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

async function send(path: string, options: { body?: string; key?: string | null; contentType?: string; headers?: Record<string, string> } = {}): Promise<Sent> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== null) headers.authorization = `Bearer ${options.key ?? running.masterKey}`;
  if (options.contentType !== '') headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${running.url}${path}`, { method: 'POST', headers, body: options.body });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
}

function openaiError(sent: Sent): { message: string; type: string; param: string | null; code: string | null } {
  const error = sent.body.error as { message: string; type: string; param: string | null; code: string | null };
  assert.ok(error && typeof error.message === 'string' && typeof error.type === 'string', `OpenAI error shape: ${JSON.stringify(sent.body)}`);
  assert.ok('param' in error && 'code' in error);
  return error;
}

function anthropicError(sent: Sent): { type: string; message: string } {
  assert.equal(sent.body.type, 'error', `Anthropic error shape: ${JSON.stringify(sent.body)}`);
  const error = sent.body.error as { type: string; message: string };
  assert.ok(typeof error.type === 'string' && typeof error.message === 'string');
  return error;
}

const chat = (body: unknown): string => JSON.stringify(body);
const goodChat = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] };
const goodMessages = { model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] };

describe('OpenAI routes', () => {
  test('malformed JSON → 400 invalid_request_error', async () => {
    const sent = await send('/v1/chat/completions', { body: '{"model": "gpt-4o", "messages": [' });
    assert.equal(sent.status, 400);
    assert.equal(openaiError(sent).type, 'invalid_request_error');
    assert.match(openaiError(sent).message, /JSON/);
  });

  test('wrong type → 400 naming the field', async () => {
    const sent = await send('/v1/chat/completions', { body: chat({ model: 'gpt-4o', messages: [{ role: 'user', content: 42 }] }) });
    assert.equal(sent.status, 400);
    assert.match(openaiError(sent).message, /messages\[0\]\.content/);
  });

  test('missing required field → 400 naming it', async () => {
    const sent = await send('/v1/chat/completions', { body: chat({ model: 'gpt-4o' }) });
    assert.equal(sent.status, 400);
    assert.match(openaiError(sent).message, /messages/);
  });

  test('body that is not an object → 400', async () => {
    const sent = await send('/v1/chat/completions', { body: '[1,2]' });
    assert.equal(sent.status, 400);
    openaiError(sent);
  });

  test('unknown model → 404 saying how to list models', async () => {
    const sent = await send('/v1/chat/completions', { body: chat({ ...goodChat, model: 'gpt-9' }) });
    assert.equal(sent.status, 404);
    assert.match(openaiError(sent).message, /GET \/v1\/models/);
    assert.equal(openaiError(sent).code, 'model_not_found');
  });

  test('body over the limit → 413', async () => {
    const sent = await send('/v1/chat/completions', { body: chat({ ...goodChat, messages: [{ role: 'user', content: 'x'.repeat(70_000) }] }) });
    assert.equal(sent.status, 413);
    openaiError(sent);
  });

  test('wrong content type → 415', async () => {
    const sent = await send('/v1/chat/completions', { body: chat(goodChat), contentType: 'text/plain' });
    assert.equal(sent.status, 415);
    openaiError(sent);
  });

  test('missing key → 401; wrong key → 401', async () => {
    const missing = await send('/v1/chat/completions', { body: chat(goodChat), key: null });
    assert.equal(missing.status, 401);
    assert.equal(openaiError(missing).type, 'authentication_error');
    const wrong = await send('/v1/chat/completions', { body: chat(goodChat), key: 'sy-not-a-key' });
    assert.equal(wrong.status, 401);
  });

  test('key accepted as x-api-key too', async () => {
    const sent = await send('/v1/chat/completions', { body: chat(goodChat), key: null, headers: { 'x-api-key': running.masterKey } });
    assert.equal(sent.status, 200);
  });

  test('unknown route → 404 in OpenAI shape', async () => {
    const sent = await send('/v1/nothing-here', { body: '{}' });
    assert.equal(sent.status, 404);
    openaiError(sent);
  });

  test('responses carry our own unique x-request-id, even when the client reuses one', async () => {
    const first = await send('/v1/chat/completions', { body: chat(goodChat), headers: { 'x-request-id': 'client-trace-42' } });
    const second = await send('/v1/chat/completions', { body: chat(goodChat), headers: { 'x-request-id': 'client-trace-42' } });
    const ids = [first.headers.get('x-request-id'), second.headers.get('x-request-id')];
    assert.ok(ids.every((id) => id?.startsWith('req_')));
    assert.notEqual(ids[0], ids[1]);
    const rows = await usageRows(running);
    assert.ok(ids.every((id) => rows.some((row) => row.requestId === id)), 'each request has its own usage row');
    const error = await send('/v1/chat/completions', { body: '{' });
    assert.ok(error.headers.get('x-request-id'));
  });
});

describe('Anthropic route /v1/messages', () => {
  test('malformed JSON → 400 invalid_request_error', async () => {
    const sent = await send('/v1/messages', { body: '{"model":' });
    assert.equal(sent.status, 400);
    assert.equal(anthropicError(sent).type, 'invalid_request_error');
  });

  test('missing max_tokens → 400 naming the field', async () => {
    const sent = await send('/v1/messages', { body: chat({ model: 'claude', messages: [{ role: 'user', content: 'x' }] }) });
    assert.equal(sent.status, 400);
    assert.match(anthropicError(sent).message, /max_tokens/);
  });

  test('wrong type → 400 naming the field', async () => {
    const sent = await send('/v1/messages', { body: chat({ ...goodMessages, max_tokens: 'ten' }) });
    assert.equal(sent.status, 400);
    assert.match(anthropicError(sent).message, /max_tokens/);
  });

  test('unknown model → 404 not_found_error', async () => {
    const sent = await send('/v1/messages', { body: chat({ ...goodMessages, model: 'nope' }) });
    assert.equal(sent.status, 404);
    assert.equal(anthropicError(sent).type, 'not_found_error');
  });

  test('body over the limit → 413 request_too_large', async () => {
    const sent = await send('/v1/messages', { body: chat({ ...goodMessages, messages: [{ role: 'user', content: 'x'.repeat(70_000) }] }) });
    assert.equal(sent.status, 413);
    assert.equal(anthropicError(sent).type, 'request_too_large');
  });

  test('wrong content type → 415', async () => {
    const sent = await send('/v1/messages', { body: chat(goodMessages), contentType: 'application/x-www-form-urlencoded' });
    assert.equal(sent.status, 415);
    anthropicError(sent);
  });

  test('missing key → 401 authentication_error; x-api-key accepted', async () => {
    const missing = await send('/v1/messages', { body: chat(goodMessages), key: null });
    assert.equal(missing.status, 401);
    assert.equal(anthropicError(missing).type, 'authentication_error');
    const ok = await send('/v1/messages', { body: chat(goodMessages), key: null, headers: { 'x-api-key': running.masterKey } });
    assert.equal(ok.status, 200);
  });
});

describe('virtual keys', () => {
  test('a key limited to some models gets 403 for others; revoked and expired keys get 401', async () => {
    const limited = await running.gateway.keys.create({ name: 'limited', models: ['gpt-4o'] });
    const allowed = await send('/v1/chat/completions', { body: chat(goodChat), key: limited.secret });
    assert.equal(allowed.status, 200);
    const forbidden = await send('/v1/chat/completions', { body: chat({ ...goodChat, model: 'claude' }), key: limited.secret });
    assert.equal(forbidden.status, 403);
    assert.equal(openaiError(forbidden).type, 'permission_error');
    const forbiddenMessages = await send('/v1/messages', { body: chat(goodMessages), key: limited.secret });
    assert.equal(forbiddenMessages.status, 403);
    assert.equal(anthropicError(forbiddenMessages).type, 'permission_error');

    const doomed = await running.gateway.keys.create({ name: 'doomed' });
    assert.equal((await send('/v1/chat/completions', { body: chat(goodChat), key: doomed.secret })).status, 200);
    await running.gateway.keys.revoke(doomed.record.id);
    // Verified keys are cached for two seconds (they keep working through a database outage).
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const revoked = await send('/v1/chat/completions', { body: chat(goodChat), key: doomed.secret });
    assert.equal(revoked.status, 401);
    assert.match(openaiError(revoked).message, /revoked/);

    const expired = await running.gateway.keys.create({ name: 'expired', expiresAt: new Date(Date.now() - 1000) });
    const expiredSent = await send('/v1/chat/completions', { body: chat(goodChat), key: expired.secret });
    assert.equal(expiredSent.status, 401);
    assert.match(openaiError(expiredSent).message, /expired/);

    const rows = await usageRows(running);
    const keyRow = rows.find((row) => row.keyId === limited.record.id && row.outcome === 'success');
    assert.ok(keyRow, 'usage rows carry the virtual key id');
    const forbiddenRow = rows.find((row) => row.keyId === limited.record.id && row.status === 403);
    assert.ok(forbiddenRow, 'a rejected-but-authenticated request still has its row');
  });
});
