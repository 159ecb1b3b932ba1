/**
 * Keeps the benchmark harness working (issue: "CI may run a smoke of it"): builds the gateway,
 * runs `bench/run.mjs --smoke` against the bare proxy and the gateway, and checks what the run
 * reports, not how fast anything was (the suite holds no thresholds: the machines are shared).
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const root = path.resolve(packageDir, '..', '..');

interface PhaseResult {
  sent: number;
  ok: number;
  errors: number;
  errorKinds: Record<string, number>;
}

interface BenchResults {
  meta: { gatewayNodeFlags: string[] };
  targets: Record<string, { rssPeakMiB: number; max: { requests: number }; open500: PhaseResult; open2000: PhaseResult; stream: PhaseResult; soak?: PhaseResult }>;
  interleaved: { rounds: number; bareP50Ms: number[]; gatewayP50Ms: number[]; gapsMs: number[]; medianGapMs: number; errors: { bare: number; gateway: number } };
  usage: {
    requests: { sent: number; answered: number };
    rows: { total: number; duplicates: number; byDeployment: Record<string, number> };
    stop: { code: number; clean: boolean };
    metrics: { usageWritten: number; usageDropped: number };
  };
}

test('npm run bench -- --smoke measures the bare proxy and the gateway and accounts for every request', { timeout: 600_000 }, () => {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: packageDir, encoding: 'utf8' });
  assert.equal(build.status, 0, `build failed:\n${build.stdout}\n${build.stderr}`);

  const run = spawnSync(process.execPath, ['bench/run.mjs', '--smoke', '--targets', 'bare,gateway', '--quiet-wait', '0', '--soak', '2000'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 480_000,
  });
  assert.equal(run.status, 0, `bench failed:\n${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /\| Max throughput, closed loop, 64 conns \(req\/s\) \| — \| \d+ \| \d+ \| [\d.]+× \| — \|/);
  assert.match(run.stdout, /\| Stream TTFB p50, 2 alternating rounds of 1 s: median of the rounds' p50 \(ms\) \| — \| [\d.]+ \| [\d.]+ \| [+-][\d.]+ ms \(rounds [+-][\d.]+ ms … [+-][\d.]+ ms\) \| — \|/);
  assert.match(run.stdout, /Usage rows after SIGTERM \(clean exit, code 0\): \*\*\d+\*\* rows .*\(consistent;/);

  const resultsFile = /Raw results: (\S+\.json)/.exec(run.stdout)?.[1];
  assert.ok(resultsFile, 'the run names its raw results');
  const results = JSON.parse(fs.readFileSync(path.join(root, resultsFile), 'utf8')) as BenchResults;
  try {
    assert.deepEqual(Object.keys(results.targets).sort(), ['bare', 'gateway']);
    assert.deepEqual(results.meta.gatewayNodeFlags, ['--max-semi-space-size=6']);
    for (const [name, target] of Object.entries(results.targets)) {
      assert.ok(target.max.requests > 0, `${name}: max phase answered requests`);
      for (const phase of [target.open500, target.open2000, target.stream]) {
        assert.ok(phase.sent > 0, `${name}: every open-loop phase sent requests`);
        assert.deepEqual({ errors: phase.errors, kinds: phase.errorKinds, ok: phase.ok }, { errors: 0, kinds: {}, ok: phase.sent }, `${name}: every request answered`);
      }
      assert.ok(target.rssPeakMiB > 0);
    }
    const { interleaved } = results;
    assert.equal(interleaved.rounds, 2);
    assert.equal(interleaved.bareP50Ms.length, 2);
    assert.equal(interleaved.gatewayP50Ms.length, 2);
    assert.ok(interleaved.gapsMs.every(Number.isFinite), 'every round measured both servers');
    assert.deepEqual(interleaved.errors, { bare: 0, gateway: 0 });
    const { usage } = results;
    assert.deepEqual(usage.stop, { code: 0, clean: true });
    assert.ok(usage.rows.total >= usage.requests.answered && usage.rows.total <= usage.requests.sent, 'one row per request that reached the gateway');
    assert.equal(usage.rows.duplicates, 0);
    assert.equal(usage.metrics.usageDropped, 0);
    // The last scrape comes before SIGTERM, which writes what was still queued.
    assert.ok(usage.metrics.usageWritten > 0 && usage.metrics.usageWritten <= usage.rows.total);
    assert.deepEqual(Object.keys(usage.rows.byDeployment).sort(), ['mock-a/mock-model', 'mock-b/mock-model']);
  } finally {
    fs.rmSync(path.join(root, resultsFile), { force: true });
  }
});

test('every bench script answers --help with its documented usage and starts nothing', () => {
  const scripts = fs.readdirSync(path.join(root, 'bench')).filter((name) => name.endsWith('.mjs'));
  assert.ok(scripts.length >= 9, `bench scripts found: ${scripts.join(', ')}`);
  for (const script of scripts) {
    const run = spawnSync(process.execPath, [path.join('bench', script), '--help'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    assert.equal(run.status, 0, `${script} --help exited ${run.status}:\n${run.stderr}`);
    assert.doesNotMatch(run.stdout, /^\s*(\/\*\*|\*\s)/m, `${script}: comment markers are stripped`);
    assert.match(run.stdout, /\S[\s\S]{80,}/, `${script}: prints its header`);
    assert.match(run.stdout, /--|Usage|npm run bench/, `${script}: says how it is run`);
  }
});
