import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnosticText } from '../views/staff/upload.messages.js';
import { parseText } from './parse-document.js';

const HEAD = '姉妹都市ナンシー市との歩み 交流年表\n\n姉妹都市提携：1973年（昭和48年）11月10日\n\n年\t\t交流内容\n';
const parse = (rows: string) => parseText(HEAD + rows, { home: '金沢市' });
const codes = (rows: string) => parse(rows).diagnostics.map((d) => [d.line, d.code, d.severity]);

describe('the tab layout', () => {
  it('reads a title after a heading mark, and a partner name without the country bracketed after it', () => {
    const r = parseText('■友好交流都市大連市（遼寧省）(中国)との歩み\n2006年 (平成18年)\t派遣\t市長が訪問\n', { home: '金沢市' });
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual([r.partnerships[0]!.partner, r.partnerships[0]!.kind], ['大連市', '友好交流都市']);
  });

  it('reads a first column of whole dates (年月日) as the year and the date of the row and the rows it continues', () => {
    const r = parseText('姉妹都市ナンシー市との歩み\n年月日\t区分\t内容\n2019年5月1日\t派遣\t市長が訪問\n\t受入\t訪問団が来訪\n2019/8/3\t受入\t（8月4日）合唱団が来訪\n2020年\t派遣\t研修生を派遣\n', { home: '金沢市' });
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.partnerships[0]!.events.map((e) => [e.year, e.date, e.direction, e.text]), [
      [2019, '2019-05-01', 'dispatch', '市長が訪問'],
      [2019, '2019-05-01', 'reception', '訪問団が来訪'],
      [2019, '2019-08-04', 'reception', '合唱団が来訪'],
      [2020, null, 'dispatch', '研修生を派遣'],
    ]);
  });

  it('reads the direction from the last column when the header puts 区分 after the content', () => {
    const r = parseText(
      [
        '姉妹都市ナンシー市との歩み', '年\t交流内容\t区分\t備考', '2017年\t訪問団を派遣\t派遣', '2018年\t合唱団が来訪\t受入\t予算100万円', '2019年\t市長が訪問\t派遣\t',
        '姉妹都市ゲント市との歩み', '2019年\t派遣\t市長がゲント市を訪問',
      ].join('\n'),
      { home: '金沢市' },
    );
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(
      r.partnerships.map((p) => [p.partner, p.events.map((e) => [e.year, e.direction, e.text])]),
      [
        ['ナンシー市', [[2017, 'dispatch', '訪問団を派遣'], [2018, 'reception', '合唱団が来訪'], [2019, 'dispatch', '市長が訪問']]],
        ['ゲント市', [[2019, 'dispatch', '市長がゲント市を訪問']]],
      ],
    );
  });

  it('starts the photo records at 交流の記録（写真）', () => {
    const r = parse('2004年 (平成16年)\t派遣\t市長が訪問\n交流の記録（写真）\n平成16年 (2004年)\t市長の訪問\t記念植樹\n');
    assert.deepEqual(r.partnerships[0]!.records.map((c) => [c.year, c.caption]), [[2004, '市長の訪問'], [2004, '記念植樹']]);
    assert.equal(r.partnerships[0]!.events.length, 1);
  });

  it('continues a partnership whose partner is named again after another, keeping every year and photo record', () => {
    const doc = [
      '友好交流都市大連市との歩み', '2006年 (平成18年)\t派遣\t市長が訪問', '2007年 (平成19年)\t—\t—',
      '友好都市蘇州市との歩み', '2010年 (平成22年)\t受入\t蘇州市長が来訪',
      '友好交流都市大連市との歩み', '2014年 (平成26年)\t受入\t代表団が来訪', '交流の記録', '平成26年 (2014年)\t代表団の来訪',
    ].join('\n');
    const r = parseText(doc, { home: '金沢市' });
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(
      r.partnerships.map((p) => [p.partner, p.events.map((e) => `${e.year} ${e.text}`), p.noExchangeYears, p.records.map((c) => c.caption)]),
      [
        ['大連市', ['2006 市長が訪問', '2014 代表団が来訪'], [2007], ['代表団の来訪']],
        ['蘇州市', ['2010 蘇州市長が来訪'], [], []],
      ],
    );
  });

  it('reads the title, kind and affiliation date of a sister city', () => {
    const p = parse('2004年 (平成16年)\t派遣\t市長が訪問\n').partnerships[0]!;
    assert.deepEqual([p.partner, p.kind, p.affiliatedOn], ['ナンシー市', '姉妹都市', '1973-11-10']);
  });

  it('reads 相互 as mutual, and reports a direction label the genre does not use, importing its events as unknown', () => {
    const r = parse('2004年 (平成16年)\t相互\t作品を相互に展示\n\t視察\t職員が視察\n');
    assert.deepEqual(r.partnerships[0]!.events.map((e) => [e.direction, e.text]), [['mutual', '作品を相互に展示'], ['unknown', '職員が視察']]);
    assert.deepEqual(codes('2004年 (平成16年)\t視察\t職員が視察\n'), [[6, 'UnknownDirection', 'warning']]);
  });

  it('imports a repeated event once and says so on the line of the repeat', () => {
    const r = parse('2004年 (平成16年)\t派遣\t市長が訪問\n\t派遣\t市長が訪問\n');
    assert.equal(r.partnerships[0]!.events.length, 1);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code]), [[7, 'DuplicateEvent']]);
  });

  it('warns when years run backwards, and when an era year names another year', () => {
    assert.deepEqual(codes('2005年 (平成17年)\t派遣\t市長が訪問\n2004年 (平成16年)\t受入\t市長が来訪\n'), [[7, 'YearOutOfOrder', 'warning']]);
    assert.deepEqual(codes('2005年 (平成16年)\t派遣\t市長が訪問\n'), [[6, 'YearMismatch', 'warning']]);
  });

  it('names both years, the earlier line, and what to check when years run backwards, in English, Japanese and Chinese', () => {
    const [d] = parse('2027年\t派遣\t市長が訪問\n2023年\t受入\t市長が来訪\n').diagnostics.filter((x) => x.code === 'YearOutOfOrder');
    assert.deepEqual([d!.line, d!.params], [7, { year: 2023, after: 2027, afterLine: 6 }]);
    assert.match(d!.message, /^2023 comes after 2027 \(line 6\) in the document; it was imported under 2023\. Check that neither year is mistyped/);
    assert.equal(
      diagnosticText('ja', d!).message,
      '2023年の交流が、2027年（6行目）より後に書かれています。2023年として取り込みます。どちらかの年の書き間違いでないか確かめてください。順序が違うだけなら、直さなくてもかまいません（公開ページでは年の順に並びます）。',
    );
    assert.match(diagnosticText('zh', d!).message, /^2023年的交流写在2027年（第6行）之后/);
  });

  it('reports a row whose first cell is not a year, and a continuation row with no year before it', () => {
    assert.deepEqual(codes('年不詳\t派遣\t市長が訪問\n2005年 (平成17年)\t派遣\t訪問団を派遣\n'), [[6, 'UnparsedLine', 'warning']]);
    assert.deepEqual(codes('二〇〇四年\t派遣\t市長が訪問\n2005年 (平成17年)\t派遣\t訪問団を派遣\n'), [], 'a year in kanji numerals is read');
    assert.deepEqual(codes('\t派遣\t市長が訪問\n2005年 (平成17年)\t派遣\t訪問団を派遣\n'), [[6, 'UnparsedLine', 'warning']]);
  });

  it('splits a cell into events at spaces, but not inside brackets, between Latin words, or before a particle', () => {
    const texts = (cell: string) => parse(`2019年 (平成31年/令和元年)\t派遣\t${cell}\n`).partnerships[0]!.events.map((e) => e.text);
    assert.deepEqual(texts('市長が訪問 代表団が来訪'), ['市長が訪問', '代表団が来訪']);
    assert.deepEqual(texts('「Kanazawa Night in Dalian」を開催 市長が訪問'), ['「Kanazawa Night in Dalian」を開催', '市長が訪問']);
    assert.deepEqual(texts('Kanazawa Night を開催 （2019年5月1日）市長が訪問'), ['Kanazawa Night を開催', '市長が訪問']);
    assert.deepEqual(texts('（金沢 大連 交流展）を開催 Japan Week 2019 を開催 はしご車を寄贈'), ['（金沢 大連 交流展）を開催', 'Japan Week 2019 を開催', 'はしご車を寄贈']);
  });

  it('dates January to March of a fiscal-year (年度) row in the next calendar year', () => {
    const events = parse('2019年度\t派遣\t（1月10日）訪問団を派遣 （4月2日）市長が訪問\n').partnerships[0]!.events;
    assert.deepEqual(events.map((e) => [e.year, e.date, e.text]), [[2019, '2020-01-10', '訪問団を派遣'], [2019, '2019-04-02', '市長が訪問']]);
  });

  it('reads — with the empty cell Excel leaves after it as a year without exchange', () => {
    const r = parse('2021年 (令和3年)\t—\n2022年 (令和4年)\t—\t\n2023年 (令和5年)\t派遣\t\n');
    assert.deepEqual(r.partnerships[0]!.noExchangeYears, [2021, 2022]);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code]), [[8, 'UnparsedLine']]);
  });

  it('reads a date written before an event, and keeps brackets that are not dates as text', () => {
    const events = parse('2004年 (平成16年)\t派遣\t（2004年7月30日）市長が訪問 （仮称）交流会を開催\n').partnerships[0]!.events;
    assert.deepEqual(events.map((e) => [e.date, e.text]), [['2004-07-30', '市長が訪問'], [null, '（仮称）交流会を開催']]);
  });

  it('refuses rows before any title, naming the line', () => {
    const r = parseText('2004年 (平成16年)\t派遣\t市長が訪問\n', { home: '金沢市' });
    assert.deepEqual(r.partnerships, []);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code, d.severity]), [[1, 'MissingPartner', 'error']]);
  });

  it('starts a second partnership at a title naming another partner', () => {
    const r = parse('2004年 (平成16年)\t派遣\t市長が訪問\n\n友好都市蘇州市との歩み\n\n年\t\t交流内容\n1981年 (昭和56年)\t受入\t代表団が来訪\n');
    assert.deepEqual(r.partnerships.map((p) => [p.partner, p.kind, p.events.length]), [['ナンシー市', '姉妹都市', 1], ['蘇州市', '友好都市', 1]]);
  });
});

