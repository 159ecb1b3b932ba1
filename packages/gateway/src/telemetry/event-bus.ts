/**
 * The in-process event bus: what happened in the gateway, told once to everyone who watches
 * (Prometheus metrics, the live feed, tracing, later alerts and webhooks). Producers call `emit`
 * on the request path, so delivery is synchronous and cheap, and a listener that throws is
 * logged and skipped rather than allowed to fail the request that emitted the event.
 */

import type { UsageRow } from '../pipeline/ports.js';
import type { BreakerStateChange } from '../routing/circuit-breaker.js';

/** A finished request: its usage row, exactly as it is queued for the database. */
export interface RequestFinishedEvent {
  type: 'request.finished';
  row: UsageRow;
}

/** An upstream attempt failed (it may be retried or fall back; the request may still succeed). */
export interface AttemptFailedEvent {
  type: 'attempt.failed';
  requestId: string;
  deploymentId: string;
  code: string;
  message: string;
  willRetry: boolean;
}

export interface BreakerChangedEvent extends BreakerStateChange {
  type: 'breaker.changed';
}

/** A budget crossed one of its thresholds (50/80/100 % by default) for the first time this period. */
export interface BudgetThresholdEvent {
  type: 'budget.threshold';
  budgetId: string;
  budgetName: string;
  threshold: number;
  spentUsd: number;
  limitUsd: number;
}

/** An optional component (Redis) went down or came back. */
export interface ComponentStatusEvent {
  type: 'component.status';
  component: string;
  status: 'ok' | 'degraded';
  detail: string;
}

export type GatewayEvent = RequestFinishedEvent | AttemptFailedEvent | BreakerChangedEvent | BudgetThresholdEvent | ComponentStatusEvent;
export type GatewayEventType = GatewayEvent['type'];
export type EventOf<T extends GatewayEventType> = Extract<GatewayEvent, { type: T }>;

type Listener<T extends GatewayEventType> = (event: EventOf<T>) => void;
/** Stored untyped: `on` pairs each listener with its own event type, so `emit` only hands it that type. */
type AnyListener = (event: GatewayEvent) => void;

export class EventBus {
  private readonly listeners = new Map<GatewayEventType, AnyListener[]>();

  constructor(private readonly onListenerError: (error: unknown, event: GatewayEvent) => void = () => {}) {}

  /** Subscribes to one event type; returns the function that unsubscribes. */
  on<T extends GatewayEventType>(type: T, listener: Listener<T>): () => void {
    const stored = listener as unknown as AnyListener;
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), stored]);
    return () => {
      const current = this.listeners.get(type);
      if (!current) return;
      // A new array, so an emit already iterating the old one is not disturbed.
      this.listeners.set(type, current.filter((item) => item !== stored));
    };
  }

  emit(event: GatewayEvent): void {
    const list = this.listeners.get(event.type);
    if (!list) return;
    for (const listener of list) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error, event);
      }
    }
  }

  listenerCount(type: GatewayEventType): number {
    return this.listeners.get(type)?.length ?? 0;
  }
}
