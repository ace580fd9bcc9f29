import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { loggedInAs, type HttpSession } from '../../../test/support/http-session.js';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import { importDocuments } from '../../services/import.service.js';
import type { Store } from '../../storage/database.js';
import { buildApp } from '../app.js';

const sample = readFileSync(new URL('../../../samples/kanazawa-dalian.txt', import.meta.url));
const options = { home: '金沢市', maxDocumentBytes: 1 << 24 };

describeOnEachStore('the import log in the staff pages', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let viewer: { session: HttpSession };
  let dalian: number;

  before(async () => {
    store = await openFresh();
    // From the command line (no account), then a corrected document imported on the web by sato.
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: sample }], options);
    const corrected = sample.toString('utf8').replace('\t派遣\t市英語教育研修参加派遣団が訪問', '\t派遣\t市英語教育研修派遣団が訪問');
    await importDocuments(store, [{ name: '大連_訂正版.txt', bytes: Buffer.from(corrected) }], { ...options, actor: 'sato' });
    await importDocuments(store, [{ name: 'toyama.txt', bytes: sample, home: '富山市' }], { ...options, actor: 'suzuki' });
    dalian = (await store.db.selectFrom('partnerships').select('id').where('home', '=', '金沢市').executeTakeFirstOrThrow()).id;
    app = await buildApp({ store, home: '金沢市' });
    viewer = await loggedInAs(store, app, 'reader', 'viewer');
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  const page = async (url: string) => viewer.session.request({ method: 'GET', url, headers: { accept: 'text/html' } });
  /** The log's rows as their cells' text. */
  const rows = (html: string) =>
    [...(/<table class="import-log">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      // Without the number, the time and the undo cell (import-undo.route.test.ts).
      [...r[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').replace(/\s+日本時間$/, '')).slice(2, -1),
    );

  it('lists every import newest first: who (the command line for none), which file, and what it changed', async () => {
    const res = await page('/ja/staff/imports');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(rows(res.body), [
      ['suzuki', 'toyama.txt', '富山市–大連市', '60件の交流、14件の写真の記録', '0件の交流、0件の写真の記録', '0件の交流、0件の写真の記録'],
      ['sato', '大連_訂正版.txt', '金沢市–大連市', '0件の交流、0件の写真の記録', '1件の交流、0件の写真の記録', '0件の交流、0件の写真の記録'],
      ['コマンドライン', 'kanazawa-dalian.txt', '金沢市–大連市', '60件の交流、14件の写真の記録', '0件の交流、0件の写真の記録', '0件の交流、0件の写真の記録'],
    ]);
  });

  it('lists one partnership’s imports, linked from its staff page, in the page’s language', async () => {
    const en = await page(`/en/staff/imports?partnership=${dalian}`);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<h1>Import log: 金沢市–大連市<\/h1>/);
    assert.deepEqual(rows(en.body).map((r) => [r[0], r[1]]), [['sato', '大連_訂正版.txt'], ['command line', 'kanazawa-dalian.txt']]);
    const staffPage = await page(`/ja/staff/partnerships/${dalian}`);
    if (staffPage.statusCode === 200) assert.match(staffPage.body, new RegExp(`href="/ja/staff/imports\\?partnership=${dalian}">取り込みの記録</a>`));
    assert.equal((await page('/ja/staff/imports?partnership=99999')).statusCode, 404);
    assert.match((await page('/ja/staff')).body, /href="\/ja\/staff\/imports">取り込みの記録<\/a>/);
  });
});
