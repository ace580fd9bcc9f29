// koryu organizations, fields and photos, in process on a SQLite store holding the seed.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../config.js';
import { openSqliteStore } from '../storage/sqlite/connect.js';
import type { CliDeps } from './cli-io.js';
import { runCli } from './index.js';

const samplePath = new URL('../../samples/kanazawa-dalian.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'koryu-cli-knowledge-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function koryu(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const config = loadConfig({ KORYU_DB: join(dir, 'k.db') });
  const deps: CliDeps = {
    config,
    openStore: () => openSqliteStore(config.sqlitePath),
    startServer: () => Promise.reject(new Error('not in these tests')),
    sample: { name: 'kanazawa-dalian.txt', read: async () => readFileSync(samplePath) },
  };
  const code = await runCli(argv, { out: (s) => void (stdout += s), err: (s) => void (stderr += s), interactive: false }, deps);
  return { code, stdout, stderr };
}

const rows = (stdout: string) => stdout.trimEnd().split('\n').map((l) => l.split('\t'));

describe('koryu organizations, fields and photos', () => {
  before(async () => {
    assert.equal((await koryu('import', samplePath)).code, 0);
  });

  it('lists 大連工業大学 as suggested, with its aliases and the years of its events', async () => {
    const r = await koryu('organizations', 'suggest');
    assert.equal(r.code, 0);
    const row = rows(r.stdout).find((x) => x[0] === '大連工業大学');
    assert.deepEqual(row, ['大連工業大学', 'organization', 'suggested', '大連工大学、大連工業大', '5', '2010,2012,2013,2014,2017']);
  });

  it('confirms a name, adds an alias and rejects a suggestion; the JSON export carries the result', async () => {
    assert.equal((await koryu('organizations', 'confirm', '市立工業高校')).code, 0);
    const alias = await koryu('organizations', 'alias', '市立工', '市立工業高校');
    assert.equal(alias.code, 0, alias.stderr);
    assert.equal((await koryu('organizations', 'reject', '県立大学')).code, 0);
    const list = rows((await koryu('organizations')).stdout);
    assert.deepEqual(list.find((x) => x[0] === '市立工業高校')?.slice(0, 4), ['市立工業高校', 'organization', 'confirmed', '市立工']);
    assert.equal(list.find((x) => x[0] === '県立大学'), undefined);
    const doc = JSON.parse((await koryu('export', '--format', 'json')).stdout);
    const school = doc.organizations.find((o: { name: string }) => o.name === '市立工業高校');
    assert.deepEqual(school.aliases, ['市立工']);
    assert.ok(doc.partnerships[0].agreements.length >= 9);
  });

  it('answers bad input with exit 2 or a not-found failure, and changes nothing', async () => {
    const before = (await koryu('organizations')).stdout;
    assert.equal((await koryu('organizations', 'alias', 'only-one')).code, 2);
    assert.equal((await koryu('organizations', 'frobnicate')).code, 2);
    const missing = await koryu('organizations', 'alias', 'X大', 'どこにもない大学');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /どこにもない大学/);
    assert.equal((await koryu('organizations')).stdout, before);
  });

  it('sets an event’s fields and lists them; refuses an unknown field', async () => {
    const list = rows((await koryu('fields')).stdout);
    const marathon = list.find((x) => x[1] === '2019' && x[4] === '大連国際マラソン大会に選手団を派遣')!;
    assert.equal(marathon[3], 'sports');
    assert.equal((await koryu('fields', marathon[0]!, 'sports,youth')).code, 0);
    assert.equal((await koryu('fields', marathon[0]!, 'football')).code, 2);
    const after = rows((await koryu('fields')).stdout).find((x) => x[0] === marathon[0]);
    assert.equal(after?.[3], 'sports,youth');
  });

  it('lists the unlinked caption and confirms a link for it', async () => {
    const unlinked = rows((await koryu('photos', 'unlinked')).stdout);
    assert.deepEqual(unlinked.map((x) => x[3]), ['人民代表大会常務委員会が来訪']);
    const event = rows((await koryu('fields')).stdout).find((x) => x[4] === '大連市人民対外友好協会代表団が来訪')!;
    assert.equal((await koryu('photos', 'link', unlinked[0]![0]!, event[0]!)).code, 0);
    assert.equal((await koryu('photos', 'unlinked')).stdout, '');
    const linked = rows((await koryu('photos')).stdout).find((x) => x[0] === unlinked[0]![0]);
    assert.deepEqual(linked?.slice(4, 6), [event[0], 'confirmed']);
    assert.equal((await koryu('photos', 'link', 'x', '1')).code, 2);
  });
});
