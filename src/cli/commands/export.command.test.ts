import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../config.js';
import { openSqliteStore } from '../../storage/sqlite/connect.js';
import type { CliDeps } from '../cli-io.js';
import { runCli } from '../index.js';

const samplePath = new URL('../../../samples/kanazawa-dalian.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'koryu-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function koryu(db: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const config = loadConfig({ KORYU_DB: join(dir, db), KORYU_LICENCE: 'pdl-1.0' });
  const deps: CliDeps = {
    config,
    openStore: () => openSqliteStore(config.sqlitePath),
    startServer: () => Promise.reject(new Error('not in these tests')),
    sample: { name: 'kanazawa-dalian.txt', read: async () => readFileSync(samplePath) },
  };
  const code = await runCli(argv, { out: (s) => void (stdout += s), err: (s) => void (stderr += s), interactive: false }, deps);
  return { code, stdout, stderr };
}

/** The record as koryu/1 with source lines set aside (a re-import reads them from the exported file). */
async function recordOf(db: string) {
  const doc = JSON.parse((await koryu(db, 'export', '--format', 'json')).stdout);
  for (const p of doc.partnerships) for (const x of [...p.events, ...p.records]) x.line = null;
  return doc.partnerships;
}

describe('koryu export in the open-data formats', () => {
  it('writes csv as two files, FILE.csv and FILE.photos.csv, which import back into an empty store to the same record', async () => {
    assert.equal((await koryu('seed.db', 'import', samplePath)).code, 0);
    const out = join(dir, 'dalian.csv');
    const r = await koryu('seed.db', 'export', '--format', 'csv', '--partner', '大連市', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /wrote .*dalian\.csv and .*dalian\.photos\.csv/);
    assert.ok(readFileSync(out, 'utf8').startsWith('\uFEFFNo.,'));
    assert.match(readFileSync(join(dir, 'dalian.photos.csv'), 'utf8'), /公共データ利用規約/);
    const imported = await koryu('from-csv.db', 'import', out, join(dir, 'dalian.photos.csv'));
    assert.equal(imported.code, 0, imported.stderr);
    assert.deepEqual(await recordOf('from-csv.db'), await recordOf('seed.db'));
  });

  it('writes xlsx to --out, and the workbook imports back to the same record', async () => {
    const out = join(dir, 'record.xlsx');
    assert.equal((await koryu('seed.db', 'export', '--format', 'xlsx', '--out', out)).code, 0);
    const imported = await koryu('from-xlsx.db', 'import', out);
    assert.equal(imported.code, 0, imported.stderr);
    assert.deepEqual(await recordOf('from-xlsx.db'), await recordOf('seed.db'));
  });

  it('refuses, with exit 2 and no file, csv or xlsx without --out, an unknown format and an unknown partner', async () => {
    for (const args of [['--format', 'csv'], ['--format', 'xlsx'], ['--format', 'yaml'], ['--format', 'csv', '--partner', 'パリ市', '--out', join(dir, 'none.csv')]]) {
      const r = await koryu('seed.db', 'export', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
    assert.equal(existsSync(join(dir, 'none.csv')), false);
  });

  it('refuses a photo-record CSV imported alone, and the stored events stay', async () => {
    const r = await koryu('seed.db', 'import', join(dir, 'dalian.photos.csv'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /import both together/);
    assert.equal((await recordOf('seed.db'))[0].events.length, 60);
  });

  it('writes JSON-LD and Atom to standard output', async () => {
    const ld = JSON.parse((await koryu('seed.db', 'export', '--format', 'jsonld')).stdout);
    assert.equal(ld['@graph'].filter((n: { '@type': string }) => n['@type'] === 'Event').length, 60);
    const atom = (await koryu('seed.db', 'export', '--format', 'atom')).stdout;
    assert.equal(atom.match(/<entry>/g)?.length, 50);
  });
});
