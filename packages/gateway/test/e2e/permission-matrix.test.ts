/**
 * The permission matrix, proven over the running gateway: every /api route it registers, called by
 * a user of every role (created through the API and signed in for a JWT), the master key, a key
 * scoped to the data plane, a management key with a role, and nobody. The answer is 403
 * `permission_denied` exactly when the caller lacks the route's declared permission (per
 * ROLE_PERMISSIONS), 401 for nobody, and neither otherwise. Every /api route must declare a
 * permission (`public` for sign-in), except the public documentation listed below, and the
 * OpenAPI document must state the same permission.
 */

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DATA_KEY_PERMISSIONS, ROLES, ROLE_PERMISSIONS, isPermission } from '../../src/governance/roles.js';
import type { Role } from '../../src/governance/roles.js';
import type { OpenApiDocument } from '../../src/server/openapi/openapi-types.js';
import { HTTP_METHODS } from '../../src/server/openapi/openapi-types.js';
import { registeredRoutes } from '../../src/server/openapi/registered-routes.js';
import { startFakes, startGateway, standardConfig } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';
import { apiRoutesWithoutPermission, recordRoutePermissions } from '../support/route-permissions.js';
import type { RoutePermissions } from '../support/route-permissions.js';

/** /api routes that are public documentation and need no declared permission. */
const PUBLIC_DOCS = ['GET /api/openapi.json'];
const PASSWORD = 'matrix-password-0123456789';
/** Logging out ends the caller's session, so it is called last. */
const LAST = 'POST /api/auth/logout';

interface Caller {
  name: string;
  /** The key or token; null for nobody. */
  credential: string | null;
  /** What the caller may do; null for nobody. */
  permissions: ReadonlySet<string> | null;
}

let fakes: Fakes;
let running: RunningGateway;
let permissions: RoutePermissions;
let document: OpenApiDocument;
const callers: Caller[] = [];

async function call(options: { method: string; path: string; credential: string | null; body?: unknown }): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.credential !== null) headers.authorization = `Bearer ${options.credential}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${running.url}${options.path}`, { method: options.method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}

async function asMaster<T>(method: string, path: string, body: unknown): Promise<T> {
  const response = await call({ method, path, credential: running.masterKey, body });
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
  return (await response.json()) as T;
}

before(async () => {
  fakes = await startFakes();
  const recorded = await recordRoutePermissions(() => startGateway({ yaml: standardConfig(fakes) }));
  running = recorded.result;
  permissions = recorded.permissions;
  document = (await (await fetch(`${running.url}/api/openapi.json`)).json()) as OpenApiDocument;

  for (const role of ROLES) {
    await asMaster('POST', '/api/users', { email: `${role}@matrix.test`, role, password: PASSWORD });
    const tokens = await asMaster<{ accessToken: string }>('POST', '/api/auth/login', { email: `${role}@matrix.test`, password: PASSWORD });
    callers.push({ name: `user (${role})`, credential: tokens.accessToken, permissions: new Set(ROLE_PERMISSIONS[role]) });
  }
  const dataKey = await asMaster<{ secret: string }>('POST', '/api/keys', { name: 'data only' });
  const viewerKey = await asMaster<{ secret: string }>('POST', '/api/keys', { name: 'viewer key', scopes: ['management'], role: 'viewer' satisfies Role });
  callers.push(
    { name: 'master key', credential: running.masterKey, permissions: new Set(ROLE_PERMISSIONS.admin) },
    { name: 'data-plane key', credential: dataKey.secret, permissions: new Set(DATA_KEY_PERMISSIONS) },
    { name: 'management key (viewer)', credential: viewerKey.secret, permissions: new Set(ROLE_PERMISSIONS.viewer) },
    { name: 'nobody', credential: null, permissions: null },
  );
});

after(async () => {
  await running?.close();
  await fakes?.close();
});

/** The /api routes of the running server with their declared permission, logout last. */
function apiRoutes(): Array<{ route: string; permission: string | undefined }> {
  return registeredRoutes(running.gateway.server)
    .filter((route) => route.split(' ')[1].startsWith('/api/'))
    .sort((left, right) => Number(left === LAST) - Number(right === LAST) || left.localeCompare(right))
    .map((route) => ({ route, permission: permissions.get(route) }));
}

test('every /api route declares a known permission (or is listed public documentation)', () => {
  const routes = apiRoutes();
  assert.ok(routes.length >= 40, `found ${routes.length} /api routes`);
  assert.deepEqual(routes.filter((entry) => !permissions.has(entry.route)).map((entry) => entry.route), [], 'every registered route was recorded');
  assert.deepEqual(apiRoutesWithoutPermission(permissions, PUBLIC_DOCS), []);
  const unknown = routes.filter((entry) => entry.permission !== undefined && entry.permission !== 'public' && !isPermission(entry.permission));
  assert.deepEqual(unknown, []);
});

test('the check fails for a route that declares no permission', () => {
  const withGap: RoutePermissions = new Map([...permissions, ['POST /api/forgotten', undefined]]);
  assert.deepEqual(apiRoutesWithoutPermission(withGap, PUBLIC_DOCS), ['POST /api/forgotten']);
});

test('the OpenAPI document states the permission each route declares', () => {
  const documented = new Map<string, string | undefined>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) documented.set(`${method.toUpperCase()} ${operation['x-route'] ?? path.replace(/\{([^}]+)\}/g, ':$1')}`, operation['x-switchyard-permission']);
    }
  }
  const mismatches = apiRoutes()
    .filter((entry) => !PUBLIC_DOCS.includes(entry.route) && documented.get(entry.route) !== entry.permission)
    .map((entry) => `${entry.route}: declares ${entry.permission}, documented ${documented.get(entry.route)}`);
  assert.deepEqual(mismatches, []);
});

test('each caller is refused (403) exactly the routes its role lacks the permission for', async () => {
  const failures: string[] = [];
  const seen = { allowed: 0, refused: 0, unauthenticated: 0 };
  for (const caller of callers) {
    for (const { route, permission } of apiRoutes()) {
      if (permission === undefined) continue;
      const [method, pattern] = route.split(' ');
      const path = pattern.replace(/:[^/]+/g, 'matrix-missing-id').replace(/\*$/, 'matrix');
      const body = method === 'POST' || method === 'PUT' || method === 'PATCH' ? {} : undefined;
      const response = await call({ method, path, credential: caller.credential, body });
      const text = await response.text();
      const expected = permission === 'public' ? 'allowed' : caller.permissions === null ? 401 : caller.permissions.has(permission) ? 'allowed' : 403;
      const where = `${caller.name} ${route} (needs ${permission}): got ${response.status} ${text.slice(0, 160)}`;
      if (expected === 'allowed') {
        seen.allowed += 1;
        // Any answer but an auth failure will do for minimal bodies and missing ids; a 500 is a bug all the same.
        if (response.status === 401 || response.status === 403 || response.status === 500) failures.push(`expected allowed; ${where}`);
      } else if (response.status !== expected) {
        failures.push(`expected ${expected}; ${where}`);
      } else if (expected === 401) {
        seen.unauthenticated += 1;
      } else {
        seen.refused += 1;
        const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
        if (error?.code !== 'permission_denied' || !error.message?.includes(`"${permission}"`)) failures.push(`expected permission_denied naming ${permission}; ${where}`);
      }
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(seen.allowed > 100 && seen.refused > 100 && seen.unauthenticated > 30, JSON.stringify(seen));
});
