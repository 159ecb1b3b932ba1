/**
 * Starts a real gateway in-process for integration tests: a YAML config written to a temp dir and
 * loaded by the real loader, a real SQLite (or Postgres) database, port 0 on 127.0.0.1, and the
 * three fake upstreams as providers.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway } from '../../src/app.js';
import type { Gateway } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/telemetry/logger.js';
import { startFakeAnthropic } from './fake-anthropic.js';
import { startFakeGemini } from './fake-gemini.js';
import { startFakeOpenAI } from './fake-openai.js';
import type { FakeUpstream } from './fake-types.js';

export const MASTER_KEY = 'sy-test-master-key-0123456789';

export interface Fakes {
  openai: FakeUpstream;
  anthropic: FakeUpstream;
  gemini: FakeUpstream;
  close(): Promise<void>;
}

export async function startFakes(options: { acceptUnknownFields?: boolean } = {}): Promise<Fakes> {
  const [openai, anthropic, gemini] = await Promise.all([
    startFakeOpenAI({ acceptUnknownFields: options.acceptUnknownFields ?? true }),
    startFakeAnthropic(),
    startFakeGemini(),
  ]);
  return {
    openai,
    anthropic,
    gemini,
    close: async () => {
      await Promise.all([openai.close(), anthropic.close(), gemini.close()]);
    },
  };
}

/** A config with one model group per fake upstream, plus embedding groups and a failover group. */
export function standardConfig(fakes: Fakes): string {
  return `
server: { port: 0, host: 127.0.0.1, bodyLimit: 64kb, shutdownGraceMs: 5000 }
logging: { level: silent }
usage: { batchSize: 50, flushIntervalMs: 20 }
# Retries on the same deployment are proven in routing tests; here one failure is one answer.
routing: { retries: { maxPerDeployment: 0 } }
providers:
  openai:    { type: openai,    baseUrl: ${fakes.openai.baseUrl}, apiKey: ${fakes.openai.apiKey} }
  anthropic: { type: anthropic, baseUrl: ${fakes.anthropic.baseUrl}, apiKey: ${fakes.anthropic.apiKey} }
  gemini:    { type: gemini,    baseUrl: ${fakes.gemini.baseUrl}, apiKey: ${fakes.gemini.apiKey} }
  openai-badkey: { type: openai, baseUrl: ${fakes.openai.baseUrl}, apiKey: wrong-key }
models:
  - name: gpt-4o
    deployments: [{ provider: openai, model: gpt-4o }]
  - name: claude
    deployments: [{ provider: anthropic, model: claude-sonnet-4-5 }]
  - name: gemini
    deployments: [{ provider: gemini, model: gemini-2.5-flash }]
  - name: embed-openai
    deployments: [{ provider: openai, model: text-embedding-3-small }]
  - name: embed-gemini
    deployments: [{ provider: gemini, model: text-embedding-004 }]
  - name: badkey
    deployments: [{ provider: openai-badkey, model: gpt-4o }]
  - name: failover
    strategy: round-robin
    deployments:
      - { provider: openai-badkey, model: gpt-4o }
      - { provider: anthropic, model: claude-sonnet-4-5 }
`;
}

export interface RunningGateway {
  gateway: Gateway;
  /** e.g. http://127.0.0.1:PORT */
  url: string;
  masterKey: string;
  close(): Promise<void>;
}

export async function startGateway(options: {
  yaml: string;
  databaseUrl?: string;
  env?: Record<string, string>;
  /** Where the gateway's JSON log goes (default: nowhere unless TEST_LOG_LEVEL is set). */
  log?: { level: string; destination: NodeJS.WritableStream };
}): Promise<RunningGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-test-'));
  const file = join(dir, 'switchyard.yaml');
  writeFileSync(file, options.yaml);
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    SWITCHYARD_MASTER_KEY: MASTER_KEY,
    DATABASE_URL: options.databaseUrl ?? `sqlite:${join(dir, 'switchyard.db')}`,
    ...options.env,
  };
  const config = loadConfig({ file, env, overrides: { port: 0 } });
  const logger = options.log ? createLogger(options.log) : createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const gateway = await createGateway(config, { logger });
  const url = await gateway.listen();
  return {
    gateway,
    url,
    masterKey: MASTER_KEY,
    close: async () => {
      await gateway.shutdown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until every queued usage row is written, then returns the rows. */
export async function usageRows(running: RunningGateway): Promise<Awaited<ReturnType<Gateway['usage']['list']>>> {
  await running.gateway.recorder.flush();
  return running.gateway.usage.list({ limit: 10_000 });
}
