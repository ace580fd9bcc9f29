import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { EditableItem } from '../domain/editing.js';
import type { Store } from '../storage/database.js';
import { recordImport } from '../storage/import.repository.js';
import { findEventFields, findPhotoLinks, saveEventFields, savePhotoLink } from '../storage/knowledge.repository.js';
import { deletedItems, editItem, getPartnershipForStaff, historyOf, listPartnershipsForStaff, restoreVersion } from './editing.service.js';
import { importLog } from './import-log.service.js';
import { ImportNotUndoableError, planUndo, undoImport, type NotUndoableReason } from './import-undo.service.js';
import { importDocuments, type SourceDocument } from './import.service.js';
import { exportRecord } from './record.service.js';
import { searchRecord } from './search.service.js';

const seedText = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url), 'utf8');
const doc = (name: string, text: string): SourceDocument => ({ name, bytes: Buffer.from(text) });
const options = { home: '金沢市', maxDocumentBytes: 10 * 1024 * 1024, actor: 'sato' };
const sato = { name: 'sato' };
/** The sample corrected: one event changed, one added (2021, no longer a year without exchange), one event and one photo record removed. */
const corrected = seedText
  .replace('金沢美大訪問団が大連工大学を表敬訪問', '金沢美大訪問団が大連工業大学を表敬訪問')
  .replace('2021年 (令和3年)\t—\t—', '2021年 (令和3年)\t派遣\t市長がオンラインで新年のあいさつ')
  .replace(' 金沢マラソン参加団が来訪\n2016', '\n2016')
  .replace('平成 25 年 (2013 年)\t<p style="text-align: center;">大連工業大学図書贈呈式</p> \t\n', '');

/** Everything staff and readers see of the store's one partnership, without versions and times. */
async function snapshot(store: Store) {
  const [p] = await listPartnershipsForStaff(store);
  if (!p) return null;
  const { partnership, events, records } = await getPartnershipForStaff(store, p.id);
  const strip = <T extends { version: number; updatedAt: string }>({ version: _v, updatedAt: _u, ...rest }: T) => rest;
  const byId = <T>(m: Map<number, T>) => [...m].sort(([a], [b]) => a - b);
  return {
    // The export holds each item's line in the document it came from, and the order of the items.
    json: await exportRecord(store, 'json'),
    source: (await store.db.selectFrom('partnerships').select('source').executeTakeFirst())?.source,
    partnership: strip(partnership),
    events: events.map(strip),
    records: records.map(strip),
    fields: byId(await findEventFields(store.db, events.map((e) => e.id))),
    links: byId(await findPhotoLinks(store.db, records.map((r) => r.id))),
  };
}

async function refusal(run: () => Promise<unknown>): Promise<NotUndoableReason> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportNotUndoableError) return error.reason;
    throw error;
  }
  assert.fail('expected ImportNotUndoable');
}

