import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { FieldsOf } from '../domain/editing.js';
import type { Partnership } from '../domain/partnership.js';
import { textExporter } from '../exports/text.js';
import type { Store } from '../storage/database.js';
import { parseDocuments } from './documents.service.js';
import { EditRejectedError } from './edit.errors.js';
import { createItem, deletedItems, editItem, getPartnershipForStaff, removeItem, restoreVersion } from './editing.service.js';
import { importDocuments } from './import.service.js';
import { exportRecord, listPartnerships } from './record.service.js';

const options = { home: '金沢市', maxDocumentBytes: 10 * 1024 * 1024 };
const sato = { name: 'sato' };

/** Nancy's timeline as the city publishes it (the document layout), with dated and undated events. */
const nancy: Partnership = {
  home: '金沢市',
  partner: 'ナンシー市',
  kind: '姉妹都市',
  affiliatedOn: '1973-10-12',
  noExchangeYears: [2020],
  events: [
    { year: 2018, date: '2018-03-10', direction: 'dispatch', text: '市議会議員団がナンシー市を訪問', line: null },
    { year: 2018, date: '2018-07-01', direction: 'reception', text: 'ナンシー市長が来沢し兼六園を視察', line: null },
    { year: 2018, date: null, direction: 'dispatch', text: '金沢市民訪問団を派遣', line: null },
    { year: 2018, date: '2018-11-20', direction: 'reception', text: 'ナンシー市の高校生が金沢でホームステイ', line: null },
    { year: 2019, date: '2019-05-01', direction: 'mutual', text: '令和改元記念の相互書簡交換', line: null },
    { year: 2021, date: '2021-06', direction: 'unknown', text: 'オンライン交流会を開催', line: null },
  ],
  records: [],
};
const document = { name: 'nancy.txt', bytes: Buffer.from(textExporter.write([nancy])) };

