/**
 * deploy/ kept in step with GET /metrics: the Prometheus alert rules load (`promtool check rules`)
 * and fire as intended on made-up series (`promtool test rules`); the Grafana dashboard is sound,
 * every PromQL expression in it parses, and every metric name it or the rules use is one the
 * gateway actually exposes.
 */

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { startFakes, startGateway, standardConfig } from '../support/gateway-harness.js';
import type { Fakes, RunningGateway } from '../support/gateway-harness.js';
import { exposedNames, parseExposition, runPromtool } from '../support/prometheus-text.js';

const DEPLOY = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../deploy');
const ALERTS = join(DEPLOY, 'prometheus/alerts.yml');
const ALERT_TESTS = join(DEPLOY, 'prometheus/alerts.test.yml');
const DASHBOARD = join(DEPLOY, 'grafana/switchyard-dashboard.json');

/** Prometheus' own series, not the gateway's. */
const PROMETHEUS_SERIES = new Set(['up']);
const PROMQL_KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset']);

/**
 * The metric names an expression reads: identifiers left once strings, label matchers, ranges and
 * grouping lists are taken out, other than functions (followed by `(`) and keywords.
 */
function metricNamesOf(expression: string): string[] {
  const stripped = expression
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const names: string[] = [];
  for (const match of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const after = stripped.slice(match.index + match[0].length).trimStart();
    if (after.startsWith('(') || PROMQL_KEYWORDS.has(match[0])) continue;
    names.push(match[0]);
  }
  return names;
}

/** Grafana's variables replaced by values PromQL accepts, so the expression can be parsed. */
function withoutGrafanaVariables(expression: string): string {
  return expression.replace(/\$__rate_interval|\$__interval|\$__range/g, '5m').replace(/\$\{?(?:instance|model_group)\}?/g, '.*');
}

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { type: string; uid: string };
  targets?: Array<{ expr: string; refId: string; datasource?: { uid: string } }>;
}

interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: Array<{ name: string; type: string; query?: string | { query: string } }> };
}

const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;
const dashboardExpressions = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })));
const alertRules = (parse(readFileSync(ALERTS, 'utf8')) as { groups: Array<{ rules: Array<{ alert: string; expr: string }> }> }).groups.flatMap((group) => group.rules);

test('metricNamesOf finds the metrics, not the functions, labels or variables', () => {
  assert.deepEqual(
    metricNamesOf('histogram_quantile(0.95, sum by (model_group, le) (rate(switchyard_request_duration_seconds_bucket{provider!="none", instance=~"$instance"}[$__rate_interval]))) * 3600'),
    ['switchyard_request_duration_seconds_bucket'],
  );
  assert.deepEqual(metricNamesOf('count(max by (deployment) (a_metric) == 2) or vector(0)'), ['a_metric']);
  assert.deepEqual(metricNamesOf('up{job="switchyard"} == 0 and on (instance) other_metric'), ['up', 'other_metric']);
});

test('promtool check rules accepts deploy/prometheus/alerts.yml', async () => {
  const result = await runPromtool(['check', 'rules', ALERTS]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, new RegExp(`SUCCESS: ${alertRules.length} rules found`));
});

test('promtool test rules: each alert fires on the series it is meant for, and only then', async () => {
  const result = await runPromtool(['test', 'rules', ALERT_TESTS]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
});

test('the alerts cover what operators need', () => {
  const names = alertRules.map((rule) => rule.alert);
  for (const expected of [
    'SwitchyardInstanceDown',
    'SwitchyardHighErrorRate',
    'SwitchyardBreakerOpen',
    'SwitchyardHighLatencyP95',
    'SwitchyardUsageRowsDropped',
    'SwitchyardRoutingQueueBackingUp',
    'SwitchyardRedisDown',
    'SwitchyardBudgetThreshold',
  ]) {
    assert.ok(names.includes(expected), expected);
  }
});

test('the dashboard is sound: unique panel ids, panels within 24 columns, every query on the chosen data source', () => {
  assert.equal(dashboard.uid, 'switchyard-gateway');
  const ids = dashboard.panels.map((panel) => panel.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(dashboard.templating.list.some((variable) => variable.name === 'datasource' && variable.type === 'datasource'));
  for (const panel of dashboard.panels) {
    assert.ok(panel.gridPos.x + panel.gridPos.w <= 24, panel.title);
    if (panel.type === 'row') continue;
    assert.ok((panel.targets ?? []).length > 0, `${panel.title} has a query`);
    assert.equal(panel.datasource?.uid, '${datasource}', panel.title);
  }
  const titles = dashboard.panels.map((panel) => panel.title.toLowerCase()).join(' | ');
  for (const topic of ['request rate', 'error rate', 'p50 / p95 / p99', 'time to first token', 'tokens/s', 'cost per hour', 'in flight', 'queues', 'circuit breakers', 'event-loop lag', 'memory']) {
    assert.ok(titles.includes(topic), `a panel about ${topic}`);
  }
});

test('every PromQL expression of the dashboard parses (promtool, as recording rules)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-dashboard-'));
  try {
    const rules = dashboardExpressions.map((entry, index) => ({ record: `switchyard:dashboard_query:${index}`, expr: withoutGrafanaVariables(entry.expr) }));
    const file = join(dir, 'dashboard-rules.yml');
    writeFileSync(file, JSON.stringify({ groups: [{ name: 'dashboard', rules }] }));
    const result = await runPromtool(['check', 'rules', file]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('metric names in deploy/ against a running gateway', () => {
  let fakes: Fakes;
  let running: RunningGateway;
  let exposed: Set<string>;

  before(async () => {
    fakes = await startFakes();
    running = await startGateway({ yaml: standardConfig(fakes) });
    const response = await fetch(`${running.url}/metrics`);
    exposed = exposedNames(parseExposition(await response.text()));
  });
  after(async () => {
    await running.close();
    await fakes.close();
  });

  test('every metric the dashboard queries is exposed by the gateway', () => {
    const variableQueries = dashboard.templating.list
      .map((variable) => (typeof variable.query === 'object' ? variable.query.query : variable.query ?? ''))
      .flatMap((query) => [.../label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)/g.exec(query)?.slice(1) ?? []]);
    const used = new Set([...dashboardExpressions.flatMap((entry) => metricNamesOf(entry.expr)), ...variableQueries]);
    assert.ok(used.size > 20, `the dashboard uses ${used.size} metrics`);
    assert.deepEqual([...used].filter((name) => !exposed.has(name)).sort(), []);
  });

  test('every metric the alert rules use is exposed by the gateway (or is Prometheus\' own `up`)', () => {
    const used = new Set(alertRules.flatMap((rule) => metricNamesOf(rule.expr)));
    assert.deepEqual([...used].filter((name) => !exposed.has(name) && !PROMETHEUS_SERIES.has(name)).sort(), []);
  });
});
