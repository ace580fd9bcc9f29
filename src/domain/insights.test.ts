import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDocument } from '../importer/parse-document.js';
import { suggestFields } from './exchange-field.js';
import { insightsOf } from './insights.js';

const seed = parseDocument(readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url)), { home: '金沢市', maxBytes: 1 << 24 }).partnerships[0]!;

describe('insightsOf on the seed', () => {
  const insights = insightsOf(seed, seed.events.map((e) => suggestFields(e.text)));

  it('spans 2006–2023 and finds 2021 (marked) as the only year without exchange', () => {
    assert.equal(insights.years[0], 2006);
    assert.equal(insights.years.at(-1), 2023);
    assert.deepEqual(insights.gaps, [{ year: 2021, marked: true }]);
  });

  it('counts dispatches and receptions per year and overall', () => {
    const at = (y: number) => insights.years.indexOf(y);
    assert.equal(insights.perDirection.dispatch[at(2007)], 3);
    assert.equal(insights.perDirection.reception[at(2017)], 5);
    assert.equal(insights.balance[at(2017)], 2 - 5);
    assert.equal(insights.totals.dispatch + insights.totals.reception + insights.totals.unknown + insights.totals.mutual, seed.events.length);
    assert.equal(insights.dispatchShare, insights.totals.dispatch / (insights.totals.dispatch + insights.totals.reception));
  });

  it('counts fields per year: sports from the marathons, health only in 2020', () => {
    const at = (y: number) => insights.years.indexOf(y);
    assert.equal(insights.perField.sports[at(2018)], 2);
    assert.deepEqual(insights.years.filter((_y, i) => insights.perField.health[i]! > 0), [2020]);
  });
});
