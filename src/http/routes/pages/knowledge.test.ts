// The organisation pages, agreements, insights, anniversaries and the organisation and field filters, in process
// on SQLite and PostgreSQL over the seed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { describeOnEachStore } from '../../../../test/support/test-stores.js';
import type { StoredPartnership } from '../../../domain/partnership.js';
import { importDocuments } from '../../../services/import.service.js';
import { KNOWLEDGE_FACET_LIMIT, searchWithKnowledge } from '../../../services/knowledge.search.js';
import { listPartnerships } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { fieldBits, saveEventFields } from '../../../storage/knowledge.repository.js';
import { searchItems } from '../../../storage/search.repository.js';
import { buildApp } from '../../app.js';
import { calendarHost } from './knowledge.route.js';

const seed = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));
/** Two days after Dalian's 20th anniversary, at noon in Tokyo. */
const NOW = new Date('2026-11-26T12:00:00+09:00');
const eventAnchors = (html: string) => [...html.matchAll(/<li id="e(\d+)">/g)].map((m) => Number(m[1]));
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describeOnEachStore('the knowledge pages', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let dalian: StoredPartnership;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市', now: () => NOW });
    dalian = (await listPartnerships(store, { partner: '大連市' }))[0]!;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });
  const get = (url: string) => app.inject({ url });
  const idOf = (year: number, t: string) => dalian.events.find((e) => e.year === year && e.text === t)!.id;

  describe('an organisation page', () => {
    it('shows 大連工業大学 with its aliases and its five exchanges, each linked to its event', async () => {
      for (const l of ['ja', 'en', 'zh']) {
        const res = await get(`/${l}/organizations/${encodeURIComponent('大連工業大学')}`);
        assert.equal(res.statusCode, 200, l);
        assert.match(text(res.body), /大連工大学、大連工業大/);
        const linked = [...res.body.matchAll(/href="\/\w\w\/events\/(\d+)"/g)].map((m) => Number(m[1]));
        assert.deepEqual(linked, [
          idOf(2010, '金沢美大訪問団が大連工大学を表敬訪問'),
          idOf(2012, '大連工業大訪問団が来訪、大連工業大学と国立石川高専が学術交流協定調印'),
          idOf(2013, '野口教育長が大連工業大図書贈呈式に参加'),
          idOf(2014, '県立大学学長が訪問、大連工業大と友好交流協定締結'),
          idOf(2017, '大連東軟信息学院・大連工業大学日本語教師研修団'),
        ]);
      }
    });

    it('sends an alias to the organisation’s own page, and answers 404 for an unknown name', async () => {
      const alias = await get(`/en/organizations/${encodeURIComponent('大連工大学')}`);
      assert.equal(alias.statusCode, 301);
      assert.equal(alias.headers.location, `/en/organizations/${encodeURIComponent('大連工業大学')}`);
      assert.equal((await get(`/organizations/${encodeURIComponent('<script>')}`)).statusCode, 404);
    });

    it('lists every organisation on the index, linked to its page', async () => {
      const res = await get('/organizations');
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes(`href="/organizations/${encodeURIComponent('大連工業大学')}"`));
      assert.ok(!res.body.includes(`href="/organizations/${encodeURIComponent('大連工大学')}"`), 'an alias has no page of its own');
    });

    it('counts the exchanges of each organisation in the reader\'s language: 1 event, 2 events', async () => {
      const en = (await get('/en/organizations')).body;
      const counts = [...en.matchAll(/<td>(\d+ events?)<\/td>/g)].map((m) => m[1]!);
      assert.ok(counts.includes('1 event') && counts.some((c) => /^([2-9]|\d\d+) events$/.test(c)), counts.join());
      assert.ok(!counts.includes('1 events'));
      assert.match((await get('/ja/organizations')).body, /<td>1件<\/td>/);
      assert.match((await get('/zh/organizations')).body, /<td>1项<\/td>/, 'Chinese counts exchanges in 项');
    });
  });

  describe('the agreements of a partnership', () => {
    it('lists at least nine agreements with title as written and year, in the order of the timeline', async () => {
      const res = await get(`/ja/partnerships/${dalian.id}/agreements`);
      assert.equal(res.statusCode, 200);
      const titles = [...res.body.matchAll(/<td class="agreement-title">「([^」]+)」<\/td>/g)].map((m) => m[1]);
      assert.ok(titles.length >= 9, titles.join());
      assert.equal(titles[0], '友好交流と協力に関する合意書');
      assert.ok(titles.includes('スポーツ交流の推進に関する合意書'));
      assert.match(text(res.body), /2012年[^]*学術交流協定[^]*大連工業大学、国立石川高専/);
    });
    it('answers 404 for a partnership that does not exist', async () => {
      assert.equal((await get('/partnerships/999999/agreements')).statusCode, 404);
    });
  });

  describe('the insights page', () => {
    it('shows both charts as SVG with their tables, the balance and 2021 as a year without exchange', async () => {
      const res = await get(`/en/partnerships/${dalian.id}/insights`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.body.match(/<svg/g)?.length, 2);
      assert.ok(!/ style="/.test(res.body), 'no inline style (CSP)');
      assert.match(text(res.body), /2021 \(marked “no exchange” in the record\)/);
      assert.match(text(res.body), /Disaster prevention/);
      assert.match(text(res.body), /\d+ dispatches, \d+ receptions \(dispatch share \d+%\)/);
      assert.match(text(res.body), /Photo records without an exchange2017 人民代表大会常務委員会が来訪/);
      assert.match(text(res.body), /山野市長が訪問山野市長が訪問、「友好交流の更なる発展に関する合意書」、「スポーツ交流の推進に関する合意書」に調印100%/);
    });
  });

  describe('anniversaries', () => {
    it('lists the 20th of the affiliation and this year’s agreements on the home page in every language', async () => {
      const ja = text((await get('/ja/')).body);
      assert.match(ja, /2026年11月24日（一昨日） 大連市との友好交流都市提携20周年/);
      assert.match(ja, /2026年（今年） 「スポーツ交流の推進に関する合意書」（大連市）10周年/);
      assert.match(text((await get('/en/')).body), /20th anniversary of the 友好交流都市 \(friendship-exchange city\) affiliation with 大連市/);
      assert.match(text((await get('/zh/')).body), /与大連市缔结友好交流都市（友好交流城市）20周年/);
    });

    it('writes how long ago or ahead each falls as the language does: （4日前） in Japanese, (4 days ago) and (this year) mid-line in English', async () => {
      const later = await buildApp({ store, home: '金沢市', now: () => new Date('2026-11-28T12:00:00+09:00') });
      try {
        const ja = (await later.inject('/ja/')).body;
        assert.match(ja, /<time datetime="2026-11-24">2026年11月24日<\/time>（4日前）/, 'the list');
        assert.match(ja, /<time datetime="2026-11-24">2026年11月24日<\/time>に提携20周年（4日前）/, 'the partner’s card');
        assert.match(ja, /<time datetime="2026">2026年<\/time>（今年）/);
        assert.doesNotMatch(ja, /\d 日|\(今年\)/);
        const en = (await later.inject('/en/')).body;
        assert.match(en, /<time datetime="2026-11-24">24 Nov 2026<\/time> \(4 days ago\)/);
        assert.match(en, /<time datetime="2026">2026<\/time> \(this year\)/);
        const zh = (await later.inject('/zh/')).body;
        assert.match(zh, /<time datetime="2026-11-24">2026年11月24日<\/time>（4天前）/);
        assert.match(zh, /<time datetime="2026">2026年<\/time>（今年）/);
      } finally {
        await later.close();
      }
    });

    it('serves them as an iCalendar feed with CRLF line ends and folded lines', async () => {
      const res = await get('/anniversaries.ics');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/calendar/);
      assert.ok(res.body.startsWith('BEGIN:VCALENDAR\r\n'));
      assert.ok(res.body.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75));
      assert.match(res.body.replace(/\r\n /g, ''), /DTSTART;VALUE=DATE:20261124\r\n/);
      const uids = (body: string) => body.replace(/\r\n /g, '').match(/^UID:.*$/gm) ?? [];
      const other = await app.inject({ url: '/anniversaries.ics', headers: { host: 'koryu.example.org' } });
      assert.ok(uids(res.body).length > 0);
      assert.deepEqual(uids(other.body), uids(res.body), 'the UIDs do not change with the Host a reader used');
      const english = await app.inject({ url: '/anniversaries.ics', headers: { 'accept-language': 'en-US,en' } });
      assert.equal(english.body, res.body, 'Japanese whatever the reader’s Accept-Language');
    });

    it('serves the calendar in English and Chinese under /en/ and /zh/, which those home pages link', async () => {
      for (const [locale, summary] of [['en', /SUMMARY:\d+(st|nd|rd|th) anniversary of /], ['zh', /SUMMARY:与大連市缔结/]] as const) {
        const res = await get(`/${locale}/anniversaries.ics`);
        assert.equal(res.statusCode, 200, locale);
        assert.match(String(res.headers['content-type']), /^text\/calendar/);
        assert.match(res.body.replace(/\r\n /g, ''), summary);
        assert.match((await get(`/${locale}/`)).body, new RegExp(`<a href="/${locale}/anniversaries.ics" type="text/calendar">`));
      }
      assert.match((await get('/ja/')).body, /<a href="\/anniversaries.ics" type="text\/calendar">/);
    });

    it('answers a reader polling the calendar 304 while the record and the day in Japan are unchanged', async () => {
      let now = NOW;
      const clocked = await buildApp({ store, home: '金沢市', now: () => now });
      try {
        const first = await clocked.inject('/anniversaries.ics');
        const etag = first.headers.etag as string;
        assert.ok(etag);
        now = new Date(NOW.getTime() + 5_000);
        assert.equal((await clocked.inject({ url: '/anniversaries.ics', headers: { 'if-none-match': etag } })).statusCode, 304, 'five seconds later');
        now = new Date('2026-11-26T23:59:59+09:00');
        assert.equal((await clocked.inject({ url: '/anniversaries.ics', headers: { 'if-none-match': etag } })).statusCode, 304, 'late that day');
        now = new Date('2026-11-27T00:00:00+09:00');
        assert.equal((await clocked.inject({ url: '/anniversaries.ics', headers: { 'if-none-match': etag } })).statusCode, 200, 'the next day');
      } finally {
        await clocked.close();
      }
    });
  });

  describe('filters by organisation and field', () => {
    it('narrows the partnership page to the events naming an organisation (by name or alias)', async () => {
      for (const org of ['大連工業大学', '大連工業大']) {
        const res = await get(`/partnerships/${dalian.id}?org=${encodeURIComponent(org)}`);
        assert.equal(res.statusCode, 200);
        assert.equal(eventAnchors(res.body).length, 5, org);
        assert.match(res.body, /<option value="大連工業大学" selected>/);
      }
    });
    it('narrows the search to an organisation (an alias too) and to a field, with facets for both', async () => {
      const q = encodeURIComponent('大連');
      const all = await get(`/en/search?q=${q}`);
      assert.match(text(all.body), /Health and medical aid \(1\)/);
      assert.match(text(all.body), /大連工業大学 \(6\)/);
      assert.match(all.body, new RegExp(`href="/en/search\\?q=${q}&amp;org=${encodeURIComponent('大連工業大学')}"`));
      const byOrg = await get(`/en/search?q=${q}&org=${encodeURIComponent('大連工大学')}`);
      const hits = [...byOrg.body.matchAll(/<li class="hit">/g)].length;
      assert.equal(hits, 6, 'the five events naming 大連工業大学 (all hold 大連), and the 2013 photo record showing one of them');
      const byField = await get(`/en/search?q=${q}&field=disaster`);
      assert.equal([...byField.body.matchAll(/<li class="hit">/g)].length, 0, '大連 is not in the disaster event');
      const health = await get(`/en/search?q=${encodeURIComponent('医療')}&field=health`);
      assert.equal([...health.body.matchAll(/<li class="hit">/g)].length, 2, 'both 2020 captions show the health event');
    });

    it('leaves the field and organisation facets out above the limit of matches, and says why', async () => {
      const counted = await searchWithKnowledge(store, '大連');
      assert.ok(counted.total > 3 && counted.total <= KNOWLEDGE_FACET_LIMIT);
      assert.equal(counted.knowledge.omittedAbove, undefined);
      assert.ok(counted.knowledge.organizations.length > 0 && counted.knowledge.fields.length > 0);
      const broad = await searchWithKnowledge(store, '大連', { knowledgeFacetLimit: 3 });
      assert.equal(broad.total, counted.total, 'the hits and their total are the same');
      assert.deepEqual(broad.facets, counted.facets, 'the other facets are still counted');
      assert.deepEqual(broad.knowledge, { fields: [], organizations: [], omittedAbove: 3 });
      assert.equal((await searchWithKnowledge(store, '大連', { knowledgeFacetLimit: counted.total })).knowledge.omittedAbove, undefined, 'the limit itself is counted');
    });

    it('counts the facets of a filtered search from its matches, and leaves them out above the limit', async () => {
      const filters = { organization: '大連工業大学' };
      const byOrg = await searchWithKnowledge(store, '大連', { filters });
      assert.equal(byOrg.total, 6);
      assert.equal(byOrg.knowledge.omittedAbove, undefined);
      assert.ok(byOrg.knowledge.fields.length > 0, 'the fields of the six matches');
      assert.ok(byOrg.knowledge.organizations.some((o) => o.name === '大連工業大学'), 'the organisations of every 大連 match: the field filter is not set');
      const limited = await searchWithKnowledge(store, '大連', { filters, knowledgeFacetLimit: 3 });
      assert.equal(limited.total, byOrg.total);
      assert.deepEqual(limited.knowledge, { fields: [], organizations: [], omittedAbove: 3 });
    });

    it('finds a field’s events by their stored fields, else by their text, also among more ids than a statement binds', async () => {
      // Every change below is a write transaction, as the product's are: what the search keeps lasts until the next one.
      const health = await searchWithKnowledge(store, '医療', { filters: { field: 'health' } });
      assert.equal(health.total, 2);
      const ids = health.filters.eventIds!;
      const padded = [...ids, ...Array.from({ length: 40_000 }, (_, i) => 10_000_000 + i)];
      const narrow = await searchItems(store.db, '医療', { eventIds: ids, limit: 50, offset: 0 });
      assert.deepEqual(await searchItems(store.db, '医療', { eventIds: padded, limit: 50, offset: 0 }), narrow);
      const [event] = (await store.db.selectFrom('events').select('id').where(sql<boolean>`(fields & ${fieldBits(['health'])}) <> 0`).execute()).map((r) => r.id);
      const stored = await store.db.selectFrom('events').select(['fields', 'fields_source']).where('id', '=', event!).executeTakeFirstOrThrow();
      await store.transaction((trx) => trx.updateTable('events').set({ fields: null, fields_source: null }).where('id', '=', event!).execute());
      try {
        assert.equal((await searchWithKnowledge(store, '医療', { filters: { field: 'health' } })).total, 2, 'no stored fields: suggested by the text');
        await store.transaction((trx) => saveEventFields(trx, event!, [], 'editor'));
        assert.equal((await searchWithKnowledge(store, '医療', { filters: { field: 'health' } })).total, 0, 'an editor said: no field');
      } finally {
        await store.transaction((trx) => trx.updateTable('events').set(stored).where('id', '=', event!).execute());
      }
      // The captions stay published, but the event they show is a draft: no longer a match of the field.
      await store.transaction((trx) => trx.updateTable('events').set({ status: 'draft' }).where('id', '=', event!).execute());
      try {
        const hidden = await searchWithKnowledge(store, '医療', { filters: { field: 'health' } });
        assert.equal(hidden.total, 0);
        assert.deepEqual(hidden.knowledge.fields, []);
      } finally {
        await store.transaction((trx) => trx.updateTable('events').set({ status: 'published' }).where('id', '=', event!).execute());
      }
    });

    it('narrows it to a field, and ignores an unknown field', async () => {
      const disaster = await get(`/partnerships/${dalian.id}?field=disaster`);
      assert.deepEqual(eventAnchors(disaster.body), [idOf(2010, '地震局訪問団が市民局と防災に関する友好交流覚書に調印')]);
      const unknown = await get(`/partnerships/${dalian.id}?field=${encodeURIComponent('<b>')}`);
      assert.equal(eventAnchors(unknown.body).length, dalian.events.length);
    });
  });
});

