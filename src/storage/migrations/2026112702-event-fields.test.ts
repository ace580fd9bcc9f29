import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql, Migrator } from 'kysely';
import { openSampleStore } from '../../../test/support/sample-store.js';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import { fieldBits, saveEventFields } from '../knowledge.repository.js';
import { migrateToLatest } from '../migrate.js';
import { migrationsFor } from './index.js';

describeOnEachStore('migration 2026112702-event-fields', (openFresh) => {
  it('moves the fields between the event_fields table and the event columns, both ways, editors’ sets and “no field” kept', async () => {
    const store = await openSampleStore(openFresh);
    try {
      // An import stores a suggestion for every event; an event with none stored is one a store made before that holds.
      const last = await store.db.selectFrom('events').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
      await sql`update events set fields = null, fields_source = null where id = ${last.id}`.execute(store.db);
      const events = await store.db.selectFrom('events').select(['id', 'fields', 'fields_source']).orderBy('id').execute();
      const suggested = events.find((e) => e.fields !== null && e.fields !== 0 && e.fields_source === 'suggested')!;
      const suggestedNone = events.find((e) => e.fields === 0 && e.fields_source === 'suggested')!;
      const unstored = events.find((e) => e.fields === null)!;
      const [chosen, none] = events.filter((e) => e !== suggested && e !== unstored && e !== suggestedNone);
      assert.ok(suggested && suggestedNone && unstored && chosen && none);
      await saveEventFields(store.db, chosen.id, ['youth', 'culture'], 'editor');
      await saveEventFields(store.db, none.id, [], 'editor');
      const before = await store.db.selectFrom('events').select(['id', 'fields', 'fields_source']).orderBy('id').execute();
      assert.deepEqual(
        before.find((e) => e.id === chosen.id),
        { id: chosen.id, fields: fieldBits(['culture', 'youth']), fields_source: 'editor' },
      );

      const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrationsFor(store.capabilities) } });
      assert.equal((await migrator.migrateTo('2026112701-combined-postings')).error, undefined);
      const { rows } = await sql<{ event_id: number; field: string; source: string }>`select event_id, field, source from event_fields order by event_id, field`.execute(store.db);
      const of = (id: number) => rows.filter((r) => r.event_id === id).map((r) => [r.field, r.source]);
      assert.deepEqual(of(chosen.id), [['culture', 'editor'], ['youth', 'editor']]);
      assert.deepEqual(of(none.id), [['none', 'editor']]);
      assert.deepEqual(of(unstored.id), []);
      assert.deepEqual(of(suggestedNone.id), [['none', 'suggested']]);
      assert.ok(of(suggested.id).length > 0 && of(suggested.id).every(([, source]) => source === 'suggested'));
      assert.equal(new Set(rows.map((r) => r.event_id)).size, before.filter((e) => e.fields !== null).length);

      await migrateToLatest(store.db, store.capabilities);
      assert.deepEqual(await store.db.selectFrom('events').select(['id', 'fields', 'fields_source']).orderBy('id').execute(), before);
    } finally {
      await store.close();
    }
  });
});
