/** Plain output for the command line (logs go through pino; these are messages for a person). */

export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function printError(line: string): void {
  process.stderr.write(`${line}\n`);
}
