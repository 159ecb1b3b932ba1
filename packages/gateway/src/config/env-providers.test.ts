import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { detectEnvProviders } from './env-providers.js';
import { loadConfig } from './loader.js';
import { PROVIDER_PRESETS } from './presets.js';

const directory = mkdtempSync(join(tmpdir(), 'switchyard-env-'));
after(() => rmSync(directory, { recursive: true, force: true }));

/** Loads with no config file: everything comes from the environment. */
function fromEnv(env: Record<string, string>) {
  return loadConfig({ env, cwd: directory });
}

/** Each cloud preset, the variable that enables it and its default base URL. */
const CLOUD_PRESETS: Array<[id: string, keyVariable: string, baseUrl: string, authHeader: string, type: string]> = [
  ['openai', 'OPENAI_API_KEY', 'https://api.openai.com/v1', 'bearer', 'openai'],
  ['groq', 'GROQ_API_KEY', 'https://api.groq.com/openai/v1', 'bearer', 'openai'],
  ['openrouter', 'OPENROUTER_API_KEY', 'https://openrouter.ai/api/v1', 'bearer', 'openai'],
  ['deepseek', 'DEEPSEEK_API_KEY', 'https://api.deepseek.com/v1', 'bearer', 'openai'],
  ['xai', 'XAI_API_KEY', 'https://api.x.ai/v1', 'bearer', 'openai'],
  ['mistral', 'MISTRAL_API_KEY', 'https://api.mistral.ai/v1', 'bearer', 'openai'],
  ['together', 'TOGETHER_API_KEY', 'https://api.together.xyz/v1', 'bearer', 'openai'],
  ['fireworks', 'FIREWORKS_API_KEY', 'https://api.fireworks.ai/inference/v1', 'bearer', 'openai'],
  ['qwen', 'ALIBABA_API_KEY', 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', 'bearer', 'openai'],
  ['qwen', 'DASHSCOPE_API_KEY', 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1', 'bearer', 'openai'],
  ['meta', 'META_API_KEY', 'https://api.llama.com/compat/v1', 'bearer', 'openai'],
  ['meta', 'LLAMA_API_KEY', 'https://api.llama.com/compat/v1', 'bearer', 'openai'],
  ['anthropic', 'ANTHROPIC_API_KEY', 'https://api.anthropic.com', 'x-api-key', 'anthropic'],
  ['gemini', 'GEMINI_API_KEY', 'https://generativelanguage.googleapis.com', 'x-goog-api-key', 'gemini'],
  ['gemini', 'GOOGLE_AI_API_KEY', 'https://generativelanguage.googleapis.com', 'x-goog-api-key', 'gemini'],
];

describe('providers detected from the environment', () => {
  for (const [id, keyVariable, baseUrl, authHeader, type] of CLOUD_PRESETS) {
    it(`${keyVariable} enables ${id} with its default models`, () => {
      const config = fromEnv({ [keyVariable]: 'secret' });
      assert.equal(config.usingSimulatorFallback, false);
      assert.equal(config.providers.length, 1);
      const [provider] = config.providers;
      assert.deepEqual(
        { id: provider.id, type: provider.type, preset: provider.preset, baseUrl: provider.baseUrl, apiKey: provider.apiKey, authHeader: provider.authHeader },
        { id, type, preset: id, baseUrl, apiKey: 'secret', authHeader },
      );
      const preset = PROVIDER_PRESETS.find((candidate) => candidate.id === id);
      assert.ok(preset);
      const expected = [...preset.chatModels, ...preset.embeddingModels];
      assert.ok(expected.length > 0);
      assert.deepEqual(config.models.map((group) => group.name), expected);
      for (const group of config.models) {
        assert.equal(group.source, 'environment');
        assert.deepEqual(
          group.deployments.map((deployment) => [deployment.id, deployment.model, deployment.provider.id, deployment.weight]),
          [[`${id}/${group.name}`, group.name, id, 1]],
        );
      }
    });
  }

  it('lets <PREFIX>_BASE_URL point each preset elsewhere', () => {
    for (const preset of PROVIDER_PRESETS) {
      if (preset.type === 'simulator' || preset.azureDeployments) continue;
      const env: Record<string, string> = { [preset.baseUrlEnv[0]]: 'http://127.0.0.1:9/fake' };
      if (preset.apiKeyEnv[0] !== undefined) env[preset.apiKeyEnv[0]] = 'k';
      const config = fromEnv(env);
      const provider = config.providers.find((candidate) => candidate.id === preset.id);
      assert.equal(provider?.baseUrl, 'http://127.0.0.1:9/fake', preset.id);
    }
  });

  it('names the base URL variables the brief promises', () => {
    const names = PROVIDER_PRESETS.flatMap((preset) => preset.baseUrlEnv);
    for (const name of ['OPENAI_BASE_URL', 'ANTHROPIC_BASE_URL', 'GEMINI_BASE_URL', 'GROQ_BASE_URL', 'MISTRAL_BASE_URL', 'OLLAMA_BASE_URL']) {
      assert.ok(names.includes(name), name);
    }
  });

  it('does not enable a cloud preset from its base URL alone', () => {
    const config = fromEnv({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    assert.equal(config.usingSimulatorFallback, true);
  });

  it('ignores empty variables', () => {
    assert.equal(fromEnv({ OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '  ' }).usingSimulatorFallback, true);
  });

  it('enables local servers from their base URL, without a key', () => {
    const config = fromEnv({ OLLAMA_BASE_URL: 'http://127.0.0.1:11434/v1', LMSTUDIO_BASE_URL: 'http://127.0.0.1:1234/v1', VLLM_BASE_URL: 'http://127.0.0.1:8000/v1' });
    assert.deepEqual(
      config.providers.map((provider) => [provider.id, provider.apiKey, provider.authHeader]),
      [
        ['ollama', undefined, 'none'],
        ['vllm', undefined, 'none'],
        ['lmstudio', undefined, 'none'],
      ],
    );
    assert.ok(config.models.some((group) => group.name === 'llama3.2'));
  });

  it('sends VLLM_API_KEY as a bearer token and takes VLLM_MODELS as the model list', () => {
    const config = fromEnv({ VLLM_BASE_URL: 'http://127.0.0.1:8000/v1', VLLM_API_KEY: 'v', VLLM_MODELS: 'a/b, c' });
    assert.deepEqual([config.providers[0].apiKey, config.providers[0].authHeader], ['v', 'bearer']);
    assert.deepEqual(config.models.map((group) => group.name), ['a/b', 'c']);
  });

  it('configures Azure OpenAI from its variables', () => {
    const config = fromEnv({
      AZURE_OPENAI_API_KEY: 'az',
      AZURE_OPENAI_ENDPOINT: 'https://example.openai.azure.com/',
      AZURE_OPENAI_DEPLOYMENTS: 'my-gpt4o, my-embed',
    });
    const [azure] = config.providers;
    assert.deepEqual(
      { id: azure.id, type: azure.type, baseUrl: azure.baseUrl, authHeader: azure.authHeader, azure: azure.azureDeployments, query: azure.query },
      { id: 'azure', type: 'openai', baseUrl: 'https://example.openai.azure.com/openai', authHeader: 'api-key', azure: true, query: { 'api-version': '2024-10-21' } },
    );
    assert.deepEqual(config.models.map((group) => [group.name, group.deployments[0].model]), [
      ['my-gpt4o', 'my-gpt4o'],
      ['my-embed', 'my-embed'],
    ]);
    const versioned = fromEnv({ AZURE_OPENAI_API_KEY: 'az', AZURE_OPENAI_ENDPOINT: 'https://e.openai.azure.com', AZURE_OPENAI_API_VERSION: '2025-01-01-preview' });
    assert.deepEqual(versioned.providers[0].query, { 'api-version': '2025-01-01-preview' });
  });

  it('reports an Azure key without an endpoint, and a bad base URL variable', () => {
    assert.deepEqual(detectEnvProviders({ AZURE_OPENAI_API_KEY: 'az' }, new Set()).problems, [
      'environment variable AZURE_OPENAI_API_KEY is set but AZURE_OPENAI_ENDPOINT is not (https://RESOURCE.openai.azure.com)',
    ]);
    assert.deepEqual(detectEnvProviders({ GROQ_API_KEY: 'g', GROQ_BASE_URL: 'nope' }, new Set()).problems, [
      'environment variable GROQ_BASE_URL: invalid URL "nope"',
    ]);
  });

  it('adds every preset that is set, in preset order, and no group twice', () => {
    const config = fromEnv({ ANTHROPIC_API_KEY: 'a', OPENAI_API_KEY: 'o', GEMINI_API_KEY: 'g' });
    assert.deepEqual(config.providers.map((provider) => provider.id), ['openai', 'anthropic', 'gemini']);
    const names = config.models.map((group) => group.name);
    assert.equal(new Set(names).size, names.length);
    assert.ok(names.includes('gpt-4o') && names.includes('claude-sonnet-4-5') && names.includes('gemini-2.5-flash'));
  });

  it('leaves a preset to the config file when the file uses its id, and keeps file groups first', () => {
    const file = join(directory, 'with-openai.yaml');
    writeFileSync(
      file,
      'providers:\n  openai: { baseUrl: http://127.0.0.1:9/v1 }\nmodels:\n  - { name: claude-sonnet-4-5, deployments: [{ provider: openai, model: gpt-4o }] }\n',
    );
    const config = loadConfig({ file, env: { OPENAI_API_KEY: 'o', ANTHROPIC_API_KEY: 'a' } });
    assert.deepEqual(config.providers.map((provider) => [provider.id, provider.baseUrl, provider.apiKey]), [
      ['openai', 'http://127.0.0.1:9/v1', 'o'],
      ['anthropic', 'https://api.anthropic.com', 'a'],
    ]);
    assert.equal(config.models[0].name, 'claude-sonnet-4-5');
    assert.equal(config.models[0].source, 'config');
    assert.equal(config.models.filter((group) => group.name === 'claude-sonnet-4-5').length, 1);
    assert.ok(!config.models.some((group) => group.name === 'gpt-4o'), 'the file openai provider adds no default groups');
  });

  it('lets file deployments use providers detected from the environment', () => {
    const file = join(directory, 'env-provider.yaml');
    writeFileSync(file, 'models:\n  - { name: fast, deployments: [{ provider: groq, model: llama-3.1-8b-instant }] }\n');
    const config = loadConfig({ file, env: { GROQ_API_KEY: 'g' } });
    assert.equal(config.models[0].deployments[0].provider.id, 'groq');
  });

  it('does not send an environment key to a provider tied to no preset', () => {
    const file = join(directory, 'generic.yaml');
    writeFileSync(file, 'providers:\n  local: { type: openai, baseUrl: http://127.0.0.1:9/v1 }\n');
    const config = loadConfig({ file, env: { OPENAI_API_KEY: 'o' } });
    const local = config.providers.find((provider) => provider.id === 'local');
    assert.deepEqual([local?.apiKey, local?.authHeader], [undefined, 'none']);
  });
});
