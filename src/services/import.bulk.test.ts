import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { describeOnEachStore, foreignKeys } from '../../test/support/test-stores.js';
import { BULK_TABLES } from '../storage/partnership.bulk.js';
import { generateCorpus } from '../exports/corpus.generator.js';
import type { Database, Store } from '../storage/database.js';
import { savePartnership } from '../storage/partnership.repository.js';
import { recordImport } from '../storage/import.repository.js';
import { SearchIndexBatch } from '../storage/search.index.js';
import { listsOfRow } from '../storage/search.layout.js';
import { countPostings, searchKeys } from '../storage/search.repository.js';
import { gramsOf } from '../domain/search-text.js';
import { KoryuError } from '../errors.js';
import { parseDocument } from '../importer/parse-document.js';
import { parseDocuments } from './documents.service.js';
import { importDocuments, BULK_LOAD_FROM, type SourceDocument } from './import.service.js';
import { linkBeforeSave, recordKnowledgeAfterSave } from './knowledge.import.js';
import { normalizedOf } from '../storage/search-text.column.js';

const options = { home: '金沢市', maxDocumentBytes: 10 * 1024 * 1024 };

/** A koryu/1 document with translations and a no-exchange year, which the generated corpus does not hold. */
const translated: SourceDocument = {
  name: 'translated.json',
  bytes: Buffer.from(
    JSON.stringify({
      format: 'koryu/1',
      partnerships: [
        {
          home: '金沢市',
          partner: '大連市',
          kind: '友好交流都市',
          affiliatedOn: '2006-11-24',
          noExchangeYears: [2021],
          events: [
            { year: 2006, date: null, direction: 'dispatch', text: '市英語教育研修参加派遣団が訪問', translations: { en: 'The city English training delegation visited' }, line: 8 },
            { year: 2006, date: '2006-11-24', direction: 'reception', text: '夏市長が来訪し合意書に署名', translations: { zh: '夏市长来访并签署协议书' }, line: 9 },
            { year: 2007, date: '2007-05', direction: 'dispatch', text: '山出市長がサミットで講演', line: 10 },
          ],
          records: [
            { year: 2006, caption: '友好交流都市協定の締結', translations: { zh: '缔结友好交流城市协定' }, event: 1, line: 50 },
            { year: 2007, caption: '大連国際マラソン大会の市民ランナー', event: null, line: 51 },
          ],
          agreements: [],
        },
      ],
      organizations: [],
      diagnostics: [],
    }),
  ),
};

function corpus(partnerships: number, seed: string): SourceDocument[] {
  return [...generateCorpus({ partnerships, years: 12, seed, formats: ['table', 'pipe', 'lines'] })].map((d) => ({
    name: d.path,
    bytes: Buffer.from(d.text),
    home: d.home,
  }));
}

/** The import as it was before the bulk path: every partnership compared with the store and saved one by one. */
async function importOneByOne(store: Store, docs: readonly SourceDocument[]): Promise<void> {
  const parsed = await parseDocuments(docs, options);
  await store.transaction(async (trx) => {
    const index = new SearchIndexBatch();
    for (const doc of parsed) {
      for (const p of doc.partnerships) {
        const linked = await linkBeforeSave(trx, p);
        const summary = await savePartnership(trx, linked.partnership, doc.source, { index });
        await recordKnowledgeAfterSave(trx, linked);
        await recordImport(trx, doc.source, summary);
      }
    }
    await index.flush(trx);
  });
}

/** Every row an import writes, timestamps left out, the posting lists decoded. */
async function snapshot(db: Kysely<Database>) {
  return {
    partnerships: await db.selectFrom('partnerships').select(['id', 'home', 'partner', 'kind', 'affiliated_on', 'source', 'status', 'version']).orderBy('id').execute(),
    events: await db
      .selectFrom('events')
      .select(['id', 'partnership_id', 'position', 'year', 'date', 'direction', 'text', 'search_text', 'line', 'status', 'version', 'fields', 'fields_source'])
      .orderBy('id')
      .execute(),
    records: await db
      .selectFrom('photo_records')
      .select(['id', 'partnership_id', 'position', 'year', 'caption', 'search_text', 'event_id', 'line', 'photo', 'status', 'version'])
      .orderBy('id')
      .execute(),
    years: await db.selectFrom('exchange_years').selectAll().orderBy('partnership_id').orderBy('year').execute(),
    translations: await db.selectFrom('translations').select(['item_kind', 'item_id', 'locale', 'text']).orderBy('item_kind').orderBy('item_id').orderBy('locale').execute(),
    links: await db.selectFrom('photo_links').select(['record_id', 'confidence', 'confirmed']).orderBy('record_id').execute(),
    imports: await db
      .selectFrom('imports')
      .select(['source', 'home', 'partner', 'added_events', 'changed_events', 'removed_events', 'added_records', 'changed_records', 'removed_records'])
      .orderBy('id')
      .execute(),
    postings: (await db.selectFrom('search_postings').selectAll().orderBy('item_kind').orderBy('year').orderBy('gram').execute()).map((row) => ({
      ...row,
      ids: listsOfRow(row),
    })),
  };
}

