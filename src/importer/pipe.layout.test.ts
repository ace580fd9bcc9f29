import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParseResult } from './layout.js';
import { parseText } from './parse-document.js';
import { pipeCells, pipeLayout } from './pipe.layout.js';
import { splitLines } from './source-line.js';

const TITLE = '姉妹都市ナンシー市との交流';

function parse(...rows: string[]): ParseResult {
  return pipeLayout.parse(splitLines([TITLE, ...rows].join('\n')), { home: '金沢市' });
}

function events(result: ParseResult): [number, string | null, string, string][] {
  return (result.partnerships[0]?.events ?? []).map((e) => [e.year, e.date, e.direction, e.text]);
}

const codes = (result: ParseResult): [number | null, string][] => result.diagnostics.map((d) => [d.line, d.code]);

describe('pipeCells', () => {
  it('splits rows with or without the outer pipes', () => {
    assert.deepEqual(pipeCells('| 2004年 | 市長が来訪 |'), ['2004年', '市長が来訪']);
    assert.deepEqual(pipeCells('2004年 | 市長が来訪'), ['2004年', '市長が来訪']);
    assert.deepEqual(pipeCells('|  | 続き |'), ['', '続き']);
  });

  it('keeps an escaped pipe inside a cell', () => {
    assert.deepEqual(pipeCells('| 2004年 | A\\|B |'), ['2004年', 'A|B']);
  });

  it('gives undefined for a line without cells', () => {
    assert.equal(pipeCells('市長が来訪'), undefined);
    assert.equal(pipeCells('|'), undefined);
  });
});

describe('pipeLayout.parse', () => {
  it('reads the example table: header and separator skipped, a blank year continues, a leading date dates the event', () => {
    const r = parse('| 年 | 内容 |', '|---|---|', '| 平成16年(2004年) | 7月30日 市長が来訪 |', '|  | 青少年交流団を派遣 |');
    assert.deepEqual(events(r), [
      [2004, '2004-07-30', 'reception', '市長が来訪'],
      [2004, null, 'dispatch', '青少年交流団を派遣'],
    ]);
    assert.deepEqual(r.partnerships[0]?.events.map((e) => e.line), [4, 5]);
    assert.deepEqual(codes(r), []);
  });

  it('takes the direction from a direction column over the words', () => {
    const r = parse('| 年 | 区分 | 内容 |', '| --- | :---: | --- |', '| 2004年 | 受入 | 青少年交流団を派遣 |', '| | 相互 | 作品展 |', '| | — | 市長が来訪 |');
    assert.deepEqual(events(r), [
      [2004, null, 'reception', '青少年交流団を派遣'],
      [2004, null, 'mutual', '作品展'],
      [2004, null, 'unknown', '市長が来訪'],
    ]);
  });

  it('finds a direction column without a header, and falls back to the words where its cell is blank', () => {
    const r = parse('| 2005年 | 派遣 | 作品展 |', '| | | 市長が来訪 |');
    assert.deepEqual(events(r), [
      [2005, null, 'dispatch', '作品展'],
      [2005, null, 'reception', '市長が来訪'],
    ]);
  });

  it('warns about a direction label it does not know and imports the event as unknown', () => {
    const r = parse('| 年 | 区分 | 内容 |', '| 2005年 | 交流 | 作品展 |');
    assert.deepEqual(events(r), [[2005, null, 'unknown', '作品展']]);
    assert.deepEqual(codes(r), [[3, 'UnknownDirection']]);
  });

  it('keeps each row one event, joining extra content cells', () => {
    const r = parse('| 2006年 | 7月 市長が来訪 | 懇談会を開催 |');
    assert.deepEqual(events(r), [[2006, '2006-07', 'reception', '市長が来訪 懇談会を開催']]);
  });

  it('marks a year with — or 交流なし as a year without exchange', () => {
    const r = parse('| 2020年 | — |', '| 2021年 | 交流なし |', '| 2022年 | 派遣 | — |');
    assert.deepEqual(events(r), []);
    assert.deepEqual(r.partnerships[0]?.noExchangeYears, [2020, 2021, 2022]);
  });

  it('dates Jan–Mar rows of a fiscal year in the next calendar year', () => {
    const r = parse('| 2017年度 | 2月10日 市長が来訪 |');
    assert.deepEqual(events(r), [[2017, '2018-02-10', 'reception', '市長が来訪']]);
  });

  it('reads title, affiliation and photo records from the lines around the tables', () => {
    const r = parse('姉妹都市提携：1973年（昭和48年）11月10日', '| 2004年 | 市長が来訪 |', '## ナンシー市交流の記録', '| 2004年 | 記念撮影 | 植樹 |');
    const p = r.partnerships[0];
    assert.deepEqual([p?.partner, p?.kind, p?.affiliatedOn], ['ナンシー市', '姉妹都市', '1973-11-10']);
    assert.deepEqual(p?.records, [
      { year: 2004, caption: '記念撮影', event: null, line: 5 },
      { year: 2004, caption: '植樹', event: null, line: 5 },
    ]);
  });

  it('reports prose and update stamps outside the table as NotAnExchange, never as events', () => {
    const r = parse('ナンシー市はロレーヌ地方の中心都市です。', '| 2004年 | 市長が来訪 |', '更新日：2024年4月1日', '人口：約10万人');
    assert.equal(events(r).length, 1);
    assert.deepEqual(codes(r), [[2, 'NotAnExchange'], [4, 'NotAnExchange'], [5, 'NotAnExchange']]);
  });

  it('warns about a dated line outside the table instead of importing it', () => {
    const r = parse('| 2004年 | 市長が来訪 |', '7月30日 青少年交流団を派遣');
    assert.equal(events(r).length, 1);
    assert.deepEqual(codes(r), [[3, 'UnparsedLine']]);
  });

  it('warns about a row whose first cell is not a year, or that continues no year', () => {
    const r = parse('|  | 続き |', '| 昔 | 市長が来訪 |');
    assert.deepEqual(events(r), []);
    assert.deepEqual(codes(r), [[2, 'UnparsedLine'], [3, 'UnparsedLine']]);
  });

  it('returns no partnership and a MissingPartner error when no title names the partner', () => {
    const r = pipeLayout.parse(splitLines('| 2004年 | 市長が来訪 |\n| 2005年 | 作品展 |'), { home: '金沢市' });
    assert.deepEqual(r.partnerships, []);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code, d.severity]), [[null, 'MissingPartner', 'error']], 'the whole document, not its first row');
  });
});

