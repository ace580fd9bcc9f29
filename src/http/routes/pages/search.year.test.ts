import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../../../test/support/test-stores.js';
import { importDocuments } from '../../../services/import.service.js';
import type { Store } from '../../../storage/database.js';
import { buildApp } from '../../app.js';

const sample = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));

describeOnEachStore('a search for a year: the web page leads to that year, and /api/search filters by year', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let dalian: number;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: sample }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市' });
    dalian = ((await app.inject('/api/partnerships')).json() as { items: { id: number; partner: string }[] }).items.find((p) => p.partner === '大連市')!.id;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  const page = async (path: string) => (await app.inject(path)).body;

  it('links 2019, ２０１９, 令和元年, 平成31年 and R1 to 2019 on the timeline of each partnership with exchanges that year', async () => {
    for (const q of ['2019', '２０１９', '令和元年', '平成31年', 'R1']) {
      const html = await page(`/ja/search?q=${encodeURIComponent(q)}`);
      assert.match(html, /<nav class="year-links" aria-label="その年の交流"><p>2019年 <span class="era">\(平成31年\/令和元年\)<\/span>の交流を見る：<\/p>/, q);
      assert.ok(html.includes(`<a href="/ja/partnerships/${dalian}?from=2019&amp;to=2019#y2019">大連市</a>`), q);
    }
    assert.match(await page('/en/search?q=2019'), /See the exchanges of 2019 <span class="era" lang="ja">/);
    assert.match(await page('/zh/search?q=2019'), /查看2019年 <span class="era" lang="ja">\(平成31年\/令和元年\)<\/span>的交流：/);
    const timeline = await page(`/ja/partnerships/${dalian}?from=2019&to=2019`);
    assert.match(timeline, /id="y2019"/, 'the link’s anchor is on the page it opens');
  });

  it('says when no exchange is recorded in the year, and adds nothing to other queries', async () => {
    assert.match(await page('/ja/search?q=1960'), /<p class="year-links">1960年 <span class="era">\(昭和35年\)<\/span>の交流は記録されていません。<\/p>/);
    assert.doesNotMatch(await page(`/ja/search?q=${encodeURIComponent('市長')}`), /year-links/);
    assert.doesNotMatch(await page(`/ja/search?q=${encodeURIComponent('平成32年')}`), /year-links/, 'an era year that never was');
  });

  it('narrows /api/search to a year, keeps it in the next page’s link, and documents it', async () => {
    type Found = { items: { kind: string; id: number; year: number }[]; total: number; next: string | null };
    const all = (await app.inject(`/api/search?q=${encodeURIComponent('訪問')}&limit=100`)).json() as Found;
    const in2019 = (await app.inject(`/api/search?q=${encodeURIComponent('訪問')}&year=2019&limit=100`)).json() as Found;
    assert.ok(in2019.total > 0 && in2019.total < all.total, `${in2019.total} of ${all.total}`);
    assert.deepEqual([...new Set(in2019.items.map((i) => i.year))], [2019]);
    assert.equal(in2019.total, all.items.filter((i) => i.year === 2019).length);
    const paged = (await app.inject(`/api/search?q=${encodeURIComponent('訪問')}&year=2019&limit=1`)).json() as Found;
    assert.match(paged.next ?? '', /year=2019/);
    assert.equal((await app.inject('/api/search?q=x&year=twenty')).statusCode, 400);
    const openapi = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, { get: { parameters: { name: string; description?: string; schema: { type: string } }[] } }> };
    const year = openapi.paths['/api/search']?.get.parameters.find((p) => p.name === 'year');
    assert.equal(year?.schema.type, 'integer');
    assert.match(year?.description ?? '', /^Only the exchanges and photo records of this year/);
  });
});
