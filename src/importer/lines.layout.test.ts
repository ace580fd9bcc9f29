import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParseResult } from './layout.js';
import { linesLayout } from './lines.layout.js';
import { parseText } from './parse-document.js';
import { splitLines } from './source-line.js';

const TITLE = '姉妹都市ナンシー市との交流';

/** Parses TITLE followed by the given lines: the first given line is line 2. */
function parse(...lines: string[]): ParseResult {
  return linesLayout.parse(splitLines([TITLE, ...lines].join('\n')), { home: '金沢市' });
}

function events(r: ParseResult): [number | null, number, string | null, string, string][] {
  return (r.partnerships[0]?.events ?? []).map((e) => [e.line, e.year, e.date, e.direction, e.text]);
}

const codes = (r: ParseResult): [number | null, string][] => r.diagnostics.map((d) => [d.line, d.code]);

describe('linesLayout.parse: years and dates', () => {
  it('reads a date alone on a line with the description on the next lines, joined', () => {
    const r = parse('■2004年', '7月30日', '市長が来訪し、', '懇談会に出席', '作品展を開催', '', '8月2日 青少年交流団を派遣');
    assert.deepEqual(events(r), [
      [3, 2004, '2004-07-30', 'reception', '市長が来訪し、懇談会に出席 作品展を開催'],
      [8, 2004, '2004-08-02', 'dispatch', '青少年交流団を派遣'],
    ]);
    assert.deepEqual(codes(r), []);
  });

  it('imports a long sentence under a year heading when a list mark starts it, and warns of an unmarked one', () => {
    const sentence = '市長がナンシー市を訪問し、ナンシー市長と会談したほか、市内の大学や美術館を視察し、今後の交流について意見交換を行った。';
    const r = parse('ナンシー市はフランス北東部に位置し、ロレーヌ地方の中心都市として知られる古都である。', '■2019年', `・${sentence}`, sentence);
    assert.deepEqual(events(r), [[4, 2019, null, 'dispatch', sentence]]);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code, d.severity]), [[2, 'NotAnExchange', 'info'], [5, 'NotAnExchange', 'warning']]);
    assert.match(r.diagnostics[1]!.message, /under 2019 read as background.*Start it with ・ to import it as an event/);
  });

  it('recognises decorated and era year headings', () => {
    const headings = ['平成16年（2004年）', '【平成7年】', '## 2010年', '**2011年**', '◆令和元年', '２０１２年', '2013'];
    const r = parse(...headings.flatMap((h) => [h, '5月 作品展を開催']));
    assert.deepEqual(events(r).map((e) => [e[1], e[2]]), [
      [2004, '2004-05'], [1995, '1995-05'], [2010, '2010-05'], [2011, '2011-05'], [2019, '2019-05'], [2012, '2012-05'], [2013, '2013-05'],
    ]);
  });

  it('reads dates that carry their own year, with or without a heading', () => {
    const r = parse('1973/10/12 姉妹都市提携の調印式', '2006年11月24日 市長が来訪', '2019.04.13. 青少年交流団を派遣');
    assert.deepEqual(events(r), [
      [2, 1973, '1973-10-12', 'unknown', '姉妹都市提携の調印式'],
      [3, 2006, '2006-11-24', 'reception', '市長が来訪'],
      [4, 2019, '2019-04-13', 'dispatch', '青少年交流団を派遣'],
    ]);
  });

  it('gives month-only lines the year of the last heading', () => {
    const r = parse('2004年', '5月 市長がナンシー市を訪問', '2005年', '11月 作品展を開催');
    assert.deepEqual(events(r).map((e) => [e[1], e[2], e[3]]), [[2004, '2004-05', 'dispatch'], [2005, '2005-11', 'unknown']]);
  });

  it('dates January to March of a fiscal year in the next calendar year, keeping the fiscal year', () => {
    const r = parse('2017年度', '4月 市長が来訪', '2月10日 作品展を開催', '2018.03.01. 青少年交流団を派遣');
    assert.deepEqual(events(r).map((e) => [e[1], e[2]]), [[2017, '2017-04'], [2017, '2018-02-10'], [2017, '2018-03-01']]);
    assert.deepEqual(codes(r), []);
  });

  it('warns when a dated line lies outside its heading year, keeping the date’s year', () => {
    const r = parse('■2018年', '2017.12.24. 音楽会を開催');
    assert.deepEqual(events(r).map((e) => e[1]), [2017]);
    assert.deepEqual(codes(r), [[3, 'DateOutsideYear']]);
  });

  it('reads `YEAR text` as an undated event in that year', () => {
    const r = parse('2004年 市長が来訪', '平成17年（2005年）　青少年交流団を派遣');
    assert.deepEqual(events(r), [
      [2, 2004, null, 'reception', '市長が来訪'],
      [3, 2005, null, 'dispatch', '青少年交流団を派遣'],
    ]);
  });

  it('makes each bullet and each undated line under a heading its own event', () => {
    const r = parse('2004年', '・市長が来訪', '・作品展を開催', '7月1日 青少年交流団を派遣', '・書簡を交換');
    assert.deepEqual(events(r).map((e) => [e[0], e[4]]), [[3, '市長が来訪'], [4, '作品展を開催'], [5, '青少年交流団を派遣'], [6, '書簡を交換']]);
  });

  it('marks a heading followed by —, なし or 交流なし as a year without exchange', () => {
    const r = parse('2019年', '—', '2020年', 'なし', '2021年', '交流なし', '2022年 —', '2023年', '（交流なし）');
    assert.deepEqual(events(r), []);
    assert.deepEqual(r.partnerships[0]?.noExchangeYears, [2019, 2020, 2021, 2022, 2023]);
  });

  it('warns about a — that follows events rather than its heading', () => {
    const r = parse('2019年', '5月 作品展を開催', '—');
    assert.deepEqual(r.partnerships[0]?.noExchangeYears, []);
    assert.deepEqual(codes(r), [[4, 'UnparsedLine']]);
  });

  it('warns about dates it cannot place: no year above, impossible day, no description', () => {
    const r = parse('7月30日 市長が来訪', '2004年', '2月30日 作品展', '8月1日');
    assert.deepEqual(events(r), []);
    assert.deepEqual(codes(r), [[2, 'UnparsedLine'], [4, 'UnparsedLine'], [5, 'UnparsedLine']]);
  });
});

