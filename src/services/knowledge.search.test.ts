import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { after, before, it } from 'node:test';
import { importSampleAndCorpus } from '../../test/support/sample-and-corpus.js';
import { openSampleStore, SAMPLE_BYTES } from '../../test/support/sample-store.js';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { findOrganization } from '../domain/organization.js';
import type { Store } from '../storage/database.js';
import { createItem, editItem, getItem, removeItem } from './editing.service.js';
import { backupStore, restoreStore } from './backup.service.js';
import { importDocuments } from './import.service.js';
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

describeOnEachStore('the record’s names after a write', (openFresh) => {
  let store: Store;
  /** Rows of partnerships' joined texts read, through `counted`. */
  let textRows = 0;
  let counted: Store;
  before(async () => {
    store = await openFresh();
    await importSampleAndCorpus(store, { partnerships: 6, years: 8, seed: 'names-after-a-write' });
    const plugin: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        textRows += args.result.rows.filter((row) => 'texts' in row).length;
        return args.result;
      },
    };
    counted = { ...store, db: store.db.withPlugin(plugin) };
  });
  after(async () => {
    await store?.close();
  });

  /** Every name and alias of the whole-record analysis resolves through `counted` to the same organisation and events. */
  async function assertSameAsWholeRecord(label: string): Promise<void> {
    const { organizations } = await loadKnowledge(store);
    for (const name of organizations.flatMap((o) => [o.name, ...o.aliases])) {
      const expected = findOrganization(organizations, name);
      const found = await findOrganizationEvents(counted, name);
      const ids = expected?.mentions.map((m) => m.eventId!).sort((a, b) => a - b);
      assert.deepEqual(found && { name: found.name, eventIds: [...found.eventIds].sort((a, b) => a - b) }, expected && { name: expected.name, eventIds: ids }, `${label}: ${name}`);
    }
  }

  it('reads every partnership’s texts once, and after a write only those of the partnerships it changed', async () => {
    const partnerships = await store.db.selectFrom('partnerships').select(['id', 'home', 'partner']).orderBy('id').execute();
    assert.ok(partnerships.length >= 7);
    await assertSameAsWholeRecord('as imported');
    assert.equal(textRows, partnerships.length, 'each partnership’s texts, read once for every name');

    // An editor's change of one event.
    const [first] = await store.db.selectFrom('events').select(['id', 'version', 'partnership_id']).where('partnership_id', '=', partnerships[2]!.id).orderBy('id').limit(1).execute();
    await editItem(store, 'event', first!.id, { text: '架空水産大学の学生が来訪' }, first!.version, { name: 'sato' });
    textRows = 0;
    assert.deepEqual(await findOrganizationEvents(counted, '架空水産大学'), { name: '架空水産大学', eventIds: [first!.id] });
    assert.equal(textRows, 1, 'the one partnership changed');
    await assertSameAsWholeRecord('after an edit');

    // A re-import, by no one, of a changed document: the partnership's version advances.
    const sample = SAMPLE_BYTES.toString('utf8').replace('\t派遣\t市英語教育研修参加派遣団が訪問', '\t派遣\t架空工芸専門学校の学生が訪問 市英語教育研修参加派遣団が訪問');
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: Buffer.from(sample) }], { home: '金沢市', maxDocumentBytes: 1e7 });
    textRows = 0;
    assert.equal((await findOrganizationEvents(counted, '架空工芸専門学校'))?.eventIds.length, 1);
    assert.equal(textRows, 1, 'the re-imported partnership alone');
    await assertSameAsWholeRecord('after a re-import');

    // A partnership unpublished and removed from the names, then published again.
    const hidden = await getItem(store, 'partnership', partnerships[2]!.id);
    const draft = await editItem(store, 'partnership', hidden.id, { status: 'draft' }, hidden.version, { name: 'sato' });
    textRows = 0;
    assert.equal(await findOrganizationEvents(counted, '架空水産大学'), undefined);
    assert.equal(textRows, 0, 'nothing to read for a partnership gone from the public record');
    await editItem(store, 'partnership', hidden.id, { status: 'published' }, draft.version, { name: 'sato' });
    assert.ok(await findOrganizationEvents(counted, '架空水産大学'));
    await assertSameAsWholeRecord('published again');
  });
});

describeOnEachStore('the record’s names after a backup is restored', (openFresh) => {
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'koryu-names-restore-'));
  before(async () => {
    store = await openFresh();
  });
  after(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a partnership again when its texts changed after a restore, though its version and history ids are as before', async () => {
    const sample = SAMPLE_BYTES.toString('utf8');
    const withOrganization = (name: string) => Buffer.from(sample.replace('\t派遣\t市英語教育研修参加派遣団が訪問', `\t派遣\t${name}の学生が訪問 市英語教育研修参加派遣団が訪問`));
    const options = { home: '金沢市', maxDocumentBytes: 1e7 };
    const photosDir = join(dir, 'photos');
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: SAMPLE_BYTES }], options);
    await backupStore(store, join(dir, 'backup'), { photosDir });
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: withOrganization('架空工芸専門学校') }], options);
    assert.equal((await findOrganizationEvents(store, '架空工芸専門学校'))?.eventIds.length, 1);
    await restoreStore(store, join(dir, 'backup'), { photosDir });
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: withOrganization('架空水産専門学校') }], options);
    assert.equal((await findOrganizationEvents(store, '架空水産専門学校'))?.eventIds.length, 1, 'the organisation the texts name now');
    assert.equal(await findOrganizationEvents(store, '架空工芸専門学校'), undefined, 'no text names this one any more');
  });
});
