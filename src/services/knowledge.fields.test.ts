import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { openSampleStore, SAMPLE_BYTES } from '../../test/support/sample-store.js';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { EXCHANGE_FIELDS, suggestFields, type ExchangeField } from '../domain/exchange-field.js';
import type { FieldsOf } from '../domain/editing.js';
import type { Store } from '../storage/database.js';
import { fieldBits, findFieldEvents } from '../storage/knowledge.repository.js';
import { createItem, editItem, historyOf, removeItem, restoreVersion } from './editing.service.js';
import { searchWithKnowledge } from './knowledge.search.js';
import { setEventFields } from './knowledge.service.js';
import { importDocuments } from './import.service.js';
import { listPartnerships } from './record.service.js';

const chief = { name: 'chief' };

describeOnEachStore('the fields of exchange stored for every event', (openFresh) => {
  let store: Store;
  let dalian: number;
  before(async () => {
    store = await openSampleStore(openFresh);
    dalian = (await listPartnerships(store))[0]!.id;
  });
  after(async () => {
    await store?.close();
  });

  const stored = async (id: number) =>
    store.db.selectFrom('events').select(['fields', 'fields_source']).where('id', '=', id).executeTakeFirstOrThrow();
  /** The published events a field filter keeps for the query 市 (every event of the sample holds it or not: both kinds are checked). */
  const inField = async (field: ExchangeField) =>
    (await searchWithKnowledge(store, '市', { filters: { field }, limit: 1000 })).hits.filter((h) => h.kind === 'event').map((h) => h.id);
  const newEvent = (text: string): FieldsOf['event'] => ({ partnershipId: dalian, year: 2025, date: null, direction: 'mutual', text, translations: {}, status: 'published' });

  it('stores a suggestion for every imported event, an empty one as 0, so a field filter reads no text to suggest again', async () => {
    const events = await store.db.selectFrom('events').select(['id', 'text', 'fields', 'fields_source']).execute();
    assert.ok(events.length >= 50);
    for (const e of events) {
      assert.equal(e.fields_source, 'suggested', e.text);
      assert.equal(e.fields, fieldBits(suggestFields(e.text)), e.text);
    }
    assert.ok(events.some((e) => e.fields === 0) && events.some((e) => e.fields !== 0));
    for (const field of EXCHANGE_FIELDS) assert.deepEqual((await findFieldEvents(store.db, field)).unstored, [], field);
  });

  it('suggests again from the text when staff create, edit and restore an event, and keeps fields an editor set', async () => {
    const created = await createItem(store, 'event', newEvent('市民防災訓練の視察団が来訪'), chief);
    assert.deepEqual(await stored(created.id), { fields: fieldBits(['disaster']), fields_source: 'suggested' });
    assert.ok((await inField('disaster')).includes(created.id));

    const edited = await editItem(store, 'event', created.id, { text: '市民マラソン大会に選手団が参加' }, created.version, chief);
    assert.deepEqual(await stored(created.id), { fields: fieldBits(['sports']), fields_source: 'suggested' });
    assert.ok(!(await inField('disaster')).includes(created.id));
    assert.ok((await inField('sports')).includes(created.id));

    // A text with no field's word: a suggestion of none.
    const plain = await editItem(store, 'event', created.id, { text: '市の訪問団が来訪' }, edited.version, chief);
    assert.deepEqual(await stored(created.id), { fields: 0, fields_source: 'suggested' });

    await removeItem(store, 'event', created.id, plain.version, chief);
    const deletion = (await historyOf(store, 'event', created.id)).find((h) => h.action === 'delete')!;
    // The state before the deletion comes back; its fields are suggested for it again.
    const restored = await restoreVersion(store, deletion.id, chief);
    assert.deepEqual(await stored(restored.id), { fields: 0, fields_source: 'suggested' });

    await setEventFields(store, created.id, ['culture']);
    await editItem(store, 'event', created.id, { text: '市民防災訓練の視察団が来訪' }, restored.version, chief);
    assert.deepEqual(await stored(created.id), { fields: fieldBits(['culture']), fields_source: 'editor' });
    assert.ok((await inField('culture')).includes(created.id));
    assert.ok(!(await inField('disaster')).includes(created.id));
  });

  it('suggests for the restored text when an event that still exists is brought back to an earlier version', async () => {
    const created = await createItem(store, 'event', newEvent('市民防災訓練の視察団が来訪'), chief);
    await editItem(store, 'event', created.id, { text: '市民マラソン大会に選手団が参加' }, created.version, chief);
    const creation = (await historyOf(store, 'event', created.id)).find((h) => h.action === 'create')!;
    await restoreVersion(store, creation.id, chief);
    assert.deepEqual(await stored(created.id), { fields: fieldBits(['disaster']), fields_source: 'suggested' });
  });

  it('stores no suggestion for an edit whose transaction fails: the event keeps its text and its fields', async () => {
    const created = await createItem(store, 'event', newEvent('市民防災訓練の視察団が来訪'), chief);
    // The edit's transaction fails after every step of the edit has run in it.
    const failing: Store = {
      ...store,
      transaction: (fn) =>
        store.transaction(async (trx) => {
          await fn(trx);
          throw new Error('failed after the edit');
        }),
    };
    await assert.rejects(editItem(failing, 'event', created.id, { text: '市民マラソン大会に選手団が参加' }, created.version, chief), /failed after the edit/);
    const row = await store.db.selectFrom('events').select(['text', 'fields', 'fields_source']).where('id', '=', created.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { text: '市民防災訓練の視察団が来訪', fields: fieldBits(['disaster']), fields_source: 'suggested' });
  });

  it('still suggests from the text for an event stored without fields, as a store made before they were kept holds it', async () => {
    const event = await createItem(store, 'event', newEvent('市立高校の生徒が交流'), chief);
    await sql`update events set fields = null, fields_source = null where id = ${event.id}`.execute(store.db);
    const { unstored } = await findFieldEvents(store.db, 'education');
    assert.deepEqual(unstored.map((e) => e.id), [event.id]);
    // A write so that the field's events are read again (they are kept while the store is unchanged).
    const other = await createItem(store, 'event', newEvent('市の訪問団が来訪'), chief);
    assert.ok((await inField('education')).includes(event.id));
    assert.ok((await inField('youth')).includes(event.id));
    assert.ok(!(await inField('education')).includes(other.id));
  });

  it('stores the suggestion again when the document of events stored without fields is imported again', async () => {
    await sql`update events set fields = null, fields_source = null where partnership_id = ${dalian}`.execute(store.db);
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: SAMPLE_BYTES }], { home: '金沢市', maxDocumentBytes: 1e7 });
    const events = await store.db.selectFrom('events').select(['text', 'fields', 'fields_source']).where('partnership_id', '=', dalian).execute();
    assert.ok(events.some((e) => e.fields === 0));
    for (const e of events) assert.deepEqual([e.fields, e.fields_source], [fieldBits(suggestFields(e.text)), 'suggested'], e.text);
  });

  it('suggests again for the changed texts of a draft partnership imported again', async () => {
    await sql`update partnerships set status = 'draft' where id = ${dalian}`.execute(store.db);
    const before = await store.db.selectFrom('events').select(['id', 'fields']).where('text', '=', '市環境視察訪問団が来訪').executeTakeFirstOrThrow();
    assert.equal(before.fields, 0);
    const changed = SAMPLE_BYTES.toString('utf8').replace('市環境視察訪問団が来訪', '市防災視察訪問団が来訪');
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: Buffer.from(changed) }], { home: '金沢市', maxDocumentBytes: 1e7 });
    const after = await store.db.selectFrom('events').select(['id', 'text', 'fields', 'fields_source']).where('partnership_id', '=', dalian).where('text', '=', '市防災視察訪問団が来訪').executeTakeFirstOrThrow();
    assert.deepEqual([after.fields, after.fields_source], [fieldBits(['disaster']), 'suggested']);
  });
});