describeOnEachStore('the bulk import path', (openFresh) => {
  it('writes the same rows and posting lists as saving the partnerships one by one', async () => {
    const docs = [...corpus(9, 'bulk-same-rows'), translated];
    const bulk = await openFresh();
    const oneByOne = await openFresh();
    try {
      await importDocuments(bulk, docs, options);
      await importOneByOne(oneByOne, docs);
      const expected = await snapshot(oneByOne.db);
      assert.ok(expected.events.length > 100 && expected.postings.length > 100 && expected.translations.length === 3 && expected.years.length > 0);
      assert.ok(expected.events.some((e) => e.fields !== null && e.fields_source === 'suggested') && expected.links.length > 0);
      assert.deepEqual(await snapshot(bulk.db), expected);
    } finally {
      await bulk.close();
      await oneByOne.close();
    }
  });

  it('writes the same rows in steps of partnershipsPerStep partnerships, whatever the step', async () => {
    const docs = [...corpus(9, 'bulk-steps'), translated];
    const oneByOne = await openFresh();
    try {
      await importOneByOne(oneByOne, docs);
      const expected = await snapshot(oneByOne.db);
      for (const step of [1, 3, 4]) {
        const bulk = await openFresh();
        try {
          const writer = bulk.bulk;
          const partnershipRows: number[] = [];
          bulk.bulk = {
            ...writer,
            partnershipsPerStep: step,
            insert(db, table, columns, rows) {
              if (table === 'partnerships') partnershipRows.push(rows.length);
              return writer.insert(db, table, columns, rows);
            },
          };
          await importDocuments(bulk, docs, options);
          const steps = Math.ceil(10 / step);
          assert.deepEqual(partnershipRows, Array.from({ length: steps }, (_, i) => (i < steps - 1 ? step : 10 - step * (steps - 1))), `step ${step}`);
          assert.deepEqual(await snapshot(bulk.db), expected, `step ${step}`);
        } finally {
          await bulk.close();
        }
      }
    } finally {
      await oneByOne.close();
    }
  });

  it('mixes with partnerships already stored, and refuses a partnership given twice in one import', async () => {
    const docs = corpus(8, 'bulk-mixed');
    // The first half is stored already; a document repeating the first new partnership is refused.
    const repeated = corpus(8, 'bulk-mixed').slice(4, 5).map((d) => ({ ...d, name: `again-${d.name}` }));
    const bulk = await openFresh();
    const oneByOne = await openFresh();
    try {
      await importDocuments(bulk, docs.slice(0, 4), options);
      await importOneByOne(oneByOne, docs.slice(0, 4));
      const before = await snapshot(bulk.db);
      await assert.rejects(importDocuments(bulk, [...docs, ...repeated, translated], options), (e: unknown) => {
        assert.ok(e instanceof KoryuError && e.code === 'ImportRejected');
        assert.match(e.message, new RegExp(`^${docs[4]!.name} and again-${docs[4]!.name} both hold .+ – .+\\. An import takes each partnership's document whole`));
        return true;
      });
      assert.deepEqual(await snapshot(bulk.db), before, 'nothing written');
      const report = await importDocuments(bulk, [...docs, translated], options);
      await importOneByOne(oneByOne, [...docs, translated]);
      assert.deepEqual(
        report.changes.map((c) => c.created),
        [false, false, false, false, true, true, true, true, true],
      );
      assert.deepEqual(await snapshot(bulk.db), await snapshot(oneByOne.db));
    } finally {
      await bulk.close();
      await oneByOne.close();
    }
  });

  it('reports in a dry run what the import would change, and writes nothing (a first import, then one changing stored partnerships)', async () => {
    const docs = corpus(6, 'bulk-dry');
    const store = await openFresh();
    try {
      const empty = await snapshot(store.db);
      const dry = await importDocuments(store, docs, { ...options, dryRun: true, actor: 'sato' });
      assert.deepEqual(await snapshot(store.db), empty, 'nothing written by the first dry run');
      assert.equal(await store.db.selectFrom('history').select('id').executeTakeFirst(), undefined, 'no history either');
      const real = await importDocuments(store, docs, options);
      assert.deepEqual(dry.changes, real.changes);
      // A corrected document: one event's text changed, the last event left out.
      const text = docs[0]!.bytes.toString();
      const lines = text.trimEnd().split('\n');
      const corrected = { ...docs[0]!, bytes: Buffer.from(lines.slice(0, -1).join('\n').replace('を派遣', 'を再び派遣')) };
      const stored = await snapshot(store.db);
      const again = await importDocuments(store, [corrected], { ...options, dryRun: true });
      assert.deepEqual(await snapshot(store.db), stored, 'nothing written by the second dry run');
      const applied = await importDocuments(store, [corrected], options);
      assert.deepEqual(again.changes, applied.changes);
      assert.ok(applied.changes[0]!.changed.events + applied.changes[0]!.removed.events + applied.changes[0]!.removed.records > 0, JSON.stringify(applied.changes));
    } finally {
      await store.close();
    }
  });

  it('changes nothing when the same documents are imported again', async () => {
    const docs = [...corpus(6, 'bulk-again'), translated];
    const store = await openFresh();
    try {
      await importDocuments(store, docs, options);
      const before = await snapshot(store.db);
      const report = await importDocuments(store, docs, options);
      assert.ok(report.changes.every((c) => !c.created && c.added.events === 0 && c.changed.events === 0 && c.removed.events === 0));
      const after = await snapshot(store.db);
      assert.deepEqual({ ...after, imports: after.imports.slice(0, before.imports.length) }, before);
    } finally {
      await store.close();
    }
  });

  it('notes each new partnership and each of its items in their history when an actor imports, and nothing when the same import changes nothing', async () => {
    const docs = corpus(3, 'bulk-history');
    const store = await openFresh();
    try {
      await importDocuments(store, docs, { ...options, actor: 'sato' });
      const history = await store.db.selectFrom('history').select(['item_kind', 'item_id', 'action', 'actor', 'before', 'after']).orderBy('id').execute();
      const partnerships = await store.db.selectFrom('partnerships').select(['id', 'partner']).orderBy('id').execute();
      const ofPartnerships = history.filter((h) => h.item_kind === 'partnership');
      assert.deepEqual(
        ofPartnerships.map((h) => [h.item_kind, h.item_id, h.action, h.actor, h.before]),
        partnerships.map((p) => ['partnership', p.id, 'import', 'sato', null]),
      );
      assert.ok(ofPartnerships.every((h, i) => JSON.parse(h.after!).partner === partnerships[i]!.partner));
      const items = (await store.db.selectFrom('events').select('id').execute()).length + (await store.db.selectFrom('photo_records').select('id').execute()).length;
      const ofItems = history.filter((h) => h.item_kind !== 'partnership');
      assert.equal(ofItems.length, items, 'an entry per event and photo record');
      assert.ok(ofItems.every((h) => h.action === 'import' && h.actor === 'sato' && h.before === null && h.after !== null));
      await importDocuments(store, docs, { ...options, actor: 'sato' });
      assert.equal((await store.db.selectFrom('history').select('id').execute()).length, history.length);
    } finally {
      await store.close();
    }
  });

  it('keeps every item in the index when imports run at once, each in its own transaction', async () => {
    const docs = corpus(6, 'bulk-at-once');
    const store = await openFresh();
    try {
      await Promise.all(docs.map((doc) => importDocuments(store, [doc], options)));
      const texts = [
        ...(await store.db.selectFrom('events').select(['id', 'text', 'search_text']).execute()).map((r) => ({ key: `event:${r.id}`, text: normalizedOf(r.text, r.search_text) })),
        ...(await store.db.selectFrom('photo_records').select(['id', 'caption', 'search_text']).execute()).map((r) => ({ key: `record:${r.id}`, text: normalizedOf(r.caption, r.search_text) })),
      ];
      assert.ok(texts.length > 300);
      assert.equal(await countPostings(store.db), texts.reduce((n, t) => n + gramsOf(t.text).length, 0));
      for (const q of ['市', '交流', '訪問', '大学']) {
        const expected = texts.filter((t) => t.text.includes(q)).map((t) => t.key);
        assert.ok(expected.length > 0, q);
        assert.deepEqual((await searchKeys(store.db, q)).sort(), expected.sort(), q);
      }
    } finally {
      await store.close();
    }
  });

  it('leaves the store as it was when an insert fails late in a large first import, and reports that failure', async () => {
    const docs = [...generateCorpus({ partnerships: 50, years: 40, seed: 'bulk-refused' })].map((d) => ({ name: d.path, bytes: Buffer.from(d.text), home: d.home }));
    const store = await openFresh();
    try {
      // Refuses the last event of the last document: by then the index worker is at work and many inserts are
      // queued. Chosen by its content, since PostgreSQL's ids move on after a rollback.
      const events = parseDocument(docs.at(-1)!.bytes, { home: docs.at(-1)!.home }).partnerships[0]!.events;
      const last = sql`new.text = ${sql.lit(events.at(-1)!.text)} and new.year = ${sql.lit(events.at(-1)!.year)} and new.position = ${sql.lit(events.length - 1)}`;
      if (store.kind === 'sqlite') {
        await sql`create trigger refuse_event before insert on events when ${last} begin select raise(abort, 'refused by the test'); end`.execute(store.db);
      } else {
        await sql`create function refuse_event() returns trigger language plpgsql as $$ begin if ${last} then raise exception 'refused by the test'; end if; return new; end $$`.execute(store.db);
        await sql`create trigger refuse_event before insert on events for each row execute function refuse_event()`.execute(store.db);
      }
      // On PostgreSQL a large first import lifts the references until its end: they must be back however it ends.
      const references = await foreignKeys(store);
      for (const actor of [undefined, 'sato']) {
        await assert.rejects(importDocuments(store, docs, { ...options, exclusive: true, ...(actor ? { actor } : {}) }), /refused by the test/);
        assert.deepEqual(await foreignKeys(store), references);
        // On SQLite the load wrote with a rollback journal: the store is back on its log however it ended.
        assert.deepEqual(await journalOf(store), store.kind === 'sqlite' ? { mode: 'wal', synchronous: 1 } : undefined);
        for (const table of ['partnerships', 'events', 'photo_records', 'search_postings', 'translations', 'photo_links', 'history'] as const) {
          assert.equal((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n.toString(), '0', `${table} after a refused import (actor ${actor})`);
        }
      }
      await sql`drop trigger refuse_event ${sql.raw(store.kind === 'sqlite' ? '' : 'on events')}`.execute(store.db);
      const report = await importDocuments(store, docs, { ...options, exclusive: true });
      assert.ok(report.changes.reduce((n, c) => n + c.added.events + c.added.records, 0) >= BULK_LOAD_FROM);
      assert.deepEqual(await foreignKeys(store), references);
      const texts = (await store.db.selectFrom('events').select(['id', 'text', 'search_text']).execute()).map((r) => ({ key: `event:${r.id}`, text: normalizedOf(r.text, r.search_text) }));
      for (const q of ['交流', '訪問団']) {
        const expected = texts.filter((t) => t.text.includes(q)).map((t) => t.key);
        assert.deepEqual((await searchKeys(store.db, q)).filter((k) => k.startsWith('event:')).sort(), expected.sort(), q);
      }
    } finally {
      await store.close();
    }
  });

  it('lifts the references and writes pages once only for an exclusive first import of BULK_LOAD_FROM items or more', async () => {
    const docs = [...generateCorpus({ partnerships: 50, years: 40, seed: 'bulk-exclusive' })].map((d) => ({ name: d.path, bytes: Buffer.from(d.text), home: d.home }));
    const small = corpus(2, 'bulk-exclusive-small');
    const calls: string[][] = [];
    const journals: unknown[] = [];
    let kind: Store['kind'] = 'sqlite';
    const watched = async (exclusive: boolean, documents: SourceDocument[], dryRun = false) => {
      const store = await openFresh();
      kind = store.kind;
      const suspend = store.bulk.suspendReferences.bind(store.bulk);
      const writeOnce = store.bulk.writeOnce.bind(store.bulk);
      store.bulk = {
        ...store.bulk,
        suspendReferences: (db, tables) => (calls.push([...tables]), suspend(db, tables)),
        // The journal the load writes with, read as it starts.
        writeOnce: async (db) => {
          const restore = await writeOnce(db);
          journals.push(await journalOf(store));
          return restore;
        },
      };
      try {
        await importDocuments(store, documents, { ...options, exclusive, dryRun });
        await importDocuments(store, corpus(1, 'bulk-exclusive-later'), { ...options, exclusive });
        assert.deepEqual(await journalOf(store), store.kind === 'sqlite' ? { mode: 'wal', synchronous: 1 } : undefined);
        return await foreignKeys(store);
      } finally {
        await store.close();
      }
    };
    const plain = await watched(false, docs);
    assert.deepEqual(calls, []);
    assert.deepEqual(await watched(true, small), plain);
    assert.deepEqual(calls, [], 'a small first import is no bulk load');
    assert.deepEqual(journals, []);
    await watched(true, docs, true);
    assert.deepEqual(journals, [], 'a dry run rolls back: it keeps the log');
    calls.length = 0;
    assert.deepEqual(await watched(true, docs), plain);
    assert.deepEqual(calls, [[...BULK_TABLES]], 'once, for the first import only');
    assert.deepEqual(journals, [kind === 'sqlite' ? { mode: 'delete', synchronous: 2 } : undefined], 'once, for the first import only');
  });
});

/** SQLite's journal mode and synchronous setting on the store's connection; undefined on PostgreSQL. */
async function journalOf(store: Store): Promise<{ mode: string; synchronous: number } | undefined> {
  if (store.kind !== 'sqlite') return undefined;
  const mode = (await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db)).rows[0]!.journal_mode;
  const synchronous = (await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db)).rows[0]!.synchronous;
  return { mode, synchronous };
}
