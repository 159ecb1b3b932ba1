/**
 * Child processes of a bench run: started (optionally pinned to a CPU with taskset, which execs
 * the command so the PID is the program's own), waited for until they answer HTTP, stopped with
 * SIGTERM and a bounded wait, and all killed when the run ends however it ends (normal exit,
 * error, SIGINT/SIGTERM). Only PIDs started here are ever signalled.
 */

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { cpuSeconds } from './procfs.mjs';

const children = new Set();

/** A TCP port that was free on 127.0.0.1 a moment ago (for the mock, the proxy and the gateway). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when `taskset` exists and may set this machine's affinity (containers sometimes forbid it). */
export function tasksetWorks() {
  const probe = spawnSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
  return probe.status === 0;
}

/** The command line, behind `taskset -c CPU` when a CPU is given. */
function pinned(cpu, command, args) {
  return cpu === null || cpu === undefined ? [command, args] : ['taskset', ['-c', String(cpu), command, ...args]];
}

/**
 * Starts a long-running child with stdout/stderr appended to `logFile`.
 * @returns {{ pid: number, child: import('node:child_process').ChildProcess, exited: Promise<number|null>, logFile: string }}
 */
export function startChild({ name, command, args, cpu = null, env = process.env, logFile }) {
  const [file, argv] = pinned(cpu, command, args);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(file, argv, { env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const entry = { name, pid: child.pid, child, exited, logFile };
  children.add(entry);
  exited.then(() => children.delete(entry));
  return entry;
}

/**
 * Runs a child to completion (bounded by timeoutMs); resolves to its stdout, rejects on failure.
 * With `onCpu`, the child's CPU seconds are sampled every 100 ms and the last sample is passed to
 * onCpu (so it misses at most the last 100 ms of the child's life).
 */
export function runToEnd({ command, args, cpu = null, env = process.env, timeoutMs, onCpu }) {
  const [file, argv] = pinned(cpu, command, args);
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const entry = { name: command, pid: child.pid, child };
    children.add(entry);
    let stdout = '';
    let stderr = '';
    let cpuUsed = 0;
    const sampler = onCpu
      ? setInterval(() => {
          try {
            cpuUsed = cpuSeconds(child.pid);
          } catch {
            // exited between samples
          }
        }, 100)
      : null;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (sampler) clearInterval(sampler);
      onCpu?.(cpuUsed);
      children.delete(entry);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal}): ${stderr.trim().slice(-2000)}`));
    });
  });
}

/** Polls `url` until it answers 200, the child exits, or timeoutMs passes. */
export async function waitUntilServing({ url, entry, timeoutMs = 20_000 }) {
  let exited = false;
  entry.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${entry.name} exited during start-up; see ${entry.logFile}:\n${tail(entry.logFile)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${entry.name} did not answer ${url} within ${timeoutMs} ms; see ${entry.logFile}`);
}

/** SIGTERM, then SIGKILL after graceMs; resolves to { code, clean } where clean means it exited by itself. */
export async function stopChild(entry, graceMs = 30_000) {
  if (entry.child.exitCode !== null || entry.child.signalCode !== null) return { code: entry.child.exitCode, clean: true };
  entry.child.kill('SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
  const first = await Promise.race([entry.exited, timeout]);
  if (first !== 'timeout') return { code: first, clean: true };
  entry.child.kill('SIGKILL');
  return { code: await entry.exited, clean: false };
}

/** Kills every child still running, at once (used on exit paths). */
export function killAll() {
  for (const entry of children) {
    try {
      entry.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
}

/** Makes sure no child outlives the run: on exit, on SIGINT/SIGTERM, on an uncaught error. */
export function killChildrenOnExit() {
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.error(`\nbench: ${signal}, stopping child processes`);
      killAll();
      process.exit(130);
    });
  }
}

export function tail(file, lines = 20) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Runs `main` when the module at `moduleUrl` is the script node was started with (not when another
 * bench script imports it): children are killed however it ends, a failure is printed with `label`
 * and exits 1.
 */
export function runAsMain(moduleUrl, label, main) {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  killChildrenOnExit();
  main().catch((error) => {
    console.error(`${label}: ${error?.stack ?? error}`);
    killAll();
    process.exit(1);
  });
}
