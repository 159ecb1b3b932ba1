/**
 * Prices per token from the maintained @pydantic/genai-prices catalogue, overridable per deployment.
 * The catalogue lookup costs tens of microseconds, so unit prices are resolved once per
 * (provider, model) and cached; cost is then a few multiplications on the request path.
 * Tiered prices (for example above 200k prompt tokens) are priced at the first tier.
 */

import { catalogCalcPrice } from './price-catalog-module.js';
import type { Deployment, Usage } from '../core/index.js';

export interface UnitPrices {
  /** USD per uncached input token. */
  input: number;
  /** USD per input token read from the provider's cache. */
  cachedInput: number;
  /** USD per input token written to the provider's cache. */
  cacheWrite: number;
  /** USD per output token. */
  output: number;
  /** Where the figures came from. */
  source: 'catalog' | 'config' | 'free' | 'unknown';
}

/** Our preset ids where the catalogue names the provider differently. */
export const CATALOG_PROVIDER_IDS: Record<string, string> = {
  gemini: 'google',
  xai: 'x-ai',
  qwen: 'alibaba',
};

const FREE_PRESETS = new Set(['simulator', 'ollama', 'vllm', 'lmstudio']);

export class PriceCatalog {
  private readonly cache = new Map<string, UnitPrices>();
  /** The same answers by deployment object: asked per request, so without building the key. */
  private readonly byDeployment = new WeakMap<Deployment, UnitPrices>();

  /** Cost in USD of one call's usage on a deployment. */
  cost(deployment: Deployment, usage: Usage): number {
    const prices = this.unitPrices(deployment);
    const uncached = Math.max(0, usage.promptTokens - usage.cachedTokens - usage.cacheWriteTokens);
    return (
      uncached * prices.input +
      usage.cachedTokens * prices.cachedInput +
      usage.cacheWriteTokens * prices.cacheWrite +
      usage.completionTokens * prices.output
    );
  }

  unitPrices(deployment: Deployment): UnitPrices {
    const known = this.byDeployment.get(deployment);
    if (known !== undefined) return known;
    const key = `${deployment.provider.preset}\u0000${deployment.model}\u0000${deployment.id}`;
    let prices = this.cache.get(key);
    if (!prices) {
      prices = resolve(deployment);
      this.cache.set(key, prices);
    }
    this.byDeployment.set(deployment, prices);
    return prices;
  }
}

function resolve(deployment: Deployment): UnitPrices {
  if (deployment.price) {
    const { inputPerMTok, outputPerMTok, cachedInputPerMTok } = deployment.price;
    return {
      input: inputPerMTok / 1e6,
      cachedInput: (cachedInputPerMTok ?? inputPerMTok) / 1e6,
      cacheWrite: inputPerMTok / 1e6,
      output: outputPerMTok / 1e6,
      source: 'config',
    };
  }
  const preset = deployment.provider.preset;
  if (FREE_PRESETS.has(preset) || deployment.provider.type === 'simulator') {
    return { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, source: 'free' };
  }
  const providerId = CATALOG_PROVIDER_IDS[preset] ?? preset;
  const calcPrice = catalogCalcPrice();
  const lookup = (usage: Record<string, number>): number | null => {
    const result = calcPrice(usage, deployment.model, { providerId }) ?? calcPrice(usage, deployment.model);
    return result ? result.total_price : null;
  };
  const million = 1e6;
  const input = lookup({ input_tokens: million, output_tokens: 0 });
  if (input === null) return { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, source: 'unknown' };
  const output = lookup({ input_tokens: 0, output_tokens: million }) ?? 0;
  // The catalogue counts cached tokens inside input_tokens, so the difference is the cached price.
  const cachedInput = lookup({ input_tokens: million, cache_read_tokens: million, output_tokens: 0 }) ?? input;
  const cacheWrite = lookup({ input_tokens: million, cache_write_tokens: million, output_tokens: 0 }) ?? input;
  return { input: input / million, cachedInput: cachedInput / million, cacheWrite: cacheWrite / million, output: output / million, source: 'catalog' };
}
