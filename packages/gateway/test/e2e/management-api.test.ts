/**
 * The management API end to end, on a real gateway with SQLite and the fake upstreams: users
 * (sign-in, refresh rotation, logout, disabling, the last admin), teams, keys (secret shown once,
 * rotation with a grace period, revocation and expiry on the data plane, developers limited to
 * their own keys), budgets and rate limits (enforced at once, config ones read-only), provider
 * credentials (encrypted, never shown, used by the running provider at once) and the audit log
 * with its filters. Every change must leave an audit entry: who, what, from where, before/after.
 */

import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { startFakes, startGateway, standardConfig } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';
import { managementClient, waitUntilPast } from '../support/management-client.js';
import type { ManagementClient } from '../support/management-client.js';

interface AuditEntry {
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  ip: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}
interface Key {
  id: string;
  userId: string | null;
  expiresAt: string | null;
}

let fakes: Fakes;
let running: RunningGateway;
let client: ManagementClient;
let log = '';

before(async () => {
  fakes = await startFakes();
  const destination = new PassThrough();
  destination.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const governance = `
governance:
  budgets:
    - { name: everything, scope: global, limitUsd: 1000, period: monthly }
`;
  running = await startGateway({ yaml: standardConfig(fakes) + governance, log: { level: 'debug', destination } });
  client = managementClient(running);
});

after(async () => {
  await running?.close();
  await fakes?.close();
});

async function audit(query: string): Promise<AuditEntry[]> {
  return (await client.expect<{ data: AuditEntry[] }>(200, 'GET', `/api/audit?${query}`)).data;
}

/** The newest audit entry for an action on a target: made by `actorType`, from 127.0.0.1. */
async function lastAudit(action: string, targetId: string, actorType = 'master'): Promise<AuditEntry> {
  const [entry] = await audit(`action=${action}&targetId=${targetId}&limit=1`);
  assert.ok(entry, `an audit entry ${action} for ${targetId}`);
  assert.equal(entry.action, action);
  assert.equal(entry.actorType, actorType);
  assert.equal(entry.ip, '127.0.0.1');
  return entry;
}

