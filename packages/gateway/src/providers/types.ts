/**
 * The provider adapter contract. One adapter per wire protocol; OpenAI-compatible services are
 * presets of the openai adapter. Adapters translate canonical requests to their protocol and back,
 * and also relay same-protocol requests untouched (pass-through, DESIGN.md principle 2).
 */

import type {
  ChatRequest,
  ChatResponse,
  Deployment,
  EmbeddingRequest,
  EmbeddingResponse,
  FinishReason,
  StreamEvent,
  Usage,
  WireProtocol,
} from '../core/index.js';
import type { UpstreamHttp } from './shared/http.js';
import type { FrameSink } from './shared/sse-pump.js';

/** What every call of an adapter gets besides the request. */
export interface CallContext {
  deployment: Deployment;
  /** Aborted when the client disconnects or the gateway gives up; adapters pass it to the HTTP call. */
  signal: AbortSignal;
  http: UpstreamHttp;
  /** The gateway's request id, forwarded upstream where a protocol has a place for it. */
  requestId: string;
  /** The attempt's trace context headers (W3C traceparent), sent with the upstream call when tracing is on. */
  traceHeaders?: Readonly<Record<string, string>>;
}

/** Headers of the client's request that a pass-through may forward (e.g. anthropic-version, anthropic-beta). */
export type ForwardedHeaders = Record<string, string>;

export interface PassthroughRequest {
  /** Which endpoint of the protocol: OpenAI chat or embeddings, Anthropic messages. */
  endpoint: 'chat' | 'embeddings' | 'messages';
  /** The client's parsed body. The adapter rewrites `model` only (and may add usage options to a stream). */
  body: Record<string, unknown>;
  stream: boolean;
  /** For OpenAI streams: whether the client itself asked for the usage chunk. */
  clientWantsUsage: boolean;
  headers: ForwardedHeaders;
}

/** Summary of a pass-through or canonical stream once it ended, for accounting. */
export interface StreamSummary {
  usage: Usage | null;
  finishReason: FinishReason | null;
  /** The upstream model that answered, when the stream named it. */
  model: string | null;
  /**
   * The answer's text, collected only from upstreams that will not report usage, so that output
   * tokens can be estimated instead of recorded as 0.
   */
  outputText?: string;
}

export type PassthroughResult =
  | {
      kind: 'json';
      status: number;
      /** The upstream body, re-serialised only if it had to change; sent to the client as is. */
      body: Buffer | string;
      usage: Usage | null;
      finishReason: FinishReason | null;
      model: string | null;
      /** As StreamSummary.outputText: present only when the upstream reported no usage. */
      outputText?: string;
    }
  | {
      kind: 'stream';
      status: number;
      /**
       * Relays the SSE frames into the sink as they arrive, each piece one or more complete
       * frames ending in a blank line, as the upstream sent them; resolves once the upstream
       * stream is over, never rejects. A failure mid-stream (the upstream's own error event, a cut
       * connection, a stream that ends early) ends the relay without an error frame and is
       * reported by failure(): the server renders the in-band error itself, so that its code and
       * wording are the gateway's.
       */
      pipe(sink: FrameSink): Promise<void>;
      /** Stops the relay and drops the upstream connection: the client left. */
      stop(): void;
      /** What the stream reported, once pipe() resolved. */
      summary: () => StreamSummary;
      /** The error that ended the stream early, if any (once pipe() resolved). */
      failure: () => import('../core/index.js').GatewayError | null;
    };

export interface ProviderAdapter {
  readonly protocol: WireProtocol;
  /** Translating chat call, non-streaming. Throws GatewayError on failure. */
  chat(request: ChatRequest, context: CallContext): Promise<ChatResponse>;
  /**
   * Translating chat call, streaming. The promise settles once the upstream accepted the call
   * (headers received): failures before that reject with a GatewayError, so the gateway can still
   * answer with an HTTP error or retry. Failures after that are yielded as an `error` event that
   * ends the iteration.
   */
  chatStream(request: ChatRequest, context: CallContext): Promise<AsyncIterable<StreamEvent>>;
  /** Embeddings; undefined when the protocol has none (Anthropic). */
  embed?(request: EmbeddingRequest, context: CallContext): Promise<EmbeddingResponse>;
  /** Same-protocol relay; undefined for protocols no client speaks (Gemini, simulator). */
  passthrough?(request: PassthroughRequest, context: CallContext): Promise<PassthroughResult>;
}
