import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Diagnostic } from '../../domain/diagnostic.js';
import { parseDocument } from '../../importer/parse-document.js';
import { parseDocuments } from '../../services/documents.service.js';
import { diagnosticText } from './upload.messages.js';

/**
 * Messages staff can act on: limits as numbers (not the names of settings staff cannot see), a date that does not
 * exist said to be one, and a file of another kind told how to save it.
 */

const only = (diagnostics: readonly Diagnostic[], code: string): Diagnostic => {
  assert.deepEqual(diagnostics.map((d) => d.code), [code], JSON.stringify(diagnostics));
  return diagnostics[0]!;
};
const SETTING = /KORYU_/;

/** A ZIP archive of the given files, stored without compression (as a .docx or .xlsx is a ZIP of XML parts). */
function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const [nameBytes, data] = [Buffer.from(name), Buffer.from(text)];
    const crc = crc32(data);
    const local = fields(30, [[0, 0x04034b50, 4], [4, 20, 2], [14, crc, 4], [18, data.length, 4], [22, data.length, 4], [26, nameBytes.length, 2]]);
    const central = fields(46, [[0, 0x02014b50, 4], [4, 20, 2], [6, 20, 2], [16, crc, 4], [20, data.length, 4], [24, data.length, 4], [28, nameBytes.length, 2], [42, offset, 4]]);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = fields(22, [[0, 0x06054b50, 4], [8, centrals.length / 2, 2], [10, centrals.length / 2, 2], [12, directory.length, 4], [16, offset, 4]]);
  return Buffer.concat([...locals, directory, end]);
}

