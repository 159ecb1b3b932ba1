/**
 * A small client for the management API in tests: JSON calls with the master key, a key or a
 * user's token; users created and signed in through the API; a chat on the data plane; and waiting
 * until a moment has passed (for grace periods and expiries, without asserting on durations).
 */

import assert from 'node:assert/strict';
import type { RunningGateway } from './gateway-harness.js';

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
}

export interface ManagementClient {
  /** `credential` defaults to the master key; null sends none. */
  api<T = Record<string, unknown>>(method: string, path: string, options?: { body?: unknown; credential?: string | null }): Promise<ApiAnswer<T>>;
  /** Like api(), but fails unless the status is the expected one. */
  expect<T = Record<string, unknown>>(status: number, method: string, path: string, options?: { body?: unknown; credential?: string | null }): Promise<T>;
  /** Creates a user with the master key and signs them in. */
  user(input: { email: string; role: string; password?: string; teamId?: string }): Promise<{ id: string; password: string; token: string; refreshToken: string }>;
  login(email: string, password: string): Promise<ApiAnswer<{ accessToken: string; refreshToken: string; error?: { code: string } }>>;
  /** A chat completion on the data plane; the answer's status and error code. */
  chat(credential: string, model?: string): Promise<{ status: number; code: string | null; headers: Headers }>;
  /** GET /v1/models with a key: its status and error code. */
  models(credential: string): Promise<{ status: number; code: string | null }>;
}

const DEFAULT_PASSWORD = 'a-long-enough-password-42';

export function managementClient(running: RunningGateway): ManagementClient {
  const api: ManagementClient['api'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = {};
    const credential = options.credential === undefined ? running.masterKey : options.credential;
    if (credential !== null) headers.authorization = `Bearer ${credential}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${running.url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    return { status: response.status, text, body: (text === '' ? {} : JSON.parse(text)) as never };
  };
  const expect: ManagementClient['expect'] = async (status, method, path, options) => {
    const answer = await api(method, path, options);
    assert.equal(answer.status, status, `${method} ${path}: ${answer.text.slice(0, 300)}`);
    return answer.body as never;
  };
  const login: ManagementClient['login'] = (email, password) => api('POST', '/api/auth/login', { body: { email, password }, credential: null });
  const errorCode = async (response: Response): Promise<string | null> => {
    const text = await response.text();
    return response.ok ? null : ((JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null);
  };
  return {
    api,
    expect,
    login,
    async user(input) {
      const password = input.password ?? DEFAULT_PASSWORD;
      const created = await expect<{ user: { id: string } }>(201, 'POST', '/api/users', { body: { ...input, password } });
      const tokens = await login(input.email, password);
      assert.equal(tokens.status, 200, tokens.text);
      return { id: created.user.id, password, token: tokens.body.accessToken, refreshToken: tokens.body.refreshToken };
    },
    async chat(credential, model = 'gpt-4o') {
      const response = await fetch(`${running.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hello' }], max_tokens: 20 }),
      });
      return { status: response.status, code: await errorCode(response), headers: response.headers };
    },
    async models(credential) {
      const response = await fetch(`${running.url}/v1/models`, { headers: { authorization: `Bearer ${credential}` } });
      return { status: response.status, code: await errorCode(response) };
    },
  };
}

/** Resolves once the wall clock is past `epochMs` (plus a little, so the gateway sees it past too). */
export async function waitUntilPast(epochMs: number): Promise<void> {
  const wait = epochMs - Date.now() + 25;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
