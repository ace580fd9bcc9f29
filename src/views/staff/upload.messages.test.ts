import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../domain/diagnostic.js';
import { parseDocument } from '../../importer/parse-document.js';
import { parseDocuments } from '../../services/documents.service.js';
import { diagnosticText } from './upload.messages.js';

/**
 * The web import's diagnostics in Japanese and Chinese are chosen by code alone, so each code must stand for one
 * situation: these tests read real documents and check that the sentence shown says what the importer did.
 */

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** The codes the importer's sources pass to diagnostic(…), note(…) or a sheet's warn(…, code). */
function emittedCodes(): Set<string> {
  const files = [
    ...readdirSync(new URL('src/importer/', root)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => `src/importer/${f}`),
    'src/services/documents.service.ts',
    'src/services/no-exchange-years.ts',
  ];
  const codes = new Set<string>();
  for (const file of files) {
    const text = read(file);
    for (const m of text.matchAll(/\b(?:diagnostic|note)\(\s*'(\w+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/\bwarn\(.*?, '([A-Z]\w+)'(?:\);|, )/g)) codes.add(m[1]!);
    // Codes chosen by a variable are in its literal union, as in `code: DiagnosticCode = 'UnparsedLine'`.
    for (const m of text.matchAll(/DiagnosticCode\s*=\s*'(\w+)'/g)) codes.add(m[1]!);
  }
  return codes;
}

const one = (diagnostics: readonly Diagnostic[], code: string): Diagnostic => {
  const found = diagnostics.find((d) => d.code === code);
  assert.ok(found, `no ${code} in ${JSON.stringify(diagnostics.map((d) => [d.line, d.code, d.message]))}`);
  return found;
};

describe('the import diagnostics in Japanese and Chinese', () => {
  it('has a sentence in ja and zh for every code the importer emits, each code its own, and each code documented', () => {
    const emitted = emittedCodes();
    assert.ok(emitted.size >= 15, `the scan found only ${[...emitted].join(', ')}`);
    assert.deepEqual([...emitted].filter((c) => !(DIAGNOSTIC_CODES as readonly string[]).includes(c)), [], 'emitted codes missing from DIAGNOSTIC_CODES');
    assert.deepEqual(DIAGNOSTIC_CODES.filter((c) => !emitted.has(c)), [], 'codes the importer no longer emits (or the scan missed)');
    const documented = read('docs/format.md');
    for (const locale of ['ja', 'zh'] as const) {
      const sentences = new Map<string, string>();
      for (const code of DIAGNOSTIC_CODES) {
        const { message } = diagnosticText(locale, { code, severity: 'warning', line: 3, message: 'English detail', excerpt: '' });
        assert.ok(message && message !== 'English detail', `${locale} ${code}: no sentence`);
        assert.equal(sentences.get(message), undefined, `${locale}: ${code} and ${sentences.get(message)} say the same`);
        sentences.set(message, code);
      }
    }
    for (const code of DIAGNOSTIC_CODES) assert.ok(documented.includes(`| \`${code}\` |`), `${code} is not in docs/format.md's diagnostic codes`);
  });

  it('says that a dated line outside its year heading took the date’s year, not that an era year disagreed', () => {
    const doc = ['姉妹都市イルクーツク市との交流', '', '■2019年', '2018.12.24. クリスマス音楽会を開催'].join('\n');
    const result = parseDocument(Buffer.from(doc), { home: '金沢市' });
    const d = one(result.diagnostics, 'DateOutsideYear');
    assert.equal(d.line, 4);
    assert.match(d.message, /lies outside the year 2019 .*2018 was used/);
    assert.ok(!result.diagnostics.some((x) => x.code === 'YearMismatch'));
    assert.equal(diagnosticText('ja', d).message, '日付が、見出しの年の範囲外です。日付の年を使いました。');
    assert.doesNotMatch(diagnosticText('ja', d).message, /和暦/);
    assert.doesNotMatch(diagnosticText('zh', d).message, /年号/);
  });

  it('says that a photo record naming no event was imported without a link, not that its line was dropped', async () => {
    const events = '\uFEFFNo.,自治体,相手都市,提携種別,年（西暦）,区分,交流内容\r\n1,金沢市,大連市,友好交流都市,2006,派遣,市長が訪問\r\n2,金沢市,大連市,友好交流都市,2007,受入,代表団が来訪\r\n';
    const photos = '\uFEFF自治体,相手都市,提携種別,年（西暦）,写真説明,交流 No.\r\n金沢市,大連市,友好交流都市,2007,歓迎会,3\r\n';
    const [parsed] = await parseDocuments([{ name: 'koryu.csv', bytes: Buffer.from(events) }, { name: 'koryu.photos.csv', bytes: Buffer.from(photos) }], { home: '金沢市', maxDocumentBytes: 1 << 20 });
    const d = one(parsed!.diagnostics, 'RecordLinkNotFound');
    assert.match(d.message, /no event has No\. 3; the photo record was imported without a link/);
    assert.deepEqual(parsed!.partnerships[0]!.records.map((r) => [r.caption, r.event]), [['歓迎会', null]], 'the record is imported');
    assert.equal(diagnosticText('ja', d).message, '写真の記録の「交流 No.」（3）にあたる交流がないため、交流と結び付けずに取り込みました。');
    assert.doesNotMatch(diagnosticText('ja', d).message, /取り込みません/);
    assert.doesNotMatch(diagnosticText('zh', d).message, /未导入/);
  });

  it('says which exchange a photo row was linked to when its 交流 No. and 関連する交流 disagree, and what to correct', async () => {
    const events = 'No.,相手都市,年（西暦）,区分,交流内容\n1,全州市,2017,派遣,市職員を派遣\n2,全州市,2017,受入,全州市長一行が来訪\n3,全州市,2018,受入,議員団が来訪\n4,全州市,2018,受入,議員団が来訪\n';
    const photos = '相手都市,年（西暦）,写真説明,交流 No.,関連する交流\n全州市,2017,記念撮影,2,市職員を派遣\n全州市,2017,庁舎前,1,市職員2名を派遣\n全州市,2018,歓迎会,1,議員団が来訪\n';
    const [parsed] = await parseDocuments([{ name: 't.csv', bytes: Buffer.from(events) }, { name: 't.photos.csv', bytes: Buffer.from(photos) }], { home: '金沢市', maxDocumentBytes: 1 << 20 });
    const [text, no, none] = parsed!.diagnostics.filter((d) => d.code === 'RecordLinkMismatch');
    assert.ok(text && no && none, JSON.stringify(parsed!.diagnostics));
    assert.equal(
      diagnosticText('ja', text).message,
      '「交流 No.」の2は「全州市長一行が来訪」ですが、「関連する交流」は2017年の別の交流「市職員を派遣」を指しているため、「市職員を派遣」と結び付けました。交流の表で番号を振り直していないか確かめ、交流 No. を直してください。',
    );
    assert.equal(diagnosticText('ja', no).message, '「関連する交流」の「市職員2名を派遣」にあたる交流がないため、「交流 No.」の1（「市職員を派遣」）と結び付けました。写真が別の交流のものなら、どちらかの欄を直してください。');
    assert.match(diagnosticText('ja', none).message, /「議員団が来訪」は2018年に2件あり、どの交流か決められないため、交流と結び付けずに取り込みました。/);
    assert.match(diagnosticText('zh', text).message, /已关联到“市職員を派遣”/);
  });

  it('says that a column of a hand-made sheet it does not read (備考) was left out, and where to write what should be kept', async () => {
    const [parsed] = await parseDocuments([{ name: 'ghent.csv', bytes: Buffer.from('友好都市ゲント市との歩み\n年,区分,交流内容,備考\n2017,派遣,市職員を派遣,雨天\n') }], { home: '金沢市', maxDocumentBytes: 1 << 20 });
    const d = one(parsed!.diagnostics, 'ColumnNotRead');
    assert.equal(diagnosticText('ja', d).message, '「備考」の列は取り込む対象ではないため、その列に書かれた1件の内容は取り込みませんでした。残したい内容は「交流内容」（写真の表では「写真説明」）の欄に書き加えてください。');
    assert.match(diagnosticText('zh', d).message, /^“備考”列不在导入范围内/);
  });

  it('says that a pipe row missing a cell was imported as the event’s text, not that it was dropped', () => {
    const doc = ['# 友好都市大連市との交流', '', '| 年 | 区分 | 内容 |', '|---|---|---|', '| 2019年 | 受入 | 市長が来訪 |', '| 2020年 | ナンシー市訪問団が金沢市を訪問 |'].join('\n');
    const result = parseDocument(Buffer.from(doc), { home: '金沢市' });
    const d = one(result.diagnostics, 'RowMissingCells');
    assert.equal(d.line, 6);
    assert.match(d.message, /was imported as the event's text/);
    assert.ok(result.partnerships[0]!.events.some((e) => e.text === 'ナンシー市訪問団が金沢市を訪問'));
    assert.match(diagnosticText('ja', d).message, /交流内容として取り込み/);
    assert.doesNotMatch(diagnosticText('ja', d).message, /取り込みません/);
    assert.doesNotMatch(diagnosticText('zh', d).message, /未导入/);
  });

  it('says that a sheet’s unreadable date left the event without a date, and that a sheet without headings was not read', async () => {
    const csv = '相手都市,年,日付,交流内容\r\n大連市,2006,いつか,市長が訪問\r\n';
    const [parsed] = await parseDocuments([{ name: 'hand.csv', bytes: Buffer.from(csv) }], { home: '金沢市', maxDocumentBytes: 1 << 20 });
    const d = one(parsed!.diagnostics, 'UnreadableDate');
    assert.equal(parsed!.partnerships[0]!.events.length, 1);
    assert.match(diagnosticText('ja', d).message, /日付なしで交流を取り込みました/);

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('大連市').addRow(['相手都市', '年', '交流内容']);
    wb.getWorksheet('大連市')!.addRow(['大連市', 2006, '市長が訪問']);
    wb.addWorksheet('メモ').addRow(['担当者への連絡事項']);
    const [book] = await parseDocuments([{ name: 'book.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }], { home: '金沢市', maxDocumentBytes: 1 << 20 });
    const notRead = one(book!.diagnostics, 'SheetNotRead');
    assert.match(notRead.message, /^メモ: no header row/);
    assert.equal(diagnosticText('ja', notRead).message, '年と交流内容（または写真説明）の見出し行がないため、このシートは読み取りませんでした。');
  });

  it('says in Japanese and Chinese which era a date lies outside, and which date was read', () => {
    const doc = ['姉妹都市ゲント市との歩み', '', '令和元年', '令和元年4月30日 市長が訪問', '平成35年', '5月1日 市民団が訪問'].join('\n');
    const result = parseDocument(Buffer.from(doc), { home: '金沢市' });
    const [before, after] = result.diagnostics.filter((d) => d.code === 'EraOutOfRange');
    assert.ok(before && after, JSON.stringify(result.diagnostics));
    assert.equal(diagnosticText('ja', before).message, '令和元年4月30日は令和の始まり（2019年5月1日）より前です。2019年4月30日（平成31年4月30日）として読みました。');
    assert.equal(diagnosticText('ja', after).message, '平成35年は平成の終わり（2019年4月30日）より後です。2023年（令和5年）として読みました。');
    assert.equal(diagnosticText('zh', before).message, '令和元年4月30日早于令和的开始（2019年5月1日）。已按2019年4月30日（平成31年4月30日）读取。');
    assert.equal(diagnosticText('zh', after).message, '平成35年晚于平成的结束（2019年4月30日）。已按2023年（令和5年）读取。');
    assert.ok(!result.diagnostics.some((d) => d.code === 'YearMismatch'), 'not the 和暦と西暦が一致しません sentence');
  });

  it('says in Japanese and Chinese that a line looks like a year heading but cannot be read, and why', () => {
    const doc = ['姉妹都市ゲント市との歩み', '', '平成28年', '4月1日 市長が訪問', '平生29年', '5月1日 市民団が訪問', '2O18年', '7月3日 文化交流団が来訪'].join('\n');
    const result = parseDocument(Buffer.from(doc), { home: '金沢市' });
    const [era, letters] = result.diagnostics;
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.code, d.severity]), [[5, 'UnreadableYearHeading', 'error'], [7, 'UnreadableYearHeading', 'error']]);
    assert.match(diagnosticText('ja', era!).message, /^年の見出しのようですが、読み取れません（「平生」は元号ではありません）。.*文書全体を取り込みませんでした/);
    assert.match(diagnosticText('ja', letters!).message, /（「2O18」の数字に英字が混じっています）/);
    assert.match(diagnosticText('zh', era!).message, /^此行看似年份标题，但无法读取（“平生”不是日本年号）.*整个文档均未导入/);
    const [digits] = parseDocument(Buffer.from(['姉妹都市ゲント市との歩み', '2021年', '5月1日 A団が来訪', '20222年', '6月1日 B団を派遣'].join('\n')), { home: '金沢市' }).diagnostics;
    assert.match(diagnosticText('ja', digits!).message, /^年の見出しのようですが、読み取れません（「20222」は5桁で、4桁の西暦になっていません）。/);
    assert.match(diagnosticText('zh', digits!).message, /（“20222”是5位数，公历年份应为4位数）/);
  });

  it('says that a row continuing a year that could not be read was left out for that reason, naming the line', () => {
    const doc = ['友好都市大連市との歩み', '2016年\t派遣\t市長が訪問', '2017ねん\t受入\t代表団が来訪', '\t派遣\t青年団が訪問'].join('\n');
    const result = parseDocument(Buffer.from(doc), { home: '金沢市' });
    const d = result.diagnostics.find((x) => x.line === 4);
    assert.ok(d);
    assert.equal(diagnosticText('ja', d).message, '上の年（3行目）が読み取れなかったため、その年を引き継ぐこの行も取り込みません（前の年に入らないように）。');
    assert.equal(diagnosticText('zh', d).message, '上方的年份（第3行）无法读取，因此沿用该年份的此行也未导入（以免归入更早的年份）。');
    assert.equal(diagnosticText('ja', result.diagnostics.find((x) => x.line === 3)!).message, '最初の列の「2017ねん」が年として読み取れないため、この行は取り込みません。2017年、平成29年などと書いてください。');
  });

  it('says in Japanese and Chinese why a line was not read: no year above it, a year without content, a sentence led by a year', () => {
    const table = parseDocument(Buffer.from(['友好都市大連市との歩み', '年\t区分\t交流内容', '\t派遣\t市長が訪問', '2016年\t派遣\t市長が訪問', '2017年\t\t'].join('\n')), { home: '金沢市' });
    const at = (r: typeof table, line: number) => r.diagnostics.find((x) => x.line === line && x.code === 'UnparsedLine');
    assert.equal(diagnosticText('ja', at(table, 3)!).message, 'この行の上に年（年の見出しや年の列）がないため、どの年の交流か分からず、取り込みません。');
    assert.equal(diagnosticText('zh', at(table, 3)!).message, '此行上方没有年份（年份标题或年份列），无法确定属于哪一年，未导入。');
    assert.equal(diagnosticText('ja', at(table, 5)!).message, '年はありますが交流の内容がないため、この行は取り込みません。');
    const lines = parseDocument(Buffer.from(['姉妹都市ゲント市との歩み', '', '2019年', '5月 市民団を派遣', '2023年に、市長がバッファロー市を訪問する予定です。'].join('\n')), { home: '金沢市' });
    // (2023年に、市長がバッファロー市を訪問しました。 is an exchange of 2023, as 2023年5月、… is: see year-sentence.test.ts.)
    const sentence = lines.diagnostics.find((x) => x.code === 'NotAnExchange' && x.line === 5);
    assert.ok(sentence, JSON.stringify(lines.diagnostics));
    assert.equal(sentence.severity, 'warning', 'a sentence that may tell of an exchange is a warning, not a note');
    assert.match(diagnosticText('ja', sentence).message, /年だけを上の行に書いて（2023年）/);
    assert.match(diagnosticText('zh', sentence).message, /请将年份单独写在上一行/);
    assert.match(diagnosticText('en', sentence).message, /put the year on a line of its own/);
  });

  it('says that a ZIP file which is not a workbook could not be read as one, not that it is not text', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a workbook')]);
    const [parsed] = await parseDocuments([{ name: 'broken.xlsx', bytes: zip }], { home: '金沢市', maxDocumentBytes: 1 << 20 });
    const d = one(parsed!.diagnostics, 'ImportInvalidWorkbook');
    assert.equal(d.severity, 'error');
    assert.match(diagnosticText('ja', d).message, /ブックとして読み取れません/);
  });
});
