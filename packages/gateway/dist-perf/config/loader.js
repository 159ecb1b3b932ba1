/**
 * Loads the configuration: finds and parses the YAML file, interpolates `${VAR}`, validates it,
 * adds the providers the environment enables and applies the environment's overrides. Problems are
 * collected as one line each and thrown together (loadConfig) or returned (checkConfig).
 */
import { parseByteSize } from './byte-size.js';
import { detectEnvProviders } from './env-providers.js';
import { databaseUrlProblem, readEnvOverrides } from './env-overrides.js';
import { resolveFileProviders } from './file-providers.js';
import { formatIssues } from './format-problems.js';
import { rawProviderReferenceProblems } from './raw-references.js';
import { ruleProblems } from '../routing/conditional-rules.js';
import { DEFAULT_TIER_PRIORITY } from '../routing/request-priority.js';
import { resolveGovernance } from './governance-config.js';
import { checkStrategies } from './strategies.js';
import { interpolate } from './interpolate.js';
import { checkFallbacks, defaultGroupsFor, resolveFileGroups } from './model-groups.js';
import { locateConfigFile, readConfigFile } from './read-file.js';
import { configFileSchema } from './schema.js';
import { simulatorFallback } from './simulator-fallback.js';
import { ConfigError } from './types.js';
export function loadConfig(options) {
    const { config, problems, sourceFile } = resolveConfig(options);
    if (config === undefined || problems.length > 0)
        throw new ConfigError(problems, sourceFile);
    return config;
}
export function checkConfig(options) {
    const { problems } = resolveConfig(options);
    return { ok: problems.length === 0, problems };
}
function resolveConfig(options) {
    const located = locateConfigFile({ file: options.file, env: options.env, cwd: options.cwd ?? process.cwd() });
    const sourceFile = located.path;
    const parsed = sourceFile === null ? { value: {}, problems: [] } : readConfigFile(sourceFile);
    if (parsed.problems.length > 0)
        return { config: undefined, problems: parsed.problems, sourceFile };
    // Stop after each stage that fails: later stages would only repeat the same fault in other words.
    const interpolated = interpolate(parsed.value, options.env);
    if (interpolated.problems.length > 0)
        return { config: undefined, problems: interpolated.problems, sourceFile };
    const validated = configFileSchema.safeParse(interpolated.value);
    if (!validated.success) {
        const schemaProblems = formatIssues(validated.error.issues, { schema: configFileSchema, input: interpolated.value });
        return { config: undefined, problems: [...schemaProblems, ...rawProviderReferenceProblems(interpolated.value)], sourceFile };
    }
    return { ...assemble({ file: validated.data, options, sourceFile }), sourceFile };
}
function assemble(input) {
    const { file, options, sourceFile } = input;
    const { env } = options;
    const problems = [];
    const fromFile = resolveFileProviders(file.providers, env);
    const fromEnv = detectEnvProviders(env, new Set(Object.keys(file.providers)));
    problems.push(...fromFile.problems, ...fromEnv.problems);
    const providers = [...fromFile.providers, ...fromEnv.providers];
    const noProviders = Object.keys(file.providers).length === 0 && fromEnv.providers.length === 0 && fromEnv.problems.length === 0;
    const fallback = noProviders ? simulatorFallback() : undefined;
    if (fallback !== undefined)
        providers.push(fallback.provider);
    // Deployments of a file provider that has problems of its own are not reported again.
    const fileGroups = resolveFileGroups({ entries: file.models, providers, unresolved: new Set(Object.keys(file.providers)) });
    problems.push(...fileGroups.problems);
    const fileGroupNames = new Set(file.models.map((group) => group.name));
    const models = [
        ...fileGroups.groups,
        ...defaultGroupsFor({ providers: fromEnv.providers, env, taken: fileGroupNames, source: 'environment' }),
        ...(fallback?.groups.filter((group) => !fileGroupNames.has(group.name)) ?? []),
    ];
    const groupNames = new Set(models.map((group) => group.name));
    problems.push(...checkFallbacks(file.routing.fallbacks, groupNames));
    for (const [failureClass, map] of Object.entries(file.routing.fallbacksByClass)) {
        if (map)
            problems.push(...checkFallbacks(map, groupNames, ['routing', 'fallbacksByClass', failureClass]));
    }
    problems.push(...ruleProblems(file.routing.rules, groupNames));
    file.routing.defaultFallbacks.forEach((name, index) => {
        if (!groupNames.has(name))
            problems.push(`routing.defaultFallbacks[${index}]: unknown model group "${name}"`);
    });
    problems.push(...checkStrategies(file));
    const governance = resolveGovernance(file.governance, groupNames);
    problems.push(...governance.problems);
    const overrides = readEnvOverrides(env);
    problems.push(...overrides.problems);
    const databaseUrl = overrides.databaseUrl ?? file.database.url;
    const databaseProblem = databaseUrlProblem(databaseUrl);
    if (databaseProblem !== undefined) {
        problems.push(`${overrides.databaseUrl === undefined ? 'database.url' : 'environment variable DATABASE_URL'}: ${databaseProblem}`);
    }
    const masterKey = overrides.masterKey ?? (file.server.masterKey === '' ? undefined : file.server.masterKey);
    const config = {
        server: {
            port: options.overrides?.port ?? overrides.port ?? file.server.port,
            host: file.server.host,
            masterKey,
            bodyLimitBytes: parseByteSize(file.server.bodyLimit) ?? 0,
            shutdownGraceMs: file.server.shutdownGraceMs,
            maxConcurrentRequests: file.server.maxConcurrentRequests,
            maxQueue: file.server.maxQueue,
            maxQueueWaitMs: file.server.maxQueueWaitMs,
        },
        database: { url: databaseUrl },
        ...(overrides.redisUrl === undefined ? {} : { redisUrl: overrides.redisUrl }),
        ...(overrides.jwtSecret === undefined ? {} : { jwtSecret: overrides.jwtSecret }),
        ...(overrides.encryptionKey === undefined ? {} : { encryptionKey: overrides.encryptionKey }),
        ...(overrides.websocketPort === undefined ? {} : { websocketPort: overrides.websocketPort }),
        providers,
        models,
        routing: { ...file.routing, tierPriority: { ...DEFAULT_TIER_PRIORITY, ...file.routing.tierPriority } },
        logging: { level: overrides.logLevel ?? file.logging.level, bodies: file.logging.bodies },
        observability: {
            ...file.observability,
            tracing: { ...file.observability.tracing, endpoint: overrides.tracesEndpoint ?? file.observability.tracing.endpoint },
        },
        usage: { ...file.usage },
        governance: governance.governance,
        usingSimulatorFallback: noProviders,
        sourceFile,
    };
    return { config, problems };
}
//# sourceMappingURL=loader.js.map