/**
 * The production bundle (scripts/build.mjs), which `npm start`, the `switchyard` bin and the bench
 * run, works as the sources do: it is built into a folder of its own, started as a process, and
 * answers the official SDKs (plain, streamed, translated to Anthropic, errors), serves the
 * dashboard and the API docs with the package's version, loads a lazy chunk (OpenTelemetry export)
 * on demand, and stores usage. The memory property the bundle exists for (ASCII-only source, so V8
 * keeps it one byte per character) is checked on the file.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { openDatabase, UsageRepository } from '../../src/store/index.js';
import { startFakeAnthropic } from '../support/fake-anthropic.js';
import { startFakeOpenAI } from '../support/fake-openai.js';
import type { FakeUpstream } from '../support/fake-types.js';
import { startGatewayProcess } from '../support/gateway-process.js';
import type { GatewayProcess } from '../support/gateway-process.js';
import { startOtlpReceiver } from '../support/otlp-receiver.js';
import type { OtlpReceiver } from '../support/otlp-receiver.js';

const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const OUT_DIR = `dist-test-${process.pid}`;
const MAIN = path.join(PACKAGE_DIR, OUT_DIR, 'cli', 'main.js');
const MASTER = 'sy-master-production-build-test';
const VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;

let openai: FakeUpstream;
let anthropic: FakeUpstream;
let receiver: OtlpReceiver;
let gateway: GatewayProcess;
let workDir: string;
let databaseFile: string;

before(async () => {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--outdir', OUT_DIR], { cwd: PACKAGE_DIR, encoding: 'utf8' });
  assert.equal(built.status, 0, `build failed:\n${built.stdout}\n${built.stderr}`);
  [openai, anthropic, receiver] = await Promise.all([startFakeOpenAI(), startFakeAnthropic(), startOtlpReceiver()]);
  workDir = mkdtempSync(path.join(tmpdir(), 'switchyard-bundle-'));
  databaseFile = path.join(workDir, 'gateway.db');
  const configFile = path.join(workDir, 'switchyard.yaml');
  writeFileSync(
    configFile,
    `server: { host: 127.0.0.1 }
logging: { level: warn }
usage: { flushIntervalMs: 20 }
observability: { tracing: { endpoint: ${receiver.tracesUrl}, serviceName: bundle-test } }
providers:
  openai: { type: openai, baseUrl: ${openai.baseUrl}, apiKey: ${openai.apiKey} }
  anthropic: { type: anthropic, baseUrl: ${anthropic.baseUrl}, apiKey: ${anthropic.apiKey} }
models:
  - name: gpt-4o
    deployments: [{ provider: openai, model: gpt-4o }]
  - name: claude
    deployments: [{ provider: anthropic, model: claude-sonnet-4-5 }]
`,
  );
  gateway = await startGatewayProcess({ cli: MAIN, configFile, env: { SWITCHYARD_MASTER_KEY: MASTER, DATABASE_URL: `sqlite:${databaseFile}` } });
});

after(async () => {
  await gateway?.stop();
  await Promise.all([openai?.close(), anthropic?.close(), receiver?.close()]);
  rmSync(path.join(PACKAGE_DIR, OUT_DIR), { recursive: true, force: true });
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('the bundle is an executable, ASCII-only script', () => {
  const bytes = readFileSync(MAIN);
  assert.ok(bytes.subarray(0, 20).toString().startsWith('#!/usr/bin/env node'), 'starts with the shebang');
  assert.ok((statSync(MAIN).mode & 0o111) !== 0, 'executable');
  const nonAscii = bytes.findIndex((byte) => byte > 0x7f);
  assert.equal(nonAscii, -1, `non-ASCII byte near: ${bytes.subarray(Math.max(0, nonAscii - 40), nonAscii + 10).toString()}`);
});

test('--version prints the package version', () => {
  const result = spawnSync(process.execPath, [MAIN, '--version'], { encoding: 'utf8' });
  assert.equal(result.status, 0);
  assert.equal(result.stdout.trim(), VERSION);
});

test('the OpenAI SDK: a plain call, a stream, and an unknown model as NotFoundError', async () => {
  const client = new OpenAI({ apiKey: MASTER, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  const answer = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hello bundle' }] });
  assert.equal(answer.choices[0].message.content, 'Echo: hello bundle');
  const stream = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'streamed bundle' }], stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  assert.equal(text, 'Echo: streamed bundle');
  await assert.rejects(client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] }), OpenAI.NotFoundError);
});

test('the Anthropic SDK against an Anthropic upstream', async () => {
  const client = new Anthropic({ apiKey: MASTER, baseURL: gateway.url, maxRetries: 0 });
  const message = await client.messages.create({ model: 'claude', max_tokens: 64, messages: [{ role: 'user', content: 'hi from the bundle' }] });
  assert.deepEqual(
    message.content.map((block) => (block.type === 'text' ? block.text : block.type)),
    ['Echo: hi from the bundle'],
  );
});

test('the dashboard and the API docs are served from the package, with its version', async () => {
  const dashboard = await fetch(`${gateway.url}/dashboard`);
  assert.equal(dashboard.status, 200);
  assert.match(await dashboard.text(), /<html/i);
  const docs = await fetch(`${gateway.url}/docs`);
  assert.equal(docs.status, 200);
  assert.doesNotMatch(await docs.text(), /not installed/);
  const document = (await (await fetch(`${gateway.url}/api/openapi.json`)).json()) as { info: { version: string } };
  assert.equal(document.info.version, VERSION);
});

test('the lazily loaded tracing chunk exports spans, and every call left a usage row', async () => {
  const deadline = Date.now() + 15_000;
  while (receiver.spans.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(receiver.spans.length > 0, 'spans reached the collector');
  assert.ok(receiver.spans.every((span) => span.resource['service.name'] === 'bundle-test'));
  await gateway.stop();
  const database = await openDatabase(`sqlite:${databaseFile}`);
  try {
    const rows = await new UsageRepository(database.db).list({ limit: 100 });
    // Plain, streamed, unknown model (a refused request is accepted and logged), Anthropic.
    assert.deepEqual(rows.map((row) => row.modelGroup).sort(), ['claude', 'gpt-4o', 'gpt-4o', 'no-such-model']);
  } finally {
    await database.close();
  }
});
