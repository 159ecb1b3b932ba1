/** Calls the analytics routes of a running gateway in tests: the status, headers, text and JSON of an answer. */

import type { RunningGateway } from '../support/gateway-harness.js';

export interface AnalyticsAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON, else null. */
  json: Record<string, unknown> | null;
}

export type AnalyticsGet = (
  endpoint: 'usage' | 'performance' | 'costs',
  query?: Record<string, string | number>,
  options?: { credential?: string | null; accept?: string },
) => Promise<AnalyticsAnswer>;

export function analyticsClient(running: RunningGateway): AnalyticsGet {
  return async (endpoint, query = {}, options = {}) => {
    const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)]));
    const headers: Record<string, string> = {};
    const credential = options.credential === undefined ? running.masterKey : options.credential;
    if (credential !== null) headers.authorization = `Bearer ${credential}`;
    if (options.accept !== undefined) headers.accept = options.accept;
    const response = await fetch(`${running.url}/api/ai/analytics/${endpoint}?${search}`, { headers });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').startsWith('application/json') ? (JSON.parse(text) as Record<string, unknown>) : null;
    return { status: response.status, headers: response.headers, text, json };
  };
}
