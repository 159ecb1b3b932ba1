/**
 * The list of migrations, in order. A static list rather than a folder scan, so migrations work
 * the same from src/ (tsx) and dist/ (compiled). Add a file, then add one line here; names sort
 * in the order they must run.
 */

import type { Migration } from 'kysely';
import * as initial from './0001-initial.js';
import * as governance from './0002-governance.js';
import * as usageOwners from './0003-usage-owners.js';
import * as dropUsageKeyIndex from './0004-drop-usage-key-index.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-governance': governance,
  '0003-usage-owners': usageOwners,
  '0004-drop-usage-key-index': dropUsageKeyIndex,
};
