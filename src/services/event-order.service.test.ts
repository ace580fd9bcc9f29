import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { Store } from '../storage/database.js';
import { EditConflictError, EditRejectedError } from './edit.errors.js';
import { createItem, getPartnershipForStaff, historyOf } from './editing.service.js';
import { moveEventWithinYear } from './event-order.service.js';
import { importDocuments } from './import.service.js';
import { exportRecord, listPartnerships } from './record.service.js';

const seed = { name: 'kanazawa-dalian.txt', bytes: readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url)) };
const options = { home: '金沢市', maxDocumentBytes: 10 * 1024 * 1024 };
const sato = { name: 'sato' };

describeOnEachStore('moving an undated exchange within its year', (openFresh) => {
  let store: Store;
  let dalian: number;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [seed], options);
    dalian = (await listPartnerships(store))[0]!.id;
  });
  after(async () => {
    await store?.close();
  });

  /** The first year of the sample with two undated events side by side, and those two. */
  const pair = async () => {
    const { events } = await getPartnershipForStaff(store, dalian);
    const i = events.findIndex((e, n) => e.date === null && events[n + 1]?.date === null && events[n + 1]?.year === e.year);
    assert.ok(i >= 0, 'the sample has two undated events of one year side by side');
    return { events, first: events[i]!, second: events[i + 1]! };
  };

  it('moves it up past its neighbour, as a new version with a history entry by the mover; pages and exports keep the order', async () => {
    const { first, second } = await pair();
    const moved = await moveEventWithinYear(store, second.id, -1, second.version, sato);
    assert.equal(moved.version, second.version + 1);
    const { events } = await getPartnershipForStaff(store, dalian);
    const at = events.findIndex((e) => e.id === second.id);
    assert.equal(events[at + 1]!.id, first.id, 'the two changed places');
    const [entry] = await historyOf(store, 'event', second.id);
    assert.deepEqual([entry!.action, entry!.actor, entry!.version], ['update', 'sato', moved.version]);
    assert.deepEqual(entry!.before, entry!.after, 'no field changed');
    assert.ok(entry!.place?.next.includes(first.id), 'its place: before the event it passed');
    const text = await exportRecord(store, 'text');
    assert.ok(text.indexOf(second.text) < text.indexOf(first.text), 'the export lists it first now');
    // And back down.
    await moveEventWithinYear(store, second.id, 1, moved.version, sato);
    const again = (await getPartnershipForStaff(store, dalian)).events;
    assert.equal(again[again.findIndex((e) => e.id === first.id) + 1]!.id, second.id);
  });

  it('refuses a move on an outdated version, past the first or last event of its year, and of a dated exchange', async () => {
    const { events, first } = await pair();
    await assert.rejects(moveEventWithinYear(store, first.id, 1, first.version + 5, sato), EditConflictError);
    const noPlace = (e: unknown) => e instanceof EditRejectedError && e.problems[0]!.problem === 'noPlaceToMove';
    // The sample's first event (2006) is the first of its year; its last of 2006 is followed by 2007's.
    const of2006 = events.filter((e) => e.year === 2006);
    assert.ok(of2006.length >= 2 && of2006.every((e) => e.date === null));
    await assert.rejects(moveEventWithinYear(store, of2006[0]!.id, -1, of2006[0]!.version, sato), noPlace);
    await assert.rejects(moveEventWithinYear(store, of2006.at(-1)!.id, 1, of2006.at(-1)!.version, sato), noPlace);
    const dated = await createItem(store, 'event', { partnershipId: dalian, year: 2006, date: '2006-12-01', direction: 'dispatch', text: '市長が大連市を訪問', translations: {}, status: 'draft' }, sato);
    await assert.rejects(moveEventWithinYear(store, dated.id, -1, dated.version, sato), (e: unknown) => e instanceof EditRejectedError && e.problems[0]!.problem === 'orderedByDate');
    assert.deepEqual((await historyOf(store, 'event', of2006[0]!.id)).length, 0, 'a refused move writes no history');
  });
});
