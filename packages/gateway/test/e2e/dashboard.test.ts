/**
 * The Switchyard console (/dashboard) in a real browser: headless Debian Chromium driven by
 * playwright-core against a real gateway on the simulator. Signs in with a wrong key and the master
 * key, lists models, streams an answer token by token with its usage, shows errors readably, and
 * shows the simulator banner only when the simulator stands in for missing providers.
 * Needs /usr/bin/chromium (scripts/install-browser-deps.sh installs it); without it the suite fails.
 */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startGateway } from '../support/gateway-harness.js';
import type { RunningGateway } from '../support/gateway-harness.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/dashboard.png';
const NARROW_SCREENSHOT = '/tmp/dashboard-390.png';

/** A simulator provider named in the file: real models as far as the console knows, no banner. */
const SIMULATOR_YAML = `
server: { port: 0, host: 127.0.0.1 }
logging: { level: silent }
providers:
  sim: { type: simulator, simulator: { latencyMeanMs: 0, latencyStdDevMs: 0, chunkIntervalMs: 10, answerWords: 30 } }
  broken: { type: simulator, simulator: { latencyMeanMs: 0, latencyStdDevMs: 0, errorRate: 1 } }
models:
  - name: chat
    deployments: [{ provider: sim, model: sim-chat-model }]
  - name: flaky
    deployments: [{ provider: broken, model: sim-broken }]
`;

/** No provider at all: the loader puts the simulator fallback (sim-chat, sim-embed) in their place. */
const NO_PROVIDER_YAML = `
server: { port: 0, host: 127.0.0.1 }
logging: { level: silent }
`;

let browser: Browser;
let configured: RunningGateway;
let fallback: RunningGateway;

before(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the dashboard test drives Debian's Chromium. Install it with scripts/install-browser-deps.sh (apt-get install chromium).`);
  }
  [configured, fallback] = await Promise.all([startGateway({ yaml: SIMULATOR_YAML }), startGateway({ yaml: NO_PROVIDER_YAML })]);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await Promise.all([configured?.close(), fallback?.close()]);
});

/** Script errors of each open page, checked when the page closes. */
const pageErrors = new WeakMap<Page, string[]>();

