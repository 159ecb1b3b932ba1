/**
 * Span shapes for the cases the end-to-end test does not reach: an answer that fails mid-stream,
 * a client that leaves during an attempt, and the attributes a usage row turns into.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { GatewayError } from '../../core/index.js';
import type { Deployment } from '../../core/index.js';
import type { UsageRow } from '../../pipeline/ports.js';
import { OtelRequestTracer } from './otel-request-tracer.js';

function setup(): { exporter: InMemorySpanExporter; tracer: OtelRequestTracer } {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { exporter, tracer: new OtelRequestTracer(provider.getTracer('test')) };
}

const deployment = {
  id: 'anthropic/claude-sonnet-4-5',
  model: 'claude-sonnet-4-5',
  provider: { id: 'anthropic', type: 'anthropic', preset: 'anthropic', baseUrl: 'https://api.anthropic.com' },
} as unknown as Deployment;

function row(overrides: Partial<UsageRow>): UsageRow {
  return {
    requestId: 'req_1',
    createdAt: new Date(),
    keyId: 'key_1',
    protocol: 'anthropic',
    endpoint: 'messages',
    modelGroup: 'claude',
    provider: 'anthropic',
    deploymentId: deployment.id,
    upstreamModel: 'claude-sonnet-4-5-20250929',
    stream: true,
    promptTokens: 12,
    completionTokens: 5,
    cachedTokens: 4,
    tokensEstimated: false,
    costUsd: 0.001,
    latencyMs: 10,
    ttftMs: 250,
    status: 200,
    outcome: 'success',
    errorCode: null,
    attempts: 2,
    ...overrides,
  };
}

const request = { requestId: 'req_1', startedAt: performance.now(), protocol: 'anthropic', endpoint: 'messages', modelGroup: 'claude', stream: true } as const;

test('a stream that fails after it began: the answering attempt and the request are errors', () => {
  const { exporter, tracer } = setup();
  const trace = tracer.startRequest(request, { traceparent: undefined }, { maxTokens: 100, temperature: 0 });
  trace.startAttempt(deployment, 1).failed(new GatewayError('SY_ERR_UPSTREAM_OVERLOADED', 'overloaded', { provider: 'anthropic', upstreamStatus: 529 }));
  trace.startAttempt(deployment, 2);
  trace.finishReason({ unified: 'error', raw: null });
  trace.end(row({ outcome: 'error', errorCode: 'SY_ERR_UPSTREAM_STREAM' }));
  trace.end(row({}));

  const [first, second, server] = exporter.getFinishedSpans();
  assert.equal(exporter.getFinishedSpans().length, 3, 'ending twice ends once');
  assert.equal(server.kind, SpanKind.SERVER);
  assert.equal(server.name, 'chat claude');
  assert.equal(server.status.code, SpanStatusCode.ERROR);
  assert.equal(server.attributes['error.type'], 'SY_ERR_UPSTREAM_STREAM');
  assert.equal(server.attributes['gen_ai.request.temperature'], 0);
  assert.equal(server.attributes['gen_ai.usage.cache_read.input_tokens'], 4);
  assert.equal(server.attributes['gen_ai.response.time_to_first_chunk'], 0.25);
  assert.equal(server.attributes['gen_ai.system'], 'anthropic');
  assert.equal(first.attributes['http.response.status_code'], 529);
  assert.equal(first.attributes['server.address'], 'api.anthropic.com');
  assert.equal(first.attributes['server.port'], 443);
  assert.equal(second.status.code, SpanStatusCode.ERROR);
  assert.deepEqual(second.attributes['gen_ai.response.finish_reasons'], ['error']);
  assert.equal(second.attributes['gen_ai.response.model'], 'claude-sonnet-4-5-20250929');
});

test('a client that leaves is recorded on the spans, but not as an error', () => {
  const { exporter, tracer } = setup();
  const trace = tracer.startRequest(request, {}, null);
  trace.startAttempt(deployment, 1).failed(new GatewayError('SY_ERR_CLIENT_DISCONNECTED', 'gone'));
  trace.end(row({ outcome: 'client_disconnected', status: 499, errorCode: 'SY_ERR_CLIENT_DISCONNECTED', attempts: 1 }));
  const [attempt, server] = exporter.getFinishedSpans();
  assert.equal(attempt.status.code, SpanStatusCode.UNSET);
  assert.equal(attempt.attributes['switchyard.outcome'], 'client_disconnected');
  assert.equal(server.status.code, SpanStatusCode.UNSET);
  assert.equal(server.attributes['switchyard.outcome'], 'client_disconnected');
  assert.equal(server.attributes['http.response.status_code'], 499);
});

test('sub-calls without an HTTP request of their own are internal spans', () => {
  const { exporter, tracer } = setup();
  tracer.startRequest({ ...request, stream: false }, undefined, null).end(row({ stream: false }));
  assert.equal(exporter.getFinishedSpans()[0].kind, SpanKind.INTERNAL);
});