describe('users', () => {
  test('create (password hashed, generated once), list without hashes, weak passwords and duplicates refused', async () => {
    const created = await client.expect<{ user: { id: string; role: string }; password: string }>(201, 'POST', '/api/users', { body: { email: 'Gen@Example.com', role: 'viewer' } });
    assert.equal(created.password.length, 24);
    assert.equal((await client.login('gen@example.com', created.password)).status, 200);
    const listed = await client.api('GET', '/api/users');
    assert.doesNotMatch(listed.text, /argon2|passwordHash|password_hash/);
    const weak = await client.api<{ error: { param: string } }>('POST', '/api/users', { body: { email: 'weak@example.com', role: 'viewer', password: 'short' } });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.error.param, 'password');
    assert.equal((await client.api('POST', '/api/users', { body: { email: 'gen@example.com', role: 'viewer' } })).status, 409);
    assert.equal((await client.api('POST', '/api/users', { body: { email: 'x@example.com', role: 'viewer', teamId: 'team_none' } })).status, 400);
    const entry = await lastAudit('users.create', created.user.id);
    assert.equal(entry.after?.email, 'gen@example.com');
    assert.ok(!JSON.stringify(entry).includes(created.password));
  });

  test('sign-in, refresh rotation (a reused refresh token ends the session), logout revokes the access token', async () => {
    const ada = await client.user({ email: 'ada@example.com', role: 'developer' });
    assert.equal((await client.expect<{ role: string }>(200, 'GET', '/api/auth/me', { credential: ada.token })).role, 'developer');
    const refreshed = await client.expect<{ accessToken: string; refreshToken: string }>(200, 'POST', '/api/auth/refresh', { body: { refreshToken: ada.refreshToken }, credential: null });
    assert.notEqual(refreshed.refreshToken, ada.refreshToken);
    assert.equal((await client.api('GET', '/api/auth/me', { credential: refreshed.accessToken })).status, 200);
    assert.equal((await client.api('POST', '/api/auth/refresh', { body: { refreshToken: ada.refreshToken }, credential: null })).status, 401, 'the old refresh token');
    assert.equal((await client.api('POST', '/api/auth/refresh', { body: { refreshToken: refreshed.refreshToken }, credential: null })).status, 401, 'reuse ended the session');
    assert.equal((await client.api('GET', '/api/auth/me', { credential: refreshed.accessToken })).status, 401);

    const again = await client.login('ada@example.com', ada.password);
    await client.expect(204, 'POST', '/api/auth/logout', { credential: again.body.accessToken });
    assert.equal((await client.api('GET', '/api/auth/me', { credential: again.body.accessToken })).status, 401);
    assert.equal((await client.api('POST', '/api/auth/refresh', { body: { refreshToken: again.body.refreshToken }, credential: null })).status, 401);
    assert.equal((await client.login('ada@example.com', 'not-the-password-at-all')).status, 401);
  });

  test('disabling, a role change and a password change end sessions; a disabled user cannot sign in', async () => {
    const bob = await client.user({ email: 'bob@example.com', role: 'supervisor' });
    await client.expect(200, 'PATCH', `/api/users/${bob.id}`, { body: { disabled: true } });
    assert.equal((await client.api('GET', '/api/auth/me', { credential: bob.token })).status, 401);
    const refused = await client.login('bob@example.com', bob.password);
    assert.deepEqual([refused.status, refused.body.error?.code], [403, 'permission_denied']);
    await client.expect(200, 'PATCH', `/api/users/${bob.id}`, { body: { disabled: false } });

    const token = (await client.login('bob@example.com', bob.password)).body.accessToken;
    await client.expect(200, 'PATCH', `/api/users/${bob.id}`, { body: { role: 'viewer' } });
    assert.equal((await client.api('GET', '/api/auth/me', { credential: token })).status, 401);
    const asViewer = (await client.login('bob@example.com', bob.password)).body.accessToken;
    assert.equal((await client.expect<{ role: string }>(200, 'GET', '/api/auth/me', { credential: asViewer })).role, 'viewer');

    await client.expect(200, 'PATCH', `/api/users/${bob.id}`, { body: { password: 'a-brand-new-password-7' } });
    assert.equal((await client.api('GET', '/api/auth/me', { credential: asViewer })).status, 401);
    assert.equal((await client.login('bob@example.com', bob.password)).status, 401);
    assert.equal((await client.login('bob@example.com', 'a-brand-new-password-7')).status, 200);
    const entry = await lastAudit('users.update', bob.id);
    assert.equal(entry.after?.passwordChanged, true);
    assert.ok(!JSON.stringify(entry).includes('a-brand-new-password-7'));
  });

  test('the last active admin cannot be demoted, disabled or deleted', async () => {
    const root = await client.user({ email: 'root@example.com', role: 'admin' });
    for (const [method, body] of [['PATCH', { role: 'viewer' }], ['PATCH', { disabled: true }], ['DELETE', undefined]] as const) {
      const answer = await client.api<{ error: { code: string; message: string } }>(method, `/api/users/${root.id}`, { body });
      assert.equal(answer.status, 409, `${method} ${JSON.stringify(body)}`);
      assert.match(answer.body.error.message, /last active admin/);
    }
    const second = await client.user({ email: 'root2@example.com', role: 'admin' });
    await client.expect(200, 'PATCH', `/api/users/${root.id}`, { body: { role: 'viewer' }, credential: second.token });
    assert.equal((await client.api('DELETE', `/api/users/${second.id}`)).status, 409, 'now root2 is the last one');
    await client.expect(204, 'DELETE', `/api/users/${root.id}`);
    assert.equal((await client.api('GET', `/api/users/${root.id}`)).status, 404);
    const entry = await lastAudit('users.update', root.id, 'user');
    assert.equal(entry.actorId, second.id);
    assert.deepEqual([entry.before?.role, entry.after?.role], ['admin', 'viewer']);
  });
});

