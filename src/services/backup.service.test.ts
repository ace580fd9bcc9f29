import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { KoryuError } from '../errors.js';
import BetterSqlite3 from 'better-sqlite3';
import { dumpTables } from '../storage/backup.repository.js';
import { fieldsOfBits } from '../storage/knowledge.repository.js';
import type { Store } from '../storage/database.js';
import { backupStore, restoreStore } from './backup.service.js';
import { importDocuments } from './import.service.js';
import { exportRecord } from './record.service.js';

const sample = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url));
const options = { home: '金沢市', maxDocumentBytes: 10 * 1024 * 1024 };

/** A second partnership with translations, so that every table holds rows. */
const translated = {
  format: 'koryu/1',
  partnerships: [
    {
      partner: 'イルクーツク市',
      kind: '姉妹都市',
      affiliatedOn: '1967-08-15',
      noExchangeYears: [2020],
      events: [
        { year: 2019, direction: 'dispatch', text: '市長が訪問し記念式典に出席', translations: { en: 'The mayor attended the ceremony', zh: '市长出席纪念仪式' } },
        { year: 2021, direction: 'reception', text: 'オンライン交流会を開催' },
      ],
      records: [{ year: 2019, caption: '記念式典', translations: { en: 'The ceremony' }, event: 0 }],
    },
  ],
};
const later = { ...translated, partnerships: [{ ...translated.partnerships[0]!, partner: '全州市', events: [{ year: 2022, direction: 'mutual', text: '交流再開' }], records: [] }] };

const files = (dir: string): Record<string, string> =>
  Object.fromEntries(
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name), 'base64')]),
  );

