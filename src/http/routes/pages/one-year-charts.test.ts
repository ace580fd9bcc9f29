import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importDocuments } from '../../../services/import.service.js';
import type { Store } from '../../../storage/database.js';
import { openSqliteStore } from '../../../storage/sqlite/connect.js';
import { buildApp } from '../../app.js';

/** A partnership whose exchanges are all of one year. */
const ONE_YEAR = ['姉妹都市ゲント市との歩み', '', '2010年', '市長が訪問', '代表団が来訪'].join('\n');

describe('the charts of a partnership whose exchanges are all of one year', () => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let id: number;
  before(async () => {
    store = await openSqliteStore(':memory:');
    await importDocuments(store, [{ name: 'gent.txt', bytes: Buffer.from(ONE_YEAR) }], { home: '金沢市', maxDocumentBytes: 1e6 });
    id = (await store.db.selectFrom('partnerships').select('id').executeTakeFirstOrThrow()).id;
    app = await buildApp({ store, home: '金沢市' });
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  const labels = async (url: string) => [...(await app.inject(url)).body.matchAll(/class="chart-figure" role="img" aria-label="([^"]+)"/g)].map((m) => m[1]!);

  it('name that year alone, not a span from it to itself, in each language', async () => {
    assert.deepEqual(await labels(`/en/partnerships/${id}`), ['Bar chart of the exchanges of 2010, stacked by direction; 2 in all. The numbers are in the table beside it.']);
    assert.deepEqual(await labels(`/ja/partnerships/${id}`), ['2010年の交流件数を区分別に積み上げた棒グラフ。合計2件。数値は隣の表のとおり。']);
    const insights = await labels(`/en/partnerships/${id}/insights`);
    assert.ok(insights.length > 0);
    assert.ok(insights.every((l) => l.includes('2010') && !/from 2010 to 2010/.test(l)), insights.join(' | '));
    assert.ok(insights.some((l) => l === 'Stacked bar chart: 2 events in 2010, by direction'), insights.join(' | '));
    assert.ok((await labels(`/zh/partnerships/${id}/insights`)).every((l) => !/2010年至2010年/.test(l)));
  });
});
