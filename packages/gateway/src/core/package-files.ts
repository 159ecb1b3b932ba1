/**
 * Files that ship in the gateway's package (package.json, public/), located the same way from
 * src/ (tests, tsx) and from the production bundle in dist/cli/: both put this module two folders
 * below the package root. Modules deeper in the tree must not resolve these paths themselves,
 * because in the bundle their code runs from dist/cli/, not from where their source lies.
 */

import { readFileSync } from 'node:fs';

export function packageFileUrl(relativePath: string): URL {
  return new URL(`../../${relativePath}`, import.meta.url);
}

function readVersion(): string {
  try {
    const parsed: unknown = JSON.parse(readFileSync(packageFileUrl('package.json'), 'utf8'));
    const version = typeof parsed === 'object' && parsed !== null ? (parsed as { version?: unknown }).version : undefined;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The gateway's version, from its package.json. */
export const VERSION = readVersion();
