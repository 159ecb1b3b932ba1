/**
 * The @pydantic/genai-prices catalogue, held only while it is being asked. Prices and context
 * windows are resolved once per deployment and cached by their callers, so after start-up the
 * catalogue sits unused; loaded as an ES module it kept about 3 MB of heap for good (its source
 * text, stored two bytes a character, and the catalogue's objects), which under load the heap's
 * growing factor turns into about 4–5 MiB more resident memory. So its CommonJS build (minified,
 * and smaller) is required on first use, dropped from the require cache at once, and let go a
 * minute after the last lookup; a deployment added later loads it again for a moment.
 */

import { createRequire } from 'node:module';

type Catalog = typeof import('@pydantic/genai-prices');
export type CalcPrice = Catalog['calcPrice'];

/** How long the catalogue stays after its last lookup: start-up resolves every deployment in a burst. */
const RELEASE_AFTER_MS = 60_000;

let calcPrice: CalcPrice | null = null;
let releaseTimer: NodeJS.Timeout | null = null;
let loads = 0;

/** The catalogue's calcPrice, loading the catalogue if it is not held now. */
export function catalogCalcPrice(): CalcPrice {
  if (calcPrice === null) {
    const load = createRequire(import.meta.url);
    const file = load.resolve('@pydantic/genai-prices');
    calcPrice = (load(file) as Catalog).calcPrice;
    // Nothing but our reference may keep the module alive, so that release() frees it.
    delete load.cache[file];
    loads += 1;
  }
  if (releaseTimer === null) releaseTimer = setTimeout(releaseCatalog, RELEASE_AFTER_MS).unref();
  else releaseTimer.refresh();
  return calcPrice;
}

/** Lets the catalogue go (the garbage collector frees it); the next lookup loads it again. */
export function releaseCatalog(): void {
  calcPrice = null;
  if (releaseTimer !== null) clearTimeout(releaseTimer);
  releaseTimer = null;
}

/** Whether the catalogue is held now, and how many times it has been loaded (for tests). */
export function catalogState(): { held: boolean; loads: number } {
  return { held: calcPrice !== null, loads };
}
