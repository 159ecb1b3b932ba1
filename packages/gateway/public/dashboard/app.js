// The Switchyard console: sign in with a key, see the gateway's status and models, and try a chat
// completion. It uses only the public HTTP API (GET /health, /ready, /v1/models and
// POST /v1/chat/completions). The key lives in sessionStorage, never in the URL, and every value
// from the gateway is written as text, never as HTML.

const KEY_STORAGE = 'switchyard.console.key';

/** @type {{ key: string | null, chat: AbortController | null }} */
const session = { key: null, chat: null };

const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

// ---------------------------------------------------------------- HTTP and errors

class ApiError extends Error {
  /** @param {{ status: number, message: string, title?: string, code?: string | null, requestId?: string | null, retryAfter?: string | null, inBand?: boolean }} details */
  constructor(details) {
    super(details.message);
    this.title = details.title ?? null;
    this.status = details.status;
    this.code = details.code ?? null;
    this.requestId = details.requestId ?? null;
    this.retryAfter = details.retryAfter ?? null;
    this.inBand = details.inBand ?? false;
  }
}

async function call(path, options = {}) {
  const headers = { accept: 'application/json' };
  if (options.auth !== false && session.key) headers.authorization = `Bearer ${session.key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, message: 'The gateway could not be reached. Is it running?' });
  }
}

/** Reads `{error: {message, code, type}}` tolerantly: a proxy in between may answer otherwise. */
async function errorFrom(response) {
  let message = `${response.status} ${response.statusText}`.trim();
  let code = null;
  try {
    const body = await response.json();
    if (typeof body?.error?.message === 'string') message = body.error.message;
    code = body?.error?.code ?? body?.error?.type ?? null;
  } catch {
    // Not JSON: the status line says enough.
  }
  return new ApiError({
    status: response.status,
    message,
    code,
    requestId: response.headers.get('x-request-id'),
    retryAfter: response.headers.get('retry-after'),
  });
}

const ERROR_TITLES = {
  0: 'Gateway unreachable',
  400: 'The request was rejected (400)',
  401: 'Key not accepted (401)',
  403: 'Not allowed for this key (403)',
  404: 'Not found (404)',
  413: 'Request too large (413)',
  429: 'Rate limited (429)',
};

function errorTitle(error) {
  if (error.title) return error.title;
  if (error.inBand) return 'The stream failed after it started';
  if (ERROR_TITLES[error.status]) return ERROR_TITLES[error.status];
  if (error.status >= 500) return `Gateway or provider error (${error.status})`;
  return `Request failed (${error.status})`;
}

function showError(element, error) {
  const apiError = error instanceof ApiError ? error : new ApiError({ status: 0, message: String(error?.message ?? error) });
  const parts = [el('strong', {}, errorTitle(apiError)), el('p', {}, apiError.message)];
  const details = [];
  if (apiError.status === 429 && apiError.retryAfter) details.push(`retry after ${apiError.retryAfter} s`);
  if (apiError.code) details.push(`code ${apiError.code}`);
  if (apiError.requestId) details.push(`request ${apiError.requestId}`);
  if (details.length > 0) parts.push(el('p', { class: 'error-details' }, details.join(' · ')));
  element.replaceChildren(...parts);
  element.hidden = false;
}

function hideError(element) {
  element.hidden = true;
  element.replaceChildren();
}

// ---------------------------------------------------------------- small DOM helpers

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

function formatMs(ms) {
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------- status

async function refreshStatus() {
  const pill = byId('status-pill');
  const list = byId('status-checks');
  const rows = [];
  let healthy = false;
  let ready = false;
  try {
    const health = await call('/health', { auth: false });
    healthy = health.ok;
    rows.push(['Liveness', healthy, healthy ? 'ok' : `HTTP ${health.status}`]);
    const readiness = await call('/ready', { auth: false });
    const report = await readiness.json().catch(() => ({}));
    ready = readiness.ok;
    rows.push(['Readiness', ready, typeof report.status === 'string' ? report.status : `HTTP ${readiness.status}`]);
    for (const [name, check] of Object.entries(report.checks ?? {})) {
      rows.push([name.charAt(0).toUpperCase() + name.slice(1), check?.ok === true, check?.detail ?? (check?.ok ? 'ok' : 'failing')]);
    }
  } catch {
    rows.push(['Gateway', false, 'unreachable']);
  }
  list.replaceChildren(
    ...rows.map(([name, ok, detail]) =>
      el('div', { class: 'check' }, el('dt', {}, name), el('dd', { class: ok ? 'ok' : 'bad' }, el('span', { class: 'dot', 'aria-hidden': 'true' }), ok ? detail : `failing: ${detail}`)),
    ),
  );
  const state = ready ? 'ready' : healthy ? 'degraded' : 'down';
  pill.className = `pill pill-${state}`;
  pill.textContent = { ready: 'Ready', degraded: 'Not ready', down: 'Unreachable' }[state];
  byId('status-time').textContent = `Checked at ${new Date().toLocaleTimeString()}`;
}

// ---------------------------------------------------------------- sign-in and models

function showSignedIn(signedIn) {
  document.body.classList.toggle('signed-out', !signedIn);
  byId('sign-in').hidden = signedIn;
  byId('models-card').hidden = !signedIn;
  byId('playground').hidden = !signedIn;
  byId('sign-out').hidden = !signedIn;
  if (!signedIn) byId('simulator-banner').hidden = true;
}

/** Lists the models with the key in `session`; throws ApiError when the gateway refuses. */
async function loadModels() {
  const response = await call('/v1/models');
  if (!response.ok) throw await errorFrom(response);
  const list = await response.json();
  const models = Array.isArray(list?.data) ? list.data.filter((model) => typeof model?.id === 'string') : [];
  renderModels(models);
  const notice = list?.switchyard?.notice ?? models.find((model) => model.switchyard?.notice)?.switchyard.notice;
  byId('simulator-notice').textContent = typeof notice === 'string' ? notice : '';
  byId('simulator-banner').hidden = typeof notice !== 'string';
}

function renderModels(models) {
  byId('models-body').replaceChildren(
    ...models.map((model) => {
      const name = el('td', {}, el('code', {}, model.id));
      if (model.switchyard?.source === 'simulator') name.append(' ', el('span', { class: 'badge' }, 'simulator'));
      return el('tr', {}, name, el('td', {}, String(model.owned_by ?? '—')));
    }),
  );
  byId('models-empty').hidden = models.length > 0;
  const select = /** @type {HTMLSelectElement} */ (byId('chat-model'));
  const previous = select.value;
  select.replaceChildren(...models.map((model) => el('option', { value: model.id }, model.id)));
  // Embedding groups cannot chat, so a chat model is the better first choice.
  const preferred = models.find((model) => model.id === previous) ?? models.find((model) => !/embed/i.test(model.id)) ?? models[0];
  if (preferred) select.value = preferred.id;
}

async function signIn(key, options) {
  const errorBox = byId('sign-in-error');
  const button = byId('sign-in-form').querySelector('button');
  session.key = key;
  button.disabled = true;
  try {
    await loadModels();
  } catch (error) {
    session.key = null;
    sessionStorage.removeItem(KEY_STORAGE);
    showSignedIn(false);
    if (!(options.restoring && error.status === 401)) showError(errorBox, error);
    else showError(errorBox, new ApiError({ status: 401, message: 'The saved key is no longer accepted; sign in again.' }));
    return;
  } finally {
    button.disabled = false;
  }
  sessionStorage.setItem(KEY_STORAGE, key);
  hideError(errorBox);
  showSignedIn(true);
}

function signOut() {
  session.chat?.abort();
  session.key = null;
  sessionStorage.removeItem(KEY_STORAGE);
  /** @type {HTMLInputElement} */ (byId('api-key')).value = '';
  showSignedIn(false);
  byId('api-key').focus();
}

// ---------------------------------------------------------------- playground

function resetAnswer() {
  const output = byId('chat-output');
  output.replaceChildren();
  output.dataset.empty = 'false';
  for (const id of ['metric-request-id', 'metric-provider', 'metric-latency', 'metric-ttft', 'metric-usage', 'metric-finish']) byId(id).textContent = '—';
  hideError(byId('chat-error'));
}

function showResponseHeaders(response) {
  byId('metric-request-id').textContent = response.headers.get('x-request-id') ?? '—';
  byId('metric-provider').textContent = response.headers.get('x-switchyard-provider') ?? '—';
}

function showUsage(usage) {
  if (!usage || typeof usage.prompt_tokens !== 'number') return;
  const total = usage.total_tokens ?? usage.prompt_tokens + (usage.completion_tokens ?? 0);
  let text = `${usage.prompt_tokens} prompt + ${usage.completion_tokens ?? 0} completion = ${total}`;
  const cached = usage.prompt_tokens_details?.cached_tokens;
  if (typeof cached === 'number' && cached > 0) text += ` (${cached} cached)`;
  byId('metric-usage').textContent = text;
}

/** Yields the data of each server-sent event: `data:` lines joined, per the SSE spec. */
async function* sseData(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer = (buffer + value).replace(/\r\n|\r(?!$)/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split('\n').filter((line) => line.startsWith('data:'));
      if (lines.length > 0) yield lines.map((line) => line.slice(line.startsWith('data: ') ? 6 : 5)).join('\n');
    }
  }
}

async function readStream(response, started) {
  const output = byId('chat-output');
  const text = document.createTextNode('');
  output.append(text);
  let firstTokenAt = null;
  for await (const data of sseData(response.body)) {
    if (data === '[DONE]') return;
    let chunk;
    try {
      chunk = JSON.parse(data);
    } catch {
      continue;
    }
    if (chunk?.error) {
      throw new ApiError({ status: response.status, message: chunk.error.message ?? 'Unknown error', code: chunk.error.code ?? chunk.error.type, requestId: response.headers.get('x-request-id'), inBand: true });
    }
    for (const choice of chunk?.choices ?? []) {
      if ((choice.index ?? 0) !== 0) continue;
      const piece = choice.delta?.content ?? choice.delta?.refusal;
      if (typeof piece === 'string' && piece.length > 0) {
        if (firstTokenAt === null) {
          firstTokenAt = performance.now();
          byId('metric-ttft').textContent = formatMs(firstTokenAt - started);
        }
        text.appendData(piece);
      }
      if (choice.finish_reason) byId('metric-finish').textContent = choice.finish_reason;
    }
    if (chunk?.usage) showUsage(chunk.usage);
  }
  throw new ApiError({ status: response.status, message: 'The stream ended before [DONE]; the answer may be cut short.', requestId: response.headers.get('x-request-id'), inBand: true });
}

async function readWhole(response) {
  const completion = await response.json();
  const choice = completion?.choices?.[0];
  const content = choice?.message?.content ?? choice?.message?.refusal;
  const toolCalls = choice?.message?.tool_calls ?? [];
  const text = typeof content === 'string' ? content : toolCalls.map((tool) => `${tool.function?.name}(${tool.function?.arguments})`).join('\n');
  byId('chat-output').textContent = text;
  byId('metric-ttft').textContent = 'n/a (not streamed)';
  if (choice?.finish_reason) byId('metric-finish').textContent = choice.finish_reason;
  showUsage(completion?.usage);
}

function chatBody(form) {
  const data = new FormData(form);
  const system = String(data.get('system') ?? '').trim();
  const stream = data.get('stream') === 'on';
  const messages = [];
  if (system) messages.push({ role: 'system', content: system });
  messages.push({ role: 'user', content: String(data.get('prompt') ?? '') });
  const body = { model: String(data.get('model') ?? ''), messages, stream };
  if (stream) body.stream_options = { include_usage: true };
  return body;
}

function setBusy(busy) {
  byId('chat-send').toggleAttribute('disabled', busy);
  byId('chat-stop').hidden = !busy;
  byId('chat-output').setAttribute('aria-busy', String(busy));
}

async function sendChat(event) {
  event.preventDefault();
  const form = /** @type {HTMLFormElement} */ (event.currentTarget);
  const prompt = /** @type {HTMLTextAreaElement} */ (byId('chat-prompt'));
  if (session.chat) return;
  if (prompt.value.trim() === '') {
    showError(byId('chat-error'), new ApiError({ status: 0, title: 'Prompt required', message: 'Type a prompt first.' }));
    prompt.focus();
    return;
  }
  const body = chatBody(form);
  resetAnswer();
  const controller = new AbortController();
  session.chat = controller;
  setBusy(true);
  const started = performance.now();
  try {
    const response = await call('/v1/chat/completions', { method: 'POST', body, signal: controller.signal });
    showResponseHeaders(response);
    if (!response.ok) throw await errorFrom(response);
    if (body.stream) await readStream(response, started);
    else await readWhole(response);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') byId('chat-output').append(el('span', { class: 'stopped' }, ' [stopped]'));
    else showError(byId('chat-error'), error);
    const output = byId('chat-output');
    if (output.textContent === '') {
      output.textContent = 'No answer.';
      output.dataset.empty = 'true';
    }
    if (error instanceof ApiError && error.status === 401 && !error.inBand) {
      signOut();
      showError(byId('sign-in-error'), error);
    }
  } finally {
    byId('metric-latency').textContent = formatMs(performance.now() - started);
    session.chat = null;
    setBusy(false);
  }
}

// ---------------------------------------------------------------- wiring

function start() {
  byId('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = /** @type {HTMLInputElement} */ (byId('api-key')).value.trim();
    if (key === '') {
      showError(byId('sign-in-error'), new ApiError({ status: 0, title: 'Key required', message: 'Enter a key first.' }));
      return;
    }
    void signIn(key, { restoring: false });
  });
  byId('sign-out').addEventListener('click', signOut);
  byId('refresh-status').addEventListener('click', () => void refreshStatus());
  byId('refresh-models').addEventListener('click', () => void loadModels().catch((error) => showError(byId('chat-error'), error)));
  byId('chat-form').addEventListener('submit', (event) => void sendChat(event));
  byId('chat-stop').addEventListener('click', () => session.chat?.abort());
  byId('chat-prompt').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) /** @type {HTMLFormElement} */ (byId('chat-form')).requestSubmit();
  });

  void refreshStatus();
  const saved = sessionStorage.getItem(KEY_STORAGE);
  if (saved) void signIn(saved, { restoring: true });
  else showSignedIn(false);
}

start();