async function openConsole(running: RunningGateway): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${running.url}/dashboard`);
  return page;
}

/** Closes the page and fails on any script error it had (or a resource the policy blocked). */
async function closeConsole(page: Page, expected: RegExp[] = []): Promise<void> {
  const errors = (pageErrors.get(page) ?? []).filter((error) => !expected.some((pattern) => pattern.test(error)));
  await page.context().close();
  assert.deepEqual(errors, []);
}

async function signIn(page: Page, key: string): Promise<void> {
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('dashboard routes', () => {
  test('serves the page and its two assets with their content types and a strict policy', async () => {
    const page = await fetch(`${configured.url}/dashboard`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(await page.text(), /<title>Switchyard console<\/title>/);
    const script = await fetch(`${configured.url}/dashboard/app.js`);
    assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
    const styles = await fetch(`${configured.url}/dashboard/styles.css`);
    assert.match(styles.headers.get('content-type') ?? '', /^text\/css/);
  });

  test('redirects /dashboard/ to /dashboard', async () => {
    const response = await fetch(`${configured.url}/dashboard/`, { redirect: 'manual' });
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), '/dashboard');
  });

  test('answers 404 for any file off the whitelist, traversal included', async () => {
    for (const path of ['/dashboard/secret.txt', '/dashboard/..%2Fpackage.json', '/dashboard/%2e%2e%2f%2e%2e%2fpackage.json', '/dashboard/toString']) {
      const response = await fetch(`${configured.url}${path}`);
      assert.equal(response.status, 404, path);
      const body = (await response.json()) as { error?: { code?: string } };
      assert.equal(body.error?.code, 'unknown_url', path);
    }
  });
});

describe('dashboard in Chromium', () => {
  test('shows the gateway status before sign-in', async () => {
    const page = await openConsole(configured);
    await page.locator('#status-pill', { hasText: 'Ready' }).waitFor();
    await page.locator('#status-checks', { hasText: 'Database' }).waitFor();
    await closeConsole(page);
  });

  test('a wrong key is refused readably and not kept', async () => {
    const page = await openConsole(configured);
    await signIn(page, 'sy-not-a-real-key');
    const alert = page.locator('#sign-in-error');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Key not accepted \(401\)/);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.equal(await page.locator('#playground').isVisible(), false);
    // Chromium logs the refused fetch itself; the page shows it, which is what is asserted above.
    await closeConsole(page, [/401/]);
  });

  test('signs in, lists models, streams an answer token by token with its details, and keeps the key out of the URL', async () => {
    const page = await openConsole(configured);
    await signIn(page, configured.masterKey);
    await page.locator('#models-body tr', { hasText: 'chat' }).first().waitFor();
    assert.deepEqual(await page.locator('#models-body code').allInnerTexts(), ['chat', 'flaky']);
    assert.match(await page.locator('#models-body').innerText(), /sim/);
    assert.equal(await page.locator('#simulator-banner').isVisible(), false, 'a configured simulator provider is not the fallback');
    assert.equal(await page.getByLabel('Model', { exact: true }).inputValue(), 'chat');
    assert.equal(await page.getByLabel('Stream').isChecked(), true);

    // Counts the changes to the answer's text: a stream is written piece by piece, not at the end.
    await page.evaluate(() => {
      const counter = { changes: 0 };
      const observer = new MutationObserver((records) => {
        counter.changes += records.filter((record) => record.type === 'characterData').length;
      });
      observer.observe(document.getElementById('chat-output') as Node, { subtree: true, characterData: true });
      Object.assign(window, { answerCounter: counter });
    });
    await page.getByLabel('System prompt').fill('Be brief.');
    await page.getByLabel('Prompt', { exact: true }).fill('Tell me about switchyards.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('#metric-usage', { hasText: 'completion' }).waitFor();

    const answer = await page.locator('#chat-output').innerText();
    assert.ok(answer.split(/\s+/).length >= 20, `answer: ${answer}`);
    const changes = await page.evaluate(() => (window as unknown as { answerCounter: { changes: number } }).answerCounter.changes);
    assert.ok(changes >= 5, `the answer was written in ${changes} pieces`);
    assert.match(await page.locator('#metric-usage').innerText(), /^\d+ prompt \+ \d+ completion = \d+$/);
    assert.match(await page.locator('#metric-request-id').innerText(), /^req_[0-9a-z]+$/);
    assert.equal(await page.locator('#metric-provider').innerText(), 'sim');
    assert.match(await page.locator('#metric-latency').innerText(), /^\d+ ms$/);
    const latency = Number.parseInt(await page.locator('#metric-latency').innerText(), 10);
    const firstToken = Number.parseInt(await page.locator('#metric-ttft').innerText(), 10);
    assert.ok(firstToken < latency, `first token after ${firstToken} ms of ${latency} ms: the answer arrived in pieces`);
    assert.equal(await page.locator('#metric-finish').innerText(), 'stop');
    assert.equal(await page.locator('#chat-error').isVisible(), false);
    assert.ok(!page.url().includes(configured.masterKey));
    assert.equal(await page.evaluate(() => sessionStorage.getItem('switchyard.console.key')), configured.masterKey);

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scrolling at 390px');
    await page.screenshot({ path: NARROW_SCREENSHOT, fullPage: true });

    // The key survives a reload of the tab, and signing out forgets it.
    await page.reload();
    await page.locator('#playground').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    await closeConsole(page);
  });

  test('answers without streaming, with usage and no time to first token', async () => {
    const page = await openConsole(configured);
    await signIn(page, configured.masterKey);
    await page.getByLabel('Stream').uncheck();
    await page.getByLabel('Prompt', { exact: true }).fill('Hello');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('#metric-usage', { hasText: 'completion' }).waitFor();
    assert.ok((await page.locator('#chat-output').innerText()).length > 0);
    assert.equal(await page.locator('#metric-ttft').innerText(), 'n/a (not streamed)');
    await closeConsole(page);
  });

  test('a failing provider is shown as a readable error with its code and request id', async () => {
    const page = await openConsole(configured);
    await signIn(page, configured.masterKey);
    await page.getByLabel('Model', { exact: true }).selectOption('flaky');
    await page.getByLabel('Prompt', { exact: true }).fill('Hello');
    await page.getByRole('button', { name: 'Send' }).click();
    const alert = page.locator('#chat-error');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, /Gateway or provider error \(5\d\d\)/);
    assert.match(text, /simulated failure/);
    assert.match(text, /request req_[0-9a-z]+/);
    await closeConsole(page, [/50\d/]);
  });

  // The simulator cannot be made to answer 404 or 429 or to fail mid-stream, so the browser is given
  // those answers, shaped as the gateway sends them, in place of the real call.
  test('shows 404, 429 and an in-band stream error readably', async () => {
    const page = await openConsole(configured);
    await signIn(page, configured.masterKey);
    await page.getByLabel('Prompt', { exact: true }).fill('Hello');
    const alert = page.locator('#chat-error');
    const answers: Array<{ status: number; headers: Record<string, string>; body: string; expected: RegExp[] }> = [
      {
        status: 404,
        headers: { 'content-type': 'application/json', 'x-request-id': 'req_404' },
        body: JSON.stringify({ error: { message: "The model 'gone' does not exist on this gateway.", type: 'invalid_request_error', param: 'model', code: 'model_not_found' } }),
        expected: [/Not found \(404\)/, /does not exist/, /code model_not_found · request req_404/],
      },
      {
        status: 429,
        headers: { 'content-type': 'application/json', 'x-request-id': 'req_429', 'retry-after': '7' },
        body: JSON.stringify({ error: { message: 'Rate limit reached for this key.', type: 'rate_limit_error', param: null, code: 'rate_limit_exceeded' } }),
        expected: [/Rate limited \(429\)/, /Rate limit reached/, /retry after 7 s/],
      },
      {
        status: 200,
        headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_inband', 'x-switchyard-provider': 'sim' },
        body: [
          `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { role: 'assistant', content: 'Half an ' }, finish_reason: null }] })}`,
          `data: ${JSON.stringify({ error: { message: 'Provider "sim" did not answer in time.', type: 'api_error', param: null, code: 'upstream_timeout' } })}`,
          '',
          '',
        ].join('\n\n'),
        expected: [/The stream failed after it started/, /did not answer in time/, /code upstream_timeout/],
      },
    ];
    for (const answer of answers) {
      await page.route('**/v1/chat/completions', (route) => route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body }));
      await page.getByRole('button', { name: 'Send' }).click();
      await alert.waitFor();
      const text = await alert.innerText();
      for (const pattern of answer.expected) assert.match(text, pattern);
      await page.unroute('**/v1/chat/completions');
    }
    assert.equal(await page.locator('#chat-output').innerText(), 'Half an ', 'the text before the failure stays');
    await closeConsole(page, [/40[34]|429/]);
  });

  test('shows the simulator banner when the simulator stands in for missing providers', async () => {
    const page = await openConsole(fallback);
    await signIn(page, fallback.masterKey);
    const banner = page.locator('#simulator-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /built-in simulator/);
    assert.deepEqual(await page.locator('#models-body code').allInnerTexts(), ['sim-chat', 'sim-embed']);
    assert.equal(await page.getByLabel('Model', { exact: true }).inputValue(), 'sim-chat', 'a chat model is chosen before an embedding one');
    await closeConsole(page);
  });
});
