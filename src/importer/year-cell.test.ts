import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnosticText } from '../views/staff/upload.messages.js';
import { parseText } from './parse-document.js';

const TITLE = '姉妹都市ゲント市との交流';
const read = (lines: string[]) => parseText(lines.join('\n'), { home: '金沢市' });
const warnings = (result: ReturnType<typeof read>) => result.diagnostics.map((d) => [d.line, d.code, d.params?.cell]);
const texts = (result: ReturnType<typeof read>) => result.partnerships.flatMap((p) => p.events.map((e) => e.text));

describe('a row whose year cell is 年 alone', () => {
  it('is warned of, naming the line and the cell, in a tab table', () => {
    const result = read([TITLE, '', '年\t区分\t交流内容', '2017年\t派遣\t市長が訪問', '年\t受入\t州立大学の学生が来訪', '2018年\t派遣\t市民交流団が訪問']);
    assert.deepEqual(texts(result), ['市長が訪問', '市民交流団が訪問']);
    assert.deepEqual(warnings(result), [[5, 'UnparsedLine', '年']]);
    assert.equal(diagnosticText('ja', result.diagnostics[0]!).message, '最初の列の「年」が年として読み取れないため、この行は取り込みません。2017年、平成29年などと書いてください。');
  });

  it('is warned of in a pipe table', () => {
    const result = read([TITLE, '', '| 年 | 区分 | 交流内容 |', '|---|---|---|', '| 2017年 | 派遣 | 市長が訪問 |', '| 年 | 受入 | 州立大学の学生が来訪 |']);
    assert.deepEqual(texts(result), ['市長が訪問']);
    assert.deepEqual(warnings(result), [[6, 'UnparsedLine', '年']]);
  });

  it('is warned of, and not imported as an event’s text, among lines under year headings', () => {
    const result = read([TITLE, '', '2017年', '・市長が訪問', '年 受入 州立大学の学生が来訪']);
    assert.deepEqual(texts(result), ['市長が訪問']);
    assert.deepEqual(warnings(result), [[5, 'UnparsedLine', '年']]);
  });

  it('leaves the header rows as headers: 年→区分→交流内容, | 年 | 派遣・受入 | 内容 |', () => {
    assert.deepEqual(read([TITLE, '年\t区分\t交流内容', '2017年\t派遣\t市長が訪問']).diagnostics, []);
    assert.deepEqual(read([TITLE, '| 年 | 派遣・受入 | 内容 |', '|---|---|---|', '| 2017年 | 派遣 | 市長が訪問 |']).diagnostics, []);
  });
});

describe('a year cell typed with a look-alike of a numeral', () => {
  it('says which character is not the numeral, in English, Japanese and Chinese', () => {
    const result = read([TITLE, '', '年\t区分\t交流内容', '2017年\t派遣\t市長が訪問', 'ニ〇一九\t受入\t州立大学の学生が来訪']);
    const [d] = result.diagnostics;
    assert.deepEqual([d!.line, d!.params], [5, { reason: 'notAYear', cell: 'ニ〇一九', lookalike: 'ニ', meant: '二' }]);
    assert.match(d!.message, /「ニ〇一九」 is not a year \(「ニ」 is not 「二」\)/);
    assert.equal(diagnosticText('ja', d!).message, '最初の列の「ニ〇一九」が年として読み取れないため、この行は取り込みません。「ニ」は「二」ではありません。2017年、平成29年などと書いてください。');
    assert.equal(diagnosticText('zh', d!).message, '第一列的“ニ〇一九”无法读取为年份，此行未导入。“ニ”不是“二”。请写作2017年、平成29年等。');
  });

  it('is named in a sheet too, with its column', () => {
    const result = read(['相手都市,年,区分,交流内容', 'ゲント市,2017,派遣,市長が訪問', ',ニ〇一九,受入,州立大学の学生が来訪']);
    const [d] = result.diagnostics;
    assert.deepEqual([d!.line, d!.params?.reason, d!.params?.cell], [3, 'yearCell', 'ニ〇一九']);
    assert.equal(diagnosticText('ja', d!).message, '「年」の列の「ニ〇一九」が年として読み取れないため、この行は取り込みません。「ニ」は「二」ではありません。2017年、平成29年などと書いてください。');
  });
});

describe('a year cell whose look-alikes tell the year meant (2O07年)', () => {
  it('suggests that year with its era, not 2017年, in a table row and in a sheet', () => {
    const result = read([TITLE, '', '年\t区分\t交流内容', '2006年\t派遣\t市長が訪問', '2O07年\t派遣\t職員相互派遣研修']);
    const [d] = result.diagnostics;
    assert.deepEqual([d!.line, d!.params?.meantYear], [5, 2007]);
    assert.match(d!.message, /Write it as 2007年 \(平成19年\) if that is the year meant\./);
    assert.equal(diagnosticText('ja', d!).message, '最初の列の「2O07年」が年として読み取れないため、この行は取り込みません。「O」は「0」ではありません。2007年（平成19年）のことなら、そう書いてください。');
    assert.equal(diagnosticText('zh', d!).message, '第一列的“2O07年”无法读取为年份，此行未导入。“O”不是“0”。如果指的是2007年（平成19年），请这样写。');
    const sheet = read(['相手都市,年,区分,交流内容', 'ゲント市,2017,派遣,市長が訪問', ',２０l９年度,受入,州立大学の学生が来訪']).diagnostics[0]!;
    assert.deepEqual([sheet.params?.reason, sheet.params?.meantYear], ['yearCell', 2019]);
    assert.match(diagnosticText('ja', sheet).message, /2019年（平成31年\/令和元年）のことなら、そう書いてください。$/);
  });

  it('suggests no year where none is told: ニ〇一九 (a kanji look-alike), 3O18 (out of range), 2017ねん', () => {
    const rows = ['ニ〇一九\t受入\ta', '3O18年\t受入\tb', '2017ねん\t受入\tc'];
    const result = read([TITLE, '', '年\t区分\t交流内容', '2006年\t派遣\t市長が訪問', ...rows]);
    assert.deepEqual(result.diagnostics.map((d) => d.params?.meantYear), [undefined, undefined, undefined]);
  });
});

describe('a year heading typed with a look-alike of a kanji numeral', () => {
  it('refuses the document at the heading, saying which character is not the numeral', () => {
    const result = read([TITLE, '', 'ニ〇一九年', '・市長が訪問', '2020年', '・市民交流団が訪問']);
    assert.deepEqual(result.partnerships, []);
    const [d] = result.diagnostics.filter((x) => x.severity === 'error');
    assert.deepEqual([d!.line, d!.code, d!.params?.fault, d!.params?.lookalike], [3, 'UnreadableYearHeading', 'lookalike', 'ニ']);
    assert.match(diagnosticText('ja', d!).message, /^年の見出しのようですが、読み取れません（「ニ〇一九」の「ニ」は漢数字の「二」ではありません）。/);
    assert.match(d!.message, /in ニ〇一九, 「ニ」 is not the numeral 「二」/);
  });
});
