/**
 * Runs the gateway as a separate OS process (`switchyard start` through tsx, or a built bundle's
 * main.js given as `cli`), as a replica would run: its own memory, its own connections. Resolves
 * once the start-up banner names the address.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export interface GatewayProcess {
  url: string;
  stop(): Promise<void>;
}

export async function startGatewayProcess(options: { configFile: string; env: Record<string, string>; cli?: string }): Promise<GatewayProcess> {
  const entry = options.cli ? [options.cli] : ['--import', 'tsx', CLI];
  const child: ChildProcess = spawn(process.execPath, [...entry, 'start', '--config', options.configFile, '--port', '0'], {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /OpenAI API:\s+(http:\/\/[^\s/]+)\/v1/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`gateway process exited with ${code} before it was ready:\n${output}`)));
  });
  return {
    url,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
