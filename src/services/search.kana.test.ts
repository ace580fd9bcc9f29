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

  it('reads a query that finds nothing with its kana in the other script, and says so', async () => {
    const katakana = await searchRecord(store, 'まらそん');
    assert.deepEqual([katakana.readAs, katakana.hits.map((h) => h.year), katakana.total], ['マラソン', [2001], 1]);
    const hiragana = await searchWithFacets(store, 'マツリ');
    assert.deepEqual([hiragana.readAs, hiragana.hits.map((h) => h.year), hiragana.facets.years.map((y) => y.year)], ['まつり', [2002], [2002]]);
    const mixed = await searchRecord(store, 'まらそん大会');
    assert.deepEqual([mixed.readAs, mixed.hits.map((h) => h.year)], ['マラソン大会', [2001]], 'kana beside kanji');
  });

  it('keeps a query that finds something as typed, without another reading', async () => {
    const typed = await searchRecord(store, 'さくら');
    assert.deepEqual([typed.readAs, typed.hits.map((h) => h.year)], [undefined, [2002]], 'サクラ (2003) is not added: the typed form found something');
    assert.equal((await searchWithFacets(store, 'マラソン')).readAs, undefined);
  });

  it('finds nothing, and reads nothing else, when no form matches or the query has no kana', async () => {
    const none = await searchWithFacets(store, 'ぱりまらそん');
    assert.deepEqual([none.total, none.readAs], [0, undefined]);
    const kanji = await searchRecord(store, '県知事');
    assert.deepEqual([kanji.total, kanji.readAs], [0, undefined]);
  });
});
