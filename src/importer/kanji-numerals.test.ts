import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readLeadingDate } from './dates.js';
import { arabicLeadingDate, kanjiNumber } from './kanji-numerals.js';
import { parseText } from './parse-document.js';
import { readLeadingYear, readYearCell } from './years.js';

const DIGIT = '〇一二三四五六七八九';

/** n in kanji with units, as prose writes it: 1993 → 千九百九十三, 31 → 三十一, 10 → 十. */
function withUnits(n: number): string {
  const parts: string[] = [];
  for (const [unit, value] of [['千', 1000], ['百', 100], ['十', 10]] as const) {
    const d = Math.floor(n / value) % 10;
    if (d > 0) parts.push(`${d === 1 ? '' : DIGIT[d]}${unit}`);
  }
  if (n % 10 > 0) parts.push(DIGIT[n % 10]!);
  return parts.join('');
}

/** n digit by digit: 2006 → 二〇〇六. */
const digitByDigit = (n: number): string => [...String(n)].map((d) => DIGIT[Number(d)]).join('');

describe('kanjiNumber', () => {
  it('reads numbers with units and digit by digit', () => {
    assert.equal(kanjiNumber('十'), 10);
    assert.equal(kanjiNumber('三十一'), 31);
    assert.equal(kanjiNumber('二十'), 20);
    assert.equal(kanjiNumber('千九百九十三'), 1993);
    assert.equal(kanjiNumber('二千六'), 2006);
    assert.equal(kanjiNumber('二〇〇六'), 2006);
    assert.equal(kanjiNumber('一'), 1);
  });

  it('refuses what is not one number', () => {
    for (const text of ['', '十十', '三千千', '百千', '二三十', '一a', '元']) assert.equal(kanjiNumber(text), undefined, text);
  });

  it('reads every number from 1 to 9999 in both writings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (n) => {
        assert.equal(kanjiNumber(withUnits(n)), n);
        assert.equal(kanjiNumber(digitByDigit(n)), n);
      }),
    );
  });
});

describe('arabicLeadingDate', () => {
  it('writes the numerals of a leading year and date in digits, and nothing after them', () => {
    assert.equal(arabicLeadingDate('平成十八年十一月二十四日 三日間の日程で来訪'), '平成18年11月24日 三日間の日程で来訪');
    assert.equal(arabicLeadingDate('二〇〇六年（平成十八年）十一月 調印'), '2006年（平成18年）11月 調印');
    assert.equal(arabicLeadingDate('十一月三日三日間の研修'), '11月3日三日間の研修');
    assert.equal(arabicLeadingDate('令和元年五月一日'), '令和元年5月1日');
    assert.equal(arabicLeadingDate('五月上旬 訪問団が来訪'), '5月上旬 訪問団が来訪');
    assert.equal(arabicLeadingDate('三月、訪問団が来訪'), '3月、訪問団が来訪');
    assert.equal(arabicLeadingDate('平成十四年五月祭に参加'), '平成14年五月祭に参加', 'the year, not the word after it');
  });

  it('leaves a text that does not start with a date as it is', () => {
    for (const text of ['一行が来訪', '三日間の研修を実施', '市長が二十日に来訪', '七夕まつりに参加', '2006年11月24日 調印', '五月祭に市民訪問団が参加', '十月桜を記念植樹', '五月人形を贈呈', '十日町市と交流', '四日市市を訪問']) {
      assert.equal(arabicLeadingDate(text), text);
    }
  });
});

describe('years and dates in kanji numerals', () => {
  it('are read by the year and date readers, the rest kept as written', () => {
    assert.deepEqual(readLeadingYear('平成十八年 市長が訪問')?.year, 2006);
    assert.equal(readLeadingYear('平成三十一年・令和元年')?.year, 2019);
    assert.equal(readLeadingYear('二〇〇六年（平成十八年）')?.mismatch, false);
    assert.equal(readLeadingYear('二〇〇六年（平成十九年）')?.mismatch, true);
    assert.equal(readYearCell('平成十八年度')?.fiscal, true);
    const d = readLeadingDate('平成十八年十一月二十四日 三日間の日程で来訪');
    assert.deepEqual(d && [d.date, d.rest], ['2006-11-24', '三日間の日程で来訪']);
    const m = readLeadingDate('五月一日 訪問団を派遣', { year: 2019, fiscal: false });
    assert.deepEqual(m && [m.date, m.rest], ['2019-05-01', '訪問団を派遣']);
    assert.equal(readLeadingDate('二月三十日 訪問', { year: 2019, fiscal: false }), undefined, 'no 30 February');
  });

  it('keeps a word that starts with a month’s name as the event’s text, under its year', () => {
    const r = parseText(['姉妹都市ナンシー市との交流', '■2002年', '五月祭に市民訪問団が参加', '十月桜を記念植樹'].join('\n'), { home: '金沢市' });
    assert.deepEqual(
      r.partnerships[0]!.events.map((e) => [e.date, e.text]),
      [
        [null, '五月祭に市民訪問団が参加'],
        [null, '十月桜を記念植樹'],
      ],
    );
  });

  it('import from a document written in kanji numerals', () => {
    const r = parseText(
      [
        '姉妹都市ナンシー市との交流',
        '姉妹都市提携：昭和四十八年十月十二日',
        '■平成十八年',
        '十一月二十四日 市長がナンシー市を訪問',
        '■令和元年',
        '五月一日 ナンシー市長が来訪',
      ].join('\n'),
      { home: '金沢市' },
    );
    const p = r.partnerships[0]!;
    assert.equal(p.affiliatedOn, '1973-10-12');
    assert.deepEqual(
      p.events.map((e) => [e.year, e.date, e.direction, e.text]),
      [
        [2006, '2006-11-24', 'dispatch', '市長がナンシー市を訪問'],
        [2019, '2019-05-01', 'reception', 'ナンシー市長が来訪'],
      ],
    );
  });
});
