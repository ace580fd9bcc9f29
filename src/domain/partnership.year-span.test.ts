import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ExchangeEvent, PhotoRecord } from './partnership.js';
import { yearSpan, yearsOf } from './partnership.js';

const event = (year: number): ExchangeEvent => ({ year, date: null, direction: 'dispatch', text: '訪問', line: null });
const record = (year: number): PhotoRecord => ({ year, caption: '写真', event: null, line: null });

describe('yearSpan: the first and last years of a partnership', () => {
  it('counts its events, its photo records and its years without exchange, as its page lists its years', () => {
    assert.deepEqual(yearSpan({ events: [event(1999), event(2017)], records: [], noExchangeYears: [2010, 2018] }), { first: 1999, last: 2018 });
    assert.deepEqual(yearSpan({ events: [event(2005)], records: [record(1998)], noExchangeYears: [] }), { first: 1998, last: 2005 });
    assert.equal(yearSpan({ events: [], records: [], noExchangeYears: [] }), null);
  });

  it('is the first and last of yearsOf, whatever the partnership holds', () => {
    const years = fc.array(fc.integer({ min: 1000, max: 9999 }), { maxLength: 6 });
    fc.assert(
      fc.property(years, years, years, (e, r, n) => {
        const p = { events: e.map(event), records: r.map(record), noExchangeYears: n };
        const listed = yearsOf(p).map((y) => y.year);
        assert.deepEqual(yearSpan(p), listed.length === 0 ? null : { first: listed[0], last: listed.at(-1) });
      }),
    );
  });
});
