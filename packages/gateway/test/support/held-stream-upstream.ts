/**
 * An OpenAI-format upstream on 127.0.0.1 whose streams stay open until the test ends them, so that
 * tests can hold deployment slots for as long as they need: each streaming chat answers its first
 * chunk (`<the last user message>`) at once, then waits for `finish()`; a non-streaming chat waits
 * the same way before it answers. It records what it received, counts the connections closed before
 * their answer ended (the gateway aborting it), and can be told to fail the next calls.
 */

import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeldCall {
  /** The last user message's text. */
  text: string;
  stream: boolean;
  /** Sends the rest of the answer and ends it. */
  finish(): void;
}

export interface HeldStreamUpstream {
  /** For `baseUrl` in gateway config (ends in /v1). */
  baseUrl: string;
  /** Calls received, in order (failed ones included). */
  received: string[];
  /** Calls waiting for `finish`, oldest first. */
  held: HeldCall[];
  /** Calls whose connection closed before their answer was complete. */
  aborted: number;
  /** Answers the next call with this HTTP status (an OpenAI error body). */
  failNext(status: number): void;
  /** Resolves once `predicate` holds, checking after every event; rejects after `timeoutMs`. */
  until(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const frame = (payload: unknown): string => `data: ${JSON.stringify(payload)}\n\n`;
const chunk = (content: string | null, finish: string | null) =>
  frame({ id: 'chatcmpl-held', object: 'chat.completion.chunk', created: 1, model: 'held-1', choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }] });

function lastUserText(body: unknown): string {
  const messages = (body as { messages?: Array<{ role?: string; content?: unknown }> }).messages ?? [];
  const last = [...messages].reverse().find((message) => message.role === 'user');
  return typeof last?.content === 'string' ? last.content : '';
}

export async function startHeldStreamUpstream(): Promise<HeldStreamUpstream> {
  const failures: number[] = [];
  const waiters = new Set<() => void>();
  const notify = (): void => {
    for (const waiter of [...waiters]) waiter();
  };
  const upstream: HeldStreamUpstream = {
    baseUrl: '',
    received: [],
    held: [],
    aborted: 0,
    failNext: (status) => void failures.push(status),
    until: (predicate, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        if (predicate()) return resolve();
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('held-stream upstream: condition not reached in time'));
        }, timeoutMs);
        const check = (): void => {
          if (!predicate()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      }),
    close: async () => {
      for (const call of [...upstream.held]) call.finish();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  function answer(response: ServerResponse, body: unknown): void {
    const text = lastUserText(body);
    const stream = (body as { stream?: unknown }).stream === true;
    upstream.received.push(text);
    const status = failures.shift();
    if (status !== undefined) {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `scripted ${status}`, type: 'server_error', param: null, code: null } }));
      notify();
      return;
    }
    let complete = false;
    const call: HeldCall = {
      text,
      stream,
      finish: () => {
        if (complete) return;
        complete = true;
        upstream.held.splice(upstream.held.indexOf(call), 1);
        if (stream) response.end(`${chunk(null, 'stop')}data: [DONE]\n\n`);
        else {
          const completion = { id: 'chatcmpl-held', object: 'chat.completion', created: 1, model: 'held-1', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion));
        }
        notify();
      },
    };
    response.on('close', () => {
      if (complete) return;
      complete = true;
      upstream.held.splice(upstream.held.indexOf(call), 1);
      upstream.aborted += 1;
      notify();
    });
    if (stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunk(text, null));
    }
    upstream.held.push(call);
    notify();
  }

  const server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      if (request.method === 'GET') return void response.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[]}');
      answer(response, JSON.parse(Buffer.concat(parts).toString('utf8') || '{}'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  upstream.baseUrl = `http://127.0.0.1:${port}/v1`;
  return upstream;
}