describeOnEachStore('undoing an import (import-undo.service)', (openFresh) => {
  const stores: Store[] = [];
  const open = async () => {
    const store = await openFresh();
    stores.push(store);
    return store;
  };
  after(async () => {
    for (const store of stores) await store.close();
  });

  it('puts back every event, photo record and partnership field as before the import, with translations, photos, links and fields of exchange', async () => {
    const store = await open();
    await importDocuments(store, [doc('kanazawa-dalian.txt', seedText)], options);
    const [p] = await listPartnershipsForStaff(store);
    const { events, records } = await getPartnershipForStaff(store, p!.id);
    const marathon = events.find((e) => e.year === 2015 && e.text === '金沢マラソン参加団が来訪')!;
    const gift = records.find((r) => r.caption === '大連工業大学図書贈呈式')!;
    const mayor = records.find((r) => r.caption === '山野市長が訪問')!;
    // What the corrected document's import takes away with the event and the record it removes.
    await editItem(store, 'event', marathon.id, { translations: { en: 'Kanazawa Marathon team visits', zh: '金泽马拉松参赛团来访' } }, marathon.version, sato);
    await saveEventFields(store.db, marathon.id, ['sports', 'youth'], 'editor');
    await editItem(store, 'record', gift.id, { translations: { en: 'Book donation ceremony' }, photo: 'gift-2013.jpg' }, gift.version, sato);
    await editItem(store, 'record', mayor.id, { eventId: marathon.id }, mayor.version, sato);
    await savePhotoLink(store.db, mayor.id, { confidence: 1, confirmed: true });
    const before = await snapshot(store);
    const giftHits = (await searchRecord(store, '図書贈呈式')).total;

    const report = await importDocuments(store, [doc('kanazawa-dalian-v2.txt', corrected)], options);
    const s = report.changes[0]!;
    assert.deepEqual([s.added.events, s.changed.events, s.removed.events, s.removed.records], [1, 1, 1, 1]);
    const [imported] = await importLog(store, 1);
    const plan = await planUndo(store.db, imported!.id);
    assert.equal(plan.removesPartnership, false);
    assert.deepEqual(plan.remove.events.map((e) => e.text), ['市長がオンラインで新年のあいさつ']);
    assert.deepEqual(plan.restore.events.map((e) => e.id), [marathon.id]);
    assert.deepEqual(plan.restore.records.map((r) => r.id), [gift.id]);
    assert.ok(plan.putBack.events.some((e) => e.text === '金沢美大訪問団が大連工業大学を表敬訪問'));
    assert.equal(plan.partnershipChanged, true, 'the years without exchange changed');

    const result = await undoImport(store, imported!.id, sato);
    assert.deepEqual(await snapshot(store), before, 'the record is as it was before the import');
    const back = (await getPartnershipForStaff(store, p!.id)).events.find((e) => e.id === marathon.id)!;
    assert.deepEqual(back.translations, { en: 'Kanazawa Marathon team visits', zh: '金泽马拉松参赛团来访' });
    assert.deepEqual((await findEventFields(store.db, [marathon.id])).get(marathon.id), { fields: ['sports', 'youth'], source: 'editor' });
    const giftBack = (await getPartnershipForStaff(store, p!.id)).records.find((r) => r.id === gift.id)!;
    assert.equal(giftBack.photo, 'gift-2013.jpg');
    assert.equal((await getPartnershipForStaff(store, p!.id)).records.find((r) => r.id === mayor.id)!.eventId, marathon.id);

    // The search finds what came back, and no longer what went (the index is part of the same transaction).
    assert.equal((await searchRecord(store, '新年のあいさつ')).total, 0);
    assert.equal((await searchRecord(store, '図書贈呈式')).total, giftHits, 'the removed photo record is found again');
    assert.equal((await searchRecord(store, 'Kanazawa Marathon team')).total, 1, 'by the restored translation too');

    // The undo's own history entries and its row of the log.
    const [latest] = await historyOf(store, 'event', marathon.id);
    assert.equal(latest!.action, 'restore');
    assert.equal(latest!.undoes, imported!.id);
    assert.equal(latest!.actor, 'sato');
    const log = await importLog(store, 10);
    assert.equal(log[0]!.id, result.logged.id);
    assert.equal(log[0]!.undoes, imported!.id);
    assert.deepEqual([log[0]!.added.events, log[0]!.added.records, log[0]!.removed.events], [1, 1, 1]);
    assert.equal(log[1]!.id, imported!.id);
    assert.equal(log[1]!.undoneBy, result.logged.id);

    assert.equal(await refusal(() => planUndo(store.db, imported!.id)), 'alreadyUndone');
    assert.equal(await refusal(() => undoImport(store, result.logged.id, sato)), 'isUndo');
    assert.equal(await refusal(() => undoImport(store, log[2]!.id, sato)), 'laterImport');
  });

  it('restores a single item an import removed with what its snapshot does not hold (fields of exchange, link confidence)', async () => {
    const store = await open();
    await importDocuments(store, [doc('kanazawa-dalian.txt', seedText)], options);
    const [p] = await listPartnershipsForStaff(store);
    const { records } = await getPartnershipForStaff(store, p!.id);
    const marathon = (await getPartnershipForStaff(store, p!.id)).events.find((e) => e.year === 2015 && e.text === '金沢マラソン参加団が来訪')!;
    const gift = records.find((r) => r.caption === '大連工業大学図書贈呈式')!;
    await saveEventFields(store.db, marathon.id, ['culture'], 'editor');
    await savePhotoLink(store.db, gift.id, { confidence: 1, confirmed: true });
    await importDocuments(store, [doc('kanazawa-dalian-v2.txt', corrected)], options);
    const [deletion] = await historyOf(store, 'event', marathon.id);
    assert.deepEqual(deletion!.kept, { fields: { fields: ['culture'], source: 'editor' } });
    await restoreVersion(store, deletion!.id, sato);
    assert.deepEqual((await findEventFields(store.db, [marathon.id])).get(marathon.id), { fields: ['culture'], source: 'editor' });
    const [recordDeletion] = await historyOf(store, 'record', gift.id);
    await restoreVersion(store, recordDeletion!.id, sato);
    assert.deepEqual((await findPhotoLinks(store.db, [gift.id])).get(gift.id), { confidence: 1, confirmed: true });
  });

  it('removes a partnership the import created, with everything it holds, and lists it among the deleted items', async () => {
    const store = await open();
    await importDocuments(store, [doc('kanazawa-dalian.txt', seedText)], options);
    const [created] = await importLog(store, 1);
    const plan = await planUndo(store.db, created!.id);
    assert.equal(plan.removesPartnership, true);
    assert.deepEqual([plan.remove.events.length, plan.remove.records.length], [60, 14]);
    await undoImport(store, created!.id, sato);
    assert.equal(await snapshot(store), null);
    const deleted = await deletedItems(store);
    const partnership = deleted.find((e) => e.kind === 'partnership')!;
    assert.equal(partnership.undoes, created!.id);
    assert.equal(deleted.filter((e) => e.kind === 'event').length, 60);
    // The document can be imported again, as into a new store.
    const again = await importDocuments(store, [doc('kanazawa-dalian.txt', seedText)], options);
    assert.equal(again.changes[0]!.created, true);
  });

  it('refuses an import changed since (an edit, a later import), one that changed nothing, and one logged before imports were linked', async () => {
    const store = await open();
    await importDocuments(store, [doc('kanazawa-dalian.txt', seedText)], options);
    const [first] = await importLog(store, 1);
    await importDocuments(store, [doc('kanazawa-dalian.txt', seedText)], options);
    const [unchanged] = await importLog(store, 1);
    assert.equal(await refusal(() => planUndo(store.db, unchanged!.id)), 'nothingChanged');
    assert.equal(await refusal(() => planUndo(store.db, first!.id)), 'laterImport');

    await importDocuments(store, [doc('kanazawa-dalian-v2.txt', corrected)], options);
    const [second] = await importLog(store, 1);
    const [p] = await listPartnershipsForStaff(store);
    const event: EditableItem<'event'> = (await getPartnershipForStaff(store, p!.id)).events[0]!;
    await editItem(store, 'event', event.id, { text: `${event.text}（訂正）` }, event.version, sato);
    assert.equal(await refusal(() => planUndo(store.db, second!.id)), 'laterChange');
    const error = await undoImport(store, second!.id, sato).catch((e: unknown) => e);
    assert.ok(error instanceof ImportNotUndoableError && error.code === 'ImportNotUndoable');
    assert.match(error.message, /編集されているため、取り消せません.*変更履歴/);

    const summary = {
      home: '金沢市', partner: 'イルクーツク市', created: true, detailsChanged: false,
      added: { events: 12, records: 0, years: 0 }, changed: { events: 0, records: 0, years: 0 }, removed: { events: 0, records: 0, years: 0 },
    };
    const old = await recordImport(store.db, 'irkutsk.txt', summary, null);
    assert.equal(await refusal(() => planUndo(store.db, old.id)), 'notLinked');
    assert.match(((await undoImport(store, old.id, sato).catch((e: unknown) => e)) as Error).message, /取り消しの仕組みができる前に記録された/);
    await assert.rejects(planUndo(store.db, 999_999), { code: 'ImportNotFound' });
  });
});
