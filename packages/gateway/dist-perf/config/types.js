/** The configuration after loading: file, environment and defaults merged and checked. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
/** Thrown by loadConfig when the configuration has problems; each problem is one line for a person. */
export class ConfigError extends Error {
    problems;
    constructor(problems, sourceFile) {
        const where = sourceFile === null ? 'The configuration' : `The configuration (${sourceFile})`;
        super(`${where} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`);
        this.name = 'ConfigError';
        this.problems = problems;
    }
}
//# sourceMappingURL=types.js.map