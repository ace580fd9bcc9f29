import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eraLabel, eraLabelOfDate, eraMatchesYear, gregorianYear, knownEras } from './era.js';

describe('era labels', () => {
  it('labels ordinary years with one era year', () => {
    assert.equal(eraLabel(2006), '平成18年');
    assert.equal(eraLabel(2020), '令和2年');
    assert.equal(eraLabel(1973), '昭和48年');
  });

  it('labels the years of an era change with both era years, the first year printed 元', () => {
    assert.equal(eraLabel(2019), '平成31年/令和元年');
    assert.equal(eraLabel(1989), '昭和64年/平成元年');
    assert.equal(eraLabel(1926), '大正15年/昭和元年');
  });

  it('labels a day with the era in force on that day', () => {
    assert.equal(eraLabelOfDate('2019-04-30'), '平成31年');
    assert.equal(eraLabelOfDate('2019-05-01'), '令和元年');
    assert.equal(eraLabelOfDate('1989-01-07'), '昭和64年');
    assert.equal(eraLabelOfDate('1989-01-08'), '平成元年');
    assert.equal(eraLabelOfDate('2006-11-24'), '平成18年');
  });

  it('converts era years to Gregorian years, from the eras Intl knows', () => {
    assert.deepEqual(knownEras().slice(0, 5), ['令和', '平成', '昭和', '大正', '明治']);
    assert.equal(gregorianYear('平成', 18), 2006);
    assert.equal(gregorianYear('平成', 7), 1995);
    assert.equal(gregorianYear('昭和', 64), 1989);
    assert.equal(gregorianYear('令和', 1), 2019);
    assert.equal(gregorianYear('天平', 1), undefined);
    assert.equal(gregorianYear('平成', 0), undefined);
  });

  it('knows which era years can name a Gregorian year', () => {
    assert.ok(eraMatchesYear('平成', 31, 2019));
    assert.ok(eraMatchesYear('令和', 1, 2019));
    assert.ok(!eraMatchesYear('平成', 18, 2008));
    assert.ok(!eraMatchesYear('平成', 40, 2028), '平成 ended in 2019');
  });
});
