/**
 * A value now, or a promise of it. The in-process governance stores answer at once, the Redis ones
 * later; stages written against Awaitable take no microtask when nothing waits.
 */

export type Awaitable<T> = T | Promise<T>;

/** `next` applied now to a value, or once its promise settles (a throw in `next` is then a rejection). */
export function thenAwaitable<T, U>(value: Awaitable<T>, next: (value: T) => U): Awaitable<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
