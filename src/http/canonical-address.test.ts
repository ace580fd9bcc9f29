import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { importDocuments } from '../services/import.service.js';
import { listPartnerships } from '../services/record.service.js';
import type { Store } from '../storage/database.js';
import { openSqliteStore } from '../storage/sqlite/connect.js';
import { buildApp } from './app.js';

const seed = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url));

describe('addresses one slash off the canonical one', () => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let partnership: number;
  let event: number;
  before(async () => {
    store = await openSqliteStore(':memory:');
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市' });
    const [dalian] = await listPartnerships(store);
    partnership = dalian!.id;
    event = dalian!.events[0]!.id;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  const redirects = (): [string, string][] => [
    ['/en', '/en/'],
    ['/zh', '/zh/'],
    ['/ja?x=1', '/ja/?x=1'],
    [`/zh/partnerships/${partnership}/`, `/zh/partnerships/${partnership}`],
    [`/en/events/${event}/`, `/en/events/${event}`],
    ['/zh/search/?q=%E5%A4%A7%E9%80%A3&page=2', '/zh/search?q=%E5%A4%A7%E9%80%A3&page=2'],
    [`/partnerships/${partnership}/agreements/`, `/partnerships/${partnership}/agreements`],
  ];

  it('redirects permanently to the canonical address, keeping the query, and the target is served', async () => {
    for (const [from, to] of redirects()) {
      for (const method of ['GET', 'HEAD'] as const) {
        const res = await app.inject({ method, url: from });
        assert.equal(res.statusCode, 301, `${method} ${from}`);
        assert.equal(res.headers.location, to, `${method} ${from}`);
      }
      assert.equal((await app.inject(to)).statusCode, 200, to);
    }
  });

  it('leaves / alone, and answers 404 where the canonical address matches no route either', async () => {
    assert.equal((await app.inject('/')).statusCode, 200);
    for (const url of ['/no-such-page/', '/en/no-such-page/', '/fr', '/en/events/', `/en/events/${event}/x/`]) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.headers.location, undefined, url);
    }
    for (const url of ['//example.com/', '/\\example.com/', '//example.com//']) {
      assert.equal((await app.inject(url)).headers.location, undefined, `${url} is never sent elsewhere`);
    }
  });

  it('does not redirect a POST', async () => {
    const res = await app.inject({ method: 'POST', url: '/en/search/', payload: {} });
    assert.notEqual(res.statusCode, 301);
  });
});
