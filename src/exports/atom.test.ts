import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LICENCE_PRESETS } from '../domain/licence.js';
import type { ExchangeEvent, Partnership } from '../domain/partnership.js';
import { FEED_LENGTH, writeAtom } from './atom.js';

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
});
