import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../../../test/support/test-stores.js';
import { importDocuments } from '../../../services/import.service.js';
import type { Store } from '../../../storage/database.js';
import { buildApp } from '../../app.js';

const seed = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));

/** A timeline with Hanoi, as two homes of one prefecture's record each keep theirs. */
function hanoi(home: string, years: number): string {
  const lines = ['友好都市ハノイ市との歩み 交流年表', '', '年\t\t交流内容'];
  for (let i = 0; i < years; i++) lines.push(`${2000 + i}年\t派遣\t${home}の訪問団がハノイ市を訪問し、青少年交流を行う`);
  return [...lines, ''].join('\n');
}

/** The facet links of a page, decoded, with their query parameters. */
function facetLinks(body: string): URLSearchParams[] {
  const aside = body.slice(body.indexOf('<aside'));
  return [...aside.matchAll(/<a href="([^"]+)"/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&'), 'http://x').searchParams);
}

describeOnEachStore('the search filters by home as well as by partner', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    await importDocuments(store, [{ name: 'toyama-hanoi.txt', bytes: Buffer.from(hanoi('富山市', 3)) }], { home: '富山市', maxDocumentBytes: 1e7 });
    await importDocuments(store, [{ name: 'tottori-hanoi.txt', bytes: Buffer.from(hanoi('鳥取市', 2)) }], { home: '鳥取市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市' });
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('links each home·partner facet to its own partnership, and the link finds only its matches', async () => {
    const page = await app.inject(`/search?q=${encodeURIComponent('訪問団')}`);
    assert.equal(page.statusCode, 200);
    const links = facetLinks(page.body).filter((p) => p.get('partner') === 'ハノイ市');
    assert.deepEqual(links.map((p) => p.get('home')).sort(), ['富山市', '鳥取市']);
    const toyama = await app.inject(`/search?${links.find((p) => p.get('home') === '富山市')!.toString()}`);
    assert.match(toyama.body, /「訪問団」を含む記録が3件見つかりました/);
    assert.doesNotMatch(toyama.body, /鳥取市の訪問団/);
    const chosen = facetLinks(toyama.body).find((p) => p.get('home') === '富山市' && p.get('partner') === 'ハノイ市');
    assert.ok(chosen, 'the chosen partnership is still in the facet');
    assert.match(toyama.body, /選択中の条件[\s\S]*富山市・ハノイ市/);
  });

  it('keeps the links of the site’s own partnerships as they were when no other home shares the partner', async () => {
    const page = await app.inject(`/search?q=${encodeURIComponent('訪問')}`);
    const dalian = facetLinks(page.body).filter((p) => p.get('partner') === '大連市');
    assert.ok(dalian.length > 0);
    for (const p of dalian) assert.equal(p.get('home'), null);
  });

  it('reads a home in simplified characters as its Japanese form, as it reads the partner', async () => {
    const page = await app.inject(`/zh/search?q=${encodeURIComponent('訪問団')}&partner=${encodeURIComponent('ハノイ市')}&home=${encodeURIComponent('鸟取市')}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /找到 2 条包含/);
    assert.doesNotMatch(page.body, /class="hit-text"[^>]*>富山市/);
  });

  it('narrows /api/search by home and partner, and describes home in the OpenAPI document', async () => {
    const both = (await app.inject(`/api/search?q=${encodeURIComponent('訪問団')}&partner=${encodeURIComponent('ハノイ市')}`)).json();
    assert.equal(both.total, 5);
    const one = (await app.inject(`/api/search?q=${encodeURIComponent('訪問団')}&partner=${encodeURIComponent('ハノイ市')}&home=${encodeURIComponent('鳥取市')}`)).json();
    assert.equal(one.total, 2);
    for (const item of one.items) assert.equal(item.home, '鳥取市');
    const simplified = (await app.inject(`/api/search?q=${encodeURIComponent('访问团')}&home=${encodeURIComponent('鸟取市')}`)).json();
    assert.equal(simplified.total, 2);
    const openapi = (await app.inject('/api/openapi.json')).json();
    const params = openapi.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name);
    assert.ok(params.includes('home'), params.join(', '));
  });
});
