import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { Store } from '../storage/database.js';
import { importDocuments } from './import.service.js';
import { searchRecord, searchWithFacets } from './search.service.js';

const LINES = [
  '2001年\t派遣\t市民ランナーがマラソン大会に参加',
  '2002年\t受入\tさくらまつりに訪問団が来訪',
  '2003年\t派遣\tサクラの植樹式に出席',
  '2004年\t受入\t市長が来訪',
];
const DOCUMENT = ['友好都市大連市との歩み 交流年表', '', '年\t\t交流内容', ...LINES, ''].join('\n');

describeOnEachStore('kana typed in the other script in search', (openFresh) => {
  let store: Store;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kana.txt', bytes: Buffer.from(DOCUMENT) }], { home: '金沢市', maxDocumentBytes: 1e7 });
  });
  after(async () => {
    await store?.close();
  });

  const years = async (q: string) => (await searchRecord(store, q)).hits.map((h) => h.year);

  it('finds katakana words typed in hiragana, and hiragana words typed in katakana', async () => {
    assert.deepEqual(await years('まらそん'), [2001]);
    assert.deepEqual(await years('マラソン'), [2001]);
    assert.deepEqual(await years('マツリ'), [2002]);
    assert.deepEqual(await years('まらそん大会'), [2001], 'kana beside kanji');
  });

  it('finds both scripts of a word the record writes both ways, each item once, and counts them', async () => {
    assert.deepEqual(await years('さくら'), [2002, 2003]);
    assert.deepEqual(await years('サクラ'), [2002, 2003]);
    const result = await searchWithFacets(store, 'さくら');
    assert.equal(result.total, 2);
    assert.deepEqual(result.facets.years.map((y) => y.year).sort(), [2002, 2003]);
  });

  it('leaves kanji-only queries as they are', async () => {
    assert.deepEqual(await years('市長'), [2004]);
  });
});
