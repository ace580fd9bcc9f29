import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readLeadingDate } from './dates.js';

const in2019 = { year: 2019, fiscal: false };
/** The date and the rest; `null` for no year heading to take a year from. */
const read = (text: string, context: { year: number; fiscal: boolean } | null = in2019) => {
  const d = readLeadingDate(text, context ?? undefined);
  return d && [d.date, d.rest];
};

describe('a date at the start of an event', () => {
  it('reads the forms with a year of their own', () => {
    assert.deepEqual(read('2019.04.13. 市長が訪問', null), ['2019-04-13', '市長が訪問']);
    assert.deepEqual(read('2006年（平成18年）11月24日 合意書に調印', null), ['2006-11-24', '合意書に調印']);
    assert.deepEqual(read('２０１９/５/１ 訪問', null), ['2019-05-01', '訪問']);
  });

  it('reads an era initial with year, month and day (R1.5.1, H31.4.30, S64.1.7; 元 for the first year)', () => {
    assert.deepEqual(read('R1.5.1 市長が訪問', null), ['2019-05-01', '市長が訪問']);
    assert.deepEqual(read('H31.4.30 訪問', null), ['2019-04-30', '訪問']);
    assert.deepEqual(read('S64.1.7 弔問', null), ['1989-01-07', '弔問']);
    assert.deepEqual(read('R元.10.1 来訪', null), ['2019-10-01', '来訪']);
    assert.deepEqual(read('h18.11.24 調印', null), ['2006-11-24', '調印']);
    assert.equal(read('H18.2.30 訪問', null), undefined, 'no 30 February');
    assert.equal(read('X1.5.1 訪問', null), undefined);
  });

  it('reads over the weekday written after a day, in either width of bracket', () => {
    assert.deepEqual(read('5月1日(水) 市長が訪問'), ['2019-05-01', '市長が訪問']);
    assert.deepEqual(read('5月4日（土曜日）交流会'), ['2019-05-04', '交流会']);
    assert.deepEqual(read('5月6日（月・祝）式典'), ['2019-05-06', '式典']);
    assert.deepEqual(read('2019.5.1(水) 訪問', null), ['2019-05-01', '訪問']);
    assert.deepEqual(read('5月1日（仮称）交流会'), ['2019-05-01', '（仮称）交流会'], 'a bracket that is not a weekday stays');
  });

  it('reads month and day written with a slash under a year, and a part of a month as the month', () => {
    assert.deepEqual(read('5/1 市長が訪問'), ['2019-05-01', '市長が訪問']);
    assert.deepEqual(read('12/24(火) 交流会'), ['2019-12-24', '交流会']);
    assert.equal(read('5/1 訪問', null), undefined, 'no year to take it from');
    assert.equal(read('5/1/2 訪問'), undefined);
    assert.deepEqual(read('10月上旬 訪問団が来訪'), ['2019-10', '訪問団が来訪']);
    assert.deepEqual(read('3月末 報告会'), ['2019-03', '報告会']);
    assert.deepEqual(read('3月末日 市長が訪問'), ['2019-03', '市長が訪問']);
    assert.deepEqual(read('2019年5月末日 訪問', null), ['2019-05', '訪問']);
    assert.deepEqual(read('1月中旬 訪問', { year: 2019, fiscal: true }), ['2020-01', '訪問']);
  });
});
