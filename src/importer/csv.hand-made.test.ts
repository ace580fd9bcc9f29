import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument, parseText } from './parse-document.js';

/** Shift_JIS bytes of ASCII and the few kanji and kana these documents use (no encoder ships with Node). */
const SJIS: Record<string, number[]> = {};
{
  // Built from the decoder: every two-byte Shift_JIS code, decoded once.
  const decoder = new TextDecoder('shift_jis');
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && SJIS[ch] === undefined) SJIS[ch] = [lead, trail];
    }
  }
}
const shiftJis = (text: string) => Uint8Array.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : SJIS[ch]!)));

const rows = [
  '平成29年度,5月20日,派遣,市民交流団がゲント市を訪問,',
  ',6月3日,相互,工芸品展を両市で開催,',
  '平成30年度,1月15日,受入,ゲント市長が来訪,',
];
const csv = (heading: string, body = rows) => ['姉妹都市ゲント市との交流,,,,', heading, ...body, ''].join('\r\n');
const events = (result: ReturnType<typeof parseText>) => result.partnerships.flatMap((p) => p.events.map((e) => [e.year, e.date, e.direction, e.text]));
const EXPECTED = [
  [2017, '2017-05-20', 'dispatch', '市民交流団がゲント市を訪問'],
  [2017, '2017-06-03', 'mutual', '工芸品展を両市で開催'],
  // 平成30年度 is April 2018 to March 2019: its January is 2019's, and the event stays under its fiscal year.
  [2018, '2019-01-15', 'reception', 'ゲント市長が来訪'],
];

describe('a CSV typed by hand in Excel and saved as Shift_JIS', () => {
  for (const heading of ['年度,月日,区分,内容,備考', '年度（和暦）,月日,区分,内容,備考', '年,月日,区分,内容,備考', '和暦,月日,区分,内容,備考']) {
    it(`reads the year column headed ${heading.split(',')[0]}, fiscal years with their dates`, () => {
      const result = parseDocument(shiftJis(csv(heading)), { home: '金沢市' });
      assert.equal(result.encoding, 'shift_jis');
      assert.deepEqual(result.diagnostics, []);
      assert.deepEqual(events(result), EXPECTED);
    });
  }

  it('is refused, naming its first row, when no heading names a year and an event column: its cells are never stored as an event', () => {
    const body = ['平成29年度', '5月20日,派遣,市民交流団がゲント市を訪問,', '6月3日,相互,工芸品展を両市で開催,'];
    const result = parseText(csv('期間,月日,区分,説明,備考', body), { home: '金沢市' });
    assert.deepEqual(result.partnerships, []);
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.severity, d.line]), [['UnreadableCsv', 'error', 1]]);
    assert.match(result.diagnostics[0]!.message, /^Line 1 .*年,区分,交流内容/);
  });

  it('leaves a timeline whose sentences hold a comma or two to the text layouts', () => {
    const text = ['姉妹都市ゲント市との交流', '2017年', '・市民交流団, 30名がゲント市を訪問', '2018年', '・工芸品展を両市で開催'].join('\n');
    const result = parseText(text, { home: '金沢市' });
    assert.equal(events(result).length, 2, JSON.stringify(result.diagnostics));
  });
});
