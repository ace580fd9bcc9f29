import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../domain/diagnostic.js';
import { readLeadingDate } from './dates.js';
import { parseText } from './parse-document.js';
import { readLeadingYear, readYearCell } from './years.js';

const slipOf = (text: string) => {
  const s = readLeadingDate(text)?.eraSlip;
  return s && [s.written, s.side, s.boundary, s.read];
};
const parse = (text: string) => parseText(text, { home: '金沢市' });
const eraWarnings = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.code === 'EraOutOfRange').map((d) => [d.line, d.severity, d.message]);

describe('dates and years outside the era they name', () => {
  it('notes a date before its era began or after it ended, read by counting from the era’s first year', () => {
    assert.deepEqual(slipOf('令和元年4月30日 市長が訪問'), ['令和元年4月30日', 'before', '2019-05-01', '2019-04-30']);
    assert.deepEqual(slipOf('R1.4.30 訪問'), ['令和元年4月30日', 'before', '2019-05-01', '2019-04-30']);
    assert.deepEqual(slipOf('平成31年5月1日'), ['平成31年5月1日', 'after', '2019-04-30', '2019-05-01']);
    assert.deepEqual(slipOf('昭和64年1月8日 訪問'), ['昭和64年1月8日', 'after', '1989-01-07', '1989-01-08']);
    assert.deepEqual(slipOf('令和元年4月'), ['令和元年4月', 'before', '2019-05-01', '2019-04']);
    assert.equal(readLeadingDate('令和元年4月30日')?.date, '2019-04-30', 'the date read stays the one counted');
  });

  it('notes nothing for a date inside its era, on the eras’ first and last days, or without an era', () => {
    for (const text of ['令和元年5月1日', '平成31年4月30日', '昭和64年1月7日', '平成元年1月8日', 'H31.4.30', 'R1.5.1', '2019年4月30日', '2019年（平成31年/令和元年）5月1日', '昭和64年1月']) {
      assert.ok(readLeadingDate(text), text);
      assert.equal(readLeadingDate(text)!.eraSlip, undefined, text);
    }
  });

  it('notes an era year past its era’s end as a slip, not as a year mismatch', () => {
    for (const text of ['平成35年', 'H35', '平成35年（2023年）']) {
      const y = readYearCell(text);
      assert.equal(y?.year, 2023, text);
      assert.equal(y.mismatch, false, text);
      assert.deepEqual(y.eraSlip && [y.eraSlip.written, y.eraSlip.side, y.eraSlip.boundary, y.eraSlip.read], ['平成35年', 'after', '2019-04-30', '2023'], text);
    }
    assert.equal(readLeadingYear('2008年 (平成18年)')?.mismatch, true, 'an era year counting to another year is still a mismatch');
    assert.equal(readLeadingYear('2008年 (平成18年)')?.eraSlip, undefined);
    assert.equal(readYearCell('2019年 (平成31年/ 令和元年)')?.eraSlip, undefined);
    assert.equal(readYearCell('昭和64年')?.eraSlip, undefined);
  });

  it('warns in a document of year headings, naming what was read, and gives no YearMismatch for 平成35年', () => {
    const r = parse(['姉妹都市ゲント市との歩み', '姉妹都市提携：令和元年4月30日', '', '令和元年', '令和元年4月30日 市長が訪問', 'R1.4.30 青年団が来訪', '平成35年', '5月1日 市民団が訪問'].join('\n'));
    assert.deepEqual(eraWarnings(r.diagnostics), [
      [2, 'warning', '令和元年4月30日 is before 令和 began (2019-05-01); read as 2019-04-30 (平成31年4月30日).'],
      [5, 'warning', '令和元年4月30日 is before 令和 began (2019-05-01); read as 2019-04-30 (平成31年4月30日).'],
      [6, 'warning', '令和元年4月30日 is before 令和 began (2019-05-01); read as 2019-04-30 (平成31年4月30日).'],
      [7, 'warning', '平成35年 is after 平成 ended (2019-04-30); read as 2023 (令和5年).'],
    ]);
    assert.ok(!r.diagnostics.some((d) => d.code === 'YearMismatch'), JSON.stringify(r.diagnostics));
    assert.deepEqual(r.partnerships[0]!.events.map((e) => [e.year, e.date]), [[2019, '2019-04-30'], [2019, '2019-04-30'], [2023, '2023-05-01']]);
    assert.equal(r.partnerships[0]!.affiliatedOn, '2019-04-30');
  });

  it('warns in a tab table: an era-initial year cell, a whole date as the first cell, a date before an event', () => {
    const r = parse(['友好都市大連市との歩み', 'H35\t派遣\t市長が訪問', '昭和64年1月8日\t受入\t代表団が来訪', '2019年\t受入\t（平成31年5月1日）市民団が来訪 （令和元年5月1日）青年団が来訪'].join('\n'));
    assert.deepEqual(eraWarnings(r.diagnostics).map(([line, , message]) => [line, message]), [
      [2, '平成35年 is after 平成 ended (2019-04-30); read as 2023 (令和5年).'],
      [3, '昭和64年1月8日 is after 昭和 ended (1989-01-07); read as 1989-01-08 (平成元年1月8日).'],
      [4, '平成31年5月1日 is after 平成 ended (2019-04-30); read as 2019-05-01 (令和元年5月1日).'],
    ]);
    assert.deepEqual(r.partnerships[0]!.events.map((e) => [e.year, e.date]), [[2023, null], [1989, '1989-01-08'], [2019, '2019-05-01'], [2019, '2019-05-01']]);
  });

  it('warns in a pipe table, of the year cell and of a date before the content', () => {
    const r = parse(['# 友好都市大連市との交流', '', '| 年 | 内容 |', '|---|---|', '| 平成35年 | 市長が訪問 |', '| 2019年 | 令和元年4月30日 代表団が来訪 |'].join('\n'));
    assert.deepEqual(eraWarnings(r.diagnostics).map(([line]) => line), [5, 6]);
  });

  it('warns in a sheet, of a 和暦 cell, a year cell and a date cell, naming the sheet', () => {
    const csv = ['相手都市,年（西暦）,和暦,日付,交流内容', '大連市,2023,H35,,市長が訪問', '大連市,平成35年,,,代表団が来訪', '大連市,2019,,令和元年4月30日,青年団が来訪'].join('\r\n');
    const r = parse(`${csv}\r\n`);
    assert.deepEqual(eraWarnings(r.diagnostics).map(([line, , message]) => [line, message]), [
      [2, 'CSV: 平成35年 is after 平成 ended (2019-04-30); read as 2023 (令和5年).'],
      [3, 'CSV: 平成35年 is after 平成 ended (2019-04-30); read as 2023 (令和5年).'],
      [4, 'CSV: 令和元年4月30日 is before 令和 began (2019-05-01); read as 2019-04-30 (平成31年4月30日).'],
    ]);
    assert.ok(!r.diagnostics.some((d) => d.code === 'YearMismatch'));
    assert.deepEqual(r.partnerships[0]!.events.map((e) => [e.year, e.date]), [[2023, null], [2023, null], [2019, '2019-04-30']]);
  });
});
