import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../config.js';
import { openSqliteStore } from '../../storage/sqlite/connect.js';
import type { CliDeps } from '../cli-io.js';
import { runCli } from '../index.js';

const dir = mkdtempSync(join(tmpdir(), 'koryu-imports-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'imports.db');
const sample = readFileSync(new URL('../../../samples/kanazawa-dalian.txt', import.meta.url), 'utf8');
const original = join(dir, 'kanazawa-dalian.txt');
const corrected = join(dir, 'kanazawa-dalian-v2.txt');
writeFileSync(original, sample);
writeFileSync(corrected, sample.replace(' 金沢マラソン参加団が来訪\n2016', '\n2016').replace('2021年 (令和3年)\t—\t—', '2021年 (令和3年)\t派遣\t市長がオンラインで新年のあいさつ'));

/** Runs the CLI in-process on the test's SQLite store. (The undo itself is tested on both databases in services/.) */
async function koryu(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const config = loadConfig({ KORYU_DB: db });
  const deps: CliDeps = {
    config,
    openStore: () => openSqliteStore(config.sqlitePath),
    startServer: () => Promise.reject(new Error('not in these tests')),
    sample: { name: 'x', read: async () => new Uint8Array() },
  };
  const code = await runCli(argv, { out: (s) => void (stdout += s), err: (s) => void (stderr += s), interactive: false }, deps);
  return { code, stdout, stderr };
}

describe('koryu imports (imports.command)', () => {
  it('lists the import log newest first, with ids, and undoes the latest import (exit 0), writing nothing on --dry-run', async () => {
    assert.equal((await koryu('import', original)).code, 0);
    assert.equal((await koryu('import', corrected)).code, 0);
    const list = await koryu('imports');
    assert.equal(list.code, 0);
    const rows = list.stdout.trim().split('\n').map((l) => l.split('\t'));
    assert.deepEqual(rows.map((r) => [r[0], r[3], r[4], r[5]]), [
      ['#2', 'kanazawa-dalian-v2.txt', '金沢市–大連市', '+1/0 ~0/0 -1/0'],
      ['#1', 'kanazawa-dalian.txt', '金沢市–大連市', '+60/14 ~0/0 -0/0'],
    ]);
    assert.match(rows[0]![2]!, /^koryu import \(.+\)$/);

    const dry = await koryu('imports', 'undo', '2', '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /would remove: 1 event, 0 photo records\n {4}event #\d+\t2021\t市長がオンラインで新年のあいさつ/);
    assert.match(dry.stdout, /would restore: 1 event, 0 photo records\n {4}event #\d+\t2015\t金沢マラソン参加団が来訪/);
    assert.match(dry.stdout, /Dry run: nothing was written/);
    assert.equal((await koryu('imports', 'list')).stdout, list.stdout, 'a dry run writes nothing');

    const undo = await koryu('imports', 'undo', '#2');
    assert.equal(undo.code, 0, undo.stderr);
    assert.match(undo.stdout, /^Undo of import #2 \(kanazawa-dalian-v2\.txt into 金沢市–大連市/);
    assert.match(undo.stdout, /Logged as import #3\./);
    const after = await koryu('imports', '--limit', '2');
    const [undoRow, undone] = after.stdout.trim().split('\n').map((l) => l.split('\t'));
    assert.deepEqual([undoRow![0], undoRow!.at(-1), undone![0], undone!.at(-1)], ['#3', 'undo of #2', '#2', 'undone by #3']);
    assert.match(undoRow![2]!, /^koryu imports undo \(.+\)$/);
    const exported = JSON.parse((await koryu('export', '--format', 'json')).stdout);
    assert.equal(exported.partnerships[0].events.length, 60);
    assert.ok(exported.partnerships[0].events.some((e: { year: number; text: string }) => e.year === 2015 && e.text === '金沢マラソン参加団が来訪'));
    assert.deepEqual(exported.partnerships[0].noExchangeYears, [2021]);
  });

  it('refuses an import that cannot be undone with exit 1 and why, in Japanese; bad input with exit 2', async () => {
    const refused = await koryu('imports', 'undo', '1');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^koryu imports: failed: 取り込み #1 の後に、同じ提携先への取り込み（または取り消し）があるため、取り消せません。.*変更履歴/);
    const again = await koryu('imports', 'undo', '2');
    assert.equal(again.code, 1);
    assert.match(again.stderr, /すでに取り消されています（#3）/);
    assert.equal((await koryu('imports', 'undo', '99')).code, 2);
    assert.equal((await koryu('imports', 'undo', 'two')).code, 2);
    assert.equal((await koryu('imports', 'undo')).code, 2);
    assert.equal((await koryu('imports', 'redo', '2')).code, 2);
    assert.equal((await koryu('imports', '--home', '金沢市')).code, 2);
  });

  it('takes --help', async () => {
    const help = await koryu('imports', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: koryu imports \[list\][\s\S]*koryu imports undo ID \[--dry-run\]/);
    assert.match((await koryu('imports', 'undo', '--help')).stdout, /only\s+a partnership's latest import/);
  });
});
