import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParseResult } from './layout.js';
import { parseText } from './parse-document.js';

const parse = (...lines: string[]) => parseText(lines.join('\n'), { home: '金沢市' });
const events = (r: ParseResult) => r.partnerships.flatMap((p) => p.events.map((e) => [e.line, e.year, e.text]));
const warnings = (r: ParseResult) => r.diagnostics.map((d) => [d.line, d.code, d.severity, d.params?.unreadAt ?? null]);

describe('blank year cells under a year cell that was refused', () => {
  it('in a tab table: are not filed under the year before, and say why', () => {
    const r = parse('友好都市大連市との歩み', '2016年\t派遣\t市長が訪問', '2017ねん\t受入\t代表団が来訪', '\t派遣\t青年団が訪問', '\t受入\t合唱団が来訪', '2018年\t受入\t研修団が来訪', '\t派遣\t市民団が訪問');
    assert.deepEqual(events(r), [[2, 2016, '市長が訪問'], [6, 2018, '研修団が来訪'], [7, 2018, '市民団が訪問']]);
    assert.deepEqual(warnings(r), [[3, 'UnparsedLine', 'warning', null], [4, 'UnparsedLine', 'warning', 3], [5, 'UnparsedLine', 'warning', 3]]);
    assert.equal(r.diagnostics[1]!.message, 'The row continues the year above, but the year on line 3 could not be read; the row was not imported, so that it is not filed under an earlier year.');
  });

  it('in a tab table: a line alone that is no row (a page number) leaves the year, one shaped like a year does not', () => {
    const r = parse('友好都市大連市との歩み', '2016年\t派遣\t市長が訪問', '- 3 -', '\t受入\t代表団が来訪', '2O18年', '\t受入\t研修団が来訪');
    assert.deepEqual(events(r), [[2, 2016, '市長が訪問'], [4, 2016, '代表団が来訪']]);
    assert.deepEqual(warnings(r), [[3, 'UnparsedLine', 'warning', null], [5, 'UnparsedLine', 'warning', null], [6, 'UnparsedLine', 'warning', 5]]);
  });

  it('in a pipe table', () => {
    const r = parse('# 友好都市大連市との交流', '', '| 年 | 内容 |', '|---|---|', '| 2016年 | 市長が訪問 |', '| 2017ねん | 代表団が来訪 |', '|  | 青年団が訪問 |', '| 2018年 | 研修団が来訪 |', '|  | 市民団が訪問 |');
    assert.deepEqual(events(r), [[5, 2016, '市長が訪問'], [8, 2018, '研修団が来訪'], [9, 2018, '市民団が訪問']]);
    assert.deepEqual(warnings(r), [[6, 'UnparsedLine', 'warning', null], [7, 'UnparsedLine', 'warning', 6]]);
  });

  it('in a sheet, after a refused year cell or a refused 和暦 cell', () => {
    const csv = [
      '相手都市,年（西暦）,和暦,交流内容',
      '大連市,2016,,市長が訪問',
      '大連市,2017ねん,,代表団が来訪',
      '大連市,,,青年団が訪問',
      '大連市,2018,,研修団が来訪',
      '大連市,,年不詳,合唱団が来訪',
      '大連市,,,市民団が訪問',
      '大連市,2020,,記念植樹',
      '大連市,,,友好会議',
    ].join('\r\n');
    const r = parse(`${csv}\r\n`);
    assert.deepEqual(events(r), [[2, 2016, '市長が訪問'], [5, 2018, '研修団が来訪'], [8, 2020, '記念植樹'], [9, 2020, '友好会議']]);
    assert.deepEqual(warnings(r), [[3, 'UnparsedLine', 'warning', null], [4, 'UnparsedLine', 'warning', 3], [6, 'UnparsedLine', 'warning', null], [7, 'UnparsedLine', 'warning', 6]]);
    assert.match(r.diagnostics[1]!.message, /^CSV: the row continues the year above, but the year on line 3 could not be read/);
  });
});
