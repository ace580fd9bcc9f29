import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { RowCounter, countingRows } from '../../test/support/row-counter.js';
import { importSampleAndCorpus } from '../../test/support/sample-and-corpus.js';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { compareJapanese } from '../domain/collation.js';
import type { Store } from '../storage/database.js';
import { importDocuments } from './import.service.js';
import { loadHomeAnniversaries, loadHomeOverview } from './knowledge.service.js';
import { listPartnerships } from './record.service.js';

/** Another home's partnership with an agreement whose 20th anniversary (2030) a whole-record calendar would list. */
const toyama = [
  '友好都市大連市との歩み 交流年表',
  '',
  '年\t\t交流内容',
  '2010年 (平成22年)\t派遣\t市長が訪問し「経済交流の推進に関する覚書」に調印',
  '2011年 (平成23年)\t受入\t大連市訪問団が来訪',
  '',
].join('\n');

describeOnEachStore('the home page’s overview of a record of several home municipalities', (openFresh) => {
  let store: Store;
  const counter = new RowCounter();
  before(async () => {
    store = await openFresh();
    await importSampleAndCorpus(store, { partnerships: 12, years: 4, seed: 'home-overview' });
    await importDocuments(store, [{ name: 'toyama-dalian.txt', bytes: Buffer.from(toyama) }], { home: '富山市', maxDocumentBytes: 1e7 });
  });
  after(async () => {
    await store?.close();
  });

  it('gives the site’s home’s partnerships with their counts, and every other home with its partnerships in Japanese collation order', async () => {
    const all = await listPartnerships(store);
    const overview = await loadHomeOverview(store, '金沢市');
    assert.deepEqual(overview.partnerships.map((p) => p.id), all.filter((p) => p.home === '金沢市').map((p) => p.id));
    const dalian = overview.partnerships.find((p) => p.partner === '大連市')!;
    assert.ok(dalian.activeYears.length > 10 && (dalian.eventCounts.dispatch ?? 0) > 0);

    const homes = [...new Set(all.map((p) => p.home))].filter((h) => h !== '金沢市');
    assert.ok(homes.length >= 3, `the corpus gives several homes: ${homes.join(', ')}`);
    assert.deepEqual(overview.otherHomes.map((g) => g.home), [...homes].sort(compareJapanese));
    for (const g of overview.otherHomes) {
      const own = all.filter((p) => p.home === g.home);
      assert.deepEqual(g.partnerships.map((p) => p.partner), own.map((p) => p.partner).sort(compareJapanese), g.home);
      for (const p of g.partnerships) {
        const stored = own.find((o) => o.id === p.id);
        assert.deepEqual(p, { id: stored!.id, home: stored!.home, partner: stored!.partner, kind: stored!.kind });
      }
    }
  });

  it('keeps the anniversaries the site’s home’s, on the page and in the calendar', async () => {
    const toyamaDalian = (await listPartnerships(store, { home: '富山市' }))[0]!;
    const own = new Set((await listPartnerships(store, { home: '金沢市' })).map((p) => p.id));
    const overview = await loadHomeOverview(store, '金沢市');
    assert.ok(overview.anniversaries.length > 0);
    assert.ok(overview.anniversaries.every((a) => own.has(a.partnershipId)));
    assert.deepEqual(await loadHomeAnniversaries(store, '金沢市'), overview.anniversaries);
    const other = await loadHomeAnniversaries(store, '富山市');
    assert.deepEqual(other.map((a) => [a.partnershipId, a.label, a.year]), [[toyamaDalian.id, '経済交流の推進に関する覚書', 2010]]);
  });

  it('reads in a fixed number of queries, the other homes by name alone, whatever the number of homes', async () => {
    const counted = countingRows(store, counter);
    const partnerships = (await listPartnerships(store)).length;
    counter.reset();
    const overview = await loadHomeOverview(counted, '金沢市');
    assert.equal(counter.queries, 4, 'the site’s home’s partnerships and their counts, its agreement events, the other homes’ names');
    const others = overview.otherHomes.reduce((n, g) => n + g.partnerships.length, 0);
    assert.equal(others + overview.partnerships.length, partnerships);
    // The other homes' events are neither read nor counted: one row per partnership of theirs.
    const own = (await listPartnerships(store, { home: '金沢市' })).reduce((n, p) => n + p.events.length, 0);
    assert.ok(counter.rows <= overview.partnerships.length + own + others, `${counter.rows} rows`);
  });

  it('lists every home of the record as another home of a site whose home holds nothing, and none for a record of one home', async () => {
    const overview = await loadHomeOverview(store, '無い市');
    assert.deepEqual(overview.partnerships, []);
    assert.equal(overview.otherHomes.reduce((n, g) => n + g.partnerships.length, 0), (await listPartnerships(store)).length);
    const single = await openFresh();
    try {
      await importDocuments(single, [{ name: 'toyama-dalian.txt', bytes: Buffer.from(toyama) }], { home: '富山市', maxDocumentBytes: 1e7 });
      assert.deepEqual((await loadHomeOverview(single, '富山市')).otherHomes, []);
    } finally {
      await single.close();
    }
  });
});
