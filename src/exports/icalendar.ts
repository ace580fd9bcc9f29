import { tokyoCalendarDate } from '../domain/anniversary.js';
import { pluralRules } from '../domain/intl.cache.js';
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

/** The languages the calendar is written in: its summaries and notes; names stay as the record writes them. */
export const CALENDAR_LOCALES = ['ja', 'en', 'zh'] as const;
export type CalendarLocale = (typeof CALENDAR_LOCALES)[number];

const ORDINAL_SUFFIX: Readonly<Record<string, string>> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const englishOrdinal = (n: number) => `${n}${ORDINAL_SUFFIX[pluralRules('en-GB', { type: 'ordinal' }).select(n)] ?? 'th'}`;

/** The calendar's words in each language, as the home page says them (views/i18n/knowledge.messages.ts). */
const CALENDAR_TEXT: Readonly<Record<CalendarLocale, {
  name: string;
  affiliation: (e: AnniversaryEntry) => string;
  agreement: (e: AnniversaryEntry) => string;
  /** Added to the summary of an anniversary whose day the record does not give. */
  noDay: string;
  /** The description of such an anniversary. */
  noDayNote: (e: AnniversaryEntry) => string;
}>> = {
  ja: {
    name: '周年',
    affiliation: (e) => `${e.source.partner} ${e.source.label}提携${e.years}周年`,
    agreement: (e) => `「${e.source.label}」（${e.source.partner}）${e.years}周年`,
    noDay: '（日付の記載なし）',
    noDayNote: (e) => `記録には${e.source.year}年の${e.source.label}とだけあり、日付の記載がありません。${e.year}年のいずれかの日が${e.years}周年です（このカレンダーでは1月1日に置いています）。`,
  },
  en: {
    name: 'Anniversaries',
    affiliation: (e) => `${englishOrdinal(e.years)} anniversary of the ${e.source.label} affiliation with ${e.source.partner}`,
    agreement: (e) => `${englishOrdinal(e.years)} anniversary of “${e.source.label}” (${e.source.partner})`,
    noDay: ' (day not recorded)',
    noDayNote: (e) => `The record gives only the year of “${e.source.label}” (${e.source.year}), not the day: its ${englishOrdinal(e.years)} anniversary falls on some day of ${e.year} (this calendar puts it on 1 January).`,
  },
  zh: {
    name: '周年',
    affiliation: (e) => `与${e.source.partner}缔结${e.source.label}${e.years}周年`,
    agreement: (e) => `“${e.source.label}”（${e.source.partner}）${e.years}周年`,
    noDay: '（日期未记载）',
    noDayNote: (e) => `记录中“${e.source.label}”只有年份（${e.source.year}年），没有日期：${e.years}周年在${e.year}年的某一天（本日历放在1月1日）。`,
  },
};

/** The summary of an anniversary in the calendar's language; the names (partner, kind, title) as the record writes them. */
function summaryOf(e: AnniversaryEntry, locale: CalendarLocale): string {
  const t = CALENDAR_TEXT[locale];
  return `${e.source.kind === 'affiliation' ? t.affiliation(e) : t.agreement(e)}${e.date ? '' : t.noDay}`;
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
 * CALENDAR_YEARS_BEHIND through that year + CALENDAR_YEARS_AHEAD: one all-day event each, on its day when the record
 * gives the day; else (most agreements give only their year) on 1 January of the anniversary's year, its summary
 * saying the day is not recorded and its description why: a reminder at the start of the year, not a banner over
 * every day of it (an event from 1 January to 1 January, as earlier versions wrote, which a phone shows all year).
 * Summaries and notes in `locale`; the UIDs are the same in every language. CRLF line ends, folded lines. `host`
 * makes the UIDs unique to this site. The same sources give the same text all day long (calendarStamp).
 */
export function anniversaryCalendar(sources: readonly AnniversarySource[], now: Date, host: string, locale: CalendarLocale = 'ja'): string {
  const stamp = calendarStamp(now);
  const t = CALENDAR_TEXT[locale];
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//Koryu//Anniversaries//${locale.toUpperCase()}`, 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${escapeText(t.name)}`];
  for (const source of sources) {
    for (const e of anniversariesOf(source, tokyoCalendarDate(now).year + CALENDAR_YEARS_AHEAD)) {
      if (e.year < tokyoCalendarDate(now).year - CALENDAR_YEARS_BEHIND) continue;
      const start = e.date ?? `${e.year}-01-01`;
      const uid = `${source.kind}-${source.partnershipId}-${encodeURIComponent(source.label).replace(/%/g, '')}-${source.year}-${e.years}@${host}`;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid}`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${compact(start)}`,
        `DTEND;VALUE=DATE:${compact(nextDay(start))}`,
        `SUMMARY:${escapeText(summaryOf(e, locale))}`,
        ...(e.date ? [] : [`DESCRIPTION:${escapeText(t.noDayNote(e))}`]),
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
