/**
 * Per-request state carried through the pipeline stages and read by accounting: who called, what
 * for, which deployment answered, and the timings. One object per request, created on arrival.
 */

import type { Deployment, InboundProtocol, Usage } from '../core/index.js';
import type { KeyRecord, UsageRow } from './ports.js';

export type Principal = { kind: 'master' } | { kind: 'key'; key: KeyRecord };

export interface RequestState {
  requestId: string;
  /** performance.now() at arrival. */
  startedAt: number;
  receivedAt: Date;
  protocol: InboundProtocol;
  endpoint: UsageRow['endpoint'];
  principal: Principal | null;
  modelGroup: string | null;
  stream: boolean;
  deployment: Deployment | null;
  attempts: number;
  /** performance.now() when the first content byte went to the client. */
  firstByteAt: number | null;
  usage: Usage | null;
  upstreamModel: string | null;
  /** Prompt token estimate, used when the provider reports none. */
  estimatePromptTokens: (() => number) | null;
  /** Characters of answer text sent, to estimate output tokens when the provider reports none. */
  outputText: string;
  /** True once the usage row was written, so that no request gets two. */
  recorded: boolean;
}

export function createRequestState(options: {
  requestId: string;
  protocol: InboundProtocol;
  endpoint: UsageRow['endpoint'];
}): RequestState {
  return {
    requestId: options.requestId,
    startedAt: performance.now(),
    receivedAt: new Date(),
    protocol: options.protocol,
    endpoint: options.endpoint,
    principal: null,
    modelGroup: null,
    stream: false,
    deployment: null,
    attempts: 0,
    firstByteAt: null,
    usage: null,
    upstreamModel: null,
    estimatePromptTokens: null,
    outputText: '',
    recorded: false,
  };
}
