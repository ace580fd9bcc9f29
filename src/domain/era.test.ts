import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eraLabel, eraLabelOf, eraLabelOfDate, eraMatchesYear, eraSpan, gregorianYear, knownEras, sideOfEra } from './era.js';

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

  it('knows the first and last day of each era, as Intl gives them in Tokyo', () => {
    assert.deepEqual(eraSpan('令和'), { first: '2019-05-01', last: undefined });
    assert.deepEqual(eraSpan('平成'), { first: '1989-01-08', last: '2019-04-30' });
    assert.deepEqual(eraSpan('昭和'), { first: '1926-12-25', last: '1989-01-07' });
    assert.deepEqual(eraSpan('大正'), { first: '1912-07-30', last: '1926-12-24' });
    assert.equal(eraSpan('平生'), undefined);
  });

  it('says on which side of an era a day, a month or a year lies, and nothing for one inside it', () => {
    assert.equal(sideOfEra('令和', '2019-04-30'), 'before');
    assert.equal(sideOfEra('令和', '2019-05-01'), undefined);
    assert.equal(sideOfEra('平成', '2019-05-01'), 'after');
    assert.equal(sideOfEra('昭和', '1989-01-07'), undefined);
    assert.equal(sideOfEra('昭和', '1989-01-08'), 'after');
    assert.equal(sideOfEra('令和', '2019-04'), 'before', 'April 2019 is all Heisei');
    assert.equal(sideOfEra('昭和', '1989-01'), undefined, 'January 1989 began in Showa');
    assert.equal(sideOfEra('平成', '2019'), undefined);
    assert.equal(sideOfEra('平成', '2023'), 'after');
    assert.equal(sideOfEra('令和', '2018'), 'before');
  });

  it('labels a day, a month or a year with its era', () => {
    assert.equal(eraLabelOf('2019-04-30'), '平成31年4月30日');
    assert.equal(eraLabelOf('1989-01-08'), '平成元年1月8日');
    assert.equal(eraLabelOf('2019-05'), '令和元年5月');
    assert.equal(eraLabelOf('2023'), '令和5年');
  });
});
