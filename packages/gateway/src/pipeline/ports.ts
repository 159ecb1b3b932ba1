/**
 * What the data plane needs from the outside, declared here and implemented elsewhere (store/ for
 * SQLite/Postgres, in-memory versions for tests and benchmarks). The data plane never imports store/.
 */

import type { Deployment, FinishReason, GatewayError, InboundProtocol, Usage } from '../core/index.js';

/** A virtual key as the data plane sees it. The secret itself is never held, only its hash. */
export interface KeyRecord {
  id: string;
  name: string;
  /** The first characters of the key, shown in lists (`sy-abc123…`). */
  prefix: string;
  /** Model groups this key may use; null means all. */
  models: string[] | null;
  /** Endpoint families the key may call; the data plane needs 'data'. */
  scopes: Array<'data' | 'management'>;
  /** Tier name, used by rate limits later (`standard`, `premium`, `enterprise`). */
  tier: string;
  teamId: string | null;
  userId: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** The role a management-scoped key acts with on /api (a Role name); null or absent means admin. */
  role?: string | null;
}

export interface KeyLookup {
  /** Finds a key by the SHA-256 hex digest of its secret; null when none matches. */
  findByHash(hash: string): Promise<KeyRecord | null>;
}

export type UsageOutcome = 'success' | 'error' | 'client_disconnected';

/** One row per accepted request, success or not. */
export interface UsageRow {
  requestId: string;
  createdAt: Date;
  /** Null when the master key or a dashboard user's token was used. */
  keyId: string | null;
  /** The user behind the key or token, when known. */
  userId?: string | null;
  /** The team the key or user belongs to, when any. */
  teamId?: string | null;
  protocol: InboundProtocol;
  endpoint: 'chat' | 'messages' | 'embeddings';
  /** The model name the client sent. */
  modelGroup: string;
  /** Provider id that served the final attempt, or null when none was reached. */
  provider: string | null;
  deploymentId: string | null;
  upstreamModel: string | null;
  stream: boolean;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  /** True when a token count came from our tokenizer. */
  tokensEstimated: boolean;
  costUsd: number;
  latencyMs: number;
  /** Time to first token (first content byte sent), ms; null when nothing was sent. */
  ttftMs: number | null;
  /** HTTP status sent to the client. */
  status: number;
  outcome: UsageOutcome;
  errorCode: string | null;
  attempts: number;
}

export interface UsageRecorder {
  /** Queues a row; never blocks the request and never throws. */
  record(row: UsageRow): void;
  /** Writes every queued row; resolves when they are stored. */
  flush(): Promise<void>;
}

export type { Usage };

/* ---------------------------------------------------------------------------------------------
 * Shared counters for rate limits and budgets. In-process by default; atomic in Redis when
 * REDIS_URL is set, so that limits hold across replicas. Implemented in governance/limits/.
 * ------------------------------------------------------------------------------------------- */

/** One fixed-window counter to check and add to. Windows are aligned to multiples of windowMs since the epoch. */
export interface WindowCounter {
  /** Unique name of what is counted, e.g. `rl:key:key_abc:requests:900000`. */
  key: string;
  windowMs: number;
  /** Most `amount` the window may hold. */
  limit: number;
  /** What this request adds (1 for requests, estimated tokens for tokens). */
  amount: number;
}

export interface WindowCounterState {
  key: string;
  limit: number;
  /** Count in the current window after this call (unchanged when the call was refused). */
  used: number;
  remaining: number;
  /** Epoch ms at which the current window ends. */
  resetAtMs: number;
}

import type { Awaitable } from './awaitable.js';

export type { Awaitable };

export interface CounterStore {
  /**
   * All or nothing: when every counter stays within its limit after adding its amount, adds to all
   * and answers allowed; otherwise adds to none, and `blocked` names the counters that would overflow.
   */
  take(counters: readonly WindowCounter[], nowMs: number): Awaitable<{ allowed: boolean; states: WindowCounterState[]; blocked: string[] }>;
  /** Adds without checking (token counts settled after the answer; may be negative to give back). */
  add(counters: ReadonlyArray<Pick<WindowCounter, 'key' | 'windowMs' | 'amount'>>, nowMs: number): Promise<void>;
}

/** A budget as the data plane applies it: a limit in USD over the current period. */
export interface BudgetWindow {
  budgetId: string;
  /** Shown in the rejection message, e.g. `team "research" monthly budget`. */
  label: string;
  limitUsd: number;
  /** Identifies the current period (its start, epoch ms, as text); a new period starts from zero. */
  periodKey: string;
  /** Epoch ms at which the current period ends (the reset time named in the rejection). */
  resetAtMs: number;
}

export interface BudgetReservation {
  id: string;
  amountUsd: number;
  budgets: ReadonlyArray<Pick<BudgetWindow, 'budgetId' | 'periodKey' | 'resetAtMs'>>;
}