describe('linesLayout.parse: lines that are not exchanges', () => {
  it('never makes update stamps, figures, page numbers or notes into events', () => {
    const notes = ['更新日：2024年4月1日', '最終更新 2023年3月', '2024年4月1日更新', '人口：約700万人', '面積：約12,000km²', '- 3 -', '3/10', '※金額は当時のもの', '出典：国際交流課'];
    const r = parse('2004年', '5月 作品展を開催', ...notes);
    assert.equal(events(r).length, 1);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.severity]), notes.map(() => ['NotAnExchange', 'info']));
  });

  it('reports background prose before the first year as NotAnExchange', () => {
    const r = parse('大連市は遼東半島の南端に位置し、港湾都市として発展してきた。', 'ホーム > 国際交流', '2004年', '5月 作品展を開催');
    assert.equal(events(r).length, 1);
    assert.deepEqual(codes(r), [[2, 'NotAnExchange'], [3, 'NotAnExchange']]);
  });

  it('ends an entry at a long sentence of history instead of joining it', () => {
    const prose = 'ナンシー市はアール・ヌーヴォー発祥の地として知られ、歴史的な広場は世界遺産に登録されており、多くの観光客が訪れます。';
    const r = parse('2004年', '7月30日 市長が来訪', prose);
    assert.deepEqual(events(r).map((e) => e[4]), ['市長が来訪']);
    assert.deepEqual(codes(r), [[4, 'NotAnExchange']]);
  });

  it('ends an entry at a short sentence of plans (当課では今後も…予定です。), and warns of it with its line', () => {
    const r = parse('2023年', '7月15日 青少年交流団を派遣', '当課では今後も交流を続けていく予定です。', '8月1日 市長が来訪し、', '今後の交流について協議しています。', '9月1日 合唱団が来訪', '公演を開催し、交流を深めた。');
    assert.deepEqual(events(r).map((e) => e[4]), ['青少年交流団を派遣', '市長が来訪し、今後の交流について協議しています。', '合唱団が来訪 公演を開催し、交流を深めた。']);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code, d.params?.reason]), [[4, 'NotAnExchange', 'background']]);
  });

  it('does not read a sentence that starts with a year as an event', () => {
    const r = parse('1973年に姉妹都市提携を結び、以来交流を続けている', '2004年', '5月 作品展を開催');
    assert.equal(events(r).length, 1);
    assert.deepEqual(codes(r), [[2, 'NotAnExchange']]);
  });
});

