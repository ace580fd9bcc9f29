import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { Store } from '../storage/database.js';
import { importDocuments } from './import.service.js';
import { searchRecord, searchWithFacets } from './search.service.js';

const LINES = [
  '2001年\t派遣\t経済発展セミナーに市長が出席',
  '2002年\t受入\t福岡市の美容団体が来訪し、髪型の講習を行う',
  '2003年\t派遣\t記念植樹を行い、橋の完成式に出席',
  '2004年\t受入\t師範学校の教員団が来訪',
  '2005年\t派遣\t頭髪と発展の展示会（両方の字を含む）',
  '2006年\t受入\t范先生が講演',
];
const DOCUMENT = ['友好都市大連市との歩み 交流年表', '', '年\t\t交流内容', ...LINES, ''].join('\n');

describeOnEachStore('simplified characters of several Japanese forms in search', (openFresh) => {
  let store: Store;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'forms.txt', bytes: Buffer.from(DOCUMENT) }], { home: '金沢市', maxDocumentBytes: 1e7 });
  });
  after(async () => {
    await store?.close();
  });

  const texts = async (q: string) => (await searchRecord(store, q)).hits.map((h) => h.text);

  it('finds the Japanese forms of the characters readers missed', async () => {
    for (const [simplified, japanese] of [
      ['发展', '発展'],
      ['福冈', '福岡'],
      ['桥', '橋'],
      ['树', '樹'],
      ['师范', '師範'],
    ] as const) {
      assert.deepEqual(await texts(simplified), await texts(japanese), `${simplified} finds what ${japanese} finds`);
      assert.ok((await texts(simplified)).length > 0, simplified);
    }
  });

  it('finds every form of a character of several, each item once, in the record’s order', async () => {
    const found = await searchRecord(store, '发');
    assert.deepEqual(
      found.hits.map((h) => h.year),
      [2001, 2002, 2005],
      '発 (2001, 2005) and 髪 (2002, 2005): the item holding both is found once',
    );
    assert.equal(found.total, 3);
    const paged = await searchRecord(store, '发', { limit: 1, offset: 1 });
    assert.deepEqual([paged.total, paged.hits.map((h) => h.year)], [3, [2002]]);
    assert.deepEqual((await searchRecord(store, '范')).hits.map((h) => h.year), [2004, 2006], '范 finds 範 and itself');
    assert.deepEqual((await searchRecord(store, '头发')).hits.map((h) => h.year), [2005], '头发 finds 頭髪');
  });

  it('counts the facets of every form over the union of their matches', async () => {
    const result = await searchWithFacets(store, '发');
    assert.equal(result.total, 3);
    assert.deepEqual(result.facets.years, [
      { year: 2001, count: 1 },
      { year: 2002, count: 1 },
      { year: 2005, count: 1 },
    ]);
    assert.deepEqual(result.facets.partners.map((p) => p.count), [3]);
    const reception = await searchWithFacets(store, '发', { filters: { direction: 'reception' } });
    assert.deepEqual([reception.total, reception.hits.map((h) => h.year)], [1, [2002]]);
    assert.deepEqual(reception.facets.years.map((y) => y.year), [2002]);
  });
});
