import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { Migrator } from 'kysely';
import { openSampleStore } from '../../test/support/sample-store.js';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { Store } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrate.js';
import { migrationsFor } from '../storage/migrations/index.js';
import { createItem, editItem, getItem, removeItem } from './editing.service.js';
import { importDocuments } from './import.service.js';
import { exportRecord, listPartnerships } from './record.service.js';
import { searchRecord, searchWithFacets } from './search.service.js';

const sato = { name: 'sato' };
const options = { home: '金沢市', maxDocumentBytes: 1e7 };
const keys = async (store: Store, q: string) => (await searchRecord(store, q, { limit: 1000 })).hits.map((h) => `${h.kind}:${h.id}`).sort();

/** Search finds an event or photo record by its English and Chinese translations as well as by its Japanese text. */
describeOnEachStore('search in translations', (openFresh) => {
  let store: Store;
  let dalian: number;
  before(async () => {
    store = await openSampleStore(openFresh);
    dalian = (await listPartnerships(store))[0]!.id;
  });
  after(async () => {
    await store?.close();
  });

  it('finds an item by a word of its translation, of any length, and gives the hit its translations', async () => {
    const event = await createItem(store, 'event', { partnershipId: dalian, year: 2024, date: null, direction: 'dispatch', text: '市民マラソン派遣団', translations: { en: 'Citizens ran the Dalian Marathon', zh: '市民参加大连马拉松' }, status: 'published' }, sato);
    for (const q of ['Marathon', 'marathon', 'ＭＡＲＡＴＨＯＮ', 'ra', 'n', 'dalian marathon', '马拉松', '马拉', '"ran the"']) {
      assert.ok((await keys(store, q)).includes(`event:${event.id}`), q);
    }
    const [hit] = (await searchRecord(store, 'Marathon')).hits;
    assert.deepEqual(hit?.translations, { en: 'Citizens ran the Dalian Marathon', zh: '市民参加大连马拉松' });
    assert.ok((await keys(store, 'マラソン marathon')).includes(`event:${event.id}`), 'words from the text and a translation together');
    assert.deepEqual(await keys(store, 'Marathon'), [`event:${event.id}`]);
  });

  it('finds no word across the end of a text and the start of its translation', async () => {
    const event = await createItem(store, 'event', { partnershipId: dalian, year: 2024, date: null, direction: 'mutual', text: '卓球大会xy', translations: { en: 'zw table tennis' }, status: 'published' }, sato);
    assert.ok((await keys(store, 'xy')).includes(`event:${event.id}`));
    assert.ok((await keys(store, 'zw')).includes(`event:${event.id}`));
    for (const q of ['yz', 'xyzw', '"y\nz"', '"xy zw"']) assert.ok(!(await keys(store, q)).includes(`event:${event.id}`), JSON.stringify(q));
  });

  it('follows a translation as it is changed, removed, and as the item is deleted', async () => {
    const record = await createItem(store, 'record', { partnershipId: dalian, year: 2023, caption: '記念植樹', translations: { en: 'Planting a cherry tree' }, eventId: null, photo: null, status: 'published' }, sato);
    assert.deepEqual(await keys(store, 'cherry'), [`record:${record.id}`]);
    const edited = await editItem(store, 'record', record.id, { translations: { en: 'Planting a plum tree' } }, record.version, sato);
    assert.deepEqual(await keys(store, 'cherry'), []);
    assert.deepEqual(await keys(store, 'plum'), [`record:${record.id}`]);
    const cleared = await editItem(store, 'record', record.id, { translations: { en: '' } }, edited.version, sato);
    assert.deepEqual(await keys(store, 'plum'), []);
    assert.deepEqual(await keys(store, '記念植樹'), [`record:${record.id}`]);
    const translated = await editItem(store, 'record', record.id, { translations: { zh: '植树纪念' } }, cleared.version, sato);
    assert.deepEqual(await keys(store, '植树'), [`record:${record.id}`]);
    await removeItem(store, 'record', record.id, translated.version, sato);
    assert.deepEqual(await keys(store, '植树'), []);
    assert.deepEqual(await keys(store, '記念植樹'), []);
  });

  it('keeps a draft’s translation out of the search until it is published', async () => {
    const event = await createItem(store, 'event', { partnershipId: dalian, year: 2022, date: null, direction: 'reception', text: '視察団が来訪', translations: { en: 'An inspection delegation came' }, status: 'draft' }, sato);
    assert.deepEqual(await keys(store, 'inspection'), []);
    await editItem(store, 'event', event.id, { status: 'published' }, (await getItem(store, 'event', event.id)).version, sato);
    assert.deepEqual(await keys(store, 'inspection'), [`event:${event.id}`]);
  });

  it('counts translated matches in the facets as in the total', async () => {
    const result = await searchWithFacets(store, 'marathon');
    assert.equal(result.total, 1);
    assert.equal(result.facets.years.reduce((n, y) => n + y.count, 0), 1);
  });

  it('indexes the translations a koryu/1 document carries, on a first import and when a re-import changes them', async () => {
    const other = await openFresh();
    try {
      const exported = await exportRecord(store, 'json');
      await importDocuments(other, [{ name: 'record.json', bytes: Buffer.from(exported) }], options);
      assert.equal((await keys(other, 'Marathon')).length, 1, 'first import');
      const retranslated = exported.replace('Citizens ran the Dalian Marathon', 'Citizens ran the Dalian half marathon');
      assert.notEqual(retranslated, exported);
      await importDocuments(other, [{ name: 'record.json', bytes: Buffer.from(retranslated) }], options);
      assert.equal((await keys(other, 'half')).length, 1, 're-import with a changed translation');
      assert.equal((await keys(other, 'marathon')).length, 1);
      const untranslated = retranslated.replace(/,\s*"translations":\s*\{[^}]*"en":\s*"Citizens ran[^}]*\}/, '');
      assert.notEqual(untranslated, retranslated);
      await importDocuments(other, [{ name: 'record.json', bytes: Buffer.from(untranslated) }], options);
      assert.equal((await keys(other, 'half')).length, 1, 'a document without translations leaves the stored ones, and the search by them');
    } finally {
      await other.close();
    }
  });

  it('indexes the translations stored before search read them when the store is migrated', async () => {
    const other = await openSampleStore(openFresh);
    try {
      const [event] = (await listPartnerships(other))[0]!.events;
      await editItem(other, 'event', event!.id, { translations: { en: 'The mayor signed the agreement' } }, (await getItem(other, 'event', event!.id)).version, sato);
      assert.deepEqual(await keys(other, 'signed'), [`event:${event!.id}`]);
      const migrator = new Migrator({ db: other.db, provider: { getMigrations: async () => migrationsFor(other.capabilities) } });
      assert.equal((await migrator.migrateTo('2026113001-history-by-partnership')).error, undefined);
      assert.deepEqual(await keys(other, 'signed'), [], 'down: the Japanese text alone');
      const own = `"${event!.text}"`;
      assert.ok((await keys(other, own)).includes(`event:${event!.id}`));
      await migrateToLatest(other.db, other.capabilities);
      assert.deepEqual(await keys(other, 'signed'), [`event:${event!.id}`], 'up: the translations too');
      assert.ok((await keys(other, own)).includes(`event:${event!.id}`));
    } finally {
      await other.close();
    }
  });
});
