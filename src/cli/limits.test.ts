import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../config.js';
import { KoryuError } from '../errors.js';
import { openSqliteStore } from '../storage/sqlite/connect.js';
import type { CliDeps } from './cli-io.js';
import { runCli } from './index.js';

/**
 * The importer's limits as a user meets them: each set through its KORYU_* variable, each refusal exit 2 with one
 * line naming the file (and, for documents, the line) and the variable, and nothing written to the store.
 */

const samplePath = new URL('../../samples/kanazawa-dalian.txt', import.meta.url).pathname;
const sample = readFileSync(samplePath, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'koryu-limits-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let stores = 0;

async function koryu(env: Record<string, string>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const config = loadConfig({ KORYU_DB: join(dir, `store-${++stores}.db`), ...env });
  const deps: CliDeps = {
    config,
    openStore: () => openSqliteStore(config.sqlitePath),
    startServer: () => Promise.reject(new Error('not in these tests')),
    sample: { name: 'kanazawa-dalian.txt', read: async () => readFileSync(samplePath) },
  };
  const io = { out: (s: string) => void (stdout += s), err: (s: string) => void (stderr += s), interactive: false };
  const code = await runCli(argv, io, deps);
  const store = await openSqliteStore(config.sqlitePath);
  const count = await store.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await store.close();
  return { code, stdout, stderr, storedEvents: Number(count.n) };
}

function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `one line expected, got:\n${stderr}`);
  return lines[0]!;
}

describe('limits of an import, each from its KORYU_* variable', () => {
  it('document size (KORYU_MAX_DOCUMENT_BYTES): refused before reading, naming the file and the limit', async () => {
    const r = await koryu({ KORYU_MAX_DOCUMENT_BYTES: '1000' }, 'import', samplePath);
    assert.equal(r.code, 2);
    assert.match(oneLine(r.stderr), /kanazawa-dalian\.txt: the document is \d+ bytes; the limit is 1000 bytes \(KORYU_MAX_DOCUMENT_BYTES\)/);
    assert.equal(r.storedEvents, 0);
  });

  it('line length (KORYU_MAX_LINE_LENGTH): refused at the first line over it, with its number', async () => {
    const longest = Math.max(...sample.split('\n').map((l) => l.length));
    const first = sample.split('\n').findIndex((l) => l.length > longest - 1) + 1;
    const r = await koryu({ KORYU_MAX_LINE_LENGTH: String(longest - 1) }, 'import', samplePath);
    assert.equal(r.code, 2);
    assert.equal(oneLine(r.stderr), `koryu import: kanazawa-dalian.txt:${first}: Line ${first} has ${longest} characters; the limit is ${longest - 1} (KORYU_MAX_LINE_LENGTH).`);
    assert.equal(r.storedEvents, 0);
    const fits = await koryu({ KORYU_MAX_LINE_LENGTH: String(longest) }, 'import', samplePath);
    assert.equal(fits.code, 0, fits.stderr);
  });

  it('events in one document (KORYU_MAX_EVENTS_PER_IMPORT): refused at the line of the first event past the limit', async () => {
    const parsed = JSON.parse((await koryu({}, 'parse', samplePath, '--format', 'json')).stdout);
    const eleventh = parsed.partnerships[0].events[10];
    const r = await koryu({ KORYU_MAX_EVENTS_PER_IMPORT: '10' }, 'import', samplePath);
    assert.equal(r.code, 2);
    const line = oneLine(r.stderr);
    assert.match(line, new RegExp(`^koryu import: kanazawa-dalian\\.txt:${eleventh.line}: The document holds 60 events; the limit is 10 per import \\(KORYU_MAX_EVENTS_PER_IMPORT\\)`));
    assert.equal(r.storedEvents, 0);
    assert.equal((await koryu({ KORYU_MAX_EVENTS_PER_IMPORT: '60' }, 'import', samplePath)).code, 0);
  });

  it('events over several documents: refused as a whole, nothing written, when each document alone fits', async () => {
    const copy = join(dir, 'copy.txt');
    writeFileSync(copy, sample);
    const r = await koryu({ KORYU_MAX_EVENTS_PER_IMPORT: '100' }, 'import', samplePath, copy);
    assert.equal(r.code, 2);
    assert.match(oneLine(r.stderr), /These 2 documents hold 120 events together; the limit is 100 per import \(KORYU_MAX_EVENTS_PER_IMPORT\)/);
    assert.equal(r.storedEvents, 0);
  });

  it('parse reports the same limits as diagnostics, with the line', async () => {
    const r = await koryu({ KORYU_MAX_EVENTS_PER_IMPORT: '10' }, 'parse', samplePath, '--format', 'json');
    assert.equal(r.code, 2);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(doc.partnerships, []);
    const tooMany = doc.diagnostics.filter((d: { code: string }) => d.code === 'TooManyEvents');
    assert.equal(tooMany.length, 1);
    assert.equal(typeof tooMany[0].line, 'number');
  });
});

describe('limits in the configuration', () => {
  it('reads KORYU_MAX_REQUEST_BYTES, KORYU_MAX_LINE_LENGTH and KORYU_MAX_EVENTS_PER_IMPORT, with defaults', () => {
    const defaults = loadConfig({});
    assert.equal(defaults.maxRequestBytes, 1024 * 1024);
    assert.equal(defaults.maxLineLength, 20_000);
    assert.equal(defaults.maxEventsPerImport, 50_000);
    const set = loadConfig({ KORYU_MAX_REQUEST_BYTES: '2048', KORYU_MAX_LINE_LENGTH: '300', KORYU_MAX_EVENTS_PER_IMPORT: '7' });
    assert.deepEqual([set.maxRequestBytes, set.maxLineLength, set.maxEventsPerImport], [2048, 300, 7]);
  });

  it('reads KORYU_PAGE_CACHE_BYTES (0 keeps no page) and refuses a negative or fractional one', () => {
    assert.equal(loadConfig({}).pageCacheBytes, 32 * 1024 * 1024);
    assert.equal(loadConfig({ KORYU_PAGE_CACHE_BYTES: '0' }).pageCacheBytes, 0);
    assert.equal(loadConfig({ KORYU_PAGE_CACHE_BYTES: '1048576' }).pageCacheBytes, 1048576);
    for (const bad of ['-1', '1.5', '32MiB']) assert.throws(() => loadConfig({ KORYU_PAGE_CACHE_BYTES: bad }), /KORYU_PAGE_CACHE_BYTES must be a whole number, 0 or more/);
  });

  it('reports every bad limit at once', () => {
    assert.throws(
      () => loadConfig({ KORYU_MAX_REQUEST_BYTES: '1MB', KORYU_MAX_LINE_LENGTH: '0', KORYU_MAX_EVENTS_PER_IMPORT: '-5', KORYU_MAX_DOCUMENT_BYTES: '1.5' }),
      (error: unknown) => {
        assert.ok(error instanceof KoryuError && error.code === 'ConfigInvalid');
        for (const name of ['KORYU_MAX_REQUEST_BYTES', 'KORYU_MAX_LINE_LENGTH', 'KORYU_MAX_EVENTS_PER_IMPORT', 'KORYU_MAX_DOCUMENT_BYTES']) {
          assert.match(error.message, new RegExp(`${name} must be a whole number`));
        }
        return true;
      },
    );
  });
});