/** A record of `size` bytes with little-endian numbers at the offsets given: [offset, value, width]. */
function fields(size: number, values: [number, number, 2 | 4][]): Buffer {
  const b = Buffer.alloc(size);
  for (const [at, value, width] of values) {
    if (width === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value, at);
  }
  return b;
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** An OLE2 compound file (the Office 97–2003 container) whose directory names the given stream, as Excel's and Word's do. */
function ole2With(stream: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const entry = Buffer.alloc(128);
  Buffer.from(`${stream}\0`, 'utf16le').copy(entry);
  entry.writeUInt16LE((stream.length + 1) * 2, 64);
  return Buffer.concat([header, Buffer.alloc(512), entry, Buffer.alloc(384)]);
}

const DOCX = {
  '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>姉妹都市ゲント市との歩み</w:t></w:r></w:p></w:body></w:document>',
};
const OPTIONS = { home: '金沢市', maxDocumentBytes: 1 << 20 };

describe('import messages staff can act on', () => {
  it('gives a line that is too long its length and the limit in characters, in every language', () => {
    const doc = `姉妹都市ゲント市との歩み\n2019年\n${'市長が訪問'.repeat(4001)}\n`;
    const d = only(parseDocument(Buffer.from(doc), { home: '金沢市' }).diagnostics, 'LineTooLong');
    assert.equal(diagnosticText('ja', d).message, '行が長すぎます（20005文字。1行の上限は20000文字）。');
    assert.equal(diagnosticText('zh', d).message, '行过长（20005个字符，每行上限为20000个字符）。');
    const small = only(parseDocument(Buffer.from(doc), { home: '金沢市', maxLineLength: 500 }).diagnostics, 'LineTooLong');
    assert.match(diagnosticText('ja', small).message, /上限は500文字/);
  });

  it('gives a document too large and one with too many events their numbers, never the name of a setting', () => {
    const large = only(parseDocument(Buffer.alloc(3 * 1024 * 1024, 0x41), { home: '金沢市', maxBytes: 2 * 1024 * 1024 }).diagnostics, 'ImportTooLarge');
    assert.equal(diagnosticText('ja', large).message, '文書が大きすぎます（3 MB。上限は2 MB）。');
    const events = ['友好都市大連市との歩み', '2019年\t派遣\t市長が訪問', '2020年\t受入\t代表団が来訪', '2021年\t派遣\t研修団を派遣'].join('\n');
    const many = only(parseDocument(Buffer.from(events), { home: '金沢市', maxEvents: 2 }).diagnostics, 'TooManyEvents');
    assert.equal(diagnosticText('ja', many).message, '交流の件数（3件）が1回の取り込みの上限（2件）を超えています。');
    for (const d of [large, many]) for (const locale of ['ja', 'zh'] as const) assert.doesNotMatch(diagnosticText(locale, d).message, SETTING);
  });

  it('says that a date in a first cell does not exist, rather than that the cell is not a year', () => {
    const table = parseDocument(Buffer.from('友好都市大連市との歩み\n2023年1月5日\t派遣\t市長が訪問\n2023年2月30日\t受入\t代表団が来訪\n'), { home: '金沢市' });
    const d = only(table.diagnostics, 'UnparsedLine');
    assert.equal(d.message, "The first cell's date 2023年2月30日 does not exist (2023-02-30); the line was not imported.");
    assert.equal(diagnosticText('ja', d).message, '2023年2月30日という日付は存在しないため、この行は取り込みません。');
    assert.equal(diagnosticText('zh', d).message, '2023年2月30日这一日期不存在，此行未导入。');
    const pipe = parseDocument(Buffer.from('# 友好都市大連市との交流\n\n| 年 | 内容 |\n|---|---|\n| 2019年 | 市長が訪問 |\n| 2019/2/29 | 代表団が来訪 |\n'), { home: '金沢市' });
    assert.equal(only(pipe.diagnostics, 'UnparsedLine').message, "The first cell's date 2019/2/29 does not exist (2019-02-29); the row was not imported.");
    const lines = parseDocument(Buffer.from('姉妹都市ゲント市との歩み\n2019年\n2月29日 市長が訪問\n3月1日 代表団が来訪\n'), { home: '金沢市' });
    assert.equal(only(lines.diagnostics, 'UnparsedLine').message, 'The line starts with a date that does not exist (2019-02-29); it was not imported.');
    const first = parseDocument(Buffer.from('友好都市大連市との歩み\n2023年\t派遣\t市長が訪問\n元年\t受入\t代表団が来訪\n'), { home: '金沢市' });
    assert.equal(only(first.diagnostics, 'UnparsedLine').message, 'The first cell 「元年」 is not a year; the line was not imported. Write it as 2017年 or 平成29年.', 'a cell that is no date is named, with how to write it');
  });

  it('says that a sheet’s date that does not exist was left out of the event', async () => {
    const csv = '相手都市,年,日付,交流内容\r\n大連市,2023,2023年2月30日,市長が訪問\r\n';
    const [parsed] = await parseDocuments([{ name: 'hand.csv', bytes: Buffer.from(csv) }], OPTIONS);
    const d = only(parsed!.diagnostics, 'UnreadableDate');
    assert.equal(d.message, 'hand.csv: the date "2023年2月30日" does not exist (2023-02-30); the event was imported without one.');
    assert.equal(diagnosticText('ja', d).message, '2023年2月30日という日付は存在しないため、日付なしで交流を取り込みました。');
  });

  it('refuses a .docx as no workbook, telling staff to save the timeline as text', async () => {
    const [parsed] = await parseDocuments([{ name: '交流年表.docx', bytes: zipOf(DOCX) }], OPTIONS);
    const d = only(parsed!.diagnostics, 'ImportInvalidWorkbook');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /Word document \(\.docx\).*save the timeline as text/);
    assert.match(diagnosticText('ja', d).message, /^Wordの文書（\.docx）は取り込めません。年表をテキスト（\.txt）で保存する/);
    assert.match(diagnosticText('zh', d).message, /Word文档/);
  });

  it('refuses any other ZIP archive without a worksheet as no workbook, not as nothing importable', async () => {
    const [parsed] = await parseDocuments([{ name: 'photos.zip', bytes: zipOf({ 'memo.txt': '姉妹都市ゲント市との歩み' }) }], OPTIONS);
    const d = only(parsed!.diagnostics, 'ImportInvalidWorkbook');
    assert.match(diagnosticText('ja', d).message, /ブックとして読み取れません/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('大連').addRow(['相手都市', '年', '交流内容']);
    wb.getWorksheet('大連')!.addRow(['大連市', 2019, '市長が訪問']);
    const [book] = await parseDocuments([{ name: 'book.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }], OPTIONS);
    assert.deepEqual(book!.diagnostics, [], 'a workbook is read as before');
  });

  it('refuses an Excel 97–2003 workbook (.xls) with the hint to save it as .xlsx, and leaves other old Office files binary', async () => {
    for (const stream of ['Workbook', 'Book']) {
      const d = only(parseDocument(ole2With(stream), { home: '金沢市' }).diagnostics, 'ImportInvalidWorkbook');
      assert.match(d.message, /Excel 97–2003 workbook \(\.xls\).*save it as an Excel workbook \(\.xlsx\)/);
      assert.match(diagnosticText('ja', d).message, /古い形式のExcelブック（\.xls）は読み取れません。.*「Excel ブック（\.xlsx）」を選んで保存/);
      assert.match(diagnosticText('zh', d).message, /旧格式的Excel工作簿（\.xls）/);
    }
    const [viaService] = await parseDocuments([{ name: '交流年表.xls', bytes: ole2With('Workbook') }], OPTIONS);
    only(viaService!.diagnostics, 'ImportInvalidWorkbook');
    only(parseDocument(ole2With('WordDocument'), { home: '金沢市' }).diagnostics, 'ImportBinary');
  });

  it('refuses a PDF saying how to import its text, and leaves other binary files with the plain message', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), Buffer.from([0, 1, 2, 3])]);
    const d = only(parseDocument(pdf, { home: '金沢市' }).diagnostics, 'ImportBinary');
    assert.equal(d.params?.kind, 'pdf');
    assert.match(d.message, /is a PDF.*copy it into a text file \(\.txt\)/);
    assert.match(diagnosticText('ja', d).message, /^PDFファイルは取り込めません。PDFを開いて文字をすべて選んでコピーし、テキストファイル（\.txt）に貼り付けて保存してから/);
    assert.match(diagnosticText('zh', d).message, /^无法导入PDF文件。/);
    const png = only(parseDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), { home: '金沢市' }).diagnostics, 'ImportBinary');
    assert.equal(diagnosticText('ja', png).message, 'テキストではなくバイナリのファイルです。');
  });
});
