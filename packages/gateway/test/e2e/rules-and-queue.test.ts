/**
 * Conditional routing rules and the gateway-wide concurrency limit through the real gateway:
 * long prompts, images and a use case go to their rule's group (named in x-switchyard-rule); a
 * full queue answers 429 with retry-after, never an unbounded wait, and a queued request is served.
 */

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startGateway } from '../support/gateway-harness.js';
import type { RunningGateway } from '../support/gateway-harness.js';

let running: RunningGateway;

before(async () => {
  running = await startGateway({
    yaml: `
server: { host: 127.0.0.1, maxConcurrentRequests: 1, maxQueue: 1, maxQueueWaitMs: 5000 }
logging: { level: silent }
providers:
  small: { type: simulator, simulator: { latencyMeanMs: 0, latencyStdDevMs: 0, chunkIntervalMs: 0, answerWords: 3 } }
  big: { type: simulator, simulator: { latencyMeanMs: 0, latencyStdDevMs: 0, chunkIntervalMs: 0, answerWords: 3 } }
  vision: { type: simulator, simulator: { latencyMeanMs: 0, latencyStdDevMs: 0, chunkIntervalMs: 0, answerWords: 3 } }
  slow: { type: simulator, simulator: { latencyMeanMs: 400, latencyStdDevMs: 0, chunkIntervalMs: 0, answerWords: 3 } }
models:
  - name: chat
    deployments: [{ provider: small, model: small-1 }]
  - name: long-context
    deployments: [{ provider: big, model: big-1 }]
  - name: vision
    deployments: [{ provider: vision, model: vision-1 }]
  - name: slow
    deployments: [{ provider: slow, model: slow-1 }]
routing:
  rules:
    - { name: long-prompts, when: { promptTokensAbove: 200, models: [chat] }, route: long-context }
    - { name: images, when: { hasImages: true }, route: vision }
    - { name: code-to-big, when: { useCase: code, models: [chat] }, route: long-context }
`,
  });
});

after(async () => {
  await running.close();
});

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${running.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${running.masterKey}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

test('rules: long prompts, images and a use case each go to their group; others stay', async () => {
  const plain = await post({ model: 'chat', messages: [{ role: 'user', content: 'short' }] });
  assert.equal(plain.headers.get('x-switchyard-provider'), 'small');
  assert.equal(plain.headers.get('x-switchyard-rule'), null);

  const long = await post({ model: 'chat', messages: [{ role: 'user', content: 'word '.repeat(400) }] });
  assert.equal(long.headers.get('x-switchyard-provider'), 'big');
  assert.equal(long.headers.get('x-switchyard-rule'), 'long-prompts');

  const image = await post({
    model: 'chat',
    messages: [{ role: 'user', content: [{ type: 'text', text: 'see' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] }],
  });
  assert.equal(image.headers.get('x-switchyard-provider'), 'vision');

  const code = await post({ model: 'chat', messages: [{ role: 'user', content: 'fix this' }] }, { 'x-switchyard-use-case': 'code' });
  assert.equal(code.headers.get('x-switchyard-rule'), 'code-to-big');
  // A stream names its rule too (its headers are written on the raw response, not Fastify's reply).
  const codeStream = await post({ model: 'chat', stream: true, messages: [{ role: 'user', content: 'fix this' }] }, { 'x-switchyard-use-case': 'code' });
  assert.equal(codeStream.headers.get('x-switchyard-rule'), 'code-to-big');
  assert.match(await codeStream.text(), /\[DONE\]/);
  for (const response of [plain, long, image, code, codeStream]) assert.equal(response.status, 200);
});

test('concurrency: one in flight, one queued and served, the next refused at once with 429 and retry-after', async () => {
  const body = { model: 'slow', messages: [{ role: 'user', content: 'hi' }] };
  const first = post(body);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const second = post(body);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const third = await post(body);
  assert.equal(third.status, 429);
  assert.ok(Number(third.headers.get('retry-after')) >= 1);
  const error = ((await third.json()) as { error: { code: string } }).error;
  assert.equal(error.code, 'concurrency_limited');
  assert.equal((await first).status, 200);
  assert.equal((await second).status, 200, 'the queued request is served once the slot frees');
});
