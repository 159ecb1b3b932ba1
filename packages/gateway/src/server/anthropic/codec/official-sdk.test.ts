/**
 * Proves the codec's output is what the official @anthropic-ai/sdk expects: a tiny node:http
 * server on 127.0.0.1 answers the SDK with our rendered messages, streams and errors, and checks
 * that the SDK's own requests pass parseMessagesRequest.
 */

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { GatewayError } from '../../../core/index.js';
import type { ChatRequest, StreamEvent } from '../../../core/index.js';
import { createMessagesStreamRenderer, parseMessagesRequest, renderAnthropicError, renderMessage } from './index.js';

interface Reply {
  status: number;
  headers: Record<string, string>;
  /** Sent one chunk at a time, as a stream would be. */
  chunks: string[];
}

let respond: (request: ChatRequest) => Reply = () => ({ status: 500, headers: {}, chunks: [] });
let requestsSeen = 0;

const server = createServer((request, response) => {
  const parts: Buffer[] = [];
  request.on('data', (part: Buffer) => parts.push(part));
  request.on('end', () => {
    requestsSeen += 1;
    let reply: Reply;
    try {
      reply = respond(parseMessagesRequest(JSON.parse(Buffer.concat(parts).toString('utf8'))));
    } catch (error) {
      const rendered = renderAnthropicError(error instanceof GatewayError ? error : new GatewayError('SY_ERR_INTERNAL', String(error)));
      reply = { status: rendered.status, headers: rendered.headers, chunks: [JSON.stringify(rendered.body)] };
    }
    response.writeHead(reply.status, reply.headers);
    for (const chunk of reply.chunks) response.write(chunk);
    response.end();
  });
});

let client: Anthropic;

before(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  client = new Anthropic({ apiKey: 'sk-test', baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 });
});

