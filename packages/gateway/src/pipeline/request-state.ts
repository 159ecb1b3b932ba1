/**
 * Per-request state carried through the pipeline stages and read by accounting: who called, what
 * for, which deployment answered, and the timings. One object per request, created on arrival.
 */

import type { Deployment, InboundProtocol, Usage } from '../core/index.js';
import { NOOP_REQUEST_TRACE } from './noop-tracer.js';
import type { KeyRecord, RequestTrace, UsageRow } from './ports.js';

/** A dashboard user signed in with a token (JWT) from POST /api/auth/login. */
export interface UserPrincipal {
  id: string;
  email: string;
  role: string;
  teamId: string | null;
  sessionId: string;
}

export type Principal = { kind: 'master' } | { kind: 'key'; key: KeyRecord } | { kind: 'user'; user: UserPrincipal };

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
  /** Extra headers for the answer (x-ratelimit-*), set by the stages before dispatch. Read them with responseHeadersOf. */
  responseHeaders: Record<string, string> | null;
  /** Headers still to be made (the rate limits'): see deferResponseHeaders. */
  pendingHeaders: (() => Record<string, string>) | null;
  /** Run once the usage row exists: settle budget reservations and token counters with real figures. */
  afterRecord: Array<(row: UsageRow) => void> | null;
  /** The request's trace (spans of the request and its attempts); the shared no-op when not traced. */
  trace: RequestTrace;
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
    responseHeaders: null,
    pendingHeaders: null,
    afterRecord: null,
    trace: NOOP_REQUEST_TRACE,
  };
}

/** Who is calling a management route, and what it may do there. */
export interface ApiCaller {
  principal: Principal;
  /** The role acted as: a user's role, a management key's role, `admin` for the master key; null for a data-only key. */
  role: string | null;
  permissions: ReadonlySet<string>;
  /** For the audit log and messages: `master key`, `user ada@example.com`, `key key_abc (sy-abc123…)`. */
  label: string;
}

/** Authenticates a management call and checks one permission; throws 401/403 GatewayErrors. */
export type AuthorizeApi = (headers: Record<string, string | string[] | undefined>, permission: string) => Promise<ApiCaller>;

/**
 * Leaves the making of some answer headers for later: a stage decides before dispatch, but its
 * headers are text that can be written while the upstream call is out (chat-exchange.ts makes them
 * then), instead of adding to the time before it.
 */
export function deferResponseHeaders(state: RequestState, make: () => Record<string, string>): void {
  const earlier = state.pendingHeaders;
  state.pendingHeaders = earlier === null ? make : () => Object.assign(earlier(), make());
}

/** The answer's extra headers, with any deferred ones made now. */
export function responseHeadersOf(state: RequestState): Record<string, string> | null {
  const pending = state.pendingHeaders;
  if (pending !== null) {
    state.pendingHeaders = null;
    const made = pending();
    state.responseHeaders = state.responseHeaders === null ? made : Object.assign(state.responseHeaders, made);
  }
  return state.responseHeaders;
}
