/** Runs the store conformance suite against SQLite files in a temporary folder. */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { openDatabase } from '../../src/store/index.js';
import { runSpendConformance } from './spend-conformance.js';
import { runGovernanceConformance } from './governance-conformance.js';
import { runStoreConformance } from './store-conformance.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-sqlite-'));
after(() => fs.rmSync(tempDir, { recursive: true, force: true }));

let counter = 0;
runStoreConformance({
  name: 'sqlite',
  open: () => openDatabase(`sqlite:${path.join(tempDir, `store-${++counter}.db`)}`),
});

runSpendConformance({
  name: 'sqlite',
  open: () => openDatabase(`sqlite:${path.join(tempDir, `spend-${++counter}.db`)}`),
});

runGovernanceConformance({
  name: 'sqlite',
  open: () => openDatabase(`sqlite:${path.join(tempDir, `governance-${++counter}.db`)}`),
});
