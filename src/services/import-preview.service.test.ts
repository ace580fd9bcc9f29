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
});
