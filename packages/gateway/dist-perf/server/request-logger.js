/**
 * Fastify's per-request logger, made only when a request actually logs. Fastify gives every
 * request a child logger bound to its id; with pino's redaction on, making one costs about as much
 * as parsing the request body, on every request, while most requests log nothing at all (the
 * gateway logs failures, not traffic). This factory hands Fastify a stand-in that creates the real
 * child on the first line logged at an enabled level, with the same bindings, so log lines are
 * exactly what they were.
 */
/** Pino's numeric levels, to skip a disabled level without making the child. */
const LEVEL_VALUES = { fatal: 60, error: 50, warn: 40, info: 30, debug: 20, trace: 10 };
class LazyRequestLogger {
    #parent;
    #bindings;
    #child = null;
    constructor(parent, bindings) {
        this.#parent = parent;
        this.#bindings = bindings;
    }
    get level() {
        return (this.#child ?? this.#parent).level;
    }
    set level(level) {
        this.#logger().level = level;
    }
    fatal(...args) {
        this.#write('fatal', args);
    }
    error(...args) {
        this.#write('error', args);
    }
    warn(...args) {
        this.#write('warn', args);
    }
    info(...args) {
        this.#write('info', args);
    }
    debug(...args) {
        this.#write('debug', args);
    }
    trace(...args) {
        this.#write('trace', args);
    }
    silent() { }
    child(bindings, options) {
        return this.#logger().child(bindings, options);
    }
    #logger() {
        this.#child ??= this.#parent.child(this.#bindings);
        return this.#child;
    }
    #write(level, args) {
        if (this.#child === null) {
            const enabledFrom = this.#parent.levelVal;
            if (typeof enabledFrom === 'number' && LEVEL_VALUES[level] < enabledFrom)
                return;
        }
        const logger = this.#logger();
        logger[level].apply(logger, args);
    }
}
/**
 * Fastify's `childLoggerFactory`: a lazy child, unless the route sets its own level or serializers
 * (then the real child at once, as Fastify would make it).
 */
export function lazyChildLoggerFactory(logger, bindings, options) {
    if (options !== undefined && Object.keys(options).length > 0)
        return logger.child(bindings, options);
    return new LazyRequestLogger(logger, bindings);
}
//# sourceMappingURL=request-logger.js.map