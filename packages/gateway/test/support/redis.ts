/**
 * Starts a real, throwaway redis-server for tests (Debian package `redis-server`, installed by
 * scripts/install-test-deps.sh): 127.0.0.1 on a free port, no persistence, working folder in a
 * fresh temporary directory. pause()/resume() freeze and thaw the process (Redis stops answering
 * but the connection stays up: commands time out); shutdown()/restart() stop it and start it
 * again on the same port (connections are refused meanwhile, and all data is gone). The server is
 * killed if the test process exits without calling stop().
 */

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';
const START_ATTEMPTS = 3;
const READY_DEADLINE_MS = 10_000;

export interface TestRedis {
  /** `redis://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** SIGSTOP: the server keeps its connections but answers nothing until resume(). */
  pause(): Promise<void>;
  /** SIGCONT after pause(). */
  resume(): Promise<void>;
  /** Stops the server (connections refused) until restart(); its data is lost. */
  shutdown(): Promise<void>;
  /** Starts a shut-down server again on the same port and waits until it answers PING. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export function redisAvailable(): boolean {
  return fs.existsSync(REDIS_SERVER);
}

export async function startRedis(): Promise<TestRedis> {
  if (!redisAvailable()) {
    throw new Error(`redis-server not found at ${REDIS_SERVER}. Run \`bash scripts/install-test-deps.sh\` (installs the Debian package \`redis-server\`) or set REDIS_SERVER_BIN.`);
  }
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-redis-'));
  let child: ChildProcess | null = null;
  let paused = false;
  const killSync = () => {
    // Last resort when the test process exits without stop(): SIGKILL also ends a stopped process.
    child?.kill('SIGKILL');
    fs.rmSync(baseDir, { recursive: true, force: true });
  };
  process.once('exit', killSync);

  const launch = async (port: number): Promise<ChildProcess> => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', baseDir, '--logfile', path.join(baseDir, 'redis.log')];
    const server = spawn(REDIS_SERVER, args, { cwd: baseDir, stdio: 'ignore' });
    // The test process must be able to exit while the server runs; the exit hook ends it.
    server.unref();
    try {
      await waitForPing(port, server);
      return server;
    } catch (error) {
      server.kill('SIGKILL');
      throw error;
    }
  };

  let port = 0;
  let lastError: unknown;
  for (let attempt = 1; attempt <= START_ATTEMPTS && child === null; attempt += 1) {
    try {
      port = await freePort();
      child = await launch(port);
    } catch (error) {
      lastError = error;
    }
  }
  if (child === null) {
    const log = readLog(baseDir);
    killSync();
    process.removeListener('exit', killSync);
    throw new Error(`could not start a test redis-server: ${lastError instanceof Error ? lastError.message : String(lastError)}\n${log}`);
  }

  const terminate = async (): Promise<void> => {
    const server = child;
    if (server === null) return;
    child = null;
    if (paused) server.kill('SIGCONT');
    paused = false;
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    // Keep the process alive until the exit is seen.
    server.ref();
    server.kill('SIGKILL');
    await exited;
  };

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async pause() {
      if (child !== null && !paused) child.kill('SIGSTOP');
      paused = true;
    },
    async resume() {
      if (child !== null && paused) child.kill('SIGCONT');
      paused = false;
    },
    async shutdown() {
      await terminate();
    },
    async restart() {
      if (child === null) child = await launch(port);
    },
    async stop() {
      await terminate();
      process.removeListener('exit', killSync);
      fs.rmSync(baseDir, { recursive: true, force: true });
    },
  };
}

/** Sends PING over a raw socket until the server answers +PONG, or fails when it exits or the deadline passes. */
async function waitForPing(port: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`redis-server exited (code ${server.exitCode}, signal ${server.signalCode})`);
    if (await pingOnce(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server did not answer PING on port ${port} within ${READY_DEADLINE_MS} ms`);
}

function pingOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

function readLog(baseDir: string): string {
  const file = path.join(baseDir, 'redis.log');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').slice(-2000) : '';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
