import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LICENCE_PRESETS } from '../domain/licence.js';
import type { ExchangeEvent, Partnership } from '../domain/partnership.js';
import { FEED_LENGTH, homesNamed, writeAtom } from './atom.js';

const licence = { ...LICENCE_PRESETS['cc-by-4.0']!, attribution: '金沢市 国際交流の記録' };

function partnership(n: number): Partnership {
  return {
    home: '金沢市', partner: '大連市', kind: '友好交流都市', affiliatedOn: null, noExchangeYears: [], records: [],
    events: Array.from({ length: n }, (_, i): ExchangeEvent => ({ year: 2000 + i, date: null, direction: i % 2 ? 'reception' : 'dispatch', text: `交流 ${i} <&>`, line: null })),
  };
}

const entries = (xml: string) => [...xml.matchAll(/<entry>[\s\S]*?<\/entry>/g)].map((m) => m[0]);

describe('the Atom feed', () => {
  it('lists the newest published events first, with their own links, and carries the licence as rights', () => {
    const p = partnership(3);
    const times = ['2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'];
    const events = new Map(p.events.map((e, i) => [e, { id: 10 + i, publishedAt: times[i]! }]));
    const xml = writeAtom([p], { licence, siteUrl: 'https://example.jp/', events, generatedAt: '2026-04-01T00:00:00.000Z' });
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.deepEqual(entries(xml).map((e) => /<id>(.*)<\/id>/.exec(e)![1]), ['https://example.jp/events/11', 'https://example.jp/events/12', 'https://example.jp/events/10']);
    assert.match(xml, /<updated>2026-03-01T00:00:00.000Z<\/updated>/);
    assert.match(xml, /<rights>出典：金沢市 国際交流の記録／利用条件：クリエイティブ・コモンズ 表示 4.0 国際 \(CC BY 4.0\)/);
    assert.match(entries(xml)[0]!, /<title>大連市：交流 1 &lt;&amp;&gt;<\/title>/);
    assert.match(entries(xml)[0]!, /<category term="reception" label="受入"\/>/);
  });

  it(`holds at most ${FEED_LENGTH} entries`, () => {
    assert.equal(entries(writeAtom([partnership(FEED_LENGTH + 7)])).length, FEED_LENGTH);
  });

  it('gives each entry content: the event with its date, direction and cities, then each translation in its language', () => {
    const p = partnership(2);
    p.events[1] = { ...p.events[1]!, translations: { en: 'Exchange 1 <&>', zh: '交流一' } };
    const [second, first] = entries(writeAtom([p], { events: new Map(p.events.map((e, i) => [e, { id: 20 + i, publishedAt: `2026-0${i + 1}-01T00:00:00.000Z` }])) }));
    assert.match(first!, /<content type="xhtml"><div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"><p>2000年 派遣（金沢市・大連市）交流 0 &lt;&amp;&gt;<\/p><\/div><\/content>/);
    assert.match(second!, /<p>2001年 受入（金沢市・大連市）交流 1 &lt;&amp;&gt;<\/p><p xml:lang="en">Exchange 1 &lt;&amp;&gt;<\/p><p xml:lang="zh">交流一<\/p><\/div><\/content>/);
    assert.doesNotMatch(first!, /rel="alternate"/, 'no site URL, no link: the content makes the entry valid');
  });

  it('names an entry by its stored event without the site URL, so an event added before it changes nothing', () => {
    const p = partnership(3);
    const ids = (q: Partnership, known: Map<ExchangeEvent, { id: number; publishedAt: string }>) =>
      entries(writeAtom([q], { events: known })).map((e) => /<id>(.*)<\/id>/.exec(e)![1]).sort();
    const at = '2026-01-01T00:00:00.000Z';
    const known = new Map(p.events.map((e, i) => [e, { id: 30 + i, publishedAt: at }]));
    assert.deepEqual(ids(p, known), ['urn:koryu:event:%E9%87%91%E6%B2%A2%E5%B8%82:30', 'urn:koryu:event:%E9%87%91%E6%B2%A2%E5%B8%82:31', 'urn:koryu:event:%E9%87%91%E6%B2%A2%E5%B8%82:32']);
    const added: ExchangeEvent = { year: 1999, date: null, direction: 'mutual', text: '新しい交流', line: null };
    const grown = { ...p, events: [added, ...p.events] };
    assert.deepEqual(ids(grown, new Map([...known, [added, { id: 33, publishedAt: at }]])).filter((id) => !id!.endsWith(':33')), ids(p, known));
  });

  it('names an event the store gave no id by its own values, not by its place among the others', () => {
    const p = partnership(3);
    const named = (q: Partnership) => new Map(entries(writeAtom([q])).map((e) => [/<title>(.*)<\/title>/.exec(e)![1]!, /<id>(.*)<\/id>/.exec(e)![1]!]));
    const before = named(p);
    const after = named({ ...p, events: [{ year: 1999, date: null, direction: 'mutual', text: '新しい交流', line: null }, ...p.events] });
    for (const [title, id] of before) assert.equal(after.get(title), id, title);
    assert.equal(new Set(before.values()).size, 3);
  });

  it('drops the characters XML 1.0 forbids (a form feed from a PDF, \\u0001), so the feed stays well-formed', () => {
    const p = partnership(1);
    p.partner = '大連\u0001市';
    p.events[0] = { ...p.events[0]!, text: '市長が訪問\x0c会談 \uffff', translations: { en: 'Mayor\u0008 visited', zh: '市长\u001f来访' } };
    const xml = writeAtom([p], { licence: { ...licence, attribution: '金沢市\u000b' } });
    assert.doesNotMatch(xml, /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u);
    assert.match(entries(xml)[0]!, /<title>大連市：市長が訪問会談 <\/title>/);
    assert.match(entries(xml)[0]!, /<p xml:lang="en">Mayor visited<\/p><p xml:lang="zh">市长来访<\/p>/);
  });

  it('gives an edited entry the time of its last change as updated, keeps published, and moves the feed’s updated with it', () => {
    const p = partnership(3);
    const at = (day: number) => `2026-0${day}-01T00:00:00.000Z`;
    const known = (updated: string) =>
      new Map(p.events.map((e, i) => [e, { id: 40 + i, publishedAt: at(i + 1), updatedAt: i === 0 ? updated : at(i + 1) }]));
    const timesOf = (xml: string) => entries(xml).map((e) => [/<id>.*:(\d+)<\/id>/.exec(e)![1], /<published>(.*)<\/published>/.exec(e)![1], /<updated>(.*)<\/updated>/.exec(e)![1]]);
    const feedUpdated = (xml: string) => /^ {2}<updated>(.*)<\/updated>$/m.exec(xml)![1];

    const unedited = writeAtom([p], { events: known(at(1)) });
    assert.deepEqual(timesOf(unedited), [['42', at(3), at(3)], ['41', at(2), at(2)], ['40', at(1), at(1)]]);
    assert.equal(feedUpdated(unedited), at(3));

    const edited = writeAtom([p], { events: known(at(5)) });
    assert.deepEqual(timesOf(edited), [['42', at(3), at(3)], ['41', at(2), at(2)], ['40', at(1), at(5)]], 'the order stays that of publication');
    assert.equal(feedUpdated(edited), at(5));

    assert.deepEqual(timesOf(writeAtom([p], { events: known('2025-01-01T00:00:00.000Z') }))[2], ['40', at(1), at(1)], 'never updated before published');
  });
});

describe('the home municipalities a feed’s title names', () => {
  it('names up to three and counts the rest, so a country’s feed keeps a title of one line', () => {
    assert.equal(homesNamed(['金沢市']), '金沢市');
    assert.equal(homesNamed(['金沢市', '富山市', '高岡市']), '金沢市・富山市・高岡市');
    assert.equal(homesNamed(['金沢市', '富山市', '高岡市', '七尾市', '小松市']), '金沢市・富山市・高岡市ほか2自治体');
    assert.equal(homesNamed([]), '');
  });
});
