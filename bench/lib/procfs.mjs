/**
 * Reads a process's CPU time and memory from /proc (Linux): utime+stime of the whole thread group
 * from /proc/PID/stat, and VmRSS from /proc/PID/status, sampled on a timer to find the peak.
 */

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let clockTicks = null;

/** Clock ticks per second (USER_HZ), from `getconf CLK_TCK`, 100 when that fails. */
function ticksPerSecond() {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User + system CPU seconds used so far by `pid` (all its threads). */
export function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may itself contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]); // field 14 of proc(5)
  const stime = Number(fields[12]); // field 15
  return (utime + stime) / ticksPerSecond();
}

/** Resident set size of `pid` in MiB, or null when the process is gone. */
export function rssMiB(pid) {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples RSS every intervalMs; stop() returns the peak seen (MiB). */
export function sampleRss(pid, intervalMs = 100) {
  let peak = rssMiB(pid) ?? 0;
  const timer = setInterval(() => {
    const rss = rssMiB(pid);
    if (rss !== null && rss > peak) peak = rss;
  }, intervalMs);
  return {
    peak: () => peak,
    stop() {
      clearInterval(timer);
      const rss = rssMiB(pid);
      if (rss !== null && rss > peak) peak = rss;
      return peak;
    },
  };
}

/** Samples RSS every intervalMs; stop() returns every sample as { s (since start), mib }. */
export function sampleRssTimeline(pid, intervalMs = 1000) {
  const startedAt = performance.now();
  const samples = [];
  const take = () => {
    const mib = rssMiB(pid);
    if (mib !== null) samples.push({ s: Math.round((performance.now() - startedAt) / 100) / 10, mib: Math.round(mib * 10) / 10 });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

/** Per-CPU { busy, total } CPU seconds since boot from /proc/stat, keyed by CPU number. */
export function cpuTimes() {
  const result = {};
  const hz = ticksPerSecond();
  for (const line of fs.readFileSync('/proc/stat', 'utf8').split('\n')) {
    const match = /^cpu(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [user, nice, system, idle, iowait, irq, softirq, steal] = match[2].split(' ').map(Number);
    const busy = user + nice + system + irq + softirq + (steal || 0);
    result[match[1]] = { busy: busy / hz, total: (busy + idle + iowait) / hz };
  }
  return result;
}

/** Busy seconds of all CPUs together, and each CPU's busy percentage, between two cpuTimes(). */
export function cpuBusyBetween(before, after) {
  const percent = {};
  let busySeconds = 0;
  let wallSeconds = 0;
  const cpus = Object.keys(after);
  for (const cpu of cpus) {
    const busy = after[cpu].busy - before[cpu].busy;
    const total = after[cpu].total - before[cpu].total;
    busySeconds += busy;
    wallSeconds += total / cpus.length;
    percent[cpu] = total > 0 ? Math.round((busy / total) * 1000) / 10 : null;
  }
  return { percent, busySeconds, wallSeconds };
}

/** Busy percentage of the whole machine (all CPUs) over the next `ms` milliseconds. */
export async function machineBusyPercent(ms = 1000) {
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const { busySeconds, wallSeconds } = cpuBusyBetween(before, cpuTimes());
  const cpus = Object.keys(before).length;
  return wallSeconds > 0 ? Math.round((busySeconds / (wallSeconds * cpus)) * 1000) / 10 : 0;
}
