// The public pages in English and Chinese show an event's or a caption's translation where one is stored, and
// the Japanese text marked lang="ja" where none is, on SQLite and PostgreSQL over the seed with a few translations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { describeOnEachStore } from '../../../../test/support/test-stores.js';
import type { StoredPartnership } from '../../../domain/partnership.js';
import type { Translations } from '../../../domain/translation.js';
import { editItem, getItem } from '../../../services/editing.service.js';
import { importDocuments } from '../../../services/import.service.js';
import { listPartnerships } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { buildApp } from '../../app.js';

const seed = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));
const translator = { name: 'translator' };

/** The 2016 visit that signed two agreements, shown by the 2016 photo record: translated into both languages. */
const SIGNED_2016 = '山野市長が訪問、「友好交流の更なる発展に関する合意書」、「スポーツ交流の推進に関する合意書」に調印';
const SIGNED_2016_T = { en: 'Mayor Yamano visited and signed two agreements', zh: '山野市长访问并签署两份合意书' };
const CAPTION_2016 = '山野市長が訪問';
const CAPTION_2016_T = { en: 'Mayor Yamano visits Dalian', zh: '山野市长访问大连' };
/** The 2014 agreement with 大連工業大学 (written 大連工業大): translated into English only. */
const SIGNED_2014 = '県立大学学長が訪問、大連工業大と友好交流協定締結';
const SIGNED_2014_T = { en: 'The prefectural university president visited and signed a friendship agreement' };
/** Not translated: shown in Japanese everywhere. */
const SIGNED_2006 = '夏市長が来訪し友好交流と協力に関する合意書に署名【友好交流都市協定を締結】';
const VISIT_2010 = '金沢美大訪問団が大連工大学を表敬訪問';
const CAPTION_2013 = '大連工業大学図書贈呈式';

describeOnEachStore('the pages in English and Chinese show the translations', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let dalian: StoredPartnership;
  const eventId = (text: string) => dalian.events.find((e) => e.text === text)!.id;

  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    dalian = (await listPartnerships(store, { partner: '大連市' }))[0]!;
    const translate = async (kind: 'event' | 'record', id: number, translations: Translations) => {
      const item = await getItem(store, kind, id);
      await editItem(store, kind, id, { translations }, item.version, translator);
    };
    await translate('event', eventId(SIGNED_2016), SIGNED_2016_T);
    await translate('event', eventId(SIGNED_2014), SIGNED_2014_T);
    await translate('record', dalian.records.find((r) => r.caption === CAPTION_2016)!.id, CAPTION_2016_T);
    app = await buildApp({ store, home: '金沢市' });
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });
  const body = async (url: string) => {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 200, url);
    return res.body;
  };

  describe('the agreements page', () => {
    it('names each signing event in the reader’s language, and marks an untranslated one as Japanese', async () => {
      const en = await body(`/en/partnerships/${dalian.id}/agreements`);
      assert.ok(en.includes(`<a href="/en/events/${eventId(SIGNED_2016)}">${SIGNED_2016_T.en}</a>`), 'the 2016 event in English');
      assert.ok(en.includes(`<a href="/en/events/${eventId(SIGNED_2014)}">${SIGNED_2014_T.en}</a>`), 'the 2014 event in English');
      assert.ok(en.includes(`<a href="/en/events/${eventId(SIGNED_2006)}" lang="ja">${SIGNED_2006}</a>`), 'the untranslated 2006 event');
      assert.ok(!en.includes(SIGNED_2016), 'the translated text is not also shown in Japanese');
      const zh = await body(`/zh/partnerships/${dalian.id}/agreements`);
      assert.ok(zh.includes(`<a href="/zh/events/${eventId(SIGNED_2016)}">${SIGNED_2016_T.zh}</a>`));
      assert.ok(zh.includes(`<a href="/zh/events/${eventId(SIGNED_2014)}" lang="ja">${SIGNED_2014}</a>`), 'no Chinese: the Japanese');
      const ja = await body(`/partnerships/${dalian.id}/agreements`);
      assert.ok(ja.includes(`<a href="/events/${eventId(SIGNED_2016)}">${SIGNED_2016}</a>`), 'the Japanese page keeps the record’s text');
    });
  });

  describe('the insights page', () => {
    it('shows the photo records’ captions and their events translated, the untranslated ones marked Japanese', async () => {
      const en = await body(`/en/partnerships/${dalian.id}/insights`);
      const links = /<table class="photo-links">[\s\S]*?<\/table>/.exec(en)?.[0] ?? '';
      assert.ok(links.includes(`<td>${CAPTION_2016_T.en}</td><td>${SIGNED_2016_T.en}</td>`), links);
      assert.ok(links.includes(`<td lang="ja">${CAPTION_2013}</td>`), 'an untranslated caption');
      const zh = await body(`/zh/partnerships/${dalian.id}/insights`);
      assert.ok(zh.includes(`<td>${CAPTION_2016_T.zh}</td><td>${SIGNED_2016_T.zh}</td>`));
      const ja = await body(`/partnerships/${dalian.id}/insights`);
      assert.ok(ja.includes(`<td>${CAPTION_2016}</td><td>${SIGNED_2016}</td>`));
    });
  });

  describe('an organisation page', () => {
    it('lists the exchanges naming it in the reader’s language where translated', async () => {
      const path = `/organizations/${encodeURIComponent('大連工業大学')}`;
      const en = await body(`/en${path}`);
      assert.ok(en.includes(`<a href="/en/events/${eventId(SIGNED_2014)}">${SIGNED_2014_T.en}</a>`));
      assert.ok(en.includes(`<a href="/en/events/${eventId(VISIT_2010)}" lang="ja">${VISIT_2010}</a>`));
      const zh = await body(`/zh${path}`);
      assert.ok(zh.includes(`<a href="/zh/events/${eventId(SIGNED_2014)}" lang="ja">${SIGNED_2014}</a>`));
      assert.ok((await body(path)).includes(`<a href="/events/${eventId(SIGNED_2014)}">${SIGNED_2014}</a>`));
    });
  });

  describe('an event page', () => {
    it('gives the window the same text as its heading: the translation where there is one', async () => {
      const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      const id = eventId(SIGNED_2016);
      assert.equal(title(await body(`/en/events/${id}`)), `${SIGNED_2016_T.en} | 大連市 | 金沢市 International Exchange Record`);
      assert.equal(title(await body(`/zh/events/${id}`)), `${SIGNED_2016_T.zh} | 大連市 | 金沢市 国际交流记录`);
      assert.equal(title(await body(`/events/${id}`)), `${SIGNED_2016.slice(0, 40)}… | 大連市 | 金沢市 国際交流の記録`);
      assert.match(title(await body(`/zh/events/${eventId(SIGNED_2014)}`)), /^県立大学学長が訪問/, 'no Chinese: the Japanese');
      // English is cut at 80 characters, about the width of 40 Japanese ones: this one is whole.
      assert.match(title(await body(`/en/events/${eventId(SIGNED_2014)}`)), new RegExp(`^${SIGNED_2014_T.en} \\|`));
    });
  });
});
