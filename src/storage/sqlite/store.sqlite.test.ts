import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { runStoreContract } from '../store.contract.js';
import { openSqliteStore } from './connect.js';

const dir = mkdtempSync(join(tmpdir(), 'koryu-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// A subfolder that does not exist yet: opening creates it.
runStoreContract('sqlite', () => openSqliteStore(join(dir, 'data', 'koryu.db')));
