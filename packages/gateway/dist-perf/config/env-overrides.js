/**
 * Settings the environment overrides (DESIGN.md, "Start"): PORT, SWITCHYARD_MASTER_KEY,
 * DATABASE_URL, REDIS_URL, JWT_SECRET, SWITCHYARD_ENCRYPTION_KEY, WEBSOCKET_PORT, SWITCHYARD_LOG_LEVEL,
 * and OpenTelemetry's OTEL_EXPORTER_OTLP_TRACES_ENDPOINT / OTEL_EXPORTER_OTLP_ENDPOINT. They win over the file.
 */
import { envValue } from './env-values.js';
import { LOG_LEVELS } from './types.js';
export function readEnvOverrides(env) {
    const problems = [];
    const logLevel = envValue(env, 'SWITCHYARD_LOG_LEVEL');
    if (logLevel !== undefined && !isLogLevel(logLevel)) {
        problems.push(`environment variable SWITCHYARD_LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
    }
    const redisUrl = envValue(env, 'REDIS_URL');
    if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
        problems.push(`environment variable REDIS_URL: expected redis://… or rediss://…, got "${redisUrl}"`);
    }
    return {
        port: readPort(env, 'PORT', problems),
        masterKey: envValue(env, 'SWITCHYARD_MASTER_KEY'),
        databaseUrl: envValue(env, 'DATABASE_URL'),
        redisUrl,
        jwtSecret: envValue(env, 'JWT_SECRET'),
        encryptionKey: envValue(env, 'SWITCHYARD_ENCRYPTION_KEY'),
        websocketPort: readPort(env, 'WEBSOCKET_PORT', problems),
        logLevel: logLevel !== undefined && isLogLevel(logLevel) ? logLevel : undefined,
        tracesEndpoint: tracesEndpoint(env),
        problems,
    };
}
/** Why a database URL is unusable, or undefined when it is fine. */
export function databaseUrlProblem(url) {
    if (url.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(url))
        return undefined;
    return `expected sqlite:PATH or postgres://…, got "${url}"`;
}
function tracesEndpoint(env) {
    const signal = envValue(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
    if (signal !== undefined)
        return signal;
    const base = envValue(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
    return base === undefined ? undefined : `${base.replace(/\/+$/, '')}/v1/traces`;
}
function readPort(env, name, problems) {
    const text = envValue(env, name);
    if (text === undefined)
        return undefined;
    const port = Number(text);
    if (!/^\d+$/.test(text) || port > 65535) {
        problems.push(`environment variable ${name}: expected a port number (0-65535), got "${text}"`);
        return undefined;
    }
    return port;
}
function isLogLevel(value) {
    return LOG_LEVELS.includes(value);
}
//# sourceMappingURL=env-overrides.js.map