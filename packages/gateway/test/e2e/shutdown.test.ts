/**
 * SIGTERM on the real `switchyard start` process: it stops accepting, lets a stream in flight
 * finish (or ends it at the grace deadline), flushes usage, and exits; no usage row is lost.
 */

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase, UsageRepository } from '../../src/store/index.js';

const MASTER = 'sy-shutdown-test-master';
const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const dirs: string[] = [];

after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function startCli(graceMs: number): Promise<{ child: ChildProcess; url: string; dbUrl: string; exited: Promise<number | null> }> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-shutdown-'));
  dirs.push(dir);
  const dbUrl = `sqlite:${join(dir, 'gw.db')}`;
  writeFileSync(
    join(dir, 'switchyard.yaml'),
    `server: { host: 127.0.0.1, shutdownGraceMs: ${graceMs} }
logging: { level: warn }
providers:
  sim: { type: simulator, simulator: { latencyMeanMs: 0, latencyStdDevMs: 0, chunkIntervalMs: 60, answerWords: 30 } }
models:
  - name: slow
    deployments: [{ provider: sim, model: sim-slow }]
`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'start', '--config', join(dir, 'switchyard.yaml'), '--port', '0'], {
    env: { PATH: process.env.PATH, SWITCHYARD_MASTER_KEY: MASTER, DATABASE_URL: dbUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', () => reject(new Error(`gateway exited early:\n${output}`)));
  });
  return { child, url, dbUrl, exited };
}

async function openStream(url: string): Promise<{ reader: ReadableStreamDefaultReader<Uint8Array>; first: string }> {
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MASTER}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'slow', stream: true, messages: [{ role: 'user', content: 'tell me a story' }] }),
  });
  assert.equal(response.status, 200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const { value } = await reader.read();
  return { reader, first: new TextDecoder().decode(value) };
}

async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done) return text;
    text += decoder.decode(value);
  }
}

async function rowsIn(dbUrl: string) {
  const database = await openDatabase(dbUrl);
  try {
    return await new UsageRepository(database.db).list({ limit: 100 });
  } finally {
    await database.close();
  }
}

test('SIGTERM during a stream: the stream finishes, the process exits 0, the row is written', async () => {
  const gateway = await startCli(10_000);
  const { reader, first } = await openStream(gateway.url);
  gateway.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 100));
  const late = await fetch(`${gateway.url}/v1/models`, { headers: { authorization: `Bearer ${MASTER}` } }).then(
    (response) => response.status,
    () => 'refused',
  );
  assert.ok(late === 503 || late === 'refused', `a request after SIGTERM is not served (got ${late})`);
  const rest = first + (await readAll(reader));
  assert.match(rest, /data: \[DONE\]/, 'the stream in flight ran to its end');
  assert.equal(await gateway.exited, 0);
  const rows = await rowsIn(gateway.dbUrl);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].outcome, 'success');
  assert.equal(rows[0].stream, true);
  assert.ok(rows[0].completionTokens > 0);
});

test('SIGTERM with a short grace period: the stream is cut at the deadline and still leaves its row', async () => {
  const gateway = await startCli(150);
  const { reader } = await openStream(gateway.url);
  gateway.child.kill('SIGTERM');
  const rest = await readAll(reader);
  assert.doesNotMatch(rest, /data: \[DONE\]/);
  assert.equal(await gateway.exited, 0);
  const rows = await rowsIn(gateway.dbUrl);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].outcome, 'error');
  assert.equal(rows[0].errorCode, 'SY_ERR_SHUTTING_DOWN');
});
