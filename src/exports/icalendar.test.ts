import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnniversarySource } from '../domain/anniversary.list.js';
import { anniversaryCalendar, escapeText, foldLine } from './icalendar.js';

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

  it('holds one all-day event per anniversary through ten years ahead, on the day where it is known', () => {
    const text = unfold(ics);
    assert.equal(text.match(/BEGIN:VEVENT/g)?.length, 5 + 3); // 2016–2036 for the affiliation (10th…30th); 2026, 2031, 2036 for the agreement
    assert.match(text, /DTSTART;VALUE=DATE:20261124\r\nDTEND;VALUE=DATE:20261125\r\nSUMMARY:大連市 友好交流都市提携20周年\r\n/);
    assert.match(text, /DTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20270101\r\nSUMMARY:「スポーツ交流の推進に関する合意書」（大連市）10周年\r\n/);
    assert.match(text, /^BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:/);
    assert.match(text, /END:VCALENDAR\r\n$/);
  });

  it('folds without splitting a character, and unfolds to the line it was', () => {
    const long = `SUMMARY:${'国際交流'.repeat(30)}`;
    const folded = foldLine(long);
    assert.ok(folded.split('\r\n').length > 1);
    assert.equal(unfold(folded), long);
    for (const part of folded.split('\r\n')) assert.ok(octets(part) <= 75);
  });

  it('escapes what TEXT values must', () => {
    assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
  });
});
