import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkConfig, loadConfig } from './loader.js';
import { ConfigError } from './types.js';

const directories: string[] = [];
after(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function emptyDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'switchyard-config-'));
  directories.push(directory);
  return directory;
}

function writeConfig(text: string, name = 'switchyard.yaml'): { directory: string; file: string } {
  const directory = emptyDirectory();
  const file = join(directory, name);
  writeFileSync(file, text);
  return { directory, file };
}

const DESIGN_EXAMPLE = `
server:   { port: 3000, masterKey: \${SWITCHYARD_MASTER_KEY} }
database: { url: sqlite:./data/switchyard.db }
providers:
  openai:        { type: openai,    apiKey: \${OPENAI_API_KEY} }
  local-vllm:    { type: openai,    baseUrl: http://127.0.0.1:8000/v1, apiKey: none }
  anthropic:     { type: anthropic, apiKey: \${ANTHROPIC_API_KEY} }
  gemini:        { type: gemini,    apiKey: \${GEMINI_API_KEY} }
models:
  - name: gpt-4o                       # the name clients send
    deployments:
      - { provider: openai, model: gpt-4o, weight: 3 }
      - { provider: local-vllm, model: Qwen/Qwen2.5-7B-Instruct, weight: 1 }
  - name: claude-sonnet
    deployments:
      - { provider: anthropic, model: claude-sonnet-4-5 }
routing:
  strategy: round-robin                # per model group too
  fallbacks: { gpt-4o: [claude-sonnet] }
`;

const DESIGN_ENV = { SWITCHYARD_MASTER_KEY: 'sy-master', OPENAI_API_KEY: 'sk-o', ANTHROPIC_API_KEY: 'sk-a', GEMINI_API_KEY: 'g-k' };

