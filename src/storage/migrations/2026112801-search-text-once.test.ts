import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Migrator } from 'kysely';
import { normalizeForSearch } from '../../domain/search-text.js';
import { importDocuments } from '../../services/import.service.js';
import { openSampleStore } from '../../../test/support/sample-store.js';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import { migrateToLatest } from '../migrate.js';
import { searchKeys } from '../search.repository.js';
import { migrationsFor } from './index.js';

describeOnEachStore('migration 2026112801-search-text-once', (openFresh) => {
  it('stores a normalized text only where it differs from the text, both ways, and the search finds the same', async () => {
    const store = await openSampleStore(openFresh);
    try {
      // The sample's texts are all in normal form: a second partnership brings full-width and upper-case ones.
      const doc = ['姉妹都市ＡＢＣ市との歩み', '', '年\t\t交流内容', '2010年 (平成22年)\t派遣\tＡＢＣ市を訪問 市長が訪問', '', 'ＡＢＣ市交流の記録', '', '年\t交流事業', '2010年\tＡＢＣ市で調印式 市長と'].join('\n');
      await importDocuments(store, [{ name: 'abc.txt', bytes: Buffer.from(doc) }], { home: '金沢市', maxDocumentBytes: 1e7 });
      const events = () => store.db.selectFrom('events').select(['id', 'text', 'search_text']).orderBy('id').execute();
      const records = () => store.db.selectFrom('photo_records').select(['id', 'caption', 'search_text']).orderBy('id').execute();
      const latest = { events: await events(), records: await records() };
      // As an import stores them: null exactly where normalizing changes nothing, and some of each.
      for (const e of latest.events) assert.equal(e.search_text, normalizeForSearch(e.text) === e.text ? null : normalizeForSearch(e.text), e.text);
      for (const r of latest.records) assert.equal(r.search_text, normalizeForSearch(r.caption) === r.caption ? null : normalizeForSearch(r.caption), r.caption);
      for (const rows of [latest.events, latest.records]) assert.ok(rows.some((r) => r.search_text === null) && rows.some((r) => r.search_text !== null));
      const queries = ['大連', 'ａ', 'abc', 'abc市', '市長', '2006', '交流', '調印式'];
      const found = await Promise.all(queries.map((q) => searchKeys(store.db, q)));

      const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrationsFor(store.capabilities) } });
      assert.equal((await migrator.migrateTo('2026112702-event-fields')).error, undefined);
      for (const e of await events()) assert.equal(e.search_text, normalizeForSearch(e.text));
      for (const r of await records()) assert.equal(r.search_text, normalizeForSearch(r.caption));

      await migrateToLatest(store.db, store.capabilities);
      assert.deepEqual({ events: await events(), records: await records() }, latest);
      assert.deepEqual(await Promise.all(queries.map((q) => searchKeys(store.db, q))), found);
      assert.ok(found[2]!.length >= 2 && found[3]!.length >= 2, 'the full-width event and caption are found');
    } finally {
      await store.close();
    }
  });
});
