import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDateOutsideEra, readEnteredDate, readEnteredYear, readEnteredYears } from './entry.read.js';

describe('years and dates as staff type them', () => {
  it('reads a year in every way it is written, and NaN for what is not one', () => {
    for (const typed of ['2019', ' 2019 ', '２０１９', '2019年', '令和元年', '平成31年', 'R1', 'r1', '二〇一九', '二〇一九年', '平成三十一年']) assert.equal(readEnteredYear(typed), 2019, typed);
    for (const typed of ['', '昨年', '20190', 'R', undefined]) assert.ok(Number.isNaN(readEnteredYear(typed)), String(typed));
    assert.equal(readEnteredYear('12'), 12, 'a short number is handed on for the editor to refuse as out of range');
  });

  it('reads a date or a month to YYYY-MM-DD or YYYY-MM, an empty box to null, and hands anything else on as typed', () => {
    const dates: [string, string][] = [
      ['2019-05-01', '2019-05-01'],
      ['2019/5/1', '2019-05-01'],
      ['2019-5-1', '2019-05-01'],
      ['２０１９/５/１', '2019-05-01'],
      ['2019年5月1日', '2019-05-01'],
      ['令和元年5月1日', '2019-05-01'],
      ['R1.5.1', '2019-05-01'],
      ['2019-05', '2019-05'],
      ['2019/5', '2019-05'],
      ['2019年5月', '2019-05'],
    ];
    for (const [typed, date] of dates) assert.equal(readEnteredDate(typed), date, typed);
    assert.equal(readEnteredDate('  '), null);
    assert.equal(readEnteredDate(undefined), null);
    assert.equal(readEnteredDate('5月1日'), '5月1日', 'without a year it is not a date');
    assert.equal(readEnteredDate('2019年5月1日ごろ'), '2019年5月1日ごろ');
  });

  it('hands on as typed a date or year written in an era it lies outside, for the checks to refuse', () => {
    for (const typed of ['令和元年4月30日', 'R1.4.30', '平成31年5月1日', '昭和64年1月8日', '令和元年4月']) {
      assert.equal(readEnteredDate(typed), typed, typed);
      assert.ok(isDateOutsideEra(readEnteredDate(typed)), typed);
    }
    for (const typed of ['平成35年', 'H35', '平成32年']) assert.ok(Number.isNaN(readEnteredYear(typed)), typed);
    assert.equal(readEnteredDate('平成31年4月30日'), '2019-04-30', 'the last day of 平成 is one');
    assert.equal(readEnteredDate('令和元年5月1日'), '2019-05-01');
    assert.equal(readEnteredYear('平成31年'), 2019);
    for (const value of ['2019-04-30', '5月1日', '昨日', null, undefined, 2019]) assert.equal(isDateOutsideEra(value), false, String(value));
  });

  it('reads a list of years separated by commas, 、 or spaces', () => {
    assert.deepEqual(readEnteredYears('2020, ２０２１、令和4年 2023'), [2020, 2021, 2022, 2023]);
    assert.deepEqual(readEnteredYears(''), []);
    const [, bad] = readEnteredYears('2020, 去年');
    assert.ok(Number.isNaN(bad));
  });
});
