import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { openSampleStore } from '../../../../test/support/sample-store.js';
import { describeOnEachStore } from '../../../../test/support/test-stores.js';
import { createItem } from '../../../services/editing.service.js';
import { listPartnerships } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { buildApp } from '../../app.js';

/** Readers find translated items by their translations, and see each hit in their own language where it has one. */
describeOnEachStore('the search page in translations', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let event: number;
  before(async () => {
    store = await openSampleStore(openFresh);
    const [dalian] = await listPartnerships(store);
    event = (await createItem(store, 'event', { partnershipId: dalian!.id, year: 2024, date: null, direction: 'dispatch', text: '大連国際マラソンに選手団を派遣', translations: { en: 'Sent runners to the Dalian International Marathon', zh: '派遣选手团参加大连国际马拉松赛' }, status: 'published' }, { name: 'sato' })).id;
    app = await buildApp({ store, home: '金沢市' });
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('finds an English word and lists the hit in English, the word marked', async () => {
    const res = await app.inject('/en/search?q=marathon');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Entries containing “marathon”: 1\./);
    assert.ok(res.body.includes(`<a class="hit-text" href="/en/events/${event}">Sent runners to the Dalian International <mark>Marathon</mark></a>`), res.body);
  });

  it('finds simplified Chinese in the Chinese translation and lists the hit in Chinese, the word marked', async () => {
    const res = await app.inject(`/zh/search?q=${encodeURIComponent('马拉松')}`);
    assert.ok(res.body.includes(`<a class="hit-text" href="/zh/events/${event}">派遣选手团参加大连国际<mark>马拉松</mark>赛</a>`), res.body);
  });

  it('lists the same hit in Japanese on the Japanese page, and finds it by its Japanese text in every language', async () => {
    const ja = await app.inject('/search?q=marathon');
    assert.ok(ja.body.includes(`<a class="hit-text" href="/events/${event}">大連国際マラソンに選手団を派遣</a>`), ja.body);
    const en = await app.inject(`/en/search?q=${encodeURIComponent('マラソン')}`);
    assert.ok(en.body.includes(`href="/en/events/${event}">Sent runners to the Dalian International Marathon</a>`));
  });

  it('gives the hit’s translations in the search API', async () => {
    const res = await app.inject('/api/search?q=marathon');
    const body = res.json() as { items: { id: number; translations?: Record<string, string> }[]; total: number };
    assert.equal(body.total, 1);
    assert.deepEqual(body.items[0]?.translations, { en: 'Sent runners to the Dalian International Marathon', zh: '派遣选手团参加大连国际马拉松赛' });
  });
});