describe('pipeLayout.score', () => {
  it('scores by the share of lines that are pipe rows', () => {
    const lines = splitLines([TITLE, '| 年 | 内容 |', '|---|---|', '| 2004年 | 市長が来訪 |'].join('\n'));
    assert.equal(pipeLayout.score(lines), 3 / 4);
  });

  it('scores 0 for tab tables, plain timelines, and pipe lines without a year', () => {
    assert.equal(pipeLayout.score(splitLines('2006年\t派遣\t訪問\n\t受入\t来訪')), 0);
    assert.equal(pipeLayout.score(splitLines('■2004年\n7月30日 市長が来訪')), 0);
    assert.equal(pipeLayout.score(splitLines('ホーム | 国際交流\nA | B')), 0);
  });

  it('reads a row missing a cell under a header with a direction column, taking its one cell as the event', () => {
    const r = parse('| 年 | 区分 | 内容 |', '|---|---|---|', '| 2019年 | 受入 | 市長が来訪 |', '| 2020年 | ナンシー市訪問団が金沢市を訪問 |');
    assert.deepEqual(events(r), [
      [2019, null, 'reception', '市長が来訪'],
      [2020, null, 'reception', 'ナンシー市訪問団が金沢市を訪問'],
    ]);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code]), [[5, 'RowMissingCells']]);
    assert.match(r.diagnostics[0]!.message, /fewer cells than the header/);
  });

  it('is chosen for a table whose years are in bold', () => {
    const doc = [TITLE, '| 年 | 区分 | 内容 |', '|---|---|---|', '| **2018年** | 派遣 | 市長が訪問 |', '| **2019年** | 受入 | 市長が来訪 |'];
    assert.ok(pipeLayout.score(splitLines(doc.join('\n'))) > 0.5);
    const r = parseText(doc.join('\n'), { home: '金沢市' });
    assert.deepEqual(r.partnerships[0]!.events.map((e) => [e.year, e.direction, e.text]), [[2018, 'dispatch', '市長が訪問'], [2019, 'reception', '市長が来訪']]);
  });

  it('reads a first column of whole dates as the year and the date of the row', () => {
    const r = parseText([TITLE, '| 年月日 | 区分 | 内容 |', '|---|---|---|', '| 2019年5月1日 | 派遣 | 市長が訪問 |', '| | 受入 | 訪問団が来訪 |', '| 2020年 | 派遣 | 研修生を派遣 |'].join('\n'), { home: '金沢市' });
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(events(r), [[2019, '2019-05-01', 'dispatch', '市長が訪問'], [2019, '2019-05-01', 'reception', '訪問団が来訪'], [2020, null, 'dispatch', '研修生を派遣']]);
  });

  it('reads — or なし in the direction column with the content empty as a year without exchange', () => {
    const r = parse('| 年 | 区分 | 内容 |', '|---|---|---|', '| 2020年 | 派遣 | 市長が訪問 |', '| 2021年 | — | |', '| 2022年 | なし |', '| 2023年 | 派遣 | |');
    assert.deepEqual(r.partnerships[0]!.noExchangeYears, [2021, 2022]);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code]), [[7, 'UnparsedLine']]);
  });
});

describe('pipe tables: year cells written in two eras', () => {
  it('reads 平成31年（令和元年） and 2021年（令和3年）度 (the tester’s heads4.txt), which left nothing to import before', () => {
    const r = parseText('友好都市ナンシー市との歩み\n\n| 年 | 区分 | 交流内容 |\n|---|---|---|\n| 平成31年（令和元年） | 派遣 | C |\n| 2021年（令和3年）度 | 派遣 | D |\n', { home: '金沢市' });
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.partnerships[0]!.events.map((e) => [e.line, e.year, e.text]), [[5, 2019, 'C'], [6, 2021, 'D']]);
  });

  it('refuses the document at a row whose two era years name different years', () => {
    const r = parse('| 年 | 区分 | 交流内容 |', '| 令和元年（平成30年） | 派遣 | C |', '| | 受入 | D |');
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code, d.severity]), [[3, 'EraYearsDisagree', 'error'], [4, 'UnparsedLine', 'warning']]);
    assert.deepEqual(events(r), []);
  });
});