describe('linesLayout.parse: partnership and photo records', () => {
  it('takes partner and kind from the title and the date from the affiliation line', () => {
    const r = parse('姉妹都市提携：1973年（昭和48年）11月10日', '2004年 市長が来訪');
    const p = r.partnerships[0];
    assert.deepEqual([p?.home, p?.partner, p?.kind, p?.affiliatedOn], ['金沢市', 'ナンシー市', '姉妹都市', '1973-11-10']);
  });

  it('returns no partnership and a MissingPartner error without a title', () => {
    const r = linesLayout.parse(splitLines('2004年\n5月 作品展を開催'), { home: '金沢市' });
    assert.deepEqual(r.partnerships, []);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code, d.severity]), [[null, 'MissingPartner', 'error']]);
  });

  it('keeps one partnership across a repeated page-header title, and starts another for another partner', () => {
    const r = parse('2004年 市長が来訪', TITLE, '2005年 作品展を開催', '友好都市蘇州市との交流の歩み', '2006年 書簡を交換');
    assert.deepEqual(r.partnerships.map((p) => [p.partner, p.events.length]), [['ナンシー市', 2], ['蘇州市', 1]]);
  });

  it('reads the photo-record section into records, not events', () => {
    const r = parse('2004年 市長が来訪', 'ナンシー市交流の記録', '2004年 記念撮影', '平成17年（2005年）', '調印式', '植樹\t記念碑');
    const p = r.partnerships[0];
    assert.equal(p?.events.length, 1);
    assert.deepEqual(p?.records.map((x) => [x.line, x.year, x.caption, x.event]), [
      [4, 2004, '記念撮影', null], [6, 2005, '調印式', null], [7, 2005, '植樹', null], [7, 2005, '記念碑', null],
    ]);
  });
});

describe('linesLayout.score', () => {
  it('scores low but above zero for a timeline of headings and dated lines', () => {
    const score = linesLayout.score(splitLines([TITLE, '2004年', '7月30日 市長が来訪', '2005年', '5月 作品展'].join('\n')));
    assert.ok(score > 0 && score <= 0.45, String(score));
  });

  it('scores zero for prose without years or dates', () => {
    assert.equal(linesLayout.score(splitLines('大連市は港湾都市です。\n人口：約700万人')), 0);
  });

  it('stays far below 0.5 on a document of tab rows', () => {
    const rows = ['年\t\t交流内容', '2006年 (平成18年)\t派遣\t訪問', '\t受入\t来訪', '2007年 (平成19年)\t派遣\t派遣', '\t受入\t来訪'];
    assert.ok(linesLayout.score(splitLines([TITLE, ...rows].join('\n'))) < 0.2);
  });
});

