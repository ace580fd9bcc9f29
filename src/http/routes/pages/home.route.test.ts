import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../../../test/support/test-stores.js';
import type { StoredPartnership } from '../../../domain/partnership.js';
import { importDocuments } from '../../../services/import.service.js';
import { listPartnerships } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { buildApp } from '../../app.js';

const seed = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));
const NOW = new Date('2026-11-25T12:00:00+09:00');
const timeline = (kind: string, partner: string, rows: string[]) => [`${kind}${partner}との歩み 交流年表`, '', '年\t\t交流内容', ...rows, ''].join('\n');
const documents = [
  { home: '富山市', text: timeline('友好都市', '大連市', ['2010年 (平成22年)\t派遣\t市長が訪問し「経済交流の推進に関する覚書」に調印']) },
  { home: '札幌市', text: timeline('姉妹都市', 'ポートランド市', ['2019年 (令和元年)\t受入\tポートランド市長が来訪']) },
  { home: '札幌市', text: timeline('友好都市', '瀋陽市', ['2020年 (令和2年)\t派遣\t札幌市青少年訪問団を派遣']) },
];

describeOnEachStore('the home page of a record of several home municipalities', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let byHome: Map<string, StoredPartnership[]>;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    for (const [i, d] of documents.entries()) await importDocuments(store, [{ name: `${i}.txt`, bytes: Buffer.from(d.text) }], { home: d.home, maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市', now: () => NOW });
    byHome = new Map();
    for (const p of await listPartnerships(store)) byHome.set(p.home, [...(byHome.get(p.home) ?? []), p]);
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  const id = (home: string, partner: string) => byHome.get(home)!.find((p) => p.partner === partner)!.id;

  it('leads with the site’s home’s card, then lists 札幌市 and 富山市 with their partners, linked, in every language', async () => {
    for (const [prefix, heading] of [['', 'ほかの自治体の交流'], ['/en', 'Exchanges of other municipalities'], ['/zh', '其他城市的交流']] as const) {
      const html = (await app.inject(`${prefix}/`)).body;
      const card = html.indexOf(`<a href="${prefix}/partnerships/${id('金沢市', '大連市')}">`);
      const section = html.indexOf(`<h2 id="other-homes">${heading}</h2>`);
      assert.ok(card > 0 && section > card, `${prefix}/: the site’s card, then the other homes`);
      const list = /<dl class="homes">(.*?)<\/dl>/s.exec(html)?.[1] ?? '';
      const names = [...list.matchAll(/<(dt|a)[^>]*>(?:<span lang="ja">)?([^<]+)</g)].map((m) => m[2]);
      assert.deepEqual(names, ['札幌市', 'ポートランド市', '瀋陽市', '富山市', '大連市'], `${prefix}/`);
      const ja = (name: string) => (prefix === '' ? name : `<span lang="ja">${name}</span>`);
      assert.ok(list.includes(`<a href="${prefix}/partnerships/${id('富山市', '大連市')}">${ja('大連市')}</a>`), `${prefix}/ links 富山市–大連市`);
      assert.ok(list.includes(`<dt>${ja('札幌市')}</dt>`));
    }
  });

  it('links pages that answer: each partnership of another home', async () => {
    const html = (await app.inject('/en/')).body;
    const list = /<dl class="homes">(.*?)<\/dl>/s.exec(html)?.[1] ?? '';
    const links = [...list.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(links.length, 3);
    for (const href of links) {
      const res = await app.inject(href);
      assert.equal(res.statusCode, 200, href);
    }
    assert.match((await app.inject(`/partnerships/${id('札幌市', '瀋陽市')}`)).body, /札幌市青少年訪問団を派遣/);
  });

  it('keeps the anniversaries and the calendar those of the site’s home', async () => {
    const html = (await app.inject('/')).body;
    const anniversaries = /<section class="anniversaries"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    assert.match(anniversaries, /大連市/);
    assert.doesNotMatch(anniversaries, /経済交流の推進に関する覚書/, 'not 富山市’s agreement');
    const ics = (await app.inject('/anniversaries.ics')).body;
    assert.match(ics, /SUMMARY:大連市 友好交流都市提携/);
    assert.doesNotMatch(ics, /経済交流の推進/);
  });
});
