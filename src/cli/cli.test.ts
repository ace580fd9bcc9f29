import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { generateCorpus } from '../exports/corpus.generator.js';
import { deletedItems } from '../services/editing.service.js';
import { exportFiles } from '../services/export.service.js';
import { loadConfig } from '../config.js';
import type { Store } from '../storage/database.js';
import { openSqliteStore } from '../storage/sqlite/connect.js';
import type { CliDeps } from './cli-io.js';
import { runCli } from './index.js';

const samplePath = new URL('../../samples/kanazawa-dalian.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'koryu-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process on a store of its own and captures what it writes. */
async function koryu(db: string, ...argv: string[]) {
  return koryuWith((store) => store, db, ...argv);
}

/** The same, with each store it opens passed through `wrap` first. */
async function koryuWith(wrap: (store: Store) => Store, db: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const config = loadConfig({ KORYU_DB: join(dir, db), KORYU_MAX_EVENTS_PER_IMPORT: '100000' });
  const deps: CliDeps = {
    config,
    openStore: async () => wrap(await openSqliteStore(config.sqlitePath)),
    startServer: () => Promise.reject(new Error('not in these tests')),
    sample: { name: 'kanazawa-dalian.txt', read: async () => readFileSync(samplePath) },
  };
  const code = await runCli(argv, { out: (s) => void (stdout += s), err: (s) => void (stderr += s), interactive: false }, deps);
  return { code, stdout, stderr };
}

describe('koryu parse', () => {
  it('prints koryu/1 JSON of what would be imported, and writes nothing', async () => {
    const r = await koryu('parse.db', 'parse', samplePath, '--format', 'json');
    assert.equal(r.code, 0);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.format, 'koryu/1');
    assert.equal(doc.partnerships[0].home, '金沢市');
    assert.equal(doc.partnerships[0].events.length, 60);
    assert.deepEqual(doc.diagnostics, []);
    const exported = await koryu('parse.db', 'export', '--format', 'json');
    assert.deepEqual(JSON.parse(exported.stdout).partnerships, [], 'parse must not import');
  });

  it('takes the home municipality from --home, trimmed, and refuses an empty one', async () => {
    const r = await koryu('parse.db', 'parse', samplePath, '--format', 'json', '--home', '石川県');
    assert.equal(JSON.parse(r.stdout).partnerships[0].home, '石川県');
    const spaced = await koryu('parse.db', 'parse', samplePath, '--format', 'json', '--home', ' 富山市　');
    assert.equal(JSON.parse(spaced.stdout).partnerships[0].home, '富山市');
    for (const command of ['parse', 'import']) {
      const empty = await koryu('parse.db', command, samplePath, '--home', ' ');
      assert.equal(empty.code, 2);
      assert.match(empty.stderr, /--home needs the name of the home municipality \(it is empty\)/);
    }
  });

  it('prints each year and its events as text', async () => {
    const r = await koryu('parse.db', 'parse', samplePath);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /金沢市 – 大連市 \(友好交流都市, 2006-11-24\): 18 years \(2006–2023\), 60 events, 14 photo records, 1 no-exchange year\b/);
    assert.match(r.stdout, / {2}2021 {2}\(no exchange\)/);
  });
});

