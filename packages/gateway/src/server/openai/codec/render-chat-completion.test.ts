import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatResponse } from '../../../core/index.js';
import { renderChatCompletion } from './render-chat-completion.js';

const usage = { promptTokens: 12, completionTokens: 7, cachedTokens: 4, cacheWriteTokens: 0, reasoningTokens: 2, estimated: false };

describe('renderChatCompletion', () => {
  it("renders OpenAI's chat.completion object with the client's model name", () => {
    const response: ChatResponse = {
      id: 'chatcmpl-abc',
      model: 'claude-sonnet-4-5',
      created: 1_700_000_000,
      choices: [{ index: 0, content: 'Hello!', toolCalls: [], finishReason: { unified: 'stop', raw: 'end_turn' } }],
      usage,
    };
    assert.deepEqual(renderChatCompletion(response, { model: 'my-model' }), {
      id: 'chatcmpl-abc',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'my-model',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello!', refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: 12,
        completion_tokens: 7,
        total_tokens: 19,
        prompt_tokens_details: { cached_tokens: 4 },
        completion_tokens_details: { reasoning_tokens: 2 },
      },
      system_fingerprint: null,
    });
  });

  it('renders tool calls with a null content, and several choices', () => {
    const response: ChatResponse = {
      id: 'x',
      model: 'm',
      created: 1,
      choices: [
        {
          index: 0,
          content: null,
          toolCalls: [{ id: 'call_1', name: 'f', arguments: '{"a":1}' }],
          finishReason: { unified: 'tool_calls', raw: 'tool_use' },
        },
        { index: 1, content: 'No.', toolCalls: [], refusal: 'I refuse', finishReason: { unified: 'error', raw: null } },
      ],
      usage,
    };
    const rendered = renderChatCompletion(response, { model: 'm' });
    assert.deepEqual(rendered.choices, [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          refusal: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
          annotations: [],
        },
        logprobs: null,
        finish_reason: 'tool_calls',
      },
      {
        index: 1,
        message: { role: 'assistant', content: 'No.', refusal: 'I refuse', annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ]);
  });
});
