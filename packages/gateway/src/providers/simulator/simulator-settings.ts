/**
 * Default behaviour of the built-in simulator provider. The configuration overrides any of these
 * per provider; the adapter falls back to them when a provider carries no simulator settings.
 */

import type { SimulatorSettings } from '../../core/index.js';

export const DEFAULT_SIMULATOR_SETTINGS: Readonly<SimulatorSettings> = Object.freeze({
  latencyMeanMs: 40,
  latencyStdDevMs: 10,
  chunkIntervalMs: 15,
  answerWords: 30,
  errorRate: 0,
  seed: 42,
});

/** Fills the fields a configuration left out with the defaults. */
export function withSimulatorDefaults(settings: Partial<SimulatorSettings> | undefined): SimulatorSettings {
  const merged: SimulatorSettings = { ...DEFAULT_SIMULATOR_SETTINGS };
  for (const key of Object.keys(merged) as Array<keyof SimulatorSettings>) {
    const value = settings?.[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}