after(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

function streamReply(events: StreamEvent[]): Reply {
  const renderer = createMessagesStreamRenderer({ model: 'claude-gateway', requestId: 'req_sdk' });
  const chunks = [...events.map((event) => renderer.render(event)), renderer.end()].filter((chunk) => chunk !== '');
  return { status: 200, headers: { 'content-type': 'text/event-stream' }, chunks };
}

function errorReply(error: GatewayError): Reply {
  const rendered = renderAnthropicError(error, 'req_err');
  return { status: rendered.status, headers: { ...rendered.headers, 'content-type': 'application/json' }, chunks: [JSON.stringify(rendered.body)] };
}

const textThenTwoTools: StreamEvent[] = [
  { type: 'start', id: 'chatcmpl-1', model: 'gpt-4o', created: 1 },
  { type: 'text-delta', choice: 0, text: 'Let me ' },
  { type: 'text-delta', choice: 0, text: 'check.' },
  { type: 'tool-call-start', choice: 0, index: 0, id: 'call_paris', name: 'weather' },
  { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: '{"ci' },
  { type: 'tool-call-delta', choice: 0, index: 0, argumentsDelta: 'ty":"Paris"}' },
  { type: 'tool-call-start', choice: 0, index: 1, id: 'call_rome', name: 'weather' },
  { type: 'tool-call-delta', choice: 0, index: 1, argumentsDelta: '{"city":"Rome","unit":"C"}' },
  { type: 'finish', choice: 0, finishReason: { unified: 'tool_calls', raw: 'tool_calls' } },
  { type: 'usage', usage: { promptTokens: 120, completionTokens: 33, cachedTokens: 100, cacheWriteTokens: 0, estimated: false } },
];

const tools = [{ name: 'weather', description: 'Weather by city', input_schema: { type: 'object' as const, properties: { city: { type: 'string' } } } }];

describe('the official @anthropic-ai/sdk against the codec', () => {
  it('accumulates a streamed text-then-two-tools answer with messages.stream().finalMessage()', async () => {
    let seen: ChatRequest | undefined;
    respond = (request) => {
      seen = request;
      return streamReply(textThenTwoTools);
    };
    const message = await client.messages
      .stream({ model: 'claude-gateway', max_tokens: 256, tools, messages: [{ role: 'user', content: 'Weather in Paris and Rome?' }] })
      .finalMessage();
    assert.equal(seen?.stream, true);
    assert.equal(seen?.tools?.[0]?.name, 'weather');
    assert.equal(message.id, 'msg_chatcmpl-1');
    assert.equal(message.model, 'claude-gateway');
    assert.equal(message.stop_reason, 'tool_use');
    assert.deepEqual(
      message.content.map((block) => ({ ...block })),
      [
        { type: 'text', text: 'Let me check.' },
        { type: 'tool_use', id: 'call_paris', name: 'weather', input: { city: 'Paris' } },
        { type: 'tool_use', id: 'call_rome', name: 'weather', input: { city: 'Rome', unit: 'C' } },
      ],
    );
    assert.equal(message.usage.input_tokens, 20);
    assert.equal(message.usage.output_tokens, 33);
    assert.equal(message.usage.cache_read_input_tokens, 100);
  });

  it('yields the raw events in order with messages.create({ stream: true })', async () => {
    respond = () => streamReply(textThenTwoTools);
    const stream = await client.messages.create({
      model: 'claude-gateway',
      max_tokens: 256,
      stream: true,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    const types: string[] = [];
    let partialJson = '';
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta' && event.index === 1) {
        partialJson += event.delta.partial_json;
      }
    }
    assert.equal(types[0], 'message_start');
    assert.equal(types.at(-2), 'message_delta');
    assert.equal(types.at(-1), 'message_stop');
    assert.ok(!types.includes('ping'), 'the SDK swallows pings');
    assert.deepEqual(JSON.parse(partialJson), { city: 'Paris' });
  });

  it('sends tool results back in a form that pairs with the tool calls', async () => {
    let seen: ChatRequest | undefined;
    respond = (request) => {
      seen = request;
      return streamReply([{ type: 'text-delta', choice: 0, text: 'Paris: 18C.' }]);
    };
    const message = await client.messages
      .stream({
        model: 'claude-gateway',
        max_tokens: 256,
        tools,
        messages: [
          { role: 'user', content: 'Weather in Paris?' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'call_paris', name: 'weather', input: { city: 'Paris' } }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'call_paris', content: '18C' }] },
        ],
      })
      .finalMessage();
    assert.equal(message.stop_reason, 'end_turn');
    assert.deepEqual(seen?.messages.slice(1), [
      { role: 'assistant', content: [], toolCalls: [{ id: 'call_paris', name: 'weather', arguments: '{"city":"Paris"}' }] },
      { role: 'tool', toolCallId: 'call_paris', content: [{ type: 'text', text: '18C' }] },
    ]);
  });

  it('accepts a rendered non-streaming message from messages.create()', async () => {
    respond = () => {
      const body = renderMessage(
        {
          id: 'chatcmpl-2',
          model: 'gpt-4o',
          created: 1,
          choices: [
            {
              index: 0,
              content: 'Calling.',
              toolCalls: [{ id: 'call_x', name: 'weather', arguments: '{"city":"Oslo"}' }],
              finishReason: { unified: 'tool_calls', raw: 'tool_calls' },
            },
          ],
          usage: { promptTokens: 10, completionTokens: 5, cachedTokens: 0, cacheWriteTokens: 0, estimated: false },
        },
        { model: 'claude-gateway' },
      );
      return { status: 200, headers: { 'content-type': 'application/json' }, chunks: [JSON.stringify(body)] };
    };
    const message = await client.messages.create({ model: 'claude-gateway', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] });
    assert.equal(message.stop_reason, 'tool_use');
    assert.deepEqual(message.content[1], { type: 'tool_use', id: 'call_x', name: 'weather', input: { city: 'Oslo' } });
    assert.equal(message.usage.input_tokens, 10);
  });

  it('throws when the stream carries an error frame', async () => {
    respond = () =>
      streamReply([
        { type: 'start', id: 'chatcmpl-3', model: 'gpt-4o', created: 1 },
        { type: 'text-delta', choice: 0, text: 'Half an ans' },
        { type: 'error', error: new GatewayError('SY_ERR_UPSTREAM_OVERLOADED', 'The provider is overloaded; try again.') },
      ]);
    await assert.rejects(
      client.messages.stream({ model: 'claude-gateway', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] }).finalMessage(),
      (error: unknown) => {
        assert.ok(error instanceof Anthropic.APIError);
        assert.equal(error.type, 'overloaded_error');
        assert.match(error.message, /The provider is overloaded; try again\./);
        return true;
      },
    );
  });

  it('turns rendered errors into the SDK error classes', async () => {
    const cases = [
      [new GatewayError('SY_ERR_UNAUTHENTICATED', 'Invalid API key.'), Anthropic.AuthenticationError, 'authentication_error'],
      [new GatewayError('SY_ERR_MODEL_NOT_FOUND', "Model 'nope' does not exist."), Anthropic.NotFoundError, 'not_found_error'],
      [new GatewayError('SY_ERR_UPSTREAM_RATE_LIMITED', 'Slow down.', { retryAfterMs: 1500 }), Anthropic.RateLimitError, 'rate_limit_error'],
      [new GatewayError('SY_ERR_MODEL_FORBIDDEN', 'Not for this key.'), Anthropic.PermissionDeniedError, 'permission_error'],
      [new GatewayError('SY_ERR_UPSTREAM_SERVER', 'Upstream failed.'), Anthropic.InternalServerError, 'api_error'],
    ] as const;
    for (const [gatewayError, errorClass, type] of cases) {
      respond = () => errorReply(gatewayError);
      await assert.rejects(
        client.messages.create({ model: 'claude-gateway', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] }),
        (error: unknown) => {
          assert.ok(error instanceof errorClass, `${gatewayError.code} → ${errorClass.name}`);
          assert.equal(error.status, gatewayError.status);
          assert.equal(error.type, type);
          assert.equal(error.requestID, 'req_err');
          assert.match(error.message, new RegExp(gatewayError.message.replace(/[.'()?]/g, '\\$&')));
          return true;
        },
      );
    }
  });

  it('turns our own validation errors into BadRequestError naming the field', async () => {
    respond = () => streamReply([]);
    await assert.rejects(
      client.messages.create({ model: 'claude-gateway', max_tokens: 0, messages: [{ role: 'user', content: 'Hi' }] }),
      (error: unknown) => {
        assert.ok(error instanceof Anthropic.BadRequestError);
        assert.equal(error.type, 'invalid_request_error');
        assert.match(error.message, /max_tokens: Input should be greater than or equal to 1/);
        return true;
      },
    );
  });

  it('does not retry a 429 marked x-should-retry: false, even with retries allowed', async () => {
    const retrying = client.withOptions({ maxRetries: 2 });
    respond = () => errorReply(new GatewayError('SY_ERR_UPSTREAM_RATE_LIMITED', 'Budget exhausted.', { retryable: false }));
    const before = requestsSeen;
    await assert.rejects(
      retrying.messages.create({ model: 'claude-gateway', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] }),
      Anthropic.RateLimitError,
    );
    assert.equal(requestsSeen - before, 1);
  });
});