describe('teams', () => {
  test('create, rename, read with members, delete (members detached, team budgets removed)', async () => {
    const team = await client.expect<{ id: string }>(201, 'POST', '/api/teams', { body: { name: 'platform' } });
    assert.equal((await client.api('POST', '/api/teams', { body: { name: 'platform' } })).status, 409);
    const member = await client.user({ email: 'member@example.com', role: 'developer', teamId: team.id });
    await client.expect(200, 'PATCH', `/api/teams/${team.id}`, { body: { name: 'platform-eu' } });
    const detail = await client.expect<{ name: string; users: Array<{ id: string }> }>(200, 'GET', `/api/teams/${team.id}`);
    assert.deepEqual([detail.name, detail.users.map((user) => user.id)], ['platform-eu', [member.id]]);
    const listed = await client.expect<{ data: Array<{ id: string; userCount: number }> }>(200, 'GET', '/api/teams');
    assert.equal(listed.data.find((entry) => entry.id === team.id)?.userCount, 1);
    const budget = await client.expect<{ id: string }>(201, 'POST', '/api/budgets', { body: { name: 'team', scope: 'team', scopeId: team.id, limitUsd: 10 } });
    await client.expect(204, 'DELETE', `/api/teams/${team.id}`);
    assert.equal((await client.api('GET', `/api/teams/${team.id}`)).status, 404);
    assert.equal((await client.expect<{ teamId: string | null }>(200, 'GET', `/api/users/${member.id}`)).teamId, null);
    assert.equal((await client.api('GET', `/api/budgets/${budget.id}`)).status, 404);
    const entry = await lastAudit('teams.delete', team.id);
    assert.deepEqual([entry.before?.detachedUsers, entry.before?.deletedBudgets], [[member.id], [budget.id]]);
  });
});

describe('keys', () => {
  test('the secret is shown once; lists never show secrets', async () => {
    const created = await client.expect<{ key: Key; secret: string }>(201, 'POST', '/api/keys', { body: { name: 'shown once' } });
    assert.match(created.secret, /^sy-/);
    assert.equal((await client.models(created.secret)).status, 200);
    for (const path of ['/api/keys', `/api/keys/${created.key.id}`, '/api/audit']) {
      const answer = await client.api('GET', path);
      assert.ok(!answer.text.includes(created.secret), path);
      assert.doesNotMatch(answer.text, /"(secret|hash)"/, path);
    }
  });

  test('rotation: the old key works within the grace period and not after it', async () => {
    const created = await client.expect<{ key: Key; secret: string }>(201, 'POST', '/api/keys', { body: { name: 'rotated' } });
    assert.equal((await client.models(created.secret)).status, 200);
    const rotated = await client.expect<{ key: Key; secret: string; previous: Key }>(200, 'POST', `/api/keys/${created.key.id}/rotate`, { body: { graceMs: 1_500 } });
    assert.notEqual(rotated.secret, created.secret);
    assert.equal((await client.models(rotated.secret)).status, 200);
    assert.equal((await client.models(created.secret)).status, 200, 'within the grace period');
    await waitUntilPast(Date.parse(rotated.previous.expiresAt ?? ''));
    assert.deepEqual(await client.models(created.secret), { status: 401, code: 'key_expired' });
    assert.equal((await client.models(rotated.secret)).status, 200);
    const entry = await lastAudit('keys.rotate', created.key.id);
    assert.equal(entry.after?.id, rotated.key.id);
  });

  test('a revoked key is refused at once; an expired key is refused', async () => {
    const created = await client.expect<{ key: Key; secret: string }>(201, 'POST', '/api/keys', { body: { name: 'revoked' } });
    assert.equal((await client.models(created.secret)).status, 200, 'verified and cached');
    await client.expect(200, 'POST', `/api/keys/${created.key.id}/revoke`);
    assert.deepEqual(await client.models(created.secret), { status: 401, code: 'key_revoked' });

    const expiresAt = Date.now() + 1_500;
    const expiring = await client.expect<{ secret: string }>(201, 'POST', '/api/keys', { body: { name: 'expiring', expiresAt } });
    assert.equal((await client.models(expiring.secret)).status, 200);
    await waitUntilPast(expiresAt);
    assert.deepEqual(await client.models(expiring.secret), { status: 401, code: 'key_expired' });
  });

  test('a developer sees and manages only their own keys and cannot create premium ones', async () => {
    const dev = await client.user({ email: 'keys-dev@example.com', role: 'developer' });
    const own = await client.expect<{ key: Key }>(201, 'POST', '/api/keys', { body: { name: 'mine' }, credential: dev.token });
    assert.equal(own.key.userId, dev.id);
    const premium = await client.api<{ error: { code: string } }>('POST', '/api/keys', { body: { name: 'fast', tier: 'premium' }, credential: dev.token });
    assert.deepEqual([premium.status, premium.body.error.code], [403, 'permission_denied']);
    assert.equal((await client.api('POST', '/api/keys', { body: { name: 'admin', scopes: ['management'] }, credential: dev.token })).status, 403);
    const other = await client.expect<{ key: Key }>(201, 'POST', '/api/keys', { body: { name: 'not theirs' } });
    const listed = await client.expect<{ data: Key[] }>(200, 'GET', '/api/keys', { credential: dev.token });
    assert.deepEqual(listed.data.map((key) => key.id), [own.key.id]);
    assert.equal((await client.api('GET', `/api/keys/${other.key.id}`, { credential: dev.token })).status, 404);
    assert.equal((await client.api('POST', `/api/keys/${other.key.id}/revoke`, { credential: dev.token })).status, 404);
    await lastAudit('keys.create', own.key.id, 'user');
  });
});