describe('linesLayout.parse: year headings written in two eras or with a bracketed second form', () => {
  /** The tester's heads.txt and heads2.txt, after TITLE (line 1) and a blank line. */
  const HEADS = ['', '令和元年度', '5月1日 令和元年度の交流', '平成31年（令和元年）', '6月1日 括弧の見出し', '2019（平成31・令和元）年', '7月1日 変則見出し', 'Ｒ２年度', '8月1日 R2年度', '昭和６４年・平成元年', '1月20日 昭和64平成元'];
  const HEADS2 = ['', '2017年（平成29年）', '5月1日 A', '平成30年（2018年）', '6月1日 B', '平成31年（令和元年）', '7月1日 C', '令和2年(2020年)', '8月1日 D', '平成31年/令和元年', '9月1日 E', '2021年（令和3年）度', '10月1日 F', '2月1日 G'];

  it('reads 平成31年（令和元年） and 2019（平成31・令和元）年 as headings, not as an event or part of the one before', () => {
    const r = parse(...HEADS);
    assert.deepEqual(events(r), [
      [4, 2019, '2019-05-01', 'unknown', '令和元年度の交流'],
      [6, 2019, '2019-06-01', 'unknown', '括弧の見出し'],
      [8, 2019, '2019-07-01', 'unknown', '変則見出し'],
      [10, 2020, '2020-08-01', 'unknown', 'R2年度'],
      [12, 1989, '1989-01-20', 'unknown', '昭和64平成元'],
    ]);
    assert.deepEqual(codes(r), []);
  });

  it('reads 2021年（令和3年）度 as the fiscal year 2021, as 2021年度 is read, and gives no event 度', () => {
    const r = parse(...HEADS2);
    assert.deepEqual(events(r), [
      [4, 2017, '2017-05-01', 'unknown', 'A'],
      [6, 2018, '2018-06-01', 'unknown', 'B'],
      [8, 2019, '2019-07-01', 'unknown', 'C'],
      [10, 2020, '2020-08-01', 'unknown', 'D'],
      [12, 2019, '2019-09-01', 'unknown', 'E'],
      [14, 2021, '2021-10-01', 'unknown', 'F'],
      [15, 2021, '2022-02-01', 'unknown', 'G'],
    ]);
    assert.deepEqual(codes(r), []);
  });

  it('warns of what is left after a year heading, naming the line, and reads the lines under it in that year', () => {
    const r = parse('', '2020年（H31）', '7月1日 C', '2021年【予定】', '8月1日 D');
    assert.deepEqual(events(r), [[4, 2020, '2020-07-01', 'unknown', 'C'], [6, 2021, '2021-08-01', 'unknown', 'D']]);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code, d.severity, d.params?.rest]), [[3, 'UnparsedLine', 'warning', '（H31）'], [5, 'UnparsedLine', 'warning', '【予定】']]);
  });

  it('refuses the document at a heading whose two era years name different years', () => {
    const r = parse('', '2018年', '5月1日 A', '平成30年（令和元年）', '6月1日 B');
    assert.deepEqual(events(r), [[4, 2018, '2018-05-01', 'unknown', 'A']], 'the line under it is filed under no year');
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code, d.severity]), [[5, 'EraYearsDisagree', 'error']]);
    assert.deepEqual(parseText([TITLE, '', '2018年', '5月1日 A', '平成30年（令和元年）', '6月1日 B'].join('\n'), { home: '金沢市' }).partnerships, []);
  });
});

describe('linesLayout.parse: what follows a year that is not a heading’s leftover', () => {
  it('still reads a bracketed no-exchange mark after a year, and a YEAR・text line as an event', () => {
    const r = parse('', '2019年（交流なし）', '2020年・市長が訪問');
    assert.deepEqual(r.partnerships[0]!.noExchangeYears, [2019]);
    assert.deepEqual(events(r), [[4, 2020, null, 'unknown', '・市長が訪問']]);
    assert.deepEqual(codes(r), []);
  });
});
