import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDocument, parseText } from './parse-document.js';

const seed = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url));
const { partnerships, diagnostics, encoding } = parseDocument(seed, { home: '金沢市' });
const p = partnerships[0]!;
const countBy = <T>(items: readonly T[], key: (t: T) => string | number) =>
  items.reduce<Record<string, number>>((acc, t) => ({ ...acc, [key(t)]: (acc[key(t)] ?? 0) + 1 }), {});

describe('the Kanazawa–Dalian document', () => {
  it('is one partnership: 金沢市 with 大連市, 友好交流都市, affiliated 2006-11-24', () => {
    assert.equal(encoding, 'utf-8');
    assert.equal(partnerships.length, 1, 'the repeated page header must not start a second partnership');
    assert.equal(p.home, '金沢市');
    assert.equal(p.partner, '大連市');
    assert.equal(p.kind, '友好交流都市');
    assert.equal(p.affiliatedOn, '2006-11-24');
  });

  it('has no error or warning diagnostics', () => {
    assert.deepEqual(diagnostics, []);
  });

  it('has exactly 60 events over 2006–2023, counted per year as the document lists them', () => {
    assert.equal(p.events.length, 60);
    assert.deepEqual(countBy(p.events, (e) => e.year), {
      2006: 3, 2007: 5, 2008: 3, 2009: 4, 2010: 4, 2011: 3, 2012: 3, 2013: 4, 2014: 4,
      2015: 4, 2016: 3, 2017: 7, 2018: 4, 2019: 5, 2020: 1, 2022: 1, 2023: 2,
    });
  });

  it('marks 2021 as the one year without exchange', () => {
    assert.deepEqual(p.noExchangeYears, [2021]);
    assert.equal(p.events.filter((e) => e.year === 2021).length, 0);
  });

  it('takes direction from the column: continuation rows are reception, `—` is unknown', () => {
    assert.deepEqual(countBy(p.events, (e) => e.direction), { dispatch: 27, reception: 31, unknown: 2 });
    assert.deepEqual(p.events.filter((e) => e.direction === 'unknown').map((e) => [e.year, e.text]), [
      [2020, '新型コロナウイルスへの支援として相互にマスクを送付'],
      [2022, '市教育委員会と大連市教育局がオンライン交流会を実施'],
    ]);
  });

  it('splits a cell into its events at spaces and keeps each event as written, with its source line', () => {
    assert.deepEqual(p.events.filter((e) => e.year === 2006).map((e) => [e.direction, e.text, e.line]), [
      ['dispatch', '市英語教育研修参加派遣団が訪問', 8],
      ['reception', 'ライフ&ファッションウィーク開会式に市代表団が参加', 9],
      ['reception', '夏市長が来訪し友好交流と協力に関する合意書に署名【友好交流都市協定を締結】', 9],
    ]);
    assert.deepEqual(p.events.filter((e) => e.year === 2017 && e.direction === 'reception').map((e) => e.text), [
      '大連大学日本語教師研修団が来訪',
      '大連東軟信息学院・大連工業大学日本語教師研修団',
      '大連市人民対外友好協会代表団が来訪',
      '中国国際貿易促進委員会大連市分会が訪問',
      '金沢マラソンに訪問団が参加',
    ]);
    const firstAfterPageBreak = p.events.find((e) => e.year === 2014)!;
    assert.equal(firstAfterPageBreak.line, 30);
    assert.ok(p.events.every((e) => e.date === null));
  });

  it('has 14 photo-record captions, without markup, whole even when they contain a space', () => {
    assert.equal(p.records.length, 14);
    assert.deepEqual(countBy(p.records, (r) => r.year), { 2006: 1, 2013: 1, 2016: 1, 2017: 4, 2018: 1, 2019: 2, 2020: 2, 2022: 1, 2023: 1 });
    assert.ok(p.records.every((r) => !/[<>]/.test(r.caption) && r.caption === r.caption.trim()));
    assert.deepEqual(p.records.filter((r) => r.year === 2019).map((r) => r.caption), ['大連市外事弁公室主任 市長表敬訪問', '大連マラソン派遣選手の帰国報告会']);
    assert.deepEqual(p.records.filter((r) => r.year === 2017).map((r) => [r.caption, r.line]), [
      ['大連国際マラソン大会に選手を派遣', 53],
      ['中国国際貿易促進委員会大連市分会が訪問', 53],
      ['対外友好協会代表団が来訪', 54],
      ['人民代表大会常務委員会が来訪', 54],
    ]);
    assert.equal(p.records.find((r) => r.year === 2023)?.caption, '中国国際貿易促進委員会大連市分会代表団が来訪');
  });

  it('reads the same document with CRLF line endings, a BOM or in Shift_JIS identically', () => {
    const text = seed.toString('utf8');
    const crlf = parseText(text.replace(/\n/g, '\r\n'), { home: '金沢市' });
    assert.deepEqual(crlf.partnerships, partnerships);
    const bom = parseDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seed]), { home: '金沢市' });
    assert.deepEqual(bom.partnerships, partnerships);
  });
});

describe('documents that cannot be imported', () => {
  const errorCodes = (bytes: Uint8Array) => parseDocument(bytes, { home: '金沢市' }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

  it('refuses empty, blank, binary, undecodable and oversized documents with one error each', () => {
    assert.deepEqual(errorCodes(new Uint8Array()), ['ImportEmpty']);
    assert.deepEqual(errorCodes(Buffer.from(' \n\t\n')), ['ImportEmpty']);
    assert.deepEqual(errorCodes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), ['ImportBinary']);
    assert.deepEqual(errorCodes(Buffer.from([0x41, 0x0a, 0xff, 0xfe, 0xfd, 0x80, 0x0a])), ['ImportInvalidEncoding']);
    assert.deepEqual(parseDocument(seed, { home: '金沢市', maxBytes: 100 }).diagnostics.map((d) => d.code), ['ImportTooLarge']);
  });

  it('refuses a document of only headers as holding nothing importable', () => {
    const headers = '友好交流都市大連市との歩み 交流年表\n\n友好交流都市提携：2006年（平成18年）11月24日\n\n年\t\t交流内容\n';
    const result = parseText(headers.repeat(2), { home: '金沢市' });
    assert.deepEqual(result.partnerships, []);
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['NothingImportable']);
  });

  it('reports the line of an invalid byte', () => {
    const bytes = Buffer.concat([Buffer.from('一行目\n二行目\n'), Buffer.from([0xff, 0xff, 0x80])]);
    const [d] = parseDocument(bytes, { home: '金沢市' }).diagnostics;
    assert.equal(d?.code, 'ImportInvalidEncoding');
    assert.equal(d?.line, 3);
  });

  it('reads year headings over dated lines whose date and text a tab separates, which the table layout finds nothing in', () => {
    const result = parseText('姉妹都市ナンシー市との交流\n2018年\n5月1日\t市長がナンシー市を訪問\n8月3日\tナンシー市訪問団が来訪\n', { home: '金沢市' });
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(
      result.partnerships[0]!.events.map((e) => [e.year, e.date, e.direction, e.text, e.line]),
      [
        [2018, '2018-05-01', 'dispatch', '市長がナンシー市を訪問', 3],
        [2018, '2018-08-03', 'reception', 'ナンシー市訪問団が来訪', 4],
      ],
    );
  });
});

describe('a table none of whose rows can be read', () => {
  it('is refused at the first row, not read as year headings with the cells in the events’ text', () => {
    const doc = '姉妹都市チョンジュ市との歩み\n\n年\t区分\t交流内容\n2019年春\t派遣\t市長が訪問 記念式典に出席\n\t受入\t訪問団が来訪\n';
    const r = parseText(doc, { home: '金沢市' });
    assert.deepEqual(r.partnerships, []);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code, d.severity]), [
      [4, 'UnparsedLine', 'warning'],
      [4, 'TableRowsUnread', 'error'],
      [5, 'UnparsedLine', 'warning'],
    ]);
    assert.match(r.diagnostics[1]!.message, /^Line 4 holds cells separated by a tab or \|/);
  });

  it('still reads year headings over dated lines whose date and text a tab separates', () => {
    const r = parseText('姉妹都市ゲント市との交流\n\n2019年\n5月1日\t市長がゲント市を訪問\n', { home: '金沢市' });
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.partnerships[0]!.events.map((e) => [e.line, e.year, e.date, e.text]), [[4, 2019, '2019-05-01', '市長がゲント市を訪問']]);
  });
});