describe('budgets and rate limits', () => {
  test('budgets: CRUD with the current period, enforced at once, reset, audited; config budgets read-only', async () => {
    const key = await client.expect<{ key: Key; secret: string }>(201, 'POST', '/api/keys', { body: { name: 'budgeted' } });
    assert.equal((await client.api('POST', '/api/budgets', { body: { name: 'x', scope: 'key', scopeId: 'key_none', limitUsd: 1 } })).status, 400);
    const budget = await client.expect<Record<string, unknown>>(201, 'POST', '/api/budgets', { body: { name: 'tiny', scope: 'key', scopeId: key.key.id, limitUsd: 0, period: 'daily' } });
    assert.deepEqual([budget.source, budget.spentUsd, budget.reservedUsd, budget.remainingUsd], ['api', 0, 0, 0]);
    assert.ok(Date.parse(String(budget.resetsAt)) > Date.now());
    const refused = await client.chat(key.secret);
    assert.deepEqual([refused.status, refused.code, refused.headers.get('x-should-retry')], [429, 'budget_exceeded', 'false']);

    const id = String(budget.id);
    await client.expect(200, 'PATCH', `/api/budgets/${id}`, { body: { limitUsd: 5 } });
    assert.equal((await client.chat(key.secret)).status, 200, 'the raised limit applies at once');
    const reset = await client.expect<{ periodStartedAt: string; spentUsd: number }>(200, 'POST', `/api/budgets/${id}/reset`);
    assert.equal(reset.spentUsd, 0);
    assert.ok(Date.parse(reset.periodStartedAt) > Date.parse(String(budget.createdAt)));

    const listed = await client.expect<{ data: Array<{ id: string; source: string }> }>(200, 'GET', '/api/budgets');
    assert.deepEqual(listed.data.map((entry) => [entry.id, entry.source]).filter(([entryId]) => entryId === id || entryId === 'cfg_everything'), [[id, 'api'], ['cfg_everything', 'config']]);
    for (const [method, path] of [['PATCH', '/api/budgets/cfg_everything'], ['DELETE', '/api/budgets/cfg_everything'], ['POST', '/api/budgets/cfg_everything/reset']] as const) {
      const answer = await client.api<{ error: { message: string } }>(method, path, { body: method === 'PATCH' ? { limitUsd: 1 } : undefined });
      assert.equal(answer.status, 409, `${method} ${path}`);
      assert.match(answer.body.error.message, /config file/);
    }

    const update = await lastAudit('budgets.update', id);
    assert.deepEqual([update.before?.limitUsd, update.after?.limitUsd], [0, 5]);
    assert.ok((await lastAudit('budgets.reset', id)).after?.resetAt);
    await client.expect(204, 'DELETE', `/api/budgets/${id}`);
    assert.equal((await client.api('GET', `/api/budgets/${id}`)).status, 404);
    assert.equal((await lastAudit('budgets.delete', id)).before?.name, 'tiny');
  });

  test('rate limits: CRUD, enforced at once, config tiers shown read-only, audited', async () => {
    const key = await client.expect<{ key: Key; secret: string }>(201, 'POST', '/api/keys', { body: { name: 'limited' } });
    for (const body of [{ scope: 'key', scopeId: key.key.id, requests: 2, tokens: 5, per: '1m' }, { scope: 'key', scopeId: key.key.id, requests: 2, per: 'soon' }, { scope: 'ip', scopeId: 'not-an-ip', requests: 1, per: 1000 }]) {
      assert.equal((await client.api('POST', '/api/rate-limits', { body })).status, 400, JSON.stringify(body));
    }
    const limit = await client.expect<{ id: string; windowMs: number; per: string }>(201, 'POST', '/api/rate-limits', { body: { scope: 'key', scopeId: key.key.id, requests: 2, per: '15m' } });
    assert.deepEqual([limit.windowMs, limit.per], [900_000, '15m']);
    assert.equal((await client.chat(key.secret)).status, 200);
    assert.equal((await client.chat(key.secret)).status, 200);
    const limited = await client.chat(key.secret);
    assert.deepEqual([limited.status, limited.code], [429, 'rate_limit_exceeded']);
    await client.expect(200, 'PATCH', `/api/rate-limits/${limit.id}`, { body: { requests: 10 } });
    assert.equal((await client.chat(key.secret)).status, 200, 'the raised limit applies at once');

    const listed = await client.expect<{ data: Array<{ id: string }>; config: { tiers: Record<string, unknown> } }>(200, 'GET', '/api/rate-limits');
    assert.ok(listed.data.some((entry) => entry.id === limit.id));
    assert.deepEqual(Object.keys(listed.config.tiers).sort(), ['enterprise', 'premium', 'standard']);
    await client.expect(204, 'DELETE', `/api/rate-limits/${limit.id}`);
    assert.equal((await client.api('PATCH', `/api/rate-limits/${limit.id}`, { body: { requests: 1 } })).status, 404);
    const created = await lastAudit('rate_limits.create', limit.id);
    assert.equal(created.after?.limit, 2);
    const updated = await lastAudit('rate_limits.update', limit.id);
    assert.deepEqual([updated.before?.limit, updated.after?.limit], [2, 10]);
    await lastAudit('rate_limits.delete', limit.id);
  });
});