describe('the tab layout: year cells written in two eras', () => {
  const read = (doc: string) => parseText(doc, { home: '金沢市' });
  const eventsOf = (doc: string) => read(doc).partnerships[0]?.events.map((e) => [e.line, e.year, e.date, e.direction, e.text]);

  it('reads 平成31年（令和元年） as 2019 and the blank cell under it as the same year (the tester’s fallback.txt)', () => {
    const doc = '姉妹都市チョンジュ市との歩み\n\n年\t区分\t交流内容\n平成31年（令和元年）\t派遣\t市長が訪問 記念式典に出席\n\t受入\t訪問団が来訪\n';
    assert.deepEqual(read(doc).diagnostics, []);
    assert.deepEqual(eventsOf(doc), [
      [4, 2019, null, 'dispatch', '市長が訪問'],
      [4, 2019, null, 'dispatch', '記念式典に出席'],
      [5, 2019, null, 'reception', '訪問団が来訪'],
    ]);
  });

  it('reads every dual form of the tester’s yc.txt and yc2.txt as its one year, without a warning', () => {
    const rows = [
      ['2016年（平成28年）', 2016], ['平成30年（2018年）', 2018], ['平成31年（令和元年）', 2019], ['平成31年・令和元年', 2019],
      ['令和元年（2019年）', 2019], ['令和3年度（2021年度）', 2021], ['昭和64年（平成元年）', 1989], ['平成31年（令和1年）', 2019],
      ['令和元年（平成31年）', 2019], ['2019（平成31・令和元）年', 2019], ['2021年（令和3年）度', 2021],
    ] as const;
    const doc = `姉妹都市全州市との歩み\n\n年\t区分\t交流内容\n${rows.map(([y], i) => `${y}\t派遣\t行${i + 1}`).join('\n')}\n`;
    const r = read(doc);
    assert.deepEqual(r.diagnostics.filter((d) => d.code !== 'YearOutOfOrder'), []);
    assert.deepEqual(r.partnerships[0]!.events.map((e) => [e.line, e.year, e.text]), rows.map(([, year], i) => [i + 4, year, `行${i + 1}`]));
  });

  it('refuses the document when two era years name different years, naming the line, and continues no year under it', () => {
    const r = read('姉妹都市全州市との歩み\n\n年\t区分\t交流内容\n2018年\t派遣\tA\n平成30年（令和元年）\t派遣\tB\n\t受入\tC\n');
    assert.deepEqual(r.partnerships, []);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code, d.severity]), [[5, 'EraYearsDisagree', 'error'], [6, 'UnparsedLine', 'warning']]);
    assert.match(r.diagnostics[0]!.message, /平成30年（令和元年） name different years \(2018, 2019\)/);
  });
});

