/**
 * Fastify's per-request logger, made only when a request actually logs. Fastify gives every
 * request a child logger bound to its id; with pino's redaction on, making one costs about as much
 * as parsing the request body, on every request, while most requests log nothing at all (the
 * gateway logs failures, not traffic). This factory hands Fastify a stand-in that creates the real
 * child on the first line logged at an enabled level, with the same bindings, so log lines are
 * exactly what they were.
 */

import type { FastifyBaseLogger } from 'fastify';

type Bindings = Record<string, unknown>;
type ChildOptions = Parameters<FastifyBaseLogger['child']>[1];
type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** Pino's numeric levels, to skip a disabled level without making the child. */
const LEVEL_VALUES: Readonly<Record<Level, number>> = { fatal: 60, error: 50, warn: 40, info: 30, debug: 20, trace: 10 };

interface LevelAware {
  levelVal?: number;
}

class LazyRequestLogger {
  readonly #parent: FastifyBaseLogger;
  readonly #bindings: Bindings;
  #child: FastifyBaseLogger | null = null;

  constructor(parent: FastifyBaseLogger, bindings: Bindings) {
    this.#parent = parent;
    this.#bindings = bindings;
  }

  get level(): string {
    return (this.#child ?? this.#parent).level;
  }

  set level(level: string) {
    this.#logger().level = level;
  }

  fatal(...args: unknown[]): void {
    this.#write('fatal', args);
  }

  error(...args: unknown[]): void {
    this.#write('error', args);
  }

  warn(...args: unknown[]): void {
    this.#write('warn', args);
  }

  info(...args: unknown[]): void {
    this.#write('info', args);
  }

  debug(...args: unknown[]): void {
    this.#write('debug', args);
  }

  trace(...args: unknown[]): void {
    this.#write('trace', args);
  }

  silent(): void {}

  child(bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    return this.#logger().child(bindings, options);
  }

  #logger(): FastifyBaseLogger {
    this.#child ??= this.#parent.child(this.#bindings);
    return this.#child;
  }

  #write(level: Level, args: unknown[]): void {
    if (this.#child === null) {
      const enabledFrom = (this.#parent as LevelAware).levelVal;
      if (typeof enabledFrom === 'number' && LEVEL_VALUES[level] < enabledFrom) return;
    }
    const logger = this.#logger();
    (logger[level] as (...values: unknown[]) => void).apply(logger, args);
  }
}

/**
 * Fastify's `childLoggerFactory`: a lazy child, unless the route sets its own level or serializers
 * (then the real child at once, as Fastify would make it).
 */
export function lazyChildLoggerFactory(logger: FastifyBaseLogger, bindings: Bindings, options: ChildOptions): FastifyBaseLogger {
  if (options !== undefined && Object.keys(options).length > 0) return logger.child(bindings, options);
  return new LazyRequestLogger(logger, bindings) as unknown as FastifyBaseLogger;
}