export type BudgetReserveResult =
  | { ok: true; reservation: BudgetReservation }
  | { ok: false; budget: BudgetWindow; spentUsd: number; reservedUsd: number };

export interface BudgetLedger {
  /**
   * All or nothing: reserves amountUsd against every budget when spent + reserved + amount stays
   * within each limit; otherwise reserves nothing and names the first budget that would overflow.
   * (A request is refused only when its own worst case does not fit, so concurrent requests can
   * overshoot by no more than what is already in flight.)
   */
  reserve(budgets: readonly BudgetWindow[], amountUsd: number): Awaitable<BudgetReserveResult>;
  /** Turns a reservation into spend of actualUsd (which may be more or less than reserved). */
  settle(reservation: BudgetReservation, actualUsd: number): Promise<void>;
  /** Gives a reservation back (the request failed before anything was billed). */
  release(reservation: BudgetReservation): Promise<void>;
  /** Spend and outstanding reservations of one budget in one period. */
  read(budgetId: string, periodKey: string): Promise<{ spentUsd: number; reservedUsd: number }>;
  /**
   * Sets the spend of a period when the ledger holds none yet (at start-up, from the usage table,
   * so a restart does not forget what was spent). Never lowers spend already counted.
   */
  seed(budgetId: string, periodKey: string, spentUsd: number, resetAtMs: number): Promise<void>;
}

/** Who and what a request is, as rate limits and budgets see it. */
export interface RequestSubject {
  keyId: string | null;
  userId: string | null;
  teamId: string | null;
  /** The key's tier; null for the master key and dashboard users. */
  tier: string | null;
  ip: string;
  /** The model group the client asked for. */
  model: string;
}

/** One rate limit as it applies to one request: a counter with its key already built. */
export interface LimitRule {
  /** Counter key, unique per limit and subject (`rl:key:key_abc:*:requests:900000`). */
  counterKey: string;
  /** Names the limit in the 429 message (`tier "standard": 100 requests per 15m for key key_abc`). */
  label: string;
  metric: 'requests' | 'tokens';
  limit: number;
  windowMs: number;
}

/**
 * What limits and budgets apply to a request. Answered from an in-memory snapshot (config plus
 * what the management API stored), so the hot path makes no database query for it.
 */
export interface GovernancePolicy {
  limitsFor(subject: RequestSubject): LimitRule[];
  budgetsFor(subject: RequestSubject, nowMs: number): BudgetWindow[];
  /** Limits on calls to one provider (per-user daily caps), checked when a deployment is about to be called. */
  providerLimitsFor?(subject: RequestSubject, providerId: string): LimitRule[];
  /** Null when the subject may use the model; otherwise why not (tier model access). */
  modelDenied(subject: RequestSubject): string | null;
  /** Called after a budget was charged, to emit threshold events (50/80/100 %). */
  budgetCharged?(budget: BudgetWindow, spentUsd: number): void;
}

/* ---------------------------------------------------------------------------------------------
 * Tracing: a span per data-plane request and one per upstream attempt (OpenTelemetry, in
 * telemetry/tracing/). When tracing is off, pipeline/noop-tracer.ts answers with shared frozen
 * handles, and the calls take objects the request already holds: the hot path allocates nothing.
 * ------------------------------------------------------------------------------------------- */

/** What a request span reads from the request (RequestState satisfies it). */
export interface TracedRequest {
  readonly requestId: string;
  /** performance.now() at arrival: the span starts then. */
  readonly startedAt: number;
  readonly protocol: InboundProtocol;
  readonly endpoint: UsageRow['endpoint'];
  /** The model group the client asked for. */
  readonly modelGroup: string | null;
  readonly stream: boolean;
}

/** Request parameters a span records when the client gave them (ChatRequest satisfies it). */
export interface TracedParameters {
  readonly maxTokens?: number;
  readonly temperature?: number;
}

/** The client's request headers, read for its W3C trace context (traceparent, tracestate). */
export type TraceCarrier = Readonly<Record<string, string | string[] | undefined>>;

export interface AttemptTrace {
  /** Headers that carry this attempt's trace context upstream (traceparent); undefined when not traced. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** The attempt failed before its answer began: ends its span as an error. */
  failed(error: GatewayError): void;
}

export interface RequestTrace {
  /** Starts the span of one upstream attempt, a child of the request's; `attempt` counts from 1 per request. */
  startAttempt(deployment: Deployment, attempt: number): AttemptTrace;
  /** Why a choice of the answer stopped (called once per choice, when the answer says). */
  finishReason(reason: FinishReason): void;
  /** Ends the request's span, and that of the attempt that answered, with the request's usage row. */
  end(row: UsageRow): void;
}

export interface RequestTracer {
  /**
   * Starts the span of one request, continuing the client's trace when it sent a traceparent.
   * Positional rather than an options object: every argument is an object the request already
   * holds, so a disabled tracer costs no allocation.
   */
  startRequest(request: TracedRequest, carrier: TraceCarrier | undefined, parameters: TracedParameters | null): RequestTrace;
}