describe('the tab layout: a date column', () => {
  it('reads the 月日 column as the events’ dates, as the pipe table does (the tester’s nancy-datecol-tab.txt)', () => {
    const doc = '友好都市ナンシー市との歩み\n\n年\t月日\t区分\t交流内容\n2015年\t4月13日\t派遣\t市長がナンシー市を訪問\n2016年\t10月\t受入\t合唱団が来訪\n2017年\t\t受入\t日付なし\n';
    const tab = parseText(doc, { home: '金沢市' });
    const pipe = parseText(doc.replace(/^(.*\t.*)$/gm, (row) => `| ${row.split('\t').join(' | ')} |`).replace('交流内容 |\n', '交流内容 |\n|---|---|---|---|\n'), { home: '金沢市' });
    assert.deepEqual(tab.diagnostics, []);
    const expected = [[4, 2015, '2015-04-13', 'dispatch', '市長がナンシー市を訪問'], [5, 2016, '2016-10', 'reception', '合唱団が来訪'], [6, 2017, null, 'reception', '日付なし']];
    assert.deepEqual(tab.partnerships[0]!.events.map((e) => [e.line, e.year, e.date, e.direction, e.text]), expected);
    assert.deepEqual(pipe.partnerships[0]!.events.map((e) => [e.year, e.date, e.text]), expected.map(([, y, d, , t]) => [y, d, t]));
  });

  it('reads a date column placed after 区分 in a fiscal year, and warns of a cell that is no date, naming its line', () => {
    const doc = '友好都市ナンシー市との歩み\n\n年\t区分\t月日\t交流内容\n2015年度\t派遣\t2月13日\tA\n2016年\t受入\t春\tB\n\t受入\t（5月2日）\tC\n';
    const r = parseText(doc, { home: '金沢市' });
    assert.deepEqual(r.partnerships[0]!.events.map((e) => [e.line, e.year, e.date, e.direction, e.text]), [
      [4, 2015, '2016-02-13', 'dispatch', 'A'],
      [5, 2016, null, 'reception', 'B'],
      [6, 2016, '2016-05-02', 'reception', 'C'],
    ]);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code, d.severity]), [[5, 'UnreadableDate', 'warning']]);
  });
});
