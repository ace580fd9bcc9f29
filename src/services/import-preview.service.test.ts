import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { openSqliteStore } from '../storage/sqlite/connect.js';
import { ImportPreviews } from './import-preview.service.js';
import { listPartnerships } from './record.service.js';

const sample = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url));
const options = { home: '金沢市', maxDocumentBytes: 1 << 20 };

describe('the two steps of a web import', () => {
  it('previews what importing would change without writing, then imports on confirmation by the same account', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const previews = new ImportPreviews();
      const preview = await previews.preview(store, [{ name: 'dalian.txt', bytes: sample }], options, 'sato');
      assert.deepEqual(preview.changes?.map((c) => [c.partner, c.created, c.added.events]), [['大連市', true, 60]]);
      assert.deepEqual(await listPartnerships(store), []);
      await assert.rejects(previews.confirm(store, preview.token, options, 'suzuki'), /expired or belongs to someone else/);
      const report = await previews.confirm(store, preview.token, options, 'sato');
      assert.deepEqual(report.changes, preview.changes);
    } finally {
      await store.close();
    }
  });

  it('previews documents the import would refuse without the changes, and leaves the refusal to the confirmation', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const previews = new ImportPreviews();
      const twice = [{ name: 'a.txt', bytes: sample }, { name: 'b.txt', bytes: sample }];
      const preview = await previews.preview(store, twice, options, 'sato');
      assert.equal(preview.changes, undefined);
      assert.equal(preview.documents.length, 2);
      await assert.rejects(previews.confirm(store, preview.token, options, 'sato'), /a\.txt and b\.txt both hold 金沢市 – 大連市/);
    } finally {
      await store.close();
    }
  });

  it('previews a refused CSV pair as the import reads it, one document, not the photo records alone', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const events = '\uFEFFNo.,自治体,相手都市,年（西暦）,区分,交流内容\r\n1,金沢市,大連市,2006,派遣,市長が訪問\r\n2,金沢市,,2007,受入,代表団が来訪\r\n';
      const photos = '\uFEFF自治体,相手都市,年（西暦）,写真説明,交流 No.\r\n金沢市,大連市,2006,調印式,1\r\n';
      const docs = [{ name: 'koryu.csv', bytes: Buffer.from(events) }, { name: 'koryu.photos.csv', bytes: Buffer.from(photos) }];
      // A second, unrelated event table with an error makes the whole import refused.
      const broken = { name: 'other.csv', bytes: Buffer.from('\uFEFF年（西暦）,交流内容\r\n2006,市長が訪問\r\n') };
      const preview = await new ImportPreviews().preview(store, [...docs, broken], options, 'sato');
      assert.equal(preview.changes, undefined);
      assert.deepEqual(preview.documents.map((d) => [d.source, d.diagnostics.filter((x) => x.severity === 'error').map((x) => x.code)]), [
        ['koryu.csv + koryu.photos.csv', []],
        ['other.csv', ['MissingPartner']],
      ]);
    } finally {
      await store.close();
    }
  });
});
