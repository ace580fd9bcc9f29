import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { AnniversarySource } from '../domain/anniversary.list.js';
import { anniversaryCalendar, calendarStamp, escapeText, foldLine } from './icalendar.js';

const affiliation: AnniversarySource = { kind: 'affiliation', partnershipId: 1, partner: '大連市', label: '友好交流都市', date: '2006-11-24', year: 2006 };
const agreement: AnniversarySource = { kind: 'agreement', partnershipId: 1, partner: '大連市', label: 'スポーツ交流の推進に関する合意書', date: null, year: 2016 };
const unfold = (text: string) => text.replace(/\r\n /g, '');
const octets = (s: string) => new TextEncoder().encode(s).length;

describe('anniversaryCalendar (RFC 5545)', () => {
  const ics = anniversaryCalendar([affiliation, agreement], new Date('2026-11-26T00:00:00Z'), 'koryu.example');

  it('ends every line with CRLF and no line is longer than 75 octets', () => {
    assert.ok(ics.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(ics), 'no bare LF');
    for (const line of ics.split('\r\n')) assert.ok(octets(line) <= 75, `${octets(line)} octets: ${line}`);
  });

  it('holds one all-day event per anniversary from last year through ten years ahead, on the day where it is known', () => {
    const text = unfold(ics);
    assert.equal(text.match(/BEGIN:VEVENT/g)?.length, 3 + 3); // 2026, 2031, 2036 for the affiliation (20th…30th) and for the agreement
    assert.doesNotMatch(text, /DTSTART;VALUE=DATE:2021/, 'the 15th, five years past, is left out');
    // A year later, the anniversaries of 2026 are last year's: still there.
    const later = unfold(anniversaryCalendar([affiliation, agreement], new Date('2027-11-26T00:00:00Z'), 'koryu.example'));
    assert.match(later, /DTSTART;VALUE=DATE:20261124\r\n/);
    assert.equal(later.match(/BEGIN:VEVENT/g)?.length, 3 + 3);
    assert.match(text, /DTSTART;VALUE=DATE:20261124\r\nDTEND;VALUE=DATE:20261125\r\nSUMMARY:大連市 友好交流都市提携20周年\r\n/);
    assert.match(text, /DTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20260102\r\nSUMMARY:「スポーツ交流の推進に関する合意書」（大連市）10周年（日付の記載なし）\r\n/);
    assert.match(text, /^BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:/);
    assert.match(text, /END:VCALENDAR\r\n$/);
  });

  it('puts an anniversary whose day is not recorded on 1 January alone, saying so, never over the whole year', () => {
    const events = unfold(ics).split('BEGIN:VEVENT').slice(1);
    const yearOnly = events.filter((e) => e.includes('合意書'));
    assert.equal(yearOnly.length, 3);
    for (const e of yearOnly) {
      const [, start, end] = /DTSTART;VALUE=DATE:(\d{8})\r\nDTEND;VALUE=DATE:(\d{8})/.exec(e)!;
      assert.match(start!, /0101$/);
      assert.equal(Number(end) - Number(start), 1, 'one day');
      assert.match(e, /DESCRIPTION:記録には2016年のスポーツ交流の推進に関する合意書とだけあり、日付の記載がありません。20\d\d年のいずれかの日が\d+周年です（このカレンダーでは1月1日に置いています）。\r\n/);
    }
    assert.ok(events.filter((e) => e.includes('友好交流都市提携')).every((e) => !e.includes('DESCRIPTION') && !e.includes('日付の記載なし')), 'a dated one is on its day, with no note');
  });

  it('writes the summaries and notes in English and Chinese, with the same UIDs and dates', () => {
    const now = new Date('2026-11-26T00:00:00Z');
    const en = unfold(anniversaryCalendar([affiliation, agreement], now, 'koryu.example', 'en'));
    const zh = unfold(anniversaryCalendar([affiliation, agreement], now, 'koryu.example', 'zh'));
    assert.match(en, /X-WR-CALNAME:Anniversaries\r\n/);
    assert.match(en, /SUMMARY:20th anniversary of the 友好交流都市 affiliation with 大連市\r\n/);
    assert.match(en, /SUMMARY:10th anniversary of “スポーツ交流の推進に関する合意書” \(大連市\) \(day not recorded\)\r\n/);
    assert.match(en, /DESCRIPTION:The record gives only the year of “スポーツ交流の推進に関する合意書” \(2016\)\\, not the day: its 10th anniversary falls on some day of 2026 \(this calendar puts it on 1 January\)\.\r\n/);
    assert.match(zh, /SUMMARY:与大連市缔结友好交流都市20周年\r\n/);
    assert.match(zh, /SUMMARY:“スポーツ交流の推進に関する合意書”（大連市）10周年（日期未记载）\r\n/);
    const fixed = (text: string) => (text.match(/^(UID|DTSTART|DTEND).*$/gm) ?? []).join('\n');
    assert.equal(fixed(en), fixed(unfold(ics)));
    assert.equal(fixed(zh), fixed(unfold(ics)));
    assert.doesNotMatch(en, /[\u3040-\u30ff]周年|提携/, 'no Japanese words but the names');
  });

  it('folds without splitting a character, and unfolds to the line it was', () => {
    const long = `SUMMARY:${'国際交流'.repeat(30)}`;
    const folded = foldLine(long);
    assert.ok(folded.split('\r\n').length > 1);
    assert.equal(unfold(folded), long);
    for (const part of folded.split('\r\n')) assert.ok(octets(part) <= 75);
  });

  it('folds any line greedily: at most 75 octets a line (the space included), each line as full as the next character allows, no character split', () => {
    const unit = fc.oneof(fc.constantFrom('a', 'é', '市', '𠮷', '\ud842', ' '), fc.string({ maxLength: 1, unit: 'binary' }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 120, size: 'max' }).map((units) => units.join('')), (line) => {
        const folded = foldLine(line);
        assert.equal(unfold(folded), line);
        const lines = folded.split('\r\n');
        const parts = lines.map((l, i) => (i === 0 ? l : l.slice(1)));
        let rest = line;
        parts.forEach((part, i) => {
          if (i > 0) assert.equal(lines[i]![0], ' ');
          assert.ok(octets(lines[i]!) <= 75, `line ${i} of ${JSON.stringify(line)} is too long`);
          assert.ok(rest.startsWith(part));
          rest = rest.slice(part.length);
          // A character that starts the next line would not have fitted on this one, and no pair is cut in two.
          const next = String.fromCodePoint(rest.codePointAt(0) ?? 0x20);
          if (i < parts.length - 1) assert.ok(octets(lines[i]!) + octets(next) > 75, `line ${i} of ${JSON.stringify(line)} could hold more`);
          if (i < parts.length - 1) assert.ok(!/[\ud800-\udbff]$/.test(part) || !/^[\udc00-\udfff]/.test(rest), 'a surrogate pair was split');
        });
      }),
      { numRuns: 2000 },
    );
    // 25 characters of three octets fill a line exactly; the 26th begins the next.
    assert.equal(foldLine('市'.repeat(25)), '市'.repeat(25));
    assert.equal(foldLine('市'.repeat(26)), `${'市'.repeat(25)}\r\n 市`);
  });

  it('is the same text all day in Japan (DTSTAMP is the start of the day there), so a reader polling it gets 304', () => {
    const at = (iso: string) => anniversaryCalendar([affiliation, agreement], new Date(iso), 'koryu.example');
    const day = at('2026-11-26T00:00:00+09:00');
    for (const iso of ['2026-11-26T00:00:01+09:00', '2026-11-26T12:34:56+09:00', '2026-11-26T23:59:59.999+09:00']) assert.equal(at(iso), day, iso);
    assert.match(day, /\r\nDTSTAMP:20261125T150000Z\r\n/);
    assert.notEqual(at('2026-11-27T00:00:00+09:00'), day, 'the next day');
    assert.equal(calendarStamp(new Date('2026-12-31T15:00:00Z')), '20261231T150000Z', 'New Year’s Day in Japan');
    assert.equal(calendarStamp(new Date('2026-12-31T14:59:59Z')), '20261230T150000Z');
  });

  it('lists anniversaries through ten years after the year in Japan, which begins nine hours before UTC’s', () => {
    const source: AnniversarySource = { ...agreement, year: 2017 }; // its 10th, 15th and 20th: 2027, 2032, 2037
    const last = (iso: string) => Math.max(...[...anniversaryCalendar([source], new Date(iso), 'x').matchAll(/DTSTART;VALUE=DATE:(\d{4})/g)].map((m) => Number(m[1])));
    assert.equal(last('2026-12-31T14:59:59Z'), 2032);
    assert.equal(last('2026-12-31T15:00:00Z'), 2037);
  });

  it('escapes what TEXT values must', () => {
    assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
  });

  it('leaves out the control characters TEXT does not allow (a form feed from a PDF), keeping tabs', () => {
    assert.equal(escapeText('合意書\x0c調印\u0001\u007f\t式\r\n'), '合意書調印\t式\\n');
    const text = anniversaryCalendar([{ ...agreement, label: 'スポーツ交流\x0cの推進に関する合意書' }], new Date('2026-11-26T00:00:00Z'), 'koryu.example');
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\u0000-\u0008\u000a-\u001f\u007f]/);
    assert.match(unfold(text), /SUMMARY:「スポーツ交流の推進に関する合意書」（大連市）10周年（日付の記載なし）\r\n/);
  });
});
