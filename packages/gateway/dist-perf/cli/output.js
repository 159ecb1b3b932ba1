/** Plain output for the command line (logs go through pino; these are messages for a person). */
export function print(line = '') {
    process.stdout.write(`${line}\n`);
}
export function printError(line) {
    process.stderr.write(`${line}\n`);
}
//# sourceMappingURL=output.js.map