import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { csvSheet } from './csv.read.js';
import { readSheets } from './sheet.read.js';
import { validateResult } from './validate.js';
import { readWorkbook } from './workbook.read.js';

/** A workbook the way a member of staff types one: a title, a blank row, Japanese headings, years written once. */
async function handMadeWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('大連');
  ws.addRow(['友好交流都市大連市との歩み']);
  ws.addRow([]);
  ws.addRow(['年', '区分', '日付', '交流内容']);
  ws.addRow(['2006年', '派遣', null, '市英語教育研修参加派遣団が訪問']);
  ws.addRow([null, '受入', new Date(Date.UTC(2006, 10, 24)), '夏徳仁市長一行が来訪し友好交流合意書に調印']);
  ws.addRow([null, '受入', '11月25日', '経済視察団が来訪']);
  ws.addRow([2007, '派遣', '2007/8/1', '市議会訪問団を派遣']);
  ws.addRow([]);
  ws.addRow([null, '相互', null, '青少年スポーツ交流']);
  ws.addRow(['平成21年', '—', null, null]);
  ws.addRow(['令和元年', '来訪', '2019年5月', '大連市友好代表団が来訪']);
  ws.addRow([2020, '派遣', null, 'オンライン会議']);
  ws.addRow([null, '受入', null, '記念植樹']);
  ws.mergeCells('A12:A13'); // a year cell merged over its two rows, as people do
  const photos = wb.addWorksheet('写真');
  photos.addRow(['相手都市', '年', '写真説明']);
  photos.addRow(['大連市', 2006, '合意書調印式']);
  photos.addRow([null, null, '英語研修の様子']);
  photos.addRow([null, 2019, '友好代表団の歓迎会']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readSheets on a hand-made workbook', () => {
  it('reads the title for the partner, continues blank year cells, and reads Excel dates, month-day and era years', async () => {
    const result = validateResult(readSheets(await readWorkbook(await handMadeWorkbook()), { home: '金沢市' }));
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.partnerships.length, 1);
    const p = result.partnerships[0]!;
    assert.equal(p.partner, '大連市');
    assert.equal(p.kind, '友好交流都市');
    assert.equal(p.home, '金沢市');
    assert.deepEqual(p.noExchangeYears, [2009]);
    assert.deepEqual(
      p.events.map((e) => [e.year, e.date, e.direction, e.text]),
      [
        [2006, null, 'dispatch', '市英語教育研修参加派遣団が訪問'],
        [2006, '2006-11-24', 'reception', '夏徳仁市長一行が来訪し友好交流合意書に調印'],
        [2006, '2006-11-25', 'reception', '経済視察団が来訪'],
        [2007, '2007-08-01', 'dispatch', '市議会訪問団を派遣'],
        [2007, null, 'mutual', '青少年スポーツ交流'],
        [2019, '2019-05', 'reception', '大連市友好代表団が来訪'],
        [2020, null, 'dispatch', 'オンライン会議'],
        [2020, null, 'reception', '記念植樹'],
      ],
    );
    assert.deepEqual(p.records.map((r) => [r.year, r.caption, r.event]), [
      [2006, '合意書調印式', null],
      [2006, '英語研修の様子', null],
      [2019, '友好代表団の歓迎会', null],
    ]);
    assert.deepEqual(p.events.map((e) => e.line), [4, 5, 6, 7, 9, 11, 12, 13]);
  });

  it('reports a row with an unreadable year and one with no year above it, and imports the rest', () => {
    const csv = ['交流内容,年,相手都市', '来訪の記録,,大連市', '市長が訪問,年不詳,大連市', '代表団が来訪,2008,大連市'].join('\n');
    const result = validateResult(readSheets([csvSheet('hand.csv', csv)], { home: '金沢市' }));
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.line]), [['UnparsedLine', 2], ['UnparsedLine', 3]]);
    assert.deepEqual(result.partnerships[0]!.events.map((e) => e.text), ['代表団が来訪']);
  });

  it('stops with MissingPartner when neither a column nor a title names the partner', () => {
    const result = validateResult(readSheets([csvSheet('hand.csv', '年,交流内容\n2006,市長が訪問\n')], { home: '金沢市' }));
    assert.deepEqual(result.partnerships, []);
    assert.equal(result.diagnostics[0]?.code, 'MissingPartner');
  });

  it('warns about a direction it does not know and imports the event as unspecified', () => {
    const result = validateResult(readSheets([csvSheet('hand.csv', '相手都市,年,区分,交流内容\n大連市,2006,視察,市長が訪問\n')], { home: '金沢市' }));
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['UnknownDirection']);
    assert.equal(result.partnerships[0]!.events[0]!.direction, 'unknown');
  });

  it('reads — or なし in the text column of a hand-typed sheet as a year without exchange, not as an event', () => {
    const csv = '相手都市,年,区分,交流内容\n大連市,2019年,—,—\n大連市,2020年,,なし\n大連市,2021年,派遣,—\n大連市,2022年,派遣,市長が訪問\n';
    const result = validateResult(readSheets([csvSheet('hand.csv', csv)], { home: '金沢市' }));
    const p = result.partnerships[0]!;
    assert.deepEqual(p.noExchangeYears, [2019, 2020]);
    assert.deepEqual(p.events.map((e) => [e.year, e.text]), [[2022, '市長が訪問']]);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.code]), [[4, 'UnparsedLine']]);
  });
});

describe('readSheets and the 和暦 column', () => {
  /** A sheet with the export's headings, typed by hand: the 年（西暦） cell left blank where the era year was typed. */
  const csv = [
    'No.,自治体,相手都市,提携種別,年（西暦）,和暦,日付,区分,交流内容',
    '1,金沢市,大連市,友好交流都市,2005,平成17年,,派遣,経済視察団を派遣',
    '2,,,,,平成18年度,,受入,夏徳仁市長一行が来訪',
    '3,,,,,H20,,派遣,市議会訪問団を派遣',
    '4,,,,,令和3年,,受入,オンラインで友好交流会議',
    '5,,,,,R4,,派遣,青少年交流団を派遣',
    '6,,,,2023,令和4年,,派遣,市長が訪問',
    '7,,,,,,,受入,友好代表団が来訪',
    '8,,,,,年不詳,,受入,記念植樹',
  ].join('\r\n');

  it('takes the year of the 和暦 cell when the 年（西暦） cell is blank, instead of the row above', () => {
    const result = validateResult(readSheets([csvSheet('hand.csv', csv)], { home: '金沢市' }));
    assert.deepEqual(result.partnerships[0]!.events.map((e) => [e.line, e.year, e.text]), [
      [2, 2005, '経済視察団を派遣'],
      [3, 2006, '夏徳仁市長一行が来訪'],
      [4, 2008, '市議会訪問団を派遣'],
      [5, 2021, 'オンラインで友好交流会議'],
      [6, 2022, '青少年交流団を派遣'],
      [7, 2023, '市長が訪問'],
      [8, 2023, '友好代表団が来訪'],
    ]);
  });

  it('warns with YearMismatch on the line where the 和暦 names another year and uses the 年（西暦）, and does not guess a year for an unreadable 和暦', () => {
    const result = validateResult(readSheets([csvSheet('hand.csv', csv)], { home: '金沢市' }));
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.severity, d.line]), [['YearMismatch', 'warning', 7], ['UnparsedLine', 'warning', 9]]);
    assert.match(result.diagnostics[0]!.message, /令和4年 names 2022, not the year 2023 beside it; 2023 was used/);
  });

  it('reads the 和暦 of an XLSX event sheet and of its photo-record sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const events = wb.addWorksheet('大連市');
    events.addRow(['No.', '自治体', '相手都市', '提携種別', '年（西暦）', '和暦', '区分', '交流内容']);
    events.addRow([1, '金沢市', '大連市', '友好交流都市', 2019, '平成31年/令和元年', '派遣', '市長が訪問']);
    events.addRow([2, '金沢市', '大連市', '友好交流都市', null, '令和3年', '受入', '友好代表団が来訪']);
    const photos = wb.addWorksheet('交流の記録');
    photos.addRow(['自治体', '相手都市', '提携種別', '年（西暦）', '和暦', '写真説明', '交流 No.']);
    photos.addRow(['金沢市', '大連市', '友好交流都市', null, '令和3年', '歓迎会の様子', 2]);
    const sheets = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const result = validateResult(readSheets(sheets, { home: '金沢市' }));
    assert.deepEqual(result.diagnostics, []);
    const p = result.partnerships[0]!;
    assert.deepEqual(p.events.map((e) => [e.year, e.text]), [[2019, '市長が訪問'], [2021, '友好代表団が来訪']]);
    assert.deepEqual(p.records.map((r) => [r.year, r.caption, r.event]), [[2021, '歓迎会の様子', 1]]);
  });
});

describe('sheets: years written in two eras', () => {
  it('reads a 和暦 cell whose era years agree, and refuses the document at a row whose era years disagree', () => {
    const csv = '相手都市,年（西暦）,和暦,区分,交流内容\n大連市,,平成31年（令和元年）,派遣,市長が訪問\n大連市,,平成30年・令和元年,受入,代表団が来訪\n';
    const result = validateResult(readSheets([csvSheet('hand.csv', csv)], { home: '金沢市' }));
    assert.deepEqual(result.partnerships, []);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.code, d.severity]), [[3, 'EraYearsDisagree', 'error']]);
    const agreeing = validateResult(readSheets([csvSheet('hand.csv', csv.split('\n').slice(0, 2).join('\n'))], { home: '金沢市' }));
    assert.deepEqual(agreeing.diagnostics, []);
    assert.deepEqual(agreeing.partnerships[0]!.events.map((e) => [e.line, e.year, e.text]), [[2, 2019, '市長が訪問']]);
  });
});

describe('readSheets: a photo row whose 交流 No. and 関連する交流 disagree', () => {
  // The event sheet after a row was inserted after No.1 and the No. column renumbered 1..n (jeonju-renumbered.xlsx).
  const events = [
    'No.,相手都市,年（西暦）,区分,交流内容',
    '1,全州市,2017,派遣,市職員を派遣',
    '2,全州市,2017,受入,全州市長一行が来訪',
    '3,全州市,2017,受入,全州市文化使節団が来訪',
    '4,全州市,2018,受入,全州市議会議員団が来訪',
    '5,全州市,2018,受入,全州市議会議員団が来訪',
    '6,全州市,2021,相互,オンライン交流',
  ].join('\n');
  const read = (...photoRows: string[]) => {
    const photos = ['相手都市,年（西暦）,写真説明,交流 No.,関連する交流', ...photoRows].join('\n');
    const result = readSheets([csvSheet('t.csv', events), csvSheet('t.photos.csv', photos)], { home: '金沢市' });
    const p = result.partnerships[0]!;
    return { links: p.records.map((r) => (r.event === null ? null : p.events[r.event]!.text)), diagnostics: result.diagnostics };
  };

  it('links by the text when it names exactly one exchange of the year (or of another year), and warns naming both', () => {
    const { links, diagnostics } = read('全州市,2017,全州市庁舎前で記念撮影,2,市職員を派遣', '全州市,2019,オンライン交流会の様子,4,オンライン交流');
    assert.deepEqual(links, ['市職員を派遣', 'オンライン交流']);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.code, d.params?.decided, d.params?.year]), [
      [2, 'RecordLinkMismatch', 'text', 2017],
      [3, 'RecordLinkMismatch', 'text', 2021],
    ]);
    assert.match(diagnostics[0]!.message, /No\. 2 is 「全州市長一行が来訪」, but the 関連する交流 「市職員を派遣」 names another exchange/);
  });

  it('links by the No. when the text names no exchange (its old wording), and warns', () => {
    const { links, diagnostics } = read('全州市,2017,記念撮影,1,市職員2名を派遣');
    assert.deepEqual(links, ['市職員を派遣']);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.code, d.params?.decided]), [[2, 'RecordLinkMismatch', 'no']]);
  });

  it('links nothing when the text names several exchanges the No. is none of, and warns', () => {
    const { links, diagnostics } = read('全州市,2018,歓迎会,1,全州市議会議員団が来訪');
    assert.deepEqual(links, [null]);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.code, d.params?.decided, d.params?.count]), [[2, 'RecordLinkMismatch', 'none', 2]]);
  });

  it('is silent when they agree, when the No. is one of the exchanges the text names, or when either is blank', () => {
    const { links, diagnostics } = read('全州市,2017,a,1,市職員を派遣', '全州市,2018,b,5,全州市議会議員団が来訪', '全州市,2017,c,2,', '全州市,2017,d,,全州市文化使節団が来訪', '全州市,2017,e,1, 市職員を 派遣');
    assert.deepEqual(links, ['市職員を派遣', '全州市議会議員団が来訪', '全州市長一行が来訪', '全州市文化使節団が来訪', '市職員を派遣']);
    assert.deepEqual(diagnostics, []);
  });

  it('links by the text a No. no event has, and says so', () => {
    const { links, diagnostics } = read('全州市,2017,a,9,市職員を派遣', '全州市,2017,b,9,');
    assert.deepEqual(links, ['市職員を派遣', null]);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.code, d.params?.text]), [[2, 'RecordLinkNotFound', '市職員を派遣'], [3, 'RecordLinkNotFound', undefined]]);
    assert.match(diagnostics[0]!.message, /linked by its 関連する交流/);
    assert.match(diagnostics[1]!.message, /imported without a link/);
  });
});

describe('readSheets: the kind of a partnership', () => {
  it('gives no kind (\'\') when neither a 種別 column nor a title names one, so an import keeps the stored kind', () => {
    const result = readSheets([csvSheet('t.csv', '相手都市,年,区分,交流内容\n全州市,2017,派遣,市職員を派遣\n')], { home: '金沢市' });
    assert.equal(result.partnerships[0]!.kind, '');
    const titled = readSheets([csvSheet('t.csv', '姉妹都市全州市との歩み\n年,区分,交流内容\n2017,派遣,市職員を派遣\n')], { home: '金沢市' });
    assert.equal(titled.partnerships[0]!.kind, '姉妹都市');
    const column = readSheets([csvSheet('t.csv', '相手都市,提携種別,年,交流内容\n全州市,,2017,市職員を派遣\n,友好都市,2018,市長が訪問\n')], { home: '金沢市' });
    assert.equal(column.partnerships[0]!.kind, '友好都市', 'a kind given on a later row');
  });
});

describe('readSheets: columns it does not read', () => {
  it('notes a headed column with something in it (備考), on the header row, naming it and its cells; not an empty one, nor one it reads', () => {
    const csv = ['年,区分,交流内容,備考,担当', '2017,派遣,市職員を派遣,雨天,', '2018,受入,市長が来訪,,'].join('\n');
    const result = readSheets([csvSheet('ghent.csv', `友好都市ゲント市との歩み\n${csv}`)], { home: '金沢市' });
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.code, d.severity, d.params?.column, d.params?.cells]), [[2, 'ColumnNotRead', 'info', '備考', 1]]);
    assert.match(result.diagnostics[0]!.message, /^ghent\.csv: the column 「備考」 is not one Koryu reads; its 1 filled cell was not imported\./);
    assert.deepEqual(result.partnerships[0]!.events.map((e) => e.text), ['市職員を派遣', '市長が来訪']);
  });
});
