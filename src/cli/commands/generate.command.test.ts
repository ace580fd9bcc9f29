import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../config.js';
import { openSqliteStore } from '../../storage/sqlite/connect.js';
import type { CliDeps } from '../cli-io.js';
import { runCli } from '../index.js';

const dir = mkdtempSync(join(tmpdir(), 'koryu-generate-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function koryu(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const config = loadConfig({ KORYU_DB: join(dir, 'store.db') });
  const deps: CliDeps = {
    config,
    openStore: () => openSqliteStore(config.sqlitePath),
    startServer: () => Promise.reject(new Error('not in these tests')),
    sample: { name: 'none.txt', read: async () => new Uint8Array() },
  };
  const code = await runCli(argv, { out: (s) => void (stdout += s), err: (s) => void (stderr += s), interactive: false }, deps);
  return { code, stdout, stderr };
}

/** Every file under `root` with its bytes, by relative path. */
function tree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const home of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, home)).sort()) out.set(`${home}/${file}`, readFileSync(join(root, home, file), 'utf8'));
  }
  return out;
}

describe('koryu generate', () => {
  it('writes one document per partnership in HOME folders, the same bytes for the same seed', async () => {
    const a = await koryu('generate', '--partnerships', '9', '--years', '12', '--seed', '7', '--out', join(dir, 'a'), '--formats', 'table,pipe,lines', '--names', join(dir, 'a.names.json'));
    assert.equal(a.code, 0, a.stderr);
    assert.match(a.stdout, /^9 documents, \d+ events written to /);
    const b = await koryu('generate', '--partnerships', '9', '--years', '12', '--seed', '7', '--out', join(dir, 'b'), '--formats', 'table,pipe,lines', '--names', join(dir, 'b.names.json'));
    assert.equal(b.code, 0);
    assert.equal(readFileSync(join(dir, 'a.names.json'), 'utf8'), readFileSync(join(dir, 'b.names.json'), 'utf8'));
    const first = tree(join(dir, 'a'));
    assert.equal(first.size, 9);
    assert.deepEqual(first, tree(join(dir, 'b')));
    assert.equal([...first.keys()].filter((k) => k.endsWith('.md')).length, 3);
  });

  it('writes documents that koryu import takes with their home, with no diagnostics', async () => {
    const out = join(dir, 'import');
    const namesFile = join(dir, 'import.names.json');
    assert.equal((await koryu('generate', '--partnerships', '4', '--years', '6', '--seed', 'import', '--out', out, '--names', namesFile)).code, 0);
    for (const home of readdirSync(out)) {
      const files = readdirSync(join(out, home)).map((f) => join(out, home, f));
      const r = await koryu('import', ...files, '--home', home);
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stdout, /warning|error|info/);
    }
    const exported = JSON.parse((await koryu('export', '--format', 'json')).stdout);
    assert.equal(exported.partnerships.length, 4);
    assert.equal(exported.names, undefined);
    const named = await koryu('import', namesFile);
    assert.equal(named.code, 0, named.stderr);
    const given = (JSON.parse(readFileSync(namesFile, 'utf8')) as { names: Record<string, unknown> }).names;
    assert.ok(Object.keys(given).length > 0);
    assert.deepEqual(JSON.parse((await koryu('export', '--format', 'json')).stdout).names, given, 'the names of the corpus’s places that have one');
  });

  it('refuses bad arguments with exit 2 and one line, writing nothing', async () => {
    const out = join(dir, 'bad');
    for (const argv of [
      ['--partnerships', '0', '--years', '5', '--seed', '1', '--out', out],
      ['--partnerships', '2', '--years', 'x', '--seed', '1', '--out', out],
      ['--partnerships', '2', '--years', '5', '--out', out],
      ['--partnerships', '2', '--years', '5', '--seed', '1'],
      ['--partnerships', '2', '--years', '5', '--seed', '1', '--out', out, '--formats', 'table,csv'],
    ]) {
      const r = await koryu('generate', ...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, /^koryu generate: .+\n$/);
    }
    assert.throws(() => readdirSync(out));
  });
});
