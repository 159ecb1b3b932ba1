/**
 * Facts about a deployment for routing (the `intelligent` strategy): cost per 1k tokens from the
 * price catalogue, the context window from the @pydantic/genai-prices catalogue, and whether it
 * takes tools, images and JSON mode. Resolved once per deployment id and cached: routing reads
 * these on every request.
 */

import { catalogCalcPrice } from './price-catalog-module.js';
import type { Deployment, DeploymentFacts } from '../core/index.js';
import { CATALOG_PROVIDER_IDS } from './price-catalog.js';
import type { PriceCatalog } from './price-catalog.js';

/** Our preset ids where the catalogue names the provider differently (kept in step with price-catalog.ts). */
/**
 * Local servers: their context window is whatever the server was started with (Ollama's
 * `num_ctx`, vLLM's `--max-model-len`), not the model's, so a catalogue figure would mislead.
 */
const LOCAL_PRESETS = new Set(['simulator', 'ollama', 'vllm', 'lmstudio']);

interface CapabilityRule {
  /** Matched against the model name after any `vendor/` prefix (OpenRouter, Bedrock style ids). */
  pattern: RegExp;
  supportsTools?: false;
  supportsImages?: false;
  supportsJsonMode?: false;
}

/**
 * Known limits, deliberately few: everything else is assumed capable, and a wrong guess costs one
 * upstream 400 that fallbacks handle. Only cases documented by the provider are listed.
 */
const CAPABILITY_RULES: readonly CapabilityRule[] = [
  // Embedding models do not chat at all.
  { pattern: /embed/, supportsTools: false, supportsImages: false, supportsJsonMode: false },
  // o1-mini and o1-preview: no function calling, structured outputs or images
  // (https://platform.openai.com/docs/guides/reasoning, "beta limitations" at their launch).
  { pattern: /^o1-(mini|preview)/, supportsTools: false, supportsImages: false, supportsJsonMode: false },
  // GPT-3.5 Turbo is text only (https://platform.openai.com/docs/models/gpt-3-5-turbo).
  { pattern: /^gpt-3\.5/, supportsImages: false },
];

/** Builds the facts function routing is given; one cache per gateway, keyed by deployment id. */
export function createDeploymentFacts(prices: PriceCatalog): (deployment: Deployment) => DeploymentFacts {
  const cache = new Map<string, DeploymentFacts>();
  return function deploymentFacts(deployment: Deployment): DeploymentFacts {
    let facts = cache.get(deployment.id);
    if (!facts) {
      facts = resolveFacts(deployment, prices);
      cache.set(deployment.id, facts);
    }
    return facts;
  };
}

function resolveFacts(deployment: Deployment, prices: PriceCatalog): DeploymentFacts {
  const unit = prices.unitPrices(deployment);
  const facts: DeploymentFacts = {
    costPer1kTokens: ((unit.input + unit.output) / 2) * 1000,
    contextWindow: contextWindow(deployment),
    supportsTools: true,
    supportsImages: true,
    supportsJsonMode: true,
  };
  const name = baseModelName(deployment.model);
  for (const rule of CAPABILITY_RULES) {
    if (!rule.pattern.test(name)) continue;
    if (rule.supportsTools === false) facts.supportsTools = false;
    if (rule.supportsImages === false) facts.supportsImages = false;
    if (rule.supportsJsonMode === false) facts.supportsJsonMode = false;
  }
  return facts;
}

function contextWindow(deployment: Deployment): number | null {
  const preset = deployment.provider.preset;
  if (LOCAL_PRESETS.has(preset) || deployment.provider.type === 'simulator') return null;
  const providerId = CATALOG_PROVIDER_IDS[preset] ?? preset;
  const usage = { input_tokens: 1, output_tokens: 1 };
  const calcPrice = catalogCalcPrice();
  const result = calcPrice(usage, deployment.model, { providerId }) ?? calcPrice(usage, deployment.model);
  const window = result?.model.context_window;
  return typeof window === 'number' && window > 0 ? window : null;
}

function baseModelName(model: string): string {
  const lower = model.toLowerCase();
  return lower.slice(lower.lastIndexOf('/') + 1);
}