describe('loadConfig', () => {
  it('falls back to the simulator with defaults when nothing is configured', () => {
    const config = loadConfig({ env: {}, cwd: emptyDirectory() });
    assert.equal(config.usingSimulatorFallback, true);
    assert.equal(config.sourceFile, null);
    assert.deepEqual(config.providers.map((provider) => [provider.id, provider.type, provider.authHeader]), [['simulator', 'simulator', 'none']]);
    assert.deepEqual(config.models.map((group) => [group.name, group.source, group.deployments[0].id]), [
      ['sim-chat', 'simulator', 'simulator/sim-chat'],
      ['sim-embed', 'simulator', 'simulator/sim-embed'],
    ]);
    assert.deepEqual(config.providers[0].simulator, {
      latencyMeanMs: 40,
      latencyStdDevMs: 10,
      chunkIntervalMs: 15,
      answerWords: 30,
      errorRate: 0,
      seed: 42,
    });
    assert.deepEqual(config.server, { port: 3000, host: '0.0.0.0', masterKey: undefined, bodyLimitBytes: 4 * 1024 * 1024, shutdownGraceMs: 10_000, maxConcurrentRequests: 0, maxQueue: 1_000, maxQueueWaitMs: 30_000 });
    assert.deepEqual(config.database, { url: 'sqlite:./data/switchyard.db' });
    assert.deepEqual(config.routing, {
      strategy: 'round-robin',
      fallbacks: {},
      fallbacksByClass: {},
      defaultFallbacks: [],
      rules: [],
      maxAttempts: 4,
      tierPriority: { enterprise: 'high', premium: 'normal', standard: 'low' },
      retries: { maxPerDeployment: 1, baseDelayMs: 200, maxDelayMs: 5_000, maxRetryAfterMs: 10_000 },
      breaker: { failureThreshold: 5, errorRateThreshold: 0.5, minimumRequests: 10, windowMs: 30_000, cooldownMs: 30_000 },
    });
    assert.deepEqual(config.logging, { level: 'info', bodies: false });
    assert.deepEqual(config.usage, { batchSize: 500, flushIntervalMs: 250, queueLimit: 100_000 });
    assert.equal('redisUrl' in config, false);
  });

  it('lets file groups use the simulator fallback, keeping their own names first', () => {
    const { file } = writeConfig('models:\n  - { name: sim-chat, deployments: [{ provider: simulator, model: other }] }\n');
    const config = loadConfig({ file, env: {} });
    assert.equal(config.usingSimulatorFallback, true);
    assert.deepEqual(config.models.map((group) => [group.name, group.source, group.deployments[0].model]), [
      ['sim-chat', 'config', 'other'],
      ['sim-embed', 'simulator', 'sim-embed'],
    ]);
  });

  it('loads the example of DESIGN.md', () => {
    const { file } = writeConfig(DESIGN_EXAMPLE);
    const config = loadConfig({ file, env: DESIGN_ENV });
    assert.equal(config.usingSimulatorFallback, false);
    assert.equal(config.sourceFile, file);
    assert.equal(config.server.masterKey, 'sy-master');
    assert.deepEqual(config.providers.map((provider) => provider.id), ['openai', 'local-vllm', 'anthropic', 'gemini']);
    const [openai, vllm, anthropic, gemini] = config.providers;
    assert.deepEqual([openai.baseUrl, openai.apiKey, openai.authHeader], ['https://api.openai.com/v1', 'sk-o', 'bearer']);
    assert.deepEqual([vllm.baseUrl, vllm.apiKey, vllm.authHeader, vllm.preset], ['http://127.0.0.1:8000/v1', undefined, 'none', 'openai']);
    assert.deepEqual([anthropic.baseUrl, anthropic.authHeader], ['https://api.anthropic.com', 'x-api-key']);
    assert.deepEqual([gemini.baseUrl, gemini.authHeader], ['https://generativelanguage.googleapis.com', 'x-goog-api-key']);
    assert.deepEqual(openai.timeouts, { connectMs: 10_000, firstByteMs: 60_000, totalMs: 600_000, streamIdleMs: 120_000 });
    assert.deepEqual(
      config.models.map((group) => [group.name, group.source, group.deployments.map((deployment) => `${deployment.id}*${deployment.weight}`)]),
      [
        ['gpt-4o', 'config', ['openai/gpt-4o*3', 'local-vllm/Qwen/Qwen2.5-7B-Instruct*1']],
        ['claude-sonnet', 'config', ['anthropic/claude-sonnet-4-5*1']],
      ],
    );
    assert.equal(config.models[0].deployments[0].provider, openai, 'deployments point at the resolved provider');
    assert.equal(config.models[1].deployments[0].defaultMaxTokens, 4096);
    assert.deepEqual(config.routing.fallbacks, { 'gpt-4o': ['claude-sonnet'] });
  });

  it('finds the file from SWITCHYARD_CONFIG, then ./switchyard.yaml; the option wins', () => {
    const named = writeConfig('server: { port: 4001 }', 'named.yaml');
    const fallback = writeConfig('server: { port: 4002 }');
    assert.equal(loadConfig({ env: { SWITCHYARD_CONFIG: named.file }, cwd: fallback.directory }).server.port, 4001);
    assert.equal(loadConfig({ env: {}, cwd: fallback.directory }).server.port, 4002);
    const chosen = writeConfig('server: { port: 4003 }', 'chosen.yaml');
    assert.equal(loadConfig({ file: chosen.file, env: { SWITCHYARD_CONFIG: named.file }, cwd: fallback.directory }).server.port, 4003);
  });

  it('reports a named file that does not exist', () => {
    const directory = emptyDirectory();
    assert.throws(
      () => loadConfig({ env: { SWITCHYARD_CONFIG: 'missing.yaml' }, cwd: directory }),
      (error: unknown) => error instanceof ConfigError && error.problems[0] === `${join(directory, 'missing.yaml')}: file not found`,
    );
  });

  it('lets the environment override the file, and the command line override PORT', () => {
    const { file } = writeConfig('server: { port: 4000, masterKey: from-file }\ndatabase: { url: sqlite:./x.db }\nlogging: { level: warn }');
    const env = {
      PORT: '5000',
      SWITCHYARD_MASTER_KEY: 'from-env',
      DATABASE_URL: 'postgres://user:pass@127.0.0.1:5432/sy',
      REDIS_URL: 'redis://127.0.0.1:6379',
      JWT_SECRET: 'jwt',
      WEBSOCKET_PORT: '3001',
      SWITCHYARD_LOG_LEVEL: 'debug',
    };
    const config = loadConfig({ file, env });
    assert.equal(config.server.port, 5000);
    assert.equal(config.server.masterKey, 'from-env');
    assert.equal(config.database.url, 'postgres://user:pass@127.0.0.1:5432/sy');
    assert.equal(config.redisUrl, 'redis://127.0.0.1:6379');
    assert.equal(config.jwtSecret, 'jwt');
    assert.equal(config.websocketPort, 3001);
    assert.equal(config.logging.level, 'debug');
    assert.equal(loadConfig({ file, env, overrides: { port: 0 } }).server.port, 0);
  });

  it('reads numbers and booleans given as interpolated text, and sizes as numbers', () => {
    const { file } = writeConfig(
      'server: { port: "${P:-4100}", bodyLimit: 1000 }\nlogging: { bodies: "${B:-true}" }\nusage: { batchSize: "10" }',
    );
    const config = loadConfig({ file, env: {} });
    assert.equal(config.server.port, 4100);
    assert.equal(config.server.bodyLimitBytes, 1000);
    assert.equal(config.logging.bodies, true);
    assert.equal(config.usage.batchSize, 10);
  });

  it('merges partial timeouts and simulator settings over the defaults', () => {
    const { file } = writeConfig(`
providers:
  sim: { type: simulator, simulator: { latencyMeanMs: 0, errorRate: 0.5 }, timeouts: { firstByteMs: 5000 } }
models:
  - { name: fast, strategy: weighted, deployments: [{ provider: sim, model: sim-chat, id: custom, maxTokens: 100, price: { inputPerMTok: 1, outputPerMTok: 2 } }] }
`);
    const config = loadConfig({ file, env: {} });
    assert.equal(config.usingSimulatorFallback, false);
    const [sim] = config.providers;
    assert.deepEqual(sim.timeouts, { connectMs: 10_000, firstByteMs: 5000, totalMs: 600_000, streamIdleMs: 120_000 });
    assert.deepEqual(sim.simulator, { latencyMeanMs: 0, latencyStdDevMs: 10, chunkIntervalMs: 15, answerWords: 30, errorRate: 0.5, seed: 42 });
    const [group] = config.models;
    assert.equal(group.strategy, 'weighted');
    assert.deepEqual(
      { id: group.deployments[0].id, max: group.deployments[0].defaultMaxTokens, price: group.deployments[0].price },
      { id: 'custom', max: 100, price: { inputPerMTok: 1, outputPerMTok: 2 } },
    );
  });

  it('throws a ConfigError listing every problem', () => {
    const { file } = writeConfig('server: { prot: 3000 }');
    assert.throws(
      () => loadConfig({ file, env: {} }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.length === 1 &&
        error.message.includes('server.prot: unknown key (did you mean "port"?)'),
    );
  });
});

describe('checkConfig', () => {
  function problemsOf(text: string, env: Record<string, string> = {}): string[] {
    const { file } = writeConfig(text);
    return checkConfig({ file, env }).problems;
  }

  it('accepts a good file', () => {
    const { file } = writeConfig(DESIGN_EXAMPLE);
    assert.deepEqual(checkConfig({ file, env: DESIGN_ENV }), { ok: true, problems: [] });
  });

  it('names a misspelt provider by its path in the file', () => {
    const text = `
providers:
  openai: { type: openai, apiKey: sk-test }
models:
  - { name: a, deployments: [{ provider: openai, model: gpt-4o }] }
  - { name: b, deployments: [{ provider: openai, model: gpt-4o-mini }] }
  - { name: c, deployments: [{ provider: opnai, model: gpt-4.1 }] }
`;
    assert.deepEqual(problemsOf(text), ['models[2].deployments[0].provider: unknown provider "opnai" (did you mean "openai"?)']);
  });

  it('reports a YAML syntax error with its line and column', () => {
    const problems = problemsOf('server:\n  port: 3000\n  host: [a\nlogging: {}\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^line 4, column 1: YAML syntax error: /);
  });

  it('reports duplicate YAML keys with their line', () => {
    assert.deepEqual(problemsOf('server: {}\nserver: {}\n'), ['line 2, column 1: YAML syntax error: Map keys must be unique']);
  });

  it('reports unknown keys with a suggestion, wrong types and missing fields', () => {
    const problems = problemsOf(`
server: { port: abc, hots: x }
providers:
  openai: { type: openai, apiKey: k, timeout: { connectMs: 1 } }
models:
  - { deployments: [{ provider: openai, model: gpt-4o, wieght: 2 }] }
routing: { strategy: '' }
logging: { level: loud }
`);
    assert.deepEqual(problems, [
      'server.port: Invalid input: expected number, received string',
      'server.hots: unknown key (did you mean "host"?)',
      'providers.openai.timeout: unknown key (did you mean "timeouts"?)',
      'models[0].name: required',
      'models[0].deployments[0].wieght: unknown key (did you mean "weight"?)',
      'routing.strategy: Too small: expected string to have >=1 characters',
      'logging.level: Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent"',
    ]);
  });

  it('reports cross-reference problems', () => {
    const problems = problemsOf(`
providers:
  groq-eu: { preset: grq, apiKey: k }
  local: { type: openai, baseUrl: 'not a url', apiKey: none }
  ftp: { type: openai, baseUrl: 'ftp://example.com', apiKey: none }
  azure: { apiKey: k, baseUrl: https://example.openai.azure.com }
  ok: { type: openai, baseUrl: http://127.0.0.1:1/v1, apiKey: none }
models:
  - { name: a, deployments: [{ provider: ok, model: m }, { provider: local, model: m }] }
  - { name: a, deployments: [{ provider: ok, model: m }] }
  - { name: b, deployments: [{ provider: ok, model: m }, { provider: ok, model: m }] }
routing:
  fallbacks: { a: [b, missing], ghost: [a], b: [b] }
`);
    assert.deepEqual(problems, [
      'providers.groq-eu.preset: unknown preset "grq" (did you mean "groq"?)',
      'providers.local.baseUrl: invalid URL "not a url"',
      'providers.ftp.baseUrl: invalid URL "ftp://example.com": expected http:// or https://',
      'providers.azure.apiVersion: required for Azure OpenAI (for example 2024-10-21)',
      'models[1].name: duplicate model group "a" (also models[0])',
      'models[2].deployments[1]: duplicate deployment id "ok/m" in model group "b"',
      'routing.fallbacks.a[1]: unknown model group "missing"',
      'routing.fallbacks.ghost: unknown model group "ghost"',
      'routing.fallbacks.b[0]: a model group cannot fall back to itself',
    ]);
  });

  it('reports providers without a type or key, and a preset of another protocol', () => {
    const problems = problemsOf(`
providers:
  mystery: { baseUrl: http://127.0.0.1:1/v1 }
  openai: {}
  claude: { preset: anthropic, type: openai }
  sim-bad: { type: openai, apiKey: none, simulator: { seed: 1 } }
  vllm-x: { type: openai, apiKey: none, apiVersion: '2024-10-21', baseUrl: http://127.0.0.1:8000/v1 }
`);
    assert.deepEqual(problems, [
      'providers.mystery.type: required: one of openai, anthropic, gemini, simulator (or name a preset with "preset:")',
      'providers.openai.apiKey: required: set apiKey (or "apiKey: none"), or OPENAI_API_KEY in the environment',
      'providers.claude.type: preset "anthropic" speaks anthropic, not openai',
      'providers.sim-bad.simulator: only providers of type simulator take simulator settings',
      'providers.vllm-x.apiVersion: only Azure OpenAI providers (preset: azure) take an apiVersion',
    ]);
  });

  it('reports unset variables with their path', () => {
    assert.deepEqual(problemsOf('server: { masterKey: ${SWITCHYARD_MASTER_KEY} }'), [
      'server.masterKey: environment variable SWITCHYARD_MASTER_KEY is not set (use ${SWITCHYARD_MASTER_KEY:-default} to give a default)',
    ]);
  });

  it('reports bad environment overrides', () => {
    assert.deepEqual(problemsOf('{}', { PORT: 'eighty', SWITCHYARD_LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', REDIS_URL: 'http://x' }), [
      'environment variable SWITCHYARD_LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'environment variable REDIS_URL: expected redis://… or rediss://…, got "http://x"',
      'environment variable PORT: expected a port number (0-65535), got "eighty"',
      'environment variable DATABASE_URL: expected sqlite:PATH or postgres://…, got "mysql://x"',
    ]);
  });

  it('reports a top level that is not a mapping, and an invalid body limit', () => {
    assert.deepEqual(problemsOf('- a\n- b\n'), ['(top level): expected a mapping of sections (server, providers, models, …)']);
    assert.deepEqual(problemsOf('server: { bodyLimit: lots }'), ['server.bodyLimit: expected a size such as "4mb", "512kb" or a byte count']);
  });
});
