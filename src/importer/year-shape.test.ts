import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CORPUS_FORMATS, generateCorpus } from '../exports/corpus.generator.js';
import { decodeDocument } from './decode.js';
import { linesLayout } from './lines.layout.js';
import { readLine } from './lines.read.js';
import { parseText } from './parse-document.js';
import { splitLines } from './source-line.js';
import { readYearShape } from './year-shape.js';

const root = new URL('../../', import.meta.url);
const EXAMPLE = ['姉妹都市ゲント市との歩み', '', '平成28年', '4月1日 市長が訪問', '平生29年', '5月1日 市民団が訪問', '6月2日 青年団が来訪', '2O18年', '7月3日 文化交流団が来訪'].join('\n');

/** Every line of the bundled sample and of the fixtures, decoded as the importer decodes them, and each tab cell of them. */
function realLines(): string[] {
  const files = [new URL('samples/kanazawa-dalian.txt', root), ...readdirSync(new URL('test/fixtures/', root)).filter((f) => !f.endsWith('.ts')).map((f) => new URL(`test/fixtures/${f}`, root))];
  return files.flatMap((file) => {
    const text = decodeDocument(readFileSync(file), { maxBytes: 1 << 24 }).text ?? '';
    return text.split(/\r?\n/).flatMap((line) => [line, ...line.split('\t')]);
  });
}

describe('the shape of a year heading that cannot be read', () => {
  it('fits unknown eras sharing a character with an era, digits with letters among them, and years out of range', () => {
    const flagged: [string, string, string][] = [
      ['平生29年', 'era', '平生'],
      ['■平生29年（2017年）', 'era', '平生'],
      ['平静二十九年度', 'era', '平静'],
      ['照和50年', 'era', '照和'],
      ['今和2年の主な交流', 'era', '今和'],
      ['2O18年', 'letters', '2O18'],
      ['２Ｏ１８年度', 'letters', '2O18'],
      ['20l8年', 'letters', '20l8'],
      ['2〇18年', 'letters', '2〇18'],
      ['3018年', 'range', '3018'],
      ['202年', 'digits', '202'],
      ['20220年', 'digits', '20220'],
      ['２０２２２年度', 'digits', '20222'],
      ['2O220年', 'digits', '2O220'],
      ['令和99年', 'range', '令和'],
      ['R99年', 'range', 'R'],
    ];
    for (const [text, fault, written] of flagged) {
      const plain = readLine(text, undefined);
      assert.equal(plain.kind, 'badYear', text);
      assert.deepEqual(readYearShape(text.replace(/^■/, '')), { fault, written }, text);
    }
  });

  it('leaves alone lines that merely end in a number of years, and years it reads', () => {
    for (const text of ['提携40年', '交流10年', '創立50年', '市制60年', '提携30周年', '約10年', '第3年', '10年', '同年', '2018年', '平成29年', '令和元年度', 'H29年', '2019', '市長が訪問', '昭和64年1月8日 訪問', '2O18年に市長が訪問', '平生29年 市長が訪問したと記録にある']) {
      assert.equal(readYearShape(text) !== undefined && readLine(text, undefined).kind === 'badYear', false, text);
    }
    assert.equal(readLine('H29年', undefined).kind, 'year', 'an era initial heading is read');
    assert.equal(readLine('R1年度', undefined).kind, 'year');
    assert.equal(readLine('R1', undefined).kind, 'text', 'an initial without 年 stays text');
  });

  it('flags no line of the sample or of the fixtures', () => {
    const lines = realLines();
    assert.ok(lines.length > 200, `${lines.length} lines`);
    for (const line of lines) assert.notEqual(readLine(line, { year: 2019, fiscal: false }).kind, 'badYear', line);
  });

  it('flags no line and no event text the corpus generator writes, in any layout (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...CORPUS_FORMATS), (seed, format) => {
        for (const doc of generateCorpus({ partnerships: 3, years: 30, seed, formats: [format] })) {
          for (const line of doc.text.split('\n')) assert.notEqual(readLine(line, { year: 2019, fiscal: false }).kind, 'badYear', line);
          for (const e of doc.partnership.events) assert.equal(readYearShape(e.text), undefined, e.text);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('an unreadable year heading in a document of year headings', () => {
  it('is an error naming its line, and the document is refused whole', () => {
    const r = parseText(EXAMPLE, { home: '金沢市' });
    assert.deepEqual(r.partnerships, []);
    assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code, d.severity, d.excerpt]), [
      [5, 'UnreadableYearHeading', 'error', '平生29年'],
      [8, 'UnreadableYearHeading', 'error', '2O18年'],
    ]);
    assert.match(r.diagnostics[0]!.message, /^This looks like a year heading but cannot be read: 平生 is not an era/);
    assert.match(r.diagnostics[1]!.message, /2O18 has letters among its digits/);
  });

  it('is never text of the event before it, and the lines under it are not filed under the year before it', () => {
    const r = linesLayout.parse(splitLines(EXAMPLE), { home: '金沢市' });
    assert.deepEqual(r.partnerships[0]!.events.map((e) => [e.year, e.text]), [[2016, '市長が訪問']]);
  });

  it('refuses a heading of five or three digits (20220年, 202年), never keeping it as an exchange nor filing the lines under it under the year before', () => {
    for (const [typo, why] of [['20220年', /20220 has 5 digits, not 4/], ['202年', /202 has 3 digits, not 4/]] as const) {
      const doc = ['姉妹都市バッファロー市との歩み', '', '2019年', '4月20日 市民親善訪問団を派遣', '', typo, '10月1日 姉妹都市提携60周年記念式典を開催', '', '2023年', '7月15日 青少年交流団を派遣'].join('\n');
      const r = parseText(doc, { home: '金沢市' });
      assert.deepEqual(r.partnerships, [], typo);
      assert.deepEqual(r.diagnostics.map((d) => [d.line, d.code, d.severity, d.excerpt]), [[6, 'UnreadableYearHeading', 'error', typo]]);
      assert.match(r.diagnostics[0]!.message, why);
      const read = linesLayout.parse(splitLines(doc), { home: '金沢市' });
      assert.deepEqual(read.partnerships[0]!.events.map((e) => [e.year, e.text]), [[2019, '市民親善訪問団を派遣'], [2023, '青少年交流団を派遣']], typo);
    }
  });

  it('reads the lines again once a heading can be read', () => {
    const r = linesLayout.parse(splitLines(`${EXAMPLE}\n2019年\n8月4日 合唱団が来訪`), { home: '金沢市' });
    assert.deepEqual(r.partnerships[0]!.events.map((e) => [e.year, e.date, e.text]), [[2016, '2016-04-01', '市長が訪問'], [2019, '2019-08-04', '合唱団が来訪']]);
  });
});
