import { tokyoCalendarDate } from '../domain/anniversary.js';
import { anniversariesOf, type AnniversaryEntry, type AnniversarySource } from '../domain/anniversary.list.js';

/** How many years ahead the feed lists anniversaries. */
export const CALENDAR_YEARS_AHEAD = 10;
/**
 * How many years back: the anniversaries just passed, as the home page shows them. Every past one of a country's
 * record made a calendar of 13,000 events and 5 MB, more than calendar apps take from a subscription.
 */
export const CALENDAR_YEARS_BEHIND = 1;

/** RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as \n, other control characters (which TEXT does not allow, tab aside) left out. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/** Octets of one code point in UTF-8. */
const utf8Octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * One content line folded as RFC 5545 §3.1 asks: no line longer than 75 octets of UTF-8, each continuation
 * starting with a space, never splitting a character. A line of 25 UTF-16 units or fewer (at most 3 octets each)
 * is returned as it is; the octets of the others are counted from their code points, not encoded: the calendar of
 * a country's record has hundreds of thousands of lines.
 */
export function foldLine(line: string): string {
  if (line.length <= 25) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length; ) {
    const codePoint = line.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const size = utf8Octets(codePoint);
    const limit = parts.length === 0 ? 75 : 74; // a continuation's leading space counts
    if (octets + size > limit) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 0;
    }
    octets += size;
    i += width;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

const compact = (iso: string) => iso.replace(/-/g, '');
const nextDay = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(2000, m - 1, d + 1));
  t.setUTCFullYear(y);
  return t.toISOString().slice(0, 10);
};

/** The summary of an anniversary, in Japanese as the record is. */
function summaryOf(e: AnniversaryEntry): string {
  return e.source.kind === 'affiliation'
    ? `${e.source.partner} ${e.source.label}提携${e.years}周年`
    : `「${e.source.label}」（${e.source.partner}）${e.years}周年`;
}

/**
 * The start of `now`'s day in Japan (where the record's dates are; UTC+9, no summer time) as an iCalendar UTC time:
 * the calendar's DTSTAMP. Not `now` itself: the calendar stays the same bytes all day while the record is unchanged,
 * so a reader polling it is answered 304 (its ETag is that of the bytes).
 */
export function calendarStamp(now: Date): string {
  const { year, month, day } = tokyoCalendarDate(now);
  const start = new Date(Date.UTC(year, month - 1, day) - 9 * 3_600_000);
  return `${start.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

/**
 * The anniversaries of the sources as an iCalendar (RFC 5545) feed, from the year of `now` in Japan -
 * CALENDAR_YEARS_BEHIND through that year + CALENDAR_YEARS_AHEAD: all-day events on the day when it is known, else the whole year (the record gives only the
 * year of most agreements). CRLF line ends, folded lines. `host` makes the UIDs unique to this site. The same
 * sources give the same text all day long (calendarStamp).
 */
export function anniversaryCalendar(sources: readonly AnniversarySource[], now: Date, host: string): string {
  const stamp = calendarStamp(now);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Koryu//Anniversaries//JA', 'CALSCALE:GREGORIAN', 'X-WR-CALNAME:周年'];
  for (const source of sources) {
    for (const e of anniversariesOf(source, tokyoCalendarDate(now).year + CALENDAR_YEARS_AHEAD)) {
      if (e.year < tokyoCalendarDate(now).year - CALENDAR_YEARS_BEHIND) continue;
      const start = e.date ?? `${e.year}-01-01`;
      const end = e.date ? nextDay(e.date) : `${e.year + 1}-01-01`;
      const uid = `${source.kind}-${source.partnershipId}-${encodeURIComponent(source.label).replace(/%/g, '')}-${source.year}-${e.years}@${host}`;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${compact(start)}`,
        `DTEND;VALUE=DATE:${compact(end)}`,
        `SUMMARY:${escapeText(summaryOf(e))}`,
        ...(e.date ? [] : [`DESCRIPTION:${escapeText(`${source.year}年の${source.label}から${e.years}年（日付の記載なし）`)}`]),
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