describe('koryu import and export', () => {
  it('reports in a dry run what an import would change, writing nothing (--dry-run)', async () => {
    const dry = await koryu('dry.db', 'import', '--dry-run', samplePath);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /金沢市 – 大連市: created; added 60 events, 14 records, 1 no-exchange year;/);
    assert.match(dry.stdout, /Dry run: this is what the import would change; nothing was written\.\n$/);
    assert.deepEqual(JSON.parse((await koryu('dry.db', 'export', '--format', 'json')).stdout).partnerships, []);
    const real = await koryu('dry.db', 'import', samplePath);
    assert.equal(real.stdout, dry.stdout.replace(/Dry run: .*\n$/, ''));
  });

  it('warns when a document would start a partnership for a partner stored under another spelling (大連 beside 大連市), in a dry run and after an import', async () => {
    assert.equal((await koryu('similar.db', 'import', samplePath)).code, 0);
    const slip = join(dir, 'dalian-nameslip.txt');
    writeFileSync(slip, readFileSync(samplePath, 'utf8').replaceAll('大連市との', '大連との'));
    const dry = await koryu('similar.db', 'import', '--dry-run', slip);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /金沢市 – 大連: created;.*\nwarning: 金沢市 – 大連 would be created as a new partnership beside the stored 大連市\. If it is the same city, correct the partner's name in the document to 大連市 and import it again\.\nDry run:/);
    const real = await koryu('similar.db', 'import', slip);
    assert.match(real.stdout, /warning: 金沢市 – 大連 was created as a new partnership beside the stored 大連市\. .*delete the new partnership on the staff pages/);
    assert.doesNotMatch((await koryu('similar.db', 'import', '--dry-run', samplePath)).stdout, /warning:/, 'the stored spelling itself is no warning');
  });

  it('imports, reports what was added, and reports nothing changed on the second import', async () => {
    const first = await koryu('store.db', 'import', samplePath);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /金沢市 – 大連市: created; added 60 events, 14 records, 1 no-exchange year;/);
    const second = await koryu('store.db', 'import', samplePath);
    assert.match(second.stdout, /金沢市 – 大連市: unchanged/);
  });

  it('notes who imported in each changed item’s history, so items an import removes can be restored', async () => {
    const first = await koryu('history.db', 'import', samplePath);
    assert.equal(first.code, 0, first.stderr);
    const shorter = join(dir, 'kanazawa-dalian-shorter.txt');
    const lines = readFileSync(samplePath, 'utf8').split('\n');
    const dropped = lines.findIndex((l) => l.includes('遼寧師範大学訪問団が来訪'));
    assert.ok(dropped > 0);
    writeFileSync(shorter, lines.map((l, i) => (i === dropped ? l.replace('遼寧師範大学訪問団が来訪', '').replace(/\t+$/, '') : l)).join('\n'));
    const second = await koryu('history.db', 'import', shorter);
    assert.equal(second.code, 0, second.stderr);
    const store = await openSqliteStore(join(dir, 'history.db'));
    try {
      const deleted = await deletedItems(store);
      const removed = deleted.find((d) => d.kind === 'event' && (d.before as { text?: string } | null)?.text?.includes('遼寧師範大学'));
      assert.ok(removed, 'the removed event is among the deleted items');
      assert.match(removed.actor, /^koryu import \(.+\)$/);
      const created = await store.db.selectFrom('history').select(['actor', 'action']).where('item_kind', '=', 'partnership').orderBy('id').execute();
      assert.ok(created.length >= 1 && created.every((h) => h.action === 'import' && /^koryu import \(/.test(h.actor)), JSON.stringify(created));
    } finally {
      await store.close();
    }
  });

  it('holds the tables to itself for a large first import only when asked (--exclusive)', async () => {
    const corpusDir = join(dir, 'corpus');
    assert.equal((await koryu('gen.db', 'generate', '--partnerships', '80', '--years', '40', '--seed', 'cli-exclusive', '--out', corpusDir)).code, 0);
    // Imported under one home (--home), the documents of one partner city would be one partnership: one each.
    const byPartner = new Map(readdirSync(corpusDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).map((f) => [basename(f).replace(/^\d+-/, ''), join(corpusDir, f)]));
    const files = [...byPartner.values()];
    assert.ok(files.length >= 45, `${files.length} partner cities`);
    const lifted: string[][] = [];
    const watch = (store: Store): Store => {
      const suspend = store.bulk.suspendReferences.bind(store.bulk);
      return { ...store, bulk: { ...store.bulk, suspendReferences: (db, tables) => (lifted.push([...tables]), suspend(db, tables)) } };
    };
    const plain = await koryuWith(watch, 'plain.db', 'import', ...files);
    assert.equal(plain.code, 0, plain.stderr);
    assert.deepEqual(lifted, []);
    const exclusive = await koryuWith(watch, 'exclusive.db', 'import', '--exclusive', ...files);
    assert.equal(exclusive.code, 0, exclusive.stderr);
    assert.equal(lifted.length, 1);
    assert.equal(exclusive.stdout, plain.stdout);
  });

  it('imports a folder of documents, each under the home its folder names (--home-from-folder)', async () => {
    const corpusDir = join(dir, 'homes');
    assert.equal((await koryu('homes-gen.db', 'generate', '--partnerships', '12', '--years', '3', '--seed', 'cli-homes', '--out', corpusDir)).code, 0);
    writeFileSync(join(corpusDir, '.notes.txt'), 'not a document');
    const expected = [...generateCorpus({ partnerships: 12, years: 3, seed: 'cli-homes' })].map((d) => ({ home: d.home, partner: d.partnership.partner, events: d.partnership.events.length }));
    assert.ok(new Set(expected.map((e) => e.home)).size > 1, 'the corpus has more than one home');
    const r = await koryu('homes.db', 'import', '--home-from-folder', corpusDir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^homes/${expected[0]!.home}/`, 'm'), 'documents are named by their path in the folder');
    const store = await openSqliteStore(join(dir, 'homes.db'));
    try {
      const stored = await store.db
        .selectFrom('partnerships as p')
        .leftJoin('events as e', 'e.partnership_id', 'p.id')
        .select(['p.home', 'p.partner', (eb) => eb.fn.count<number>('e.id').as('events')])
        .groupBy(['p.home', 'p.partner'])
        .execute();
      const key = (p: { home: string; partner: string }) => `${p.home} – ${p.partner}`;
      assert.deepEqual(
        stored.map((p) => ({ home: p.home, partner: p.partner, events: Number(p.events) })).sort((a, b) => (key(a) < key(b) ? -1 : 1)),
        [...expected].sort((a, b) => (key(a) < key(b) ? -1 : 1)),
      );
    } finally {
      await store.close();
    }
    // One document given by its path takes its folder's name too.
    const one = expected[0]!;
    const file = join(corpusDir, one.home, readdirSync(join(corpusDir, one.home))[0]!);
    const single = await koryu('homes-one.db', 'parse', file, '--format', 'json');
    assert.equal(JSON.parse(single.stdout).partnerships[0].home, '金沢市', 'parse keeps the configured home');
    const imported = await koryu('homes-one.db', 'import', '--home-from-folder', file);
    assert.match(imported.stdout, new RegExp(`${one.home} – `));
  });

  it('prints the other diagnostics of a refused document before the reason, and changes nothing', async () => {
    const bad = join(dir, 'kanji-years.txt');
    writeFileSync(bad, '姉妹都市ナンシー市との交流\n年不詳\t派遣\t市長が訪問\n昨年\t派遣\t市長が訪問\n');
    const r = await koryu('refused-doc.db', 'import', bad);
    assert.equal(r.code, 2);
    const lines = r.stderr.trim().split('\n');
    assert.deepEqual(lines.map((l) => l.replace(/ {2}«.*$/, '')), [
      'kanji-years.txt:2: warning [UnparsedLine] The first cell 「年不詳」 is not a year; the line was not imported. Write it as 2017年 or 平成29年.',
      'kanji-years.txt:3: warning [UnparsedLine] The first cell 「昨年」 is not a year; the line was not imported. Write it as 2017年 or 平成29年.',
      'koryu import: kanji-years.txt: The document holds no exchange, no-exchange year or photo record to import.',
    ]);
    // Two refused documents: the second's error is printed too.
    const binary = join(dir, 'photo.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const both = await koryu('refused-doc.db', 'import', binary, bad);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /^kanji-years\.txt: error \[NothingImportable\]/m);
    assert.match(both.stderr, /^koryu import: photo\.png: /m);
    assert.deepEqual(JSON.parse((await koryu('refused-doc.db', 'export', '--format', 'json')).stdout).partnerships, []);
  });

  it('takes the home from the folder directly under the one given, for text documents and hand-made CSV alike', async () => {
    const root = join(dir, 'nested');
    mkdirSync(join(root, '富山市', '2023'), { recursive: true });
    mkdirSync(join(root, '高岡市'), { recursive: true });
    writeFileSync(join(root, '富山市', '2023', 'dalian.txt'), readFileSync(samplePath));
    writeFileSync(join(root, '高岡市', 'jinzhou.csv'), '相手都市,年（西暦）,区分,交流内容\n錦州市,2019年,派遣,市長が錦州市を訪問\n');
    // What staff folders hold beside the documents: photos, Windows' thumbnails, an Office lock file.
    for (const junk of ['Thumbs.db', '~$jinzhou.xlsx', 'desktop.ini', 'IMG_0001.JPG']) writeFileSync(join(root, '高岡市', junk), Buffer.from([0x89, 0, 1, 2, 0xff]));
    const r = await koryu('nested.db', 'import', '--home-from-folder', root);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr.match(/: not a document \(a photo, or a file Windows or Office keeps\); left out\./g)?.length, 4, r.stderr);
    const exported = JSON.parse((await koryu('nested.db', 'export', '--format', 'json')).stdout) as { partnerships: { home: string; partner: string }[] };
    assert.deepEqual(exported.partnerships.map((p) => `${p.home} – ${p.partner}`).sort(), ['富山市 – 大連市', '高岡市 – 錦州市']);
    // A folder given that is itself a home's: the documents directly in it take its name.
    const own = await koryu('nested-own.db', 'import', '--home-from-folder', join(root, '高岡市'));
    assert.equal(own.code, 0, own.stderr);
    assert.match(own.stdout, /高岡市 – 錦州市: created/);
  });

  it('refuses a folder name that is not a municipality’s as a home, naming the document, and changes nothing', async () => {
    const root = join(dir, 'loose');
    mkdirSync(join(root, '2023'), { recursive: true });
    writeFileSync(join(root, '2023', 'dalian.txt'), readFileSync(samplePath));
    const nested = await koryu('loose.db', 'import', '--home-from-folder', root);
    assert.equal(nested.code, 2);
    assert.match(nested.stderr, /2023[/\\]dalian\.txt: --home-from-folder takes the home municipality from the folder "2023", which is not the name of one/);
    const direct = await koryu('loose.db', 'import', '--home-from-folder', join(root, '2023', 'dalian.txt'));
    assert.match(direct.stderr, /from the folder "2023"/);
    writeFileSync(join(root, 'top.txt'), readFileSync(samplePath));
    rmSync(join(root, '2023'), { recursive: true });
    const top = await koryu('loose.db', 'import', '--home-from-folder', root);
    assert.match(top.stderr, /from the folder "loose"/);
    assert.deepEqual(JSON.parse((await koryu('loose.db', 'export', '--format', 'json')).stdout).partnerships, []);
  });

  it('refuses --home with --home-from-folder, an empty folder, and a folder given to parse, changing nothing', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(join(empty, 'inside'), { recursive: true });
    writeFileSync(join(empty, '.hidden'), samplePath);
    const both = await koryu('refused.db', 'import', '--home', '富山市', '--home-from-folder', samplePath);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--home NAME or --home-from-folder, not both/);
    const none = await koryu('refused.db', 'import', empty);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /empty: the folder holds no documents/);
    const parse = await koryu('refused.db', 'parse', empty);
    assert.match(parse.stderr, /is a directory, not a document/);
    const exported = await koryu('refused.db', 'export', '--format', 'json');
    assert.deepEqual(JSON.parse(exported.stdout).partnerships, []);
  });

  it('exports JSON that imports into an empty store and exports identically', async () => {
    const out = join(dir, 'export.json');
    assert.equal((await koryu('store.db', 'export', '--format', 'json', '--out', out)).code, 0);
    assert.equal((await koryu('copy.db', 'import', out)).code, 0);
    const again = await koryu('copy.db', 'export', '--format', 'json');
    assert.equal(again.stdout, readFileSync(out, 'utf8'));
  });

  it('exports the whole record to a file as it exports it to standard output, in every text format', async () => {
    for (const format of ['text', 'jsonld', 'atom']) {
      const out = join(dir, `whole.${format}`);
      const written = await koryu('store.db', 'export', '--format', format, '--out', out);
      assert.equal(written.code, 0, written.stderr);
      const printed = await koryu('store.db', 'export', '--format', format);
      // The feed's dates are the events' publication times; only its generation time differs between two runs.
      assert.equal(readFileSync(out, 'utf8'), printed.stdout, format);
    }
    const csv = join(dir, 'whole.csv');
    assert.equal((await koryu('store.db', 'export', '--format', 'csv', '--out', csv)).code, 0);
    const store = await openSqliteStore(join(dir, 'store.db'));
    try {
      const [events, photos] = await exportFiles(store, 'csv', {}, { licence: loadConfig({}).licence });
      assert.equal(readFileSync(csv, 'utf8'), events!.body);
      assert.equal(readFileSync(join(dir, 'whole.photos.csv'), 'utf8'), photos!.body);
      assert.match(photos!.body as string, /大連市/);
    } finally {
      await store.close();
    }
  });

  it('exports the document layout, which parses back to the same events', async () => {
    const text = await koryu('store.db', 'export', '--format', 'text', '--partner', '大連市');
    assert.equal(text.code, 0);
    const file = join(dir, 'export.txt');
    writeFileSync(file, text.stdout);
    const back = JSON.parse((await koryu('x.db', 'parse', file, '--format', 'json')).stdout);
    const original = JSON.parse((await koryu('x.db', 'parse', samplePath, '--format', 'json')).stdout);
    const texts = (d: { partnerships: { events: { year: number; direction: string; text: string }[] }[] }) =>
      d.partnerships[0]!.events.map((e) => `${e.year} ${e.direction} ${e.text}`);
    assert.deepEqual(texts(back), texts(original));
  });

  it('searches events and captions with two-character words and full-width forms', async () => {
    const r = await koryu('store.db', 'search', '市長');
    assert.equal(r.code, 0);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 7, 'five events and two captions hold 市長');
    assert.ok(lines.includes('2016\t大連市\t写真\t山野市長が訪問'));
    const wide = await koryu('store.db', 'search', '２１世紀');
    assert.deepEqual(wide.stdout.trim().split('\n'), ['2013\t大連市\t派遣\t蓮心一任文東中国水墨画展が21世紀美術館で開催']);
    assert.match(wide.stderr, /^1 found/);
    const kana = await koryu('store.db', 'search', 'まらそん');
    assert.equal(kana.code, 0);
    assert.match(kana.stderr, /^Nothing holds "まらそん"; searched for "マラソン" \(its kana in the other script\)\.\n\d+ found/);
    assert.ok(kana.stdout.includes('\t大連市\t受入\t金沢マラソン参加団が来訪'), kana.stdout);
  });

  it('says in one line which partner it cannot find, with exit code 2 (bad input), and writes nothing', async () => {
    for (const args of [['--format', 'json'], ['--format', 'text', '--home', '金沢市'], ['--format', 'xlsx', '--out', join(dir, 'none.xlsx')]]) {
      const r = await koryu('store.db', 'export', ...args, '--partner', '無い市');
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^koryu export: No partnership (of 金沢市 )?with 無い市 is in the record\.\n$/);
    }
    assert.ok(!readdirSync(dir).includes('none.xlsx'));
  });

  it('names the home municipalities a partner has when the one asked for has none with it', async () => {
    const r = await koryu('store.db', 'export', '--format', 'text', '--home', '富山市', '--partner', '大連市');
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'koryu export: No partnership of 富山市 with 大連市 is in the record. 大連市 is a partner of 金沢市: name one with --home.\n');
  });
});
