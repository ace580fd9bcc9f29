import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { openSampleStore } from '../../test/support/sample-store.js';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { findOrganization } from '../domain/organization.js';
import type { Store } from '../storage/database.js';
import { createItem, editItem, getItem, removeItem } from './editing.service.js';
import { findOrganizationEvents, searchWithKnowledge } from './knowledge.search.js';
import { addOrganizationAlias, confirmOrganization, loadKnowledge, rejectOrganization, setEventFields } from './knowledge.service.js';


describeOnEachStore('the events an organisation filter keeps', (openFresh) => {
  let store: Store;
  before(async () => {
    store = await openSampleStore(openFresh);
  });
  after(async () => {
    await store?.close();
  });

  /** Every name and alias of the whole-record analysis resolves to the same organisation and events. */
  async function assertSameAsWholeRecord(label: string): Promise<number> {
    const { organizations } = await loadKnowledge(store);
    const asked = organizations.flatMap((o) => [o.name, ...o.aliases]);
    for (const name of [...asked, '存在しない団体', '']) {
      const expected = findOrganization(organizations, name);
      const found = await findOrganizationEvents(store, name);
      const ids = expected?.mentions.map((m) => m.eventId!).sort((a, b) => a - b);
      assert.deepEqual(found && { name: found.name, eventIds: [...found.eventIds].sort((a, b) => a - b) }, expected && { name: expected.name, eventIds: ids }, `${label}: ${name}`);
    }
    return asked.length;
  }

  it('gives for every name and alias the organisation and events the whole-record analysis gives', async () => {
    assert.ok((await assertSameAsWholeRecord('as imported')) > 10);
  });

  it('follows the editors’ decisions: an alias, confirmed names (one that no event holds), a rejected name', async () => {
    await addOrganizationAlias(store, '大連工大', '大連工業大学');
    await confirmOrganization(store, '教育プラザ富樫');
    await confirmOrganization(store, '架空国際交流協会');
    const { organizations } = await loadKnowledge(store);
    const rejected = organizations.find((o) => o.kind === 'organization' && o.name !== '大連工業大学' && o.mentions.length > 0)!;
    await rejectOrganization(store, rejected.name);
    await assertSameAsWholeRecord('after the decisions');
    assert.equal(await findOrganizationEvents(store, rejected.name), undefined);
    assert.ok((await findOrganizationEvents(store, '教育プラザ富樫'))!.eventIds.length > 0, 'a confirmed name Koryu did not recognise');
    assert.deepEqual(await findOrganizationEvents(store, '架空国際交流協会'), { name: '架空国際交流協会', eventIds: [] }, 'confirmed, named by no event');
    assert.equal((await findOrganizationEvents(store, '大連工大'))?.name, '大連工業大学');
  });

  it('counts published events of published partnerships only, and follows edits to texts and to publication', async () => {
    const partnershipId = (await store.db.selectFrom('partnerships').select('id').where('partner', '=', '大連市').executeTakeFirstOrThrow()).id;
    const editor = { name: 'sato' };
    const event = (text: string, status: 'draft' | 'published') =>
      createItem(store, 'event', { partnershipId, year: 2024, date: null, direction: 'reception', text, translations: {}, status }, editor);
    assert.equal(await findOrganizationEvents(store, '架空芸術高等学校'), undefined, 'no event names it yet');
    // Asked once before the edits, so that what was found for the record's names is kept and must be dropped.
    const before = (await findOrganizationEvents(store, '大連工業大学'))!.eventIds;
    const draft = await event('架空芸術高等学校の生徒が来訪', 'draft');
    assert.equal(await findOrganizationEvents(store, '架空芸術高等学校'), undefined, 'a draft event names nothing in public');
    // Nor does it make a published name the shortened form of its own.
    const shortened = await event('架空外国大学の学生が来訪', 'published');
    const longer = await event('架空外国語大学の教員が来訪', 'draft');
    assert.deepEqual(await findOrganizationEvents(store, '架空外国大学'), { name: '架空外国大学', eventIds: [shortened.id] });
    await editItem(store, 'event', longer.id, { status: 'published' }, longer.version, editor);
    assert.deepEqual(await findOrganizationEvents(store, '架空外国大学'), { name: '架空外国語大学', eventIds: [shortened.id, longer.id] });
    const published = await editItem(store, 'event', draft.id, { status: 'published' }, draft.version, editor);
    assert.deepEqual(await findOrganizationEvents(store, '架空芸術高等学校'), { name: '架空芸術高等学校', eventIds: [published.id] });
    const renamed = await editItem(store, 'event', published.id, { text: '大連工業大学の学生が架空芸術高等学校を訪問' }, published.version, editor);
    assert.deepEqual((await findOrganizationEvents(store, '大連工業大学'))!.eventIds, [...before, renamed.id].sort((a, b) => a - b));
    const partnership = await getItem(store, 'partnership', partnershipId);
    const hidden = await editItem(store, 'partnership', partnershipId, { status: 'draft' }, partnership.version, editor);
    assert.equal(await findOrganizationEvents(store, '大連工業大学'), undefined, 'a draft partnership names nothing in public');
    await editItem(store, 'partnership', partnershipId, { status: 'published' }, hidden.version, editor);
    await removeItem(store, 'event', renamed.id, renamed.version, editor);
    assert.deepEqual((await findOrganizationEvents(store, '大連工業大学'))!.eventIds, before);
    assert.equal(await findOrganizationEvents(store, '架空芸術高等学校'), undefined, 'its one event was removed');
  });

  it('narrows to a field by the events’ fields as they stand after an editor changes one', async () => {
    const inField = async () => (await searchWithKnowledge(store, '市', { filters: { field: 'disaster' }, limit: 1000 })).hits.filter((h) => h.kind === 'event').map((h) => h.id);
    const before = await inField();
    assert.deepEqual(await inField(), before, 'asked again');
    const { hits } = await searchWithKnowledge(store, '市', { limit: 1000 });
    const outside = hits.find((h) => h.kind === 'event' && !before.includes(h.id))!;
    await setEventFields(store, outside.id, ['disaster']);
    assert.deepEqual((await inField()).sort((a, b) => a - b), [...before, outside.id].sort((a, b) => a - b));
  });
});
