/**
 * Canonical finish reason to OpenAI's `finish_reason`. OpenAI has no value for a failed or
 * unexplained stop, and its SDKs treat unknown values as errors, so those become 'stop'.
 */

import type { FinishReason } from '../../../core/index.js';

export type OpenAIFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

export function mapFinishReason(reason: FinishReason): OpenAIFinishReason {
  switch (reason.unified) {
    case 'length':
    case 'tool_calls':
    case 'content_filter':
      return reason.unified;
    case 'stop':
    case 'error':
    case 'other':
      return 'stop';
  }
}