describe('provider credentials', () => {
  test('stored encrypted, never shown or logged, and used by the running provider at once', async () => {
    const right = fakes.openai.apiKey;
    const wrong = 'sk-wrong-credential-0123456789';
    assert.equal((await client.chat(running.masterKey, 'badkey')).status, 502, 'the configured key is wrong');
    assert.equal((await client.api('POST', '/api/providers/credentials', { body: { provider: 'nope', secret: right } })).status, 400);

    const created = await client.api<{ id: string; hint: string }>('POST', '/api/providers/credentials', { body: { provider: 'openai-badkey', secret: right } });
    assert.equal(created.status, 201);
    assert.ok(!created.text.includes(right));
    assert.equal(created.body.hint, right.length < 12 ? '' : right.slice(-4));
    assert.equal((await client.chat(running.masterKey, 'badkey')).status, 200, 'the stored credential is used at once');

    const replaced = await client.api('PUT', `/api/providers/credentials/${created.body.id}`, { body: { secret: wrong } });
    assert.equal(replaced.status, 200);
    assert.ok(!replaced.text.includes(wrong));
    assert.equal((await client.chat(running.masterKey, 'badkey')).status, 502, 'the replaced secret is used at once');
    await client.expect(200, 'PUT', `/api/providers/credentials/${created.body.id}`, { body: { secret: right } });
    assert.equal((await client.chat(running.masterKey, 'badkey')).status, 200);

    const deleted = await client.expect<{ keySource: string }>(200, 'DELETE', `/api/providers/credentials/${created.body.id}`);
    assert.equal(deleted.keySource, 'config');
    assert.equal((await client.chat(running.masterKey, 'badkey')).status, 502, 'the configured key is back');

    const shown = [await client.api('GET', '/api/providers/credentials'), await client.api('GET', '/api/audit?targetType=credential')];
    assert.equal((shown[1].body.data as unknown[]).length, 4);
    const database = running.gateway.database.db;
    const stored = JSON.stringify([
      await database.selectFrom('provider_credentials').selectAll().execute(),
      await database.selectFrom('audit_log').selectAll().execute(),
    ]);
    assert.match(log, /"level":30/, 'the log was captured');
    for (const secret of [right, wrong]) {
      for (const [where, text] of [['answers', shown.map((answer) => answer.text).join('')], ['database', stored], ['log', log]]) {
        assert.ok(!text.includes(secret), `${secret} is not in the ${where}`);
      }
    }
  });
});

describe('audit log', () => {
  test('filters by action, actor, target and time; pages with a cursor; refuses bad filters', async () => {
    const since = new Date().toISOString();
    const carol = await client.user({ email: 'carol@example.com', role: 'developer' });
    const first = await client.expect<{ key: Key }>(201, 'POST', '/api/keys', { body: { name: 'c1' }, credential: carol.token });
    await client.expect(201, 'POST', '/api/keys', { body: { name: 'c2' }, credential: carol.token });
    await client.expect(200, 'PATCH', `/api/keys/${first.key.id}`, { body: { name: 'c1b' }, credential: carol.token });

    const byCarol = await audit(`actorType=user&actorId=${carol.id}&since=${since}`);
    assert.deepEqual(byCarol.map((entry) => entry.action), ['keys.update', 'keys.create', 'keys.create', 'auth.login']);
    assert.deepEqual((await audit(`action=keys.&actorId=${carol.id}`)).map((entry) => entry.action), ['keys.update', 'keys.create', 'keys.create']);
    assert.deepEqual((await audit(`targetType=key&targetId=${first.key.id}`)).map((entry) => entry.action), ['keys.update', 'keys.create']);
    assert.deepEqual(await audit(`actorId=${carol.id}&until=${since}`), []);

    const page = await client.expect<{ data: AuditEntry[]; nextCursor: string }>(200, 'GET', `/api/audit?actorId=${carol.id}&limit=3`);
    assert.equal(page.data.length, 3);
    const rest = await client.expect<{ data: AuditEntry[]; nextCursor: string | null }>(200, 'GET', `/api/audit?actorId=${carol.id}&limit=3&cursor=${page.nextCursor}`);
    assert.deepEqual([rest.data.map((entry) => entry.action), rest.nextCursor], [['auth.login'], null]);

    for (const query of ['actorType=robot', 'limit=0', 'since=yesterday', 'cursor=nonsense']) {
      assert.equal((await client.api('GET', `/api/audit?${query}`)).status, 400, query);
    }
    assert.equal((await client.api('GET', '/api/audit', { credential: carol.token })).status, 403);
  });
});
