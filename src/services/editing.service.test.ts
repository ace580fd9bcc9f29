import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { EditableItem, FieldsOf } from '../domain/editing.js';

type EditableEvent = EditableItem<'event'>;
import { KoryuError } from '../errors.js';
import type { Store } from '../storage/database.js';
import { EditConflictError, EditRejectedError } from './edit.errors.js';
import { createItem, deletedItems, editItem, getItem, getPartnershipForStaff, historyOf, removeItem, restoreVersion } from './editing.service.js';
import { parseDocuments } from './documents.service.js';
import { importDocuments } from './import.service.js';
import { exportRecord, findEvent, listPartnerships } from './record.service.js';
import { noFacets } from '../domain/search-text.js';
import { searchFacets } from '../storage/search.repository.js';
import { searchRecord } from './search.service.js';

const seed = { name: 'kanazawa-dalian.txt', bytes: readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url)) };
const options = { home: '金沢市', maxDocumentBytes: 10 * 1024 * 1024 };
const sato = { name: 'sato' };
const suzuki = { name: 'suzuki' };

describeOnEachStore('editing the record item by item', (openFresh) => {
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

  const newEvent = (over: Partial<FieldsOf['event']> = {}): FieldsOf['event'] => ({
    partnershipId: dalian,
    year: 2025,
    date: '2025-10-03',
    direction: 'reception',
    text: '大連市青少年卓球交流団が来訪',
    translations: { en: 'A Dalian youth table tennis delegation visited', zh: '大连市青少年乒乓球交流团来访' },
    status: 'draft',
    ...over,
  });

  it('creates a draft event that the public record, event page and search do not show, and publishing shows it', async () => {
    const event = await createItem(store, 'event', newEvent(), sato);
    assert.equal(event.version, 1);
    assert.equal(event.status, 'draft');
    assert.deepEqual(event.translations, newEvent().translations);
    const publicEvents = (await listPartnerships(store))[0]!.events;
    assert.ok(!publicEvents.some((e) => e.id === event.id), 'a draft is not public');
    await assert.rejects(findEvent(store, event.id), (e: unknown) => e instanceof KoryuError && e.code === 'EventNotFound');
    assert.equal((await searchRecord(store, '卓球交流団')).total, 0);
    assert.deepEqual(await searchFacets(store.db, '卓球交流団', {}, { scanCountFrom: 0 }), noFacets(), 'nor do facets counted in one pass over the table');
    assert.ok((await listPartnerships(store, { drafts: true }))[0]!.events.some((e) => e.id === event.id), 'staff see the draft');

    const published = await editItem(store, 'event', event.id, { status: 'published' }, 1, sato);
    assert.equal(published.version, 2);
    assert.ok((await listPartnerships(store))[0]!.events.some((e) => e.id === event.id && e.text === newEvent().text));
    assert.equal((await searchRecord(store, '卓球交流団')).total, 1);
    assert.equal((await searchFacets(store.db, '卓球交流団', {}, { scanCountFrom: 0 })).partners[0]?.count, 1);
  });

  it('refuses an edit made on an outdated version with EditConflict naming the newer version, and writes nothing', async () => {
    const event = await createItem(store, 'event', newEvent({ text: '金沢市長が大連を訪問', status: 'published' }), sato);
    const first = await editItem(store, 'event', event.id, { text: '金沢市長が大連市を訪問' }, 1, sato);
    assert.equal(first.version, 2);
    await assert.rejects(editItem(store, 'event', event.id, { text: '市長が大連を公式訪問' }, 1, suzuki), (e: unknown) => {
      assert.ok(e instanceof EditConflictError);
      assert.equal(e.code, 'EditConflict');
      assert.equal(e.current.version, 2);
      assert.match(e.message, /version 2/);
      assert.match(e.message, /version 1/);
      return true;
    });
    const stored = await getItem(store, 'event', event.id);
    assert.equal(stored.text, '金沢市長が大連市を訪問');
    assert.equal(stored.version, 2);
    assert.equal((await historyOf(store, 'event', event.id)).length, 2);
  });

  it('refuses bad fields with EditRejected naming each field, and writes nothing', async () => {
    const before = await exportRecord(store, 'json');
    await assert.rejects(createItem(store, 'event', newEvent({ year: 1500, text: '  ', date: '2025-02-30' }), sato), (e: unknown) => {
      assert.ok(e instanceof EditRejectedError);
      assert.deepEqual(e.problems.map((p) => p.field).sort(), ['date', 'text', 'year']);
      return true;
    });
    await assert.rejects(createItem(store, 'record', { partnershipId: dalian, year: 2025, caption: '記念撮影', translations: {}, eventId: 999999, photo: null, status: 'draft' }, sato), EditRejectedError);
    await assert.rejects(createItem(store, 'partnership', { home: '金沢市', partner: '大連市', kind: '友好都市', affiliatedOn: null, noExchangeYears: [], status: 'draft' }, sato), EditRejectedError);
    assert.equal(await exportRecord(store, 'json'), before);
  });

  it('records who changed what with before and after, and restores an earlier version as a new one', async () => {
    const event = await createItem(store, 'event', newEvent({ text: '書道交流団が来訪', status: 'published' }), sato);
    await editItem(store, 'event', event.id, { text: '書道交流団が来訪し作品展を開催', direction: 'mutual' }, 1, suzuki);
    const history = await historyOf(store, 'event', event.id);
    assert.deepEqual(history.map((h) => [h.action, h.actor, h.version]), [['update', 'suzuki', 2], ['create', 'sato', 1]]);
    assert.equal(history[0]!.before!.text, '書道交流団が来訪');
    assert.equal(history[0]!.after!.text, '書道交流団が来訪し作品展を開催');
    const restored = await restoreVersion(store, history[1]!.id, sato);
    assert.equal(restored.version, 3);
    assert.equal((restored as { text: string }).text, '書道交流団が来訪');
    assert.equal((restored as { direction: string }).direction, 'reception');
    assert.equal((await historyOf(store, 'event', event.id))[0]!.action, 'restore');
  });

  it('brings a deleted event back under its id, with its translations, and search finds it again', async () => {
    const event = await createItem(store, 'event', newEvent({ text: '囲碁親善団が来訪', status: 'published' }), sato);
    await assert.rejects(removeItem(store, 'event', event.id, 7, sato), EditConflictError);
    await removeItem(store, 'event', event.id, 1, sato);
    await assert.rejects(getItem(store, 'event', event.id), (e: unknown) => e instanceof KoryuError && e.code === 'ItemNotFound');
    assert.equal((await searchRecord(store, '囲碁親善団')).total, 0);
    const deleted = await deletedItems(store);
    const entry = deleted.find((d) => d.kind === 'event' && d.itemId === event.id);
    assert.ok(entry, 'the deletion is listed');
    const back = await restoreVersion(store, entry.id, suzuki);
    assert.equal(back.id, event.id);
    assert.equal(back.version, 3);
    assert.deepEqual((back as { translations: object }).translations, newEvent().translations);
    assert.equal((await searchRecord(store, '囲碁親善団')).total, 1);
    assert.ok(!(await deletedItems(store)).some((d) => d.itemId === event.id && d.kind === 'event'));
  });

  it('marks and unmarks a year without exchange on the partnership, with its history', async () => {
    const p = await getItem(store, 'partnership', dalian);
    assert.deepEqual(p.noExchangeYears, [2021]);
    const marked = await editItem(store, 'partnership', dalian, { noExchangeYears: [2021, 2024] }, p.version, sato);
    assert.deepEqual((await listPartnerships(store))[0]!.noExchangeYears, [2021, 2024]);
    const [last] = await historyOf(store, 'partnership', dalian);
    assert.deepEqual(last!.before!.noExchangeYears, [2021]);
    assert.deepEqual(last!.after!.noExchangeYears, [2021, 2024]);
    await editItem(store, 'partnership', dalian, { noExchangeYears: [2021] }, marked.version, sato);
    assert.deepEqual((await listPartnerships(store))[0]!.noExchangeYears, [2021]);
  });

  it('creates a draft partnership hidden from the public list; refuses to delete one that holds events', async () => {
    const p = await createItem(store, 'partnership', { home: '金沢市', partner: 'ゲント市', kind: '姉妹都市', affiliatedOn: '1971-05-10', noExchangeYears: [], status: 'draft' }, sato);
    assert.ok(!(await listPartnerships(store)).some((x) => x.partner === 'ゲント市'));
    const e = await createItem(store, 'event', newEvent({ partnershipId: p.id, text: 'ゲント市長が来訪' }), sato);
    await assert.rejects(removeItem(store, 'partnership', p.id, 1, sato), (err: unknown) => err instanceof KoryuError && err.code === 'EditRejected');
    await removeItem(store, 'event', e.id, 1, sato);
    await removeItem(store, 'partnership', p.id, 1, sato);
    await assert.rejects(getItem(store, 'partnership', p.id), KoryuError);
  });

  it('merges a translation edit by language: giving English keeps Chinese, an empty language removes it, a restore puts back the version’s and keeps one added since', async () => {
    const event = await createItem(store, 'event', newEvent({ translations: { zh: '大连市青少年乒乓球交流团来访', en: '' } }), sato);
    assert.deepEqual(event.translations, { zh: '大连市青少年乒乓球交流团来访' }, 'an empty language is not stored');
    const english = await editItem(store, 'event', event.id, { translations: { en: 'A youth team visited' } }, event.version, suzuki);
    assert.deepEqual(english.translations, { zh: '大连市青少年乒乓球交流团来访', en: 'A youth team visited' });
    const noChinese = await editItem(store, 'event', event.id, { translations: { zh: '' } }, english.version, suzuki);
    assert.deepEqual(noChinese.translations, { en: 'A youth team visited' });
    const [, , first] = await historyOf(store, 'event', event.id);
    const restored = await restoreVersion(store, first!.id, sato, noChinese.version);
    assert.deepEqual((restored as typeof event).translations, { zh: '大连市青少年乒乓球交流团来访', en: 'A youth team visited' });
  });

  it('lets an edit through that leaves a stored value the editor would refuse as it is, and refuses an edit that changes it', async () => {
    const long = '大連市との交流について'.repeat(250);
    const doc = `友好交流都市大連市との歩み\n年\t区分\t交流内容\n2030年\t受入\t${long}\n`;
    await importDocuments(store, [{ name: 'long.txt', bytes: Buffer.from(doc) }], { ...options, home: '富山市' });
    const imported = await store.db.selectFrom('events').select(['id', 'version']).where('text', '=', long).executeTakeFirstOrThrow();
    const unpublished = await editItem(store, 'event', imported.id, { status: 'draft' }, imported.version, sato);
    assert.equal(unpublished.status, 'draft');
    const translated = await editItem(store, 'event', imported.id, { translations: { en: 'About the exchange' } }, unpublished.version, sato);
    assert.equal(translated.translations.en, 'About the exchange');
    await assert.rejects(
      editItem(store, 'event', imported.id, { text: `${long}。` }, translated.version, sato),
      (err: unknown) => err instanceof EditRejectedError && err.problems.some((p) => p.field === 'text' && p.problem === 'tooLong'),
    );
  });

  it('restores an imported event longer than the editor allows, removed by an import or changed since', async () => {
    const home = '加賀市';
    const long = `友好都市の代表団が来訪し、${'交流を深めた。'.repeat(300)}`;
    const doc = (lines: string[]) => ({ name: 'kaga.txt', bytes: Buffer.from(['友好都市大連市との歩み', '年\t区分\t交流内容', ...lines].join('\n')) });
    await importDocuments(store, [doc([`2019年\t受入\t${long}`, '2019年\t派遣\t市長が訪問'])], { ...options, home, actor: 'yamada' });
    await importDocuments(store, [doc(['2019年\t派遣\t市長が訪問'])], { ...options, home, actor: 'yamada' });
    const removed = (await deletedItems(store)).find((d) => d.kind === 'event' && (d.before as FieldsOf['event']).text === long);
    assert.ok(removed);
    const back = (await restoreVersion(store, removed.id, sato)) as EditableEvent;
    assert.equal(back.text, long);
    const shortened = await editItem(store, 'event', back.id, { text: '代表団が来訪' }, back.version, sato);
    const [, before] = await historyOf(store, 'event', back.id);
    const again = (await restoreVersion(store, before!.id, sato, shortened.version)) as EditableEvent;
    assert.equal(again.text, long, 'the recorded state, though the editor would refuse to type it');
  });

  it('keeps a partnership’s version and history when an import changes only its events, so its open form is no conflict', async () => {
    const home = '白山市';
    const doc = (lines: string[]) => ({ name: 'hakusan.txt', bytes: Buffer.from(['友好都市大連市との歩み', '年\t区分\t交流内容', ...lines].join('\n')) });
    await importDocuments(store, [doc(['2010年\t派遣\t市長が訪問'])], { ...options, home, actor: 'yamada' });
    const [opened] = await listPartnerships(store, { home, partner: '大連市' });
    const form = await getItem(store, 'partnership', opened!.id);
    const entries = async () => (await historyOf(store, 'partnership', form.id)).length;
    const before = await entries();
    await importDocuments(store, [doc(['2010年\t派遣\t市長が訪問', '2011年\t受入\t代表団が来訪'])], { ...options, home, actor: 'yamada' });
    assert.equal((await getItem(store, 'partnership', form.id)).version, form.version, 'the events changed, not the partnership');
    assert.equal(await entries(), before, 'no empty entry in the partnership’s history');
    const saved = await editItem(store, 'partnership', form.id, { noExchangeYears: [2013] }, form.version, sato);
    assert.deepEqual(saved.noExchangeYears, [2013]);
    await importDocuments(store, [doc(['2010年\t派遣\t市長が訪問', '2011年\t受入\t代表団が来訪', '2012年\t—'])], { ...options, home, actor: 'yamada' });
    assert.equal((await getItem(store, 'partnership', form.id)).version, saved.version + 1, 'a year without exchange is the partnership’s own field');
    assert.equal(await entries(), before + 2);
  });

  it('reads a partnership’s items for the staff page in a few queries, however many items carry translations', async () => {
    let queries = 0;
    const counting: Store = { ...store, db: store.db.withPlugin({ transformQuery: (args) => (queries++, args.node), transformResult: async (args) => args.result }) };
    const read = async () => {
      queries = 0;
      const { events } = await getPartnershipForStaff(counting, dalian);
      return { events, queries };
    };
    const before = await read();
    for (let i = 0; i < 12; i++) await createItem(store, 'event', newEvent({ text: `翻訳のある交流${i}`, translations: { en: `An exchange ${i}`, zh: `交流${i}` } }), sato);
    const after = await read();
    assert.equal(after.events.length, before.events.length + 12);
    assert.equal(after.queries, before.queries, 'no query per item');
    assert.ok(after.queries <= 10, `${after.queries} queries`);
    assert.deepEqual(after.events.find((e) => e.text === '翻訳のある交流3')?.translations, { en: 'An exchange 3', zh: '交流3' });
  });

  it('makes no version and no history of an edit that changes nothing', async () => {
    const event = await createItem(store, 'event', newEvent({ text: '変わらない交流' }), sato);
    const same = await editItem(store, 'event', event.id, { text: '変わらない交流', translations: {} }, event.version, suzuki);
    assert.equal(same.version, event.version);
    assert.equal((await historyOf(store, 'event', event.id)).length, 1);
    const p = await createItem(store, 'partnership', { home: '金沢市', partner: 'ポルト市', kind: '友好都市', affiliatedOn: null, noExchangeYears: [2021, 2020, 2021], status: 'draft' }, sato);
    assert.deepEqual(p.noExchangeYears, [2020, 2021]);
    const reordered = await editItem(store, 'partnership', p.id, { noExchangeYears: [2021, 2020] }, p.version, suzuki);
    assert.equal(reordered.version, p.version, 'the same years in another order are no change');
  });

  it('refuses a date outside the event’s year, allowing January to March of the next year (年度)', async () => {
    await assert.rejects(
      createItem(store, 'event', newEvent({ year: 2006, date: '2019-05-01' }), sato),
      (err: unknown) => err instanceof EditRejectedError && err.problems.some((p) => p.field === 'date' && p.problem === 'dateOutsideYear'),
    );
    const fiscal = await createItem(store, 'event', newEvent({ year: 2006, date: '2007-03' }), sato);
    assert.equal(fiscal.date, '2007-03');
    await assert.rejects(editItem(store, 'event', fiscal.id, { year: 2008 }, fiscal.version, sato), EditRejectedError, 'changing the year alone is checked too');
  });

  it('refuses a date typed in an era it lies outside as such, not as a date it cannot read', async () => {
    for (const date of ['令和元年4月30日', 'R1.4.30', '平成31年5月1日']) {
      await assert.rejects(
        createItem(store, 'event', newEvent({ year: 2019, date }), sato),
        (err: unknown) => err instanceof EditRejectedError && JSON.stringify(err.problems) === JSON.stringify([{ field: 'date', problem: 'dateOutsideEra' }]),
        date,
      );
    }
    await assert.rejects(
      createItem(store, 'partnership', { home: '金沢市', partner: 'ゲント市', kind: '姉妹都市', affiliatedOn: '昭和64年1月8日', noExchangeYears: [], status: 'draft' }, sato),
      (err: unknown) => err instanceof EditRejectedError && err.problems.some((p) => p.field === 'affiliatedOn' && p.problem === 'dateOutsideEra'),
    );
  });

  it('refuses a well-formed date of a day no calendar has as such (noSuchDay), not as a date in a wrong format', async () => {
    for (const date of ['2024-02-30', '2023-02-29', '2019年4月31日', '2024/13/01', '令和6年2月30日']) {
      await assert.rejects(
        createItem(store, 'event', newEvent({ year: Number(date.startsWith('令和') ? 2024 : date.slice(0, 4)), date }), sato),
        (err: unknown) => err instanceof EditRejectedError && JSON.stringify(err.problems) === JSON.stringify([{ field: 'date', problem: 'noSuchDay' }]),
        date,
      );
    }
    await assert.rejects(
      createItem(store, 'partnership', { home: '金沢市', partner: 'ゲント市', kind: '姉妹都市', affiliatedOn: '2001-02-29', noExchangeYears: [], status: 'draft' }, sato),
      (err: unknown) => err instanceof EditRejectedError && err.problems.some((p) => p.field === 'affiliatedOn' && p.problem === 'noSuchDay'),
    );
    await assert.rejects(
      createItem(store, 'event', newEvent({ year: 2019, date: '昨日' }), sato),
      (err: unknown) => err instanceof EditRejectedError && err.problems.some((p) => p.field === 'date' && p.problem === 'invalidDate'),
      'a text that is no date is still not a date',
    );
  });

  it('keeps a document re-imported into a draft partnership out of the search until the partnership is published', async () => {
    const changed = { name: seed.name, bytes: Buffer.from(seed.bytes.toString('utf8').replace('趙氏に特別名誉市民証を授与', '趙氏に記念の盾を贈呈')) };
    const p = await getItem(store, 'partnership', dalian);
    await editItem(store, 'partnership', dalian, { status: 'draft' }, p.version, sato);
    await importDocuments(store, [changed], options);
    assert.equal((await searchRecord(store, '記念の盾')).total, 0);
    assert.equal((await searchRecord(store, '大連')).total, 0);
    assert.deepEqual(await searchFacets(store.db, '大連', {}, { scanCountFrom: 0 }), noFacets());
    await editItem(store, 'partnership', dalian, { status: 'published' }, (await getItem(store, 'partnership', dalian)).version, sato);
    assert.equal((await searchRecord(store, '記念の盾')).total, 1);
    await importDocuments(store, [seed], options);
    assert.equal((await searchRecord(store, '記念の盾')).total, 0);
    assert.equal((await searchRecord(store, '名誉市民証')).total, 1);
  });

  it('links a photo record to an event and a re-import of the document leaves editor drafts alone', async () => {
    const event = await createItem(store, 'event', newEvent({ text: '茶道体験団が来訪' }), sato);
    const record = await createItem(store, 'record', { partnershipId: dalian, year: 2025, caption: '茶会の様子', translations: { en: 'The tea ceremony' }, eventId: event.id, photo: null, status: 'draft' }, sato);
    assert.equal(record.eventId, event.id);
    await importDocuments(store, [seed], options);
    assert.equal((await getItem(store, 'event', event.id)).text, '茶道体験団が来訪');
    assert.equal((await getItem(store, 'record', record.id)).eventId, event.id);
  });

  it('refuses to mark as without exchange a year that holds exchanges, and keeps a year marked before whatever it holds', async () => {
    const partnership = await createItem(store, 'partnership', { home: '金沢市', partner: '蘇州市', kind: '友好交流都市', affiliatedOn: null, noExchangeYears: [2020], status: 'draft' }, sato);
    await createItem(store, 'event', newEvent({ partnershipId: partnership.id, year: 2019, date: null, text: '訪問団が来訪' }), sato);
    await assert.rejects(editItem(store, 'partnership', partnership.id, { noExchangeYears: [2019, 2020] }, partnership.version, sato), (e: unknown) => {
      assert.ok(e instanceof EditRejectedError);
      assert.deepEqual(e.problems, [{ field: 'noExchangeYears', problem: 'yearHasEvents' }]);
      return true;
    });
    const marked = await editItem(store, 'partnership', partnership.id, { noExchangeYears: [2020, 2021] }, partnership.version, sato);
    assert.deepEqual(marked.noExchangeYears, [2020, 2021]);
    // An event added later to a marked year takes the mark away (editing.no-exchange.test.ts), as a new version.
    await createItem(store, 'event', newEvent({ partnershipId: partnership.id, year: 2021, date: null, text: '市長が訪問' }), sato);
    const unmarked = await getItem(store, 'partnership', partnership.id);
    assert.deepEqual([unmarked.noExchangeYears, unmarked.version], [[2020], marked.version + 1]);
    // A year marked before that holds exchanges (stored before that rule) does not stop other edits of the partnership.
    await store.db.insertInto('exchange_years').values({ partnership_id: partnership.id, year: 2019, no_exchange: 1 }).execute();
    const renamed = await editItem(store, 'partnership', partnership.id, { kind: '姉妹都市' }, unmarked.version, sato);
    assert.equal(renamed.kind, '姉妹都市');
    assert.deepEqual(renamed.noExchangeYears, [2019, 2020]);
  });

  it('unlinks the photo records of a deleted event in their own history, and links them again when the event is restored', async () => {
    const event = await createItem(store, 'event', newEvent({ text: '書道交流団が来訪' }), sato);
    const shown = await createItem(store, 'record', { partnershipId: dalian, year: 2025, caption: '書道の実演', translations: {}, eventId: event.id, photo: null, status: 'draft' }, sato);
    const moved = await createItem(store, 'record', { partnershipId: dalian, year: 2025, caption: '作品の展示', translations: {}, eventId: event.id, photo: null, status: 'draft' }, sato);
    const other = await createItem(store, 'event', newEvent({ text: '作品展を開催' }), sato);
    await removeItem(store, 'event', event.id, event.version, suzuki);
    for (const record of [shown, moved]) {
      const now = await getItem(store, 'record', record.id);
      assert.equal(now.eventId, null);
      assert.equal(now.version, record.version + 1, 'the unlink is a version of the record');
      const [last] = await historyOf(store, 'record', record.id);
      assert.deepEqual([last!.action, last!.actor, (last!.before as FieldsOf['record']).eventId, (last!.after as FieldsOf['record']).eventId], ['update', 'suzuki', event.id, null]);
    }
    // Meanwhile one of them is linked to another event: the restore leaves that one where it is.
    const movedNow = await getItem(store, 'record', moved.id);
    await editItem(store, 'record', moved.id, { eventId: other.id }, movedNow.version, sato);
    const deletion = (await historyOf(store, 'event', event.id))[0]!;
    assert.equal(deletion.action, 'delete');
    await restoreVersion(store, deletion.id, sato);
    const relinked = await getItem(store, 'record', shown.id);
    assert.equal(relinked.eventId, event.id);
    assert.equal((await historyOf(store, 'record', shown.id))[0]!.action, 'restore');
    assert.equal((await getItem(store, 'record', moved.id)).eventId, other.id);
  });

  it('notes in each item’s history what an import by a person changed, and lists what it removed among the deleted items', async () => {
    const home = '小松市';
    const doc = (lines: string[]) => ({ name: 'komatsu.txt', bytes: Buffer.from(['友好交流都市大連市との歩み', '年\t区分\t交流内容', ...lines].join('\n')) });
    await importDocuments(store, [doc(['2010年\t派遣\t市長が訪問', '2011年\t受入\t代表団が来訪'])], { ...options, home, actor: 'yamada' });
    const rows = await store.db.selectFrom('events as e').innerJoin('partnerships as p', 'p.id', 'e.partnership_id').select(['e.id', 'e.version', 'e.text']).where('p.home', '=', home).orderBy('e.id').execute();
    const [visit, delegation] = rows;
    const created = await historyOf(store, 'event', visit!.id);
    assert.deepEqual(created.map((e) => [e.action, e.actor, e.before, (e.after as FieldsOf['event']).text]), [['import', 'yamada', null, '市長が訪問']], 'an item of a partnership the import created');
    await editItem(store, 'event', visit!.id, { text: '市長が大連市を訪問' }, visit!.version, sato);
    await importDocuments(store, [doc(['2010年\t派遣\t市長が訪問'])], { ...options, home, actor: 'yamada' });
    const [latest] = await historyOf(store, 'event', visit!.id);
    assert.equal(latest!.action, 'import');
    assert.equal(latest!.actor, 'yamada');
    assert.equal((latest!.before as FieldsOf['event']).text, '市長が大連市を訪問');
    assert.equal((latest!.after as FieldsOf['event']).text, '市長が訪問');
    const removed = (await deletedItems(store)).find((d) => d.kind === 'event' && d.itemId === delegation!.id);
    assert.ok(removed, 'the removed event is among the deleted items');
    assert.equal(removed.actor, 'yamada');
    const back = await restoreVersion(store, removed.id, sato);
    assert.equal((back as { text: string }).text, '代表団が来訪');
  });

  it('leaves an imported event and photo record that staff unpublished as drafts on a re-import, adding no copy of them', async () => {
    const [event] = await store.db.selectFrom('events').select(['id', 'version', 'text']).where('partnership_id', '=', dalian).where('status', '=', 'published').orderBy('id').limit(1).execute();
    const [record] = await store.db.selectFrom('photo_records').select(['id', 'version', 'caption']).where('partnership_id', '=', dalian).where('status', '=', 'published').orderBy('id').limit(1).execute();
    await editItem(store, 'event', event!.id, { status: 'draft' }, event!.version, sato);
    await editItem(store, 'record', record!.id, { status: 'draft' }, record!.version, sato);
    const [summary] = (await importDocuments(store, [seed], options)).changes;
    assert.deepEqual([summary!.added.events, summary!.added.records], [0, 0]);
    const copies = await store.db.selectFrom('events').select(['id', 'status']).where('partnership_id', '=', dalian).where('text', '=', event!.text).execute();
    assert.deepEqual(copies, [{ id: event!.id, status: 'draft' }]);
    const captions = await store.db.selectFrom('photo_records').select(['id', 'status']).where('partnership_id', '=', dalian).where('caption', '=', record!.caption).execute();
    assert.deepEqual(captions, [{ id: record!.id, status: 'draft' }]);
    assert.ok(!(await listPartnerships(store))[0]!.events.some((e) => e.text === event!.text), 'it stays off the public record');
  });
  it('exports an event whose year was changed, and one added on the web, in their years, so the export re-imports without a warning', async () => {
    const own = await openFresh();
    try {
      await importDocuments(own, [seed], options);
      const [dalianOf] = await listPartnerships(own);
      const [moved] = await own.db.selectFrom('events').select(['id', 'version']).where('year', '=', 2006).orderBy('position').limit(1).execute();
      await editItem(own, 'event', moved!.id, { year: 2015 }, moved!.version, sato);
      await createItem(own, 'event', { ...newEvent({ year: 2007, date: null, text: '市民訪問団を派遣', direction: 'dispatch' }), partnershipId: dalianOf!.id }, sato);
      const [partnership] = await listPartnerships(own);
      const years = partnership!.events.map((e) => e.year);
      assert.deepEqual(years, [...years].sort((a, b) => a - b), 'the read record is in year order');
      for (const [format, name] of [['text', 'x.txt'], ['csv', 'x.csv'], ['json', 'x.json']] as const) {
        const [parsed] = await parseDocuments([{ name, bytes: Buffer.from(await exportRecord(own, format)) }], options);
        assert.deepEqual(parsed!.diagnostics.filter((d) => d.severity !== 'info'), [], format);
      }
      const [summary] = (await importDocuments(own, [{ name: 'x.json', bytes: Buffer.from(await exportRecord(own, 'json')) }], options)).changes;
      assert.deepEqual([summary!.added.events, summary!.changed.events, summary!.removed.events], [0, 0, 0]);
    } finally {
      await own.close();
    }
  });

  it('stores a typed or pasted text as an import of the same text in a cell would: control characters, line breaks and tabs as spaces, trimmed', async () => {
    const typed = '\u0001大連市\x0c友好代表団が来訪 ';
    const event = await createItem(store, 'event', newEvent({ text: `${typed}\r\n市長と\t会談`, translations: { en: 'Dalian delegation\nvisited', zh: '' } }), sato);
    assert.equal(event.text, '大連市 友好代表団が来訪  市長と 会談');
    assert.deepEqual(event.translations, { en: 'Dalian delegation visited' });
    const csv = `相手都市,年（西暦）,区分,交流内容\r\n大連市,2025,受入,${typed}\r\n`;
    const [parsed] = await parseDocuments([{ name: 'x.csv', bytes: Buffer.from(csv) }], options);
    const imported = (await createItem(store, 'event', newEvent({ text: typed }), sato)).text;
    assert.equal(imported, parsed!.partnerships[0]!.events[0]!.text, 'the same text as its import');

    const edited = await editItem(store, 'event', event.id, { text: '代表団が\n来訪', translations: { zh: '代表团\t来访\u0000' } }, 1, sato);
    assert.equal(edited.text, '代表団が 来訪');
    assert.deepEqual(edited.translations, { en: 'Dalian delegation visited', zh: '代表团 来访' });
    const record = await createItem(store, 'record', { partnershipId: dalian, year: 2025, caption: '\t歓迎会\r\n(市役所)\n', translations: {}, eventId: null, photo: null, status: 'draft' }, sato);
    assert.equal(record.caption, '歓迎会 (市役所)');
    const partnership = await editItem(store, 'partnership', dalian, { kind: '友好交流\n都市 ' }, (await getItem(store, 'partnership', dalian)).version, sato);
    assert.equal(partnership.kind, '友好交流 都市');
    await editItem(store, 'partnership', dalian, { kind: '友好交流都市' }, partnership.version, sato);

    await assert.rejects(editItem(store, 'event', event.id, { text: '\r\n\u0001\t' }, 2, sato), (e: unknown) => {
      assert.ok(e instanceof EditRejectedError);
      assert.deepEqual(e.problems, [{ field: 'text', problem: 'required' }], 'refused only when nothing is left');
      return true;
    });

    // A version recorded with a line break (before texts were flattened) comes back flattened, on the item and deleted.
    await store.db.updateTable('history').set({ after: sql<string>`replace("after", '代表団が 来訪', '代表団が\\n来訪')` }).where('item_kind', '=', 'event').where('item_id', '=', event.id).execute();
    const recorded = (await historyOf(store, 'event', event.id)).find((e) => e.version === 2)!;
    assert.equal((recorded.after as { text: string }).text, '代表団が\n来訪', 'the history holds a line break');
    const later = await editItem(store, 'event', event.id, { text: '代表団が来訪' }, 2, sato);
    assert.equal((await restoreVersion(store, recorded.id, sato, later.version) as { text: string }).text, '代表団が 来訪');
    await removeItem(store, 'event', event.id, later.version + 1, sato);
    await store.db.updateTable('history').set({ before: sql<string>`replace("before", '代表団が 来訪', '代表団が\\n来訪')` }).where('item_kind', '=', 'event').where('item_id', '=', event.id).where('action', '=', 'delete').execute();
    const deletion = (await historyOf(store, 'event', event.id)).find((e) => e.action === 'delete')!;
    assert.equal((deletion.before as { text: string }).text, '代表団が\n来訪');
    assert.equal((await restoreVersion(store, deletion.id, sato) as { text: string }).text, '代表団が 来訪');
  });
});