it('makes the calendar UIDs unique with the site’s host, else with a name of the home municipality', () => {
  assert.equal(calendarHost('金沢市', 'https://kouryu.city.kanazawa.example/record/'), 'kouryu.city.kanazawa.example');
  assert.equal(calendarHost('金沢市', undefined), `koryu-${Buffer.from('金沢市').toString('hex')}.invalid`);
  assert.notEqual(calendarHost('金沢市', undefined), calendarHost('富山市', undefined));
  assert.equal(calendarHost('金沢市', 'not a url'), calendarHost('金沢市', undefined));
});

describeOnEachStore('a partnership of another home municipality than the site’s', (openFresh) => {
  const toyama = [
    '友好都市大連市との歩み 交流年表',
    '',
    '年\t\t交流内容',
    '2010年 (平成22年)\t派遣\t市長が訪問し「経済交流の推進に関する覚書」に調印',
    '2011年 (平成23年)\t派遣\t富山大学訪問団が訪問、大連外国語大学と学術交流協定締結',
    '2012年 (平成24年)\t—\t—',
    '',
  ].join('\n');
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let other: StoredPartnership;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    await importDocuments(store, [{ name: 'toyama-dalian.txt', bytes: Buffer.from(toyama) }], { home: '富山市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市', now: () => NOW });
    other = (await listPartnerships(store, { home: '富山市' }))[0]!;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('has its agreements and insights pages, as it has its page, and every page link on them is found', async () => {
    const page = await app.inject(`/partnerships/${other.id}`);
    assert.equal(page.statusCode, 200);
    for (const sub of ['agreements', 'insights']) {
      const path = `/partnerships/${other.id}/${sub}`;
      assert.ok(page.body.includes(`href="${path}"`), `the page links ${path}`);
      for (const locale of ['', '/en', '/zh']) {
        const res = await app.inject(`${locale}${path}`);
        assert.equal(res.statusCode, 200, `${locale}${path}`);
      }
      const res = await app.inject(path);
      if (sub === 'agreements') assert.match(text(res.body), /経済交流の推進に関する覚書[\s\S]*大連外国語大学/);
      const links = [...new Set([...res.body.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')))];
      for (const href of links.filter((h) => !/\.(pdf|css|js|svg|png|ico)$|\/downloads\/|^\/static\//.test(h))) {
        assert.notEqual((await app.inject(href)).statusCode, 404, `${path} links ${href}`);
      }
    }
  });

  it('answers 404 for a partnership that is not published', async () => {
    await store.db.updateTable('partnerships').set({ status: 'draft' }).where('id', '=', other.id).execute();
    await store.transaction(async () => {});
    for (const path of [`/partnerships/${other.id}`, `/partnerships/${other.id}/agreements`, `/partnerships/${other.id}/insights`]) {
      assert.equal((await app.inject(path)).statusCode, 404, path);
    }
  });
});
