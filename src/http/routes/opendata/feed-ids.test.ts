import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../../../test/support/test-stores.js';
import { importDocuments } from '../../../services/import.service.js';
import { listPartnerships } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { buildApp } from '../../app.js';

const seed = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));
const toyama = ['友好都市大連市との歩み 交流年表', '', '年\t\t交流内容', '2010年\t派遣\t市長が訪問', '2011年\t受入\t訪問団が来訪', ''].join('\n');

const feedId = (atom: string) => /<feed[^>]*>\s*<id>([^<]+)<\/id>/.exec(atom)![1]!;
const datasetId = (jsonld: string) => (JSON.parse(jsonld) as { '@graph': { '@type': string; '@id': string }[] })['@graph'].find((n) => n['@type'] === 'Dataset')!['@id'];

describeOnEachStore('the Atom feeds and JSON-LD datasets each have their own identifier', (openFresh) => {
  let store: Store;
  let ids: number[];
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    await importDocuments(store, [{ name: 'toyama-dalian.txt', bytes: Buffer.from(toyama) }], { home: '富山市', maxDocumentBytes: 1e7 });
    ids = (await listPartnerships(store)).map((p) => p.id);
  });
  after(async () => {
    await store?.close();
  });

  async function identifiers(siteUrl?: string): Promise<{ feeds: string[]; datasets: string[] }> {
    const app = await buildApp({ store, home: '金沢市', ...(siteUrl ? { siteUrl } : {}) });
    try {
      const feeds = [feedId((await app.inject('/feed.atom')).body)];
      const datasets = [datasetId((await app.inject('/downloads/jsonld')).body)];
      for (const id of ids) {
        feeds.push(feedId((await app.inject(`/partnerships/${id}/downloads/atom`)).body));
        datasets.push(datasetId((await app.inject(`/partnerships/${id}/downloads/jsonld`)).body));
      }
      return { feeds, datasets };
    } finally {
      await app.close();
    }
  }

  it('names the whole record’s and each partnership’s apart, by the partnership’s stored id, the same on every run', async () => {
    const first = await identifiers();
    assert.equal(new Set(first.feeds).size, ids.length + 1, first.feeds.join(' '));
    assert.equal(new Set(first.datasets).size, ids.length + 1, first.datasets.join(' '));
    assert.equal(first.datasets[0], `urn:koryu:dataset:${encodeURIComponent('金沢市')}`, 'the site’s own home, not the list of homes');
    assert.equal(first.feeds[0], `urn:koryu:feed:${encodeURIComponent('金沢市')}`);
    const toyamaId = (await listPartnerships(store, { home: '富山市' }))[0]!.id;
    assert.ok(first.feeds.includes(`urn:koryu:feed:${encodeURIComponent('富山市')}:partnership:${toyamaId}`), first.feeds.join(' '));
    assert.ok(first.datasets.includes(`urn:koryu:dataset:${encodeURIComponent('富山市')}:partnership:${toyamaId}`), first.datasets.join(' '));
    assert.deepEqual(await identifiers(), first, 'the same on another run');
  });

  it('keeps the whole record’s and each partnership’s when a home is added to the store', async () => {
    const before = await identifiers();
    const takaoka = toyama.replace('友好都市大連市', '友好都市錦州市');
    await importDocuments(store, [{ name: 'takaoka-jinzhou.txt', bytes: Buffer.from(takaoka) }], { home: '高岡市', maxDocumentBytes: 1e7 });
    assert.equal((await listPartnerships(store)).length, ids.length + 1);
    assert.deepEqual(await identifiers(), before, 'the ids of the record and of the partnerships it held');
  });

  it('names them by their addresses on the site when its URL is known', async () => {
    const site = 'https://kouryu.example.jp/';
    const { feeds, datasets } = await identifiers(site);
    assert.deepEqual(feeds, [`${site}feed.atom`, ...ids.map((id) => `${site}partnerships/${id}/downloads/atom`)]);
    assert.deepEqual(datasets, [`${site}#dataset`, ...ids.map((id) => `${site}partnerships/${id}#dataset`)]);
  });
});
