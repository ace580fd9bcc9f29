// What the record knows, through a real store on SQLite and PostgreSQL: photo links and fields stored on import,
// the editors' decisions kept across re-imports, and bad input that changes nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { isUnchanged } from '../domain/partnership.js';
import type { Store } from '../storage/database.js';
import { findPartnerships } from '../storage/partnership.repository.js';
import { createItem } from './editing.service.js';
import { fieldBits, findEventFields } from '../storage/knowledge.repository.js';
import { importDocuments, type SourceDocument } from './import.service.js';
import {
  addOrganizationAlias,
  confirmOrganization,
  linkPhotoRecord,
  loadKnowledge,
  organizationNamed,
  rejectOrganization,
  setEventFields,
} from './knowledge.service.js';

const seed: SourceDocument = { name: 'kanazawa-dalian.txt', bytes: readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url)) };
const options = { home: '金沢市', maxDocumentBytes: 10 * 1024 * 1024 };

describeOnEachStore('the knowledge service', (openFresh) => {
  let store: Store;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [seed], options);
  });
  after(async () => {
    await store?.close();
  });

  const dalian = async () => (await loadKnowledge(store)).partnerships[0]!;
  const eventId = async (year: number, text: string) => {
    const e = (await dalian()).partnership.events.find((x) => x.year === year && x.text === text);
    assert.ok(e, `${year} ${text}`);
    return e.id;
  };

  it('stores the photo links proposed on import, with their confidence, and leaves the unlinked caption unlinked', async () => {
    const k = await dalian();
    const p = k.partnership;
    const shown = p.records.map((r, i) => [r.caption, r.event === null ? null : p.events[r.event]!.text, k.links[i]!.confidence > 0] as const);
    assert.deepEqual(shown.find(([c]) => c === '山野市長が訪問'), [
      '山野市長が訪問',
      '山野市長が訪問、「友好交流の更なる発展に関する合意書」、「スポーツ交流の推進に関する合意書」に調印',
      true,
    ]);
    assert.deepEqual(shown.filter(([, e]) => e === null).map(([c]) => c), ['人民代表大会常務委員会が来訪']);
    const stored = await store.db.selectFrom('photo_links').select(['confidence', 'confirmed']).execute();
    assert.equal(stored.length, 14);
    assert.ok(stored.every((s) => s.confirmed === 0));
  });

  it('stores the suggested fields of every event', async () => {
    const id = await eventId(2010, '地震局訪問団が市民局と防災に関する友好交流覚書に調印');
    const row = await store.db.selectFrom('events').select(['fields', 'fields_source']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { fields: fieldBits(['government', 'disaster']), fields_source: 'suggested' });
    assert.deepEqual(await findEventFields(store.db, [id]), new Map([[id, { fields: ['government', 'disaster'], source: 'suggested' }]]));
  });

  it('keeps an editor’s fields and photo link across a re-import of the same document, which changes nothing', async () => {
    const marathon = await eventId(2019, '大連国際マラソン大会に選手団を派遣');
    assert.deepEqual(await setEventFields(store, marathon, ['youth', 'sports']), ['sports', 'youth']);
    const unlinked = (await dalian()).partnership.records.find((r) => r.caption === '人民代表大会常務委員会が来訪')!;
    const delegation = await eventId(2017, '大連市人民対外友好協会代表団が来訪');
    await linkPhotoRecord(store, unlinked.id, delegation);

    const report = await importDocuments(store, [seed], options);
    assert.ok(isUnchanged(report.changes[0]!));
    const k = await dalian();
    const i = k.partnership.records.findIndex((r) => r.id === unlinked.id);
    assert.equal(k.partnership.events[k.partnership.records[i]!.event!]!.id, delegation);
    assert.deepEqual(k.links[i], { event: k.partnership.records[i]!.event, confidence: 1, confirmed: true });
    assert.deepEqual(k.fields[k.partnership.events.findIndex((e) => e.id === marathon)], ['sports', 'youth']);
  });

  it('applies confirmations, aliases and rejections to every read', async () => {
    await confirmOrganization(store, '市立工業高校');
    const school = await addOrganizationAlias(store, '市立工', '市立工業高校');
    assert.deepEqual(school.aliases, ['市立工']);
    assert.equal(school.status, 'confirmed');
    assert.ok(school.mentions.some((m) => m.year === 2014));
    await rejectOrganization(store, '県立大学');
    const k = await loadKnowledge(store);
    assert.throws(() => organizationNamed(k, '県立大学'), { code: 'OrganizationNotFound' });
    assert.equal(organizationNamed(k, '大連工大学').name, '大連工業大学');
  });

  it('keeps an editor’s photo link and stores every link’s confidence when a draft partnership is imported again', async () => {
    const own = await openFresh();
    try {
      await importDocuments(own, [seed], options);
      const [p] = await findPartnerships(own.db);
      assert.ok(p);
      const unlinked = p.records.find((r) => r.caption === '人民代表大会常務委員会が来訪')!;
      const delegation = p.events.find((e) => e.year === 2017 && e.text === '大連市人民対外友好協会代表団が来訪')!;
      await linkPhotoRecord(own, unlinked.id, delegation.id);
      await own.db.updateTable('partnerships').set({ status: 'draft' }).where('id', '=', p.id).execute();
      // A draft record an editor added, which no document holds, among the document's first records.
      const draft = await createItem(own, 'record', { partnershipId: p.id, year: 2006, caption: '編集者が加えた写真', translations: {}, eventId: null, photo: null, status: 'draft' }, { name: 'chief' });
      await own.db.updateTable('photo_records').set({ position: 0 }).where('id', '=', draft.id).execute();
      // The document's caption changed: its record is new, and is given a link of its own.
      const changed = Buffer.from(seed.bytes).toString('utf8').replace('center;">山野市長が訪問<', 'center;">山野市長が大連を訪問<');
      assert.notEqual(changed, Buffer.from(seed.bytes).toString('utf8'));
      await importDocuments(own, [{ ...seed, bytes: Buffer.from(changed) }], options);

      const links = new Map((await own.db.selectFrom('photo_links').select(['record_id', 'confidence', 'confirmed']).execute()).map((l) => [l.record_id, l]));
      const records = await own.db.selectFrom('photo_records').select(['id', 'caption', 'event_id', 'status']).where('partnership_id', '=', p.id).execute();
      const kept = records.find((r) => r.id === unlinked.id)!;
      assert.equal(kept.event_id, delegation.id, 'the editor’s link is kept');
      assert.deepEqual([links.get(kept.id)?.confidence, links.get(kept.id)?.confirmed], [1, 1]);
      for (const r of records.filter((x) => x.status === 'published' && x.id !== kept.id)) {
        const link = links.get(r.id);
        assert.ok(link, `${r.caption} has a link's confidence`);
        assert.equal(link.confirmed, 0);
        assert.equal(link.confidence > 0, r.event_id !== null, r.caption);
      }
      assert.ok(records.some((r) => r.caption === '山野市長が大連を訪問'));
      assert.equal(links.has(draft.id), false, 'the draft record was not matched to a document’s record');
    } finally {
      await own.close();
    }
  });

  it('refuses bad input and changes nothing', async () => {
    const before = JSON.stringify(await loadKnowledge(store));
    await assert.rejects(addOrganizationAlias(store, '大連', 'どこにもない大学'), { code: 'OrganizationNotFound' });
    await assert.rejects(addOrganizationAlias(store, '大連工業大学', '大連工業大学'), { code: 'UsageError' });
    await assert.rejects(confirmOrganization(store, '  '), { code: 'UsageError' });
    await assert.rejects(setEventFields(store, 999_999, ['sports']), { code: 'EventNotFound' });
    await assert.rejects(setEventFields(store, await eventId(2016, '金沢マラソン参加団が来訪'), ['sport']), { code: 'UsageError' });
    await assert.rejects(linkPhotoRecord(store, 999_999, null), { code: 'RecordNotFound' });
    assert.equal(JSON.stringify(await loadKnowledge(store)), before);
  });
});
