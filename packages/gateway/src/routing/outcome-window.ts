/**
 * The newest outcomes of a deployment's attempts (when, and whether it succeeded), oldest first,
 * for error rates over a time window. A fixed ring of typed arrays with a running failure count:
 * recording an outcome on every attempt allocates nothing and moves nothing, where an array of
 * objects trimmed with splice allocated per attempt and shifted the whole window once full.
 */

export class OutcomeWindow {
  readonly #at: Float64Array;
  readonly #ok: Uint8Array;
  #head = 0;
  #size = 0;
  #failures = 0;

  /** At most `capacity` outcomes are kept; recording one more forgets the oldest. */
  constructor(readonly capacity: number) {
    this.#at = new Float64Array(capacity);
    this.#ok = new Uint8Array(capacity);
  }

  get size(): number {
    return this.#size;
  }

  get failures(): number {
    return this.#failures;
  }

  record(at: number, ok: boolean): void {
    if (this.#size === this.capacity) this.#dropOldest();
    const slot = (this.#head + this.#size) % this.capacity;
    this.#at[slot] = at;
    this.#ok[slot] = ok ? 1 : 0;
    this.#size += 1;
    if (!ok) this.#failures += 1;
  }

  /** Forgets outcomes older than `cutoff` (or at it too, with `inclusive`). */
  forgetBefore(cutoff: number, options: { inclusive?: boolean } = {}): void {
    const inclusive = options.inclusive === true;
    while (this.#size > 0) {
      const at = this.#at[this.#head];
      if (inclusive ? at > cutoff : at >= cutoff) break;
      this.#dropOldest();
    }
  }

  clear(): void {
    this.#head = 0;
    this.#size = 0;
    this.#failures = 0;
  }

  #dropOldest(): void {
    if (this.#ok[this.#head] === 0) this.#failures -= 1;
    this.#head = (this.#head + 1) % this.capacity;
    this.#size -= 1;
  }
}