describeOnEachStore('backup and restore', (openFresh) => {
  let store: Store;
  let dir: string;
  let photos: string;
  let backup: string;
  let exportBefore: string;
  let tablesBefore: Awaited<ReturnType<typeof dumpTables>>;
  let photosBefore: Record<string, string>;

  before(async () => {
    store = await openFresh();
    dir = mkdtempSync(join(tmpdir(), 'koryu-backup-'));
    photos = join(dir, 'photos');
    mkdirSync(join(photos, '2019'), { recursive: true });
    writeFileSync(join(photos, '2019', 'ceremony.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    writeFileSync(join(photos, 'index.txt'), '記念式典\n');
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: sample }, { name: 'irkutsk.json', bytes: Buffer.from(JSON.stringify(translated)) }], options);
    exportBefore = await exportRecord(store, 'json');
    tablesBefore = await dumpTables(store.db, store.schema);
    photosBefore = files(photos);
    backup = join(dir, 'backup-1');
  });
  after(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a folder with a manifest, the data and the photos', async () => {
    const manifest = await backupStore(store, backup, { photosDir: photos });
    assert.equal(manifest.format, 'koryu-backup/1');
    assert.equal(manifest.store, store.kind);
    assert.equal(manifest.tables.events, 62);
    assert.equal(manifest.tables.translations, 3);
    assert.equal(manifest.photos, 2);
    assert.ok(existsSync(join(backup, manifest.data)));
    assert.deepEqual(files(join(backup, 'photos')), photosBefore);
    assert.deepEqual(readdirSync(dir).filter((n) => n.includes('partial')), [], 'no partial folder is left behind');
  });

  it('refuses to write over an existing folder', async () => {
    await assert.rejects(backupStore(store, backup, { photosDir: photos }), (e: unknown) => e instanceof KoryuError && e.code === 'UsageError');
  });

  it('restore brings back exactly what was backed up: export, every row with its id, and the photos', async () => {
    await importDocuments(store, [{ name: 'jeonju.json', bytes: Buffer.from(JSON.stringify(later)) }], options);
    await store.db.deleteFrom('translations').execute();
    rmSync(join(photos, '2019'), { recursive: true });
    writeFileSync(join(photos, 'new.jpg'), 'x');
    assert.notEqual(await exportRecord(store, 'json'), exportBefore);

    const report = await restoreStore(store, backup, { photosDir: photos });
    assert.equal(report.tables.events, 62);
    assert.equal(await exportRecord(store, 'json'), exportBefore, 'export before = export after');
    assert.deepEqual(await dumpTables(store.db, store.schema), tablesBefore, 'every table, row and id as it was');
    assert.deepEqual(files(photos), photosBefore, 'the photos folder as it was');
  });

  it('restores into a new, empty store, where new imports then get new ids (the id sequences moved past the restored rows)', async () => {
    const fresh = await openFresh();
    try {
      await restoreStore(fresh, backup, { photosDir: join(dir, 'fresh-photos') });
      assert.equal(await exportRecord(fresh, 'json'), exportBefore);
      assert.deepEqual(files(join(dir, 'fresh-photos')), photosBefore);
      const report = await importDocuments(fresh, [{ name: 'jeonju.json', bytes: Buffer.from(JSON.stringify(later)) }], options);
      assert.equal(report.changes[0]?.created, true);
      const ids = (await fresh.db.selectFrom('events').select('id').execute()).map((r) => r.id);
      assert.equal(ids.length, 63);
      assert.equal(new Set(ids).size, ids.length);
    } finally {
      await fresh.close();
    }
  });

  it('restores a backup made before the fields of exchange became event columns (an event_fields table)', async () => {
    const old = join(dir, 'before-event-fields');
    await backupStore(store, old, { photosDir: join(dir, 'no-photos') });
    // The backup turned into the earlier form: each event's fields as rows of event_fields, the columns gone.
    const manifest = JSON.parse(readFileSync(join(old, 'manifest.json'), 'utf8'));
    const fieldRows = (events: Record<string, unknown>[]) =>
      events.flatMap((e) => {
        if (e['fields'] === null) return [];
        const fields = fieldsOfBits(e['fields'] as number);
        return (fields.length === 0 ? ['none'] : fields).map((field) => ({ event_id: e['id'], field, source: e['fields_source'] }));
      });
    if (manifest.data === 'tables.json') {
      const dump = JSON.parse(readFileSync(join(old, 'tables.json'), 'utf8'));
      dump.event_fields = fieldRows(dump.events);
      dump.events = dump.events.map(({ fields: _f, fields_source: _s, ...rest }: Record<string, unknown>) => rest);
      manifest.tables.event_fields = dump.event_fields.length;
      writeFileSync(join(old, 'tables.json'), JSON.stringify(dump));
    } else {
      const file = new BetterSqlite3(join(old, 'koryu.db'));
      const rows = fieldRows(file.prepare('select id, fields, fields_source from events').all() as Record<string, unknown>[]);
      file.exec('create table event_fields (event_id integer not null references events (id) on delete cascade, field text not null, source text not null, primary key (event_id, field))');
      const insert = file.prepare('insert into event_fields (event_id, field, source) values (?, ?, ?)');
      for (const r of rows) insert.run(r.event_id, r.field, r.source);
      file.exec('alter table events drop column fields_source; alter table events drop column fields');
      file.close();
      manifest.tables.event_fields = rows.length;
    }
    assert.ok(manifest.tables.event_fields > 0);
    writeFileSync(join(old, 'manifest.json'), JSON.stringify(manifest));
    const fresh = await openFresh();
    try {
      await restoreStore(fresh, old, { photosDir: join(dir, 'old-photos') });
      const events = (s: Store) => s.db.selectFrom('events').select(['id', 'fields', 'fields_source']).orderBy('id').execute();
      assert.deepEqual(await events(fresh), await events(store));
    } finally {
      await fresh.close();
    }
  });

  it('refuses what is not a backup, and a damaged one, leaving the store unchanged', async () => {
    const notBackup = join(dir, 'not-a-backup');
    mkdirSync(notBackup);
    writeFileSync(join(notBackup, 'manifest.json'), '{"format":"something-else"}');
    const damaged = join(dir, 'damaged');
    await backupStore(store, damaged, { photosDir: join(dir, 'no-photos') });
    const manifest = JSON.parse(readFileSync(join(damaged, 'manifest.json'), 'utf8'));
    if (manifest.data === 'tables.json') {
      const dump = JSON.parse(readFileSync(join(damaged, 'tables.json'), 'utf8'));
      dump.events.pop();
      writeFileSync(join(damaged, 'tables.json'), JSON.stringify(dump));
    } else {
      const db = readFileSync(join(damaged, 'koryu.db'));
      writeFileSync(join(damaged, 'koryu.db'), db.subarray(0, Math.floor(db.length / 2)));
    }
    for (const [source, code, words] of [
      [join(dir, 'missing'), 'DocumentNotFound', /no such backup/],
      [join(backup, 'manifest.json'), 'NotADocument', /is a file/],
      [notBackup, 'NotADocument', /not a koryu-backup\/1 backup/],
      [damaged, 'NotADocument', /damaged/],
    ] as const) {
      await assert.rejects(restoreStore(store, source, { photosDir: photos }), (e: unknown) => {
        assert.ok(e instanceof KoryuError, String(e));
        assert.equal(e.code, code);
        assert.match(e.message, words);
        return true;
      });
      assert.equal(await exportRecord(store, 'json'), exportBefore, `${source} changed nothing`);
    }
  });
});
