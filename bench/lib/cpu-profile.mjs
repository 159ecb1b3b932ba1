/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and says where the time went: self time by function
 * and by area (our own modules by folder, each dependency, Node's internals, GC, idle), and
 * inclusive time by function (a sample counts once for every distinct function on its stack, so
 * recursion is not counted twice). Shares are of the non-idle samples. Reads a `.heapprofile`
 * (lib/alloc-sampler.mjs) the same way: bytes allocated instead of time.
 */

import fs from 'node:fs';

/** The area a call frame belongs to: `src/<folder>` for the gateway, the package for a dependency. */
export function areaOf(callFrame) {
  const { url, functionName } = callFrame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return '(program: native, not attributed)';
    return `native: ${functionName || '(anonymous)'}`;
  }
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const ours = /\/packages\/gateway\/[^/]+\/(.*)$/.exec(url);
  if (ours) {
    const parts = ours[1].split('/');
    return parts.length > 1 ? `ours: ${parts[0]}/${parts.length > 2 ? `${parts[1]}/` : ''}` : `ours: ${parts[0]}`;
  }
  if (url.startsWith('node:')) {
    const internal = url.replace(/^node:internal\//, '').split('/');
    return `node: ${internal.length > 1 ? internal.slice(0, 2).join('/') : internal[0]}`;
  }
  return url;
}

function frameKey(callFrame) {
  const file = callFrame.url ? callFrame.url.replace(/^.*\/(node_modules|packages\/gateway\/[^/]+)\//, '') : '';
  return `${callFrame.functionName || '(anonymous)'} ${file}${file ? `:${callFrame.lineNumber + 1}` : ''}`;
}

/**
 * Summary of one profile: totals in ms and the top entries of each view. With `window` (µs of the
 * monotonic clock, as process.hrtime gives them in any process of the machine: V8 stamps its
 * samples with the same clock) only the samples taken inside it count, e.g. the measured phase
 * without start-up and warm-up.
 */
export function summariseProfile(file, { top = 25, window = null } = {}) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfByFunction = new Map();
  const selfByArea = new Map();
  const inclusive = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  let totalMs = 0;
  let idleMs = 0;
  let timestamp = profile.startTime;
  profile.samples.forEach((id, index) => {
    timestamp += profile.timeDeltas[index] ?? 0;
    if (window && (timestamp < window.startUs || timestamp > window.endUs)) return;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const node = nodes.get(id);
    const area = areaOf(node.callFrame);
    totalMs += ms;
    if (area === 'idle') {
      idleMs += ms;
      return;
    }
    add(selfByArea, area, ms);
    add(selfByFunction, frameKey(node.callFrame), ms);
    const seen = new Set();
    for (let current = id; current !== undefined; current = parent.get(current)) {
      const key = frameKey(nodes.get(current).callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      add(inclusive, key, ms);
    }
  });
  const busyMs = totalMs - idleMs;
  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), percent: Math.round((ms / busyMs) * 1000) / 10 }));
  return {
    totalMs: Math.round(totalMs),
    busyMs: Math.round(busyMs),
    selfByArea: rank(selfByArea),
    selfByFunction: rank(selfByFunction),
    inclusiveByFunction: rank(inclusive).filter((entry) => !entry.name.startsWith('(root)')),
  };
}

/** The summary as text tables. */
export function formatSummary(summary, { requests } = {}) {
  const perRequest = requests ? ` (${Math.round((summary.busyMs * 1000) / requests)} µs of sampled CPU per request)` : '';
  return formatRanked(`busy ${summary.busyMs} ms of ${summary.totalMs} ms profiled${perRequest}`, [
    ['self time by area', summary.selfByArea],
    ['self time by function', summary.selfByFunction],
    ['inclusive time by function', summary.inclusiveByFunction],
  ], (entry) => `${String(entry.ms).padStart(6)} ms`);
}

/** A heading line, then per section its title and one line per entry: share, amount, name. */
function formatRanked(heading, sections, amount) {
  const lines = [heading];
  for (const [title, list] of sections) {
    lines.push('', `${title}:`);
    for (const entry of list) lines.push(`  ${String(entry.percent).padStart(5)} %  ${amount(entry)}  ${entry.name}`);
  }
  return lines.join('\n');
}

/** Summary of an allocation profile: bytes allocated by area and function (self and inclusive), in MB. */
export function summariseHeapProfile(file, { top = 25 } = {}) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const selfByFunction = new Map();
  const selfByArea = new Map();
  const inclusive = new Map();
  const add = (map, key, bytes) => map.set(key, (map.get(key) ?? 0) + bytes);
  let totalBytes = 0;
  const walk = (node, stack) => {
    const key = frameKey(node.callFrame);
    const bytes = node.selfSize ?? 0;
    const path = stack.includes(key) ? stack : [...stack, key];
    if (bytes > 0) {
      totalBytes += bytes;
      add(selfByFunction, key, bytes);
      add(selfByArea, areaOf(node.callFrame), bytes);
      for (const name of path) add(inclusive, name, bytes);
    }
    for (const child of node.children ?? []) walk(child, path);
  };
  walk(profile.head, []);
  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, bytes]) => ({ name, mb: Math.round(bytes / 1e5) / 10, percent: Math.round((bytes / totalBytes) * 1000) / 10 }));
  return {
    totalMb: Math.round(totalBytes / 1e6),
    selfByArea: rank(selfByArea),
    selfByFunction: rank(selfByFunction),
    inclusiveByFunction: rank(inclusive).filter((entry) => !entry.name.startsWith('(root)')),
  };
}

export function formatHeapSummary(summary, { requests } = {}) {
  const perRequest = requests ? ` (${Math.round((summary.totalMb * 1e6) / requests)} bytes sampled per request of the measured phase)` : '';
  return formatRanked(`allocated ${summary.totalMb} MB (sampled)${perRequest}`, [
    ['allocated by area', summary.selfByArea],
    ['allocated by function', summary.selfByFunction],
    ['allocated under function (inclusive)', summary.inclusiveByFunction],
  ], (entry) => `${String(entry.mb).padStart(8)} MB`);
}
