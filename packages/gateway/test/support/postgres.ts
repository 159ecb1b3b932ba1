/**
 * Starts a real, throwaway PostgreSQL server for tests, from the installed server binaries
 * (Debian package `postgresql`, installed by scripts/install-test-deps.sh). The cluster lives in
 * a fresh temporary folder, listens on 127.0.0.1 on a free port with trust authentication and
 * durability switched off (fsync=off: test data need not survive a crash), and is removed by stop().
 * Postgres refuses to run as root, so when the tests run as root the server runs as the
 * `postgres` OS user.
 */

import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);
const POSTGRES_ROOT = '/usr/lib/postgresql';
const DATABASE_NAME = 'switchyard_test';
const START_ATTEMPTS = 3;

export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/switchyard_test` */
  url: string;
  /** Creates another empty database on the same server and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server but keeps its data, to test behaviour while the database is down. */
  pause(): Promise<void>;
  /** Starts a paused server again on the same port. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** The newest installed Postgres bin folder holding initdb and pg_ctl, or null. `PG_BIN_DIR` overrides. */
export function findPostgresBinDir(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN_DIR) candidates.push(process.env.PG_BIN_DIR);
  try {
    const versions = fs.readdirSync(POSTGRES_ROOT).sort((left, right) => Number(right) - Number(left));
    candidates.push(...versions.map((version) => path.join(POSTGRES_ROOT, version, 'bin')));
  } catch {
    // No Debian-style install; only PG_BIN_DIR can help.
  }
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) ?? null;
}

export function postgresAvailable(): boolean {
  return findPostgresBinDir() !== null;
}

export async function startPostgres(): Promise<TestPostgres> {
  const binDir = findPostgresBinDir();
  if (binDir === null) {
    throw new Error(
      `PostgreSQL server binaries not found under ${POSTGRES_ROOT}/*/bin (initdb, pg_ctl). ` +
        'Run `bash scripts/install-test-deps.sh` (installs the Debian package `postgresql`) or set PG_BIN_DIR.',
    );
  }
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) =>
    asRoot ? execFileAsync('runuser', ['-u', 'postgres', '--', path.join(binDir, program), ...args]) : execFileAsync(path.join(binDir, program), args);

  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-pg-'));
  const dataDir = path.join(baseDir, 'data');
  const logFile = path.join(baseDir, 'postgres.log');
  if (asRoot) await execFileAsync('chown', ['postgres:', baseDir]);
  let running = false;
  const stopSync = () => {
    // Last resort when the test process exits without calling stop(): do not leave a server behind.
    if (running) {
      try {
        execFileSync(asRoot ? 'runuser' : path.join(binDir, 'pg_ctl'), [
          ...(asRoot ? ['-u', 'postgres', '--', path.join(binDir, 'pg_ctl')] : []),
          '-D', dataDir, 'stop', '-m', 'immediate',
        ], { stdio: 'ignore' });
      } catch {
        // Nothing more can be done while exiting.
      }
    }
    fs.rmSync(baseDir, { recursive: true, force: true });
  };
  process.once('exit', stopSync);

  try {
    await run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const serverOptions = { run, dataDir, logFile, socketDir: baseDir };
    const port = await startServer(serverOptions);
    running = true;
    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const createDatabase = async (name: string): Promise<string> => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid test database name: ${name}`);
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    };
    const url = await createDatabase(DATABASE_NAME);
    return {
      url,
      createDatabase,
      async pause() {
        if (running) await run('pg_ctl', ['-D', dataDir, 'stop', '-m', 'fast', '-w']);
        running = false;
      },
      async resume() {
        if (!running) await startServer({ ...serverOptions, port });
        running = true;
      },
      async stop() {
        if (running) await run('pg_ctl', ['-D', dataDir, 'stop', '-m', 'fast', '-w']);
        running = false;
        process.removeListener('exit', stopSync);
        fs.rmSync(baseDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
    stopSync();
    process.removeListener('exit', stopSync);
    throw new Error(`could not start a test PostgreSQL server: ${error instanceof Error ? error.message : String(error)}\n${log}`, {
      cause: error,
    });
  }
}

interface StartServerOptions {
  run(program: string, args: string[]): Promise<unknown>;
  dataDir: string;
  logFile: string;
  socketDir: string;
  /** A fixed port (restarting a paused server); otherwise a free one is chosen. */
  port?: number;
}

/** Starts the server on a free port, retrying with another port if the chosen one was taken meanwhile. */
async function startServer(options: StartServerOptions): Promise<number> {
  let lastError: unknown;
  const attempts = options.port === undefined ? START_ATTEMPTS : 1;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const port = options.port ?? (await freePort());
    const serverOptions = [
      `-p ${port}`,
      `-k ${options.socketDir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    try {
      // -w waits until the server accepts connections.
      await options.run('pg_ctl', ['-D', options.dataDir, '-l', options.logFile, '-w', '-t', '60', '-o', serverOptions, 'start']);
      return port;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
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
