import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { importDocuments } from '../../../services/import.service.js';
import { listPartnerships } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { openSqliteStore } from '../../../storage/sqlite/connect.js';
import { buildApp } from '../../app.js';
import type { PdfRenderer } from '../../pdf-renderer.js';

const seed = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));

let store: Store;
let app: Awaited<ReturnType<typeof buildApp>>;
let renders = 0;
// Chromium writes the time of making into each PDF: no two renderings have the same bytes.
const pdf = { render: async () => Buffer.from(`%PDF-1.4 made ${++renders}`), close: async () => {} } as unknown as PdfRenderer;
let id: number;

before(async () => {
  store = await openSqliteStore(':memory:');
  await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
  app = await buildApp({ store, home: '金沢市', pdf });
  id = (await listPartnerships(store))[0]!.id;
});
after(async () => {
  await app?.close();
  await store?.close();
});

for (const path of ['/ja/partnerships/ID.pdf', '/ja/partnerships/ID/yearbook.pdf']) {
  it(`gives ${path} an ETag of the store's state and answers 304 to it without making the PDF again`, async () => {
    const url = path.replace('ID', String(id));
    const first = await app.inject(url);
    assert.equal(first.statusCode, 200);
    const etag = first.headers.etag as string;
    assert.ok(etag);
    const made = renders;
    const again = await app.inject({ url, headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.headers.etag, etag);
    assert.equal(again.body, '');
    assert.equal(renders, made, 'nothing rendered for a 304');
    const fresh = await app.inject(url);
    assert.equal(fresh.headers.etag, etag, 'the same ETag while the store is unchanged, though the bytes differ');
    const other = await app.inject(url.replace('/ja/', '/en/'));
    assert.notEqual(other.headers.etag, etag, 'each edition has its own');
  });
}

it('gives the print PDF and the yearbook different ETags, and new ones after the store changes', async () => {
  const print = (await app.inject(`/ja/partnerships/${id}.pdf`)).headers.etag;
  const yearbook = (await app.inject(`/ja/partnerships/${id}/yearbook.pdf`)).headers.etag;
  assert.notEqual(print, yearbook);
  await importDocuments(store, [{ name: 'toyama.txt', bytes: Buffer.from('友好都市大連市との歩み 交流年表\n\n年\t\t交流内容\n2010年\t派遣\t市長が訪問\n') }], { home: '富山市', maxDocumentBytes: 1e7 });
  const after = await app.inject({ url: `/ja/partnerships/${id}.pdf`, headers: { 'if-none-match': print as string } });
  assert.equal(after.statusCode, 200);
  assert.notEqual(after.headers.etag, print);
});