describeOnEachStore('the place of an event added or redated on the web', (openFresh) => {
  const withStore = async (test: (store: Store, id: number) => Promise<void>) => {
    const store = await openFresh();
    try {
      await importDocuments(store, [document], options);
      await test(store, (await listPartnerships(store))[0]!.id);
    } finally {
      await store.close();
    }
  };
  const added = (partnershipId: number, over: Partial<FieldsOf['event']>): FieldsOf['event'] => ({
    partnershipId,
    year: 2018,
    date: null,
    direction: 'reception',
    text: 'ナンシー市の代表団が来訪',
    translations: {},
    status: 'published',
    ...over,
  });
  const textsOf = async (store: Store) => (await listPartnerships(store))[0]!.events.map((e) => e.text);

  it('puts a dated event before the first event of its year with a later date, and an undated one last in its year', async () => {
    await withStore(async (store, id) => {
      await createItem(store, 'event', added(id, { date: '2018-08-15', text: 'ナンシー市の音楽家が来沢' }), sato);
      await createItem(store, 'event', added(id, { date: '2018-01-05', text: '新年の書簡を交換', direction: 'mutual' }), sato);
      await createItem(store, 'event', added(id, { text: '工芸展をナンシー市で開催', direction: 'dispatch' }), sato);
      await createItem(store, 'event', added(id, { year: 2020, date: '2020-02-01', text: '交流事業の延期を協議', direction: 'mutual' }), sato);
      const draft = await createItem(store, 'event', added(id, { date: '2018-07-20', text: '学生の作品展を準備', status: 'draft' }), sato);
      assert.deepEqual(await textsOf(store), [
        '新年の書簡を交換',
        '市議会議員団がナンシー市を訪問',
        'ナンシー市長が来沢し兼六園を視察',
        '金沢市民訪問団を派遣',
        'ナンシー市の音楽家が来沢',
        'ナンシー市の高校生が金沢でホームステイ',
        '工芸展をナンシー市で開催',
        '令和改元記念の相互書簡交換',
        '交流事業の延期を協議',
        'オンライン交流会を開催',
      ]);
      const staff = (await getPartnershipForStaff(store, id)).events.map((e) => e.text);
      assert.equal(staff[staff.indexOf('金沢市民訪問団を派遣') + 1], draft.text, 'a draft takes its place too (after the undated event that followed 2018-07-01)');
    });
  });

  it('moves an event whose date or year is changed to its new place, and leaves one whose date is removed where it is', async () => {
    await withStore(async (store, id) => {
      const events = (await getPartnershipForStaff(store, id)).events;
      const mayor = events.find((e) => e.text.startsWith('ナンシー市長'))!;
      const moved = await editItem(store, 'event', mayor.id, { date: '2018-12-01' }, mayor.version, sato);
      const first = events[0]!;
      await editItem(store, 'event', first.id, { date: null }, first.version, sato);
      const letters = events.find((e) => e.year === 2019)!;
      await editItem(store, 'event', letters.id, { year: 2018, date: '2018-09-01' }, letters.version, sato);
      assert.deepEqual(await textsOf(store), [
        '市議会議員団がナンシー市を訪問',
        '金沢市民訪問団を派遣',
        '令和改元記念の相互書簡交換',
        'ナンシー市の高校生が金沢でホームステイ',
        'ナンシー市長が来沢し兼六園を視察',
        'オンライン交流会を開催',
      ]);
      assert.equal(moved.version, mayor.version + 1);
    });
  });

  it('exports the events in their places, so every export re-imports without YearOutOfOrder, changing nothing, again and again', async () => {
    await withStore(async (store, id) => {
      await createItem(store, 'event', added(id, { date: '2018-08-15', text: 'ナンシー市の音楽家が来沢' }), sato);
      await createItem(store, 'event', added(id, { year: 2020, date: '2020-02-01', text: '交流事業の延期を協議', direction: 'mutual' }), sato);
      await createItem(store, 'event', added(id, { year: 2017, text: '姉妹都市提携45周年の準備会議', direction: 'mutual' }), sato);
      const order = async () => (await getPartnershipForStaff(store, id)).events.map((e) => `${e.id} ${e.version}`);
      const before = await order();
      for (const [format, name] of [['text', 'x.txt'], ['csv', 'x.csv'], ['json', 'x.json']] as const) {
        const [parsed] = await parseDocuments([{ name, bytes: Buffer.from(await exportRecord(store, format)) }], options);
        assert.deepEqual(parsed!.diagnostics.filter((d) => d.severity !== 'info'), [], format);
      }
      for (const format of ['json', 'text', 'json'] as const) {
        const name = format === 'json' ? 'x.json' : 'x.txt';
        const [summary] = (await importDocuments(store, [{ name, bytes: Buffer.from(await exportRecord(store, format)) }], options)).changes;
        assert.deepEqual([summary!.added.events, summary!.changed.events, summary!.removed.events], [0, 0, 0], format);
        assert.deepEqual(await order(), before, `the ${format} re-import keeps every event in its place and version`);
      }
      const [again] = (await importDocuments(store, [document], options)).changes;
      assert.deepEqual([again!.added.events, again!.removed.events], [0, 3], 'the city’s document still removes only the added events');
    });
  });

  it('puts a restored event back in the place it had, dated or not, or after its neighbour when the next one is gone too', async () => {
    await withStore(async (store, id) => {
      const original = await textsOf(store);
      const events = (await getPartnershipForStaff(store, id)).events;
      const restoreDeleted = async (text: string) => {
        const entry = (await deletedItems(store)).find((d) => d.kind === 'event' && (d.before as FieldsOf['event']).text === text)!;
        return restoreVersion(store, entry.id, sato);
      };
      for (const text of ['金沢市民訪問団を派遣', '市議会議員団がナンシー市を訪問', 'ナンシー市長が来沢し兼六園を視察']) {
        const e = events.find((x) => x.text === text)!;
        await removeItem(store, 'event', e.id, e.version, sato);
        await restoreDeleted(text);
        assert.deepEqual(await textsOf(store), original, `${text} is back in its place`);
      }
      // The undated event and the one after it are deleted: the undated one goes back after the one before it.
      const [undated, next] = ['金沢市民訪問団を派遣', 'ナンシー市の高校生が金沢でホームステイ'].map((t) => events.find((x) => x.text === t)!);
      await removeItem(store, 'event', undated!.id, (await getPartnershipForStaff(store, id)).events.find((x) => x.id === undated!.id)!.version, sato);
      await removeItem(store, 'event', next!.id, next!.version, sato);
      await createItem(store, 'event', added(id, { text: '工芸展をナンシー市で開催', direction: 'dispatch' }), sato);
      await restoreDeleted('金沢市民訪問団を派遣');
      assert.deepEqual((await textsOf(store)).slice(0, 4), ['市議会議員団がナンシー市を訪問', 'ナンシー市長が来沢し兼六園を視察', '金沢市民訪問団を派遣', '工芸展をナンシー市で開催']);
    });
  });

  it('refuses to restore a deleted event when the same exchange (year, direction, text) is in its partnership again, writing nothing', async () => {
    await withStore(async (store, id) => {
      const e = (await getPartnershipForStaff(store, id)).events.find((x) => x.text === '金沢市民訪問団を派遣')!;
      await removeItem(store, 'event', e.id, e.version, sato);
      const [entry] = await deletedItems(store);
      // The city's document still holds it: the import adds it again under a new id.
      const [summary] = (await importDocuments(store, [document], options)).changes;
      assert.equal(summary!.added.events, 1);
      const before = await textsOf(store);
      await assert.rejects(restoreVersion(store, entry!.id, sato), (error: unknown) => {
        assert.ok(error instanceof EditRejectedError);
        assert.deepEqual(error.problems, [{ field: '', problem: 'duplicateEvent' }]);
        return true;
      });
      assert.deepEqual(await textsOf(store), before);
      assert.equal((await deletedItems(store)).length, 1, 'it stays among the deleted items');
    });
  });
});
