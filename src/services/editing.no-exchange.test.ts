import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { FieldsOf } from '../domain/editing.js';
import type { Store } from '../storage/database.js';
import { diagnosticText } from '../views/staff/upload.messages.js';
import { EditRejectedError } from './edit.errors.js';
import { createItem, editItem, getItem, historyOf, restoreVersion } from './editing.service.js';
import { parseDocuments } from './documents.service.js';
import { importDocuments } from './import.service.js';
import { exportRecord, listPartnerships } from './record.service.js';

const seed = { name: 'kanazawa-dalian.txt', bytes: readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url)) };
const options = { home: '金沢市', maxDocumentBytes: 10 * 1024 * 1024, now: () => new Date('2026-11-28T03:00:00Z') };
const sato = { name: 'sato' };
const suzuki = { name: 'suzuki' };

/** The sample with a row added under 2021, which it marks `— —` (a year without exchange), as Excel users add one. */
const withRowUnderMarkedYear = (): Buffer => {
  const text = seed.bytes.toString('utf8');
  const marked = '2021年 (令和3年)\t—\t—';
  assert.ok(text.includes(marked), 'the sample marks 2021 as without exchange');
  return Buffer.from(text.replace(marked, `${marked}\n\t派遣\t大連市とオンラインで意見交換`));
};

describeOnEachStore('an exchange in a year marked as without exchange (交流なし)', (openFresh) => {
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

  const event = (over: Partial<FieldsOf['event']> = {}): FieldsOf['event'] => ({
    partnershipId: dalian,
    year: 2021,
    date: null,
    direction: 'mutual',
    text: 'オンラインで市長会談を実施',
    translations: {},
    status: 'published',
    ...over,
  });

  it('added on the web takes the mark away, as a change of the partnership in its history by the same person', async () => {
    const p = await getItem(store, 'partnership', dalian);
    assert.deepEqual(p.noExchangeYears, [2021]);
    await createItem(store, 'event', event(), sato);
    const after = await getItem(store, 'partnership', dalian);
    assert.deepEqual(after.noExchangeYears, []);
    assert.equal(after.version, p.version + 1);
    const [last] = await historyOf(store, 'partnership', dalian);
    assert.deepEqual([last!.action, last!.actor, last!.before!.noExchangeYears, last!.after!.noExchangeYears], ['update', 'sato', [2021], []]);
    // Every export says the year once: with its exchange, not also as a year without exchange.
    const text = await exportRecord(store, 'text');
    assert.match(text, /オンラインで市長会談を実施/);
    assert.doesNotMatch(text, /\t—\t—/);
  });

  it('moved into a marked year by an edit takes the mark away; an event of another year leaves it', async () => {
    const p = await getItem(store, 'partnership', dalian);
    const marked = await editItem(store, 'partnership', dalian, { noExchangeYears: [2024] }, p.version, suzuki);
    const other = await createItem(store, 'event', event({ year: 2025, text: '大連市の訪問団が来訪', direction: 'reception' }), sato);
    assert.deepEqual((await getItem(store, 'partnership', dalian)).noExchangeYears, [2024], 'an exchange of 2025 leaves 2024 marked');
    assert.equal((await getItem(store, 'partnership', dalian)).version, marked.version);
    await editItem(store, 'event', other.id, { year: 2024 }, other.version, suzuki);
    assert.deepEqual((await getItem(store, 'partnership', dalian)).noExchangeYears, []);
  });

  it('refuses to restore a partnership’s version that marks a year holding exchanges since', async () => {
    const history = await historyOf(store, 'partnership', dalian);
    const marking = history.find((e) => e.actor === 'suzuki' && e.after?.noExchangeYears.includes(2024));
    assert.ok(marking, 'the version that marked 2024');
    await assert.rejects(restoreVersion(store, marking.id, sato), (e: unknown) => {
      assert.ok(e instanceof EditRejectedError);
      assert.deepEqual(e.problems, [{ field: 'noExchangeYears', problem: 'yearHasEvents' }]);
      return true;
    });
  });

  it('in an imported document is imported, without the mark, with a warning naming the year', async () => {
    const doc = { name: 'dalian-2021.txt', bytes: withRowUnderMarkedYear() };
    const [parsed] = await parseDocuments([doc], options);
    const warning = parsed!.diagnostics.find((d) => d.code === 'NoExchangeYearHasEvents');
    assert.ok(warning, JSON.stringify(parsed!.diagnostics));
    assert.deepEqual([warning.severity, warning.params, warning.excerpt], ['warning', { year: 2021, partner: '大連市' }, '大連市とオンラインで意見交換']);
    assert.equal(
      diagnosticText('ja', warning).message,
      '2021年は「交流なし」と書かれていますが、交流も書かれているため、交流を取り込み、「交流なし」の印を外します。交流がなかった年なら、文書の交流の行を消してください。',
    );
    assert.deepEqual(parsed!.partnerships[0]!.noExchangeYears, []);

    const fresh = await openFresh();
    try {
      const report = await importDocuments(fresh, [doc], { ...options, actor: 'sato' });
      assert.ok(report.documents[0]!.diagnostics.some((d) => d.code === 'NoExchangeYearHasEvents'));
      const [stored] = await listPartnerships(fresh);
      assert.deepEqual(stored!.noExchangeYears, []);
      const text = await exportRecord(fresh, 'text');
      assert.match(text, /大連市とオンラインで意見交換/);
      assert.doesNotMatch(text, /\t—\t—/);
    } finally {
      await fresh.close();
    }
  });

  it('a document that marks a year without listing exchanges in it keeps the mark, without a warning', async () => {
    const [parsed] = await parseDocuments([seed], options);
    assert.equal(parsed!.diagnostics.filter((d) => d.code === 'NoExchangeYearHasEvents').length, 0);
    assert.deepEqual(parsed!.partnerships[0]!.noExchangeYears, [2021]);
  });

  it('leaves the mark of a year that held an exchange before this rule when a translation of that exchange is saved', async () => {
    const held = await createItem(store, 'event', event({ year: 2019, text: '全州市の合唱団が来訪', direction: 'reception' }), sato);
    // A mark stored before the rule, beside the exchange it now never meets.
    await store.db.insertInto('exchange_years').values({ partnership_id: dalian, year: 2019, no_exchange: 1 }).execute();
    const p = await getItem(store, 'partnership', dalian);
    await editItem(store, 'event', held.id, { translations: { en: 'A Jeonju choir visited' } }, held.version, { name: 'li' });
    const after = await getItem(store, 'partnership', dalian);
    assert.deepEqual([after.noExchangeYears.includes(2019), after.version], [true, p.version], 'a translator’s save does not change the partnership');
  });
});

