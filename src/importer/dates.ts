import { gregorianYear } from '../domain/era.js';
import { eraSlipOfAny, type EraSlip } from './era-range.js';
import { arabicLeadingDate } from './kanji-numerals.js';
import { ERA_INITIALS, foldWidth, isGenreYear, readLeadingYearAndEras, restAfter, type EraYears } from './years.js';

/** A date at the start of a line, with what followed it. */
export interface DateReading {
  /** YYYY-MM-DD, or YYYY-MM when only a month is given. */
  date: string;
  /** The date wrote its own year (2019.04.13.), rather than taking the year from context. */
  hasYear: boolean;
  rest: string;
  /** The era the date was written in had not begun or had ended on that day (令和元年4月30日); absent when it had. */
  eraSlip?: EraSlip;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Days of each month in a leap year (February's 29th is checked against the year). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= DAYS_IN_MONTH[month - 1]! && (month !== 2 || day < 29 || isLeap(year));
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * The calendar year of a month named under a year heading: under a fiscal year (年度), January to March
 * fall in the next calendar year.
 */
export function calendarYear(contextYear: number, fiscal: boolean, month: number): number {
  return fiscal && month <= 3 ? contextYear + 1 : contextYear;
}

const SEP_REST = /^\s*[、,:：]?\s*/;

function make(year: number, month: number, day: number | null, hasYear: boolean, rest: string, eras: EraYears = []): DateReading | undefined {
  if (!isGenreYear(year)) return undefined;
  if (day === null ? month < 1 || month > 12 : !isValidDay(year, month, day)) return undefined;
  const date = day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  const eraSlip = eras.length > 0 ? eraSlipOfAny(eras, date) : undefined;
  return { date, hasYear, rest: rest.replace(SEP_REST, ''), ...(eraSlip ? { eraSlip } : {}) };
}

/** A day of the week in brackets after a day, as notices write it: (水) · （土曜日） · (月・祝). Read over, not kept. */
const WEEKDAY = '(?:\\s*\\(\\s*[月火水木金土日](?:曜日?)?(?:\\s*[・,、]\\s*[祝休]日?)?\\s*\\))?';
/** A part of a month named instead of a day (10月上旬): the date is the month's. */
const PART_OF_MONTH = '(?:上旬|中旬|下旬|初旬|末日|末)';
/** Month, then a day (with its weekday) or a part of the month, or neither. */
const MONTH_DAY = `(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*日${WEEKDAY}|${PART_OF_MONTH})?`;
const NUMERIC = new RegExp(`^(\\d{4})\\s*[./-]\\s*(\\d{1,2})\\s*[./-]\\s*(\\d{1,2})\\.?${WEEKDAY}`);
/** R1.5.1 · H31.4.30 · S64.1.7: an era's initial, its year, month and day. */
const ERA_NUMERIC = new RegExp(`^([MTSHR])\\s*(\\d{1,2}|元)\\s*[./]\\s*(\\d{1,2})\\s*[./]\\s*(\\d{1,2})\\.?${WEEKDAY}`, 'i');
const AFTER_YEAR = new RegExp(`^${MONTH_DAY}`);
const IN_CONTEXT = new RegExp(`^${MONTH_DAY}(?![\\d月])`);
/** 5/1 under a year heading: month and day. */
const SLASHED = new RegExp(`^(\\d{1,2})\\s*/\\s*(\\d{1,2})(?![\\d/])${WEEKDAY}`);

/**
 * Reads a date at the start of a text: 2019.04.13. · 1973/10/12 · 2019-04-13 · R1.5.1 · H31.4.30 ·
 * 2006年11月24日 · 2006年（平成18年）11月24日 · 7月30日 · 5/1 · 5月 and 10月上旬 (month only). Month-and-day
 * forms take their year from `context`. A day may be followed by its weekday in brackets (5月1日(水)), which is
 * read over. Kanji numerals are read too (平成十八年十一月二十四日, 五月一日). A range (7月30日～8月2日) reads as its first day; the rest of the range stays in `rest`.
 */
export function readLeadingDate(text: string, context?: { year: number; fiscal: boolean }): DateReading | undefined {
  const p = leadingDateParts(text, context);
  return p && make(p.year, p.month, p.day, p.hasYear, p.rest, p.eras);
}

/**
 * A date at the start of a text that reads as one but names a day or month no calendar has (2023年2月30日, 2019.13.01,
 * 2月29日 in 2019), as YYYY-MM-DD or YYYY-MM written as it was; undefined for a date that exists and for a text that
 * is no date.
 */
export function readImpossibleDate(text: string, context?: { year: number; fiscal: boolean }): { date: string; rest: string } | undefined {
  const p = leadingDateParts(text, context);
  if (!p || !isGenreYear(p.year) || make(p.year, p.month, p.day, p.hasYear, p.rest) !== undefined) return undefined;
  return { date: `${p.year}-${pad(p.month)}${p.day === null ? '' : `-${pad(p.day)}`}`, rest: p.rest.replace(SEP_REST, '') };
}

interface DateParts {
  year: number;
  month: number;
  day: number | null;
  hasYear: boolean;
  rest: string;
  eras: EraYears;
}

/** The numbers of a date at the start of a text, whether or not that day exists. */
function leadingDateParts(text: string, context?: { year: number; fiscal: boolean }): DateParts | undefined {
  const original = arabicLeadingDate(text.trim());
  const s = foldWidth(original);
  let m = NUMERIC.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hasYear: true, rest: restAfter(original, m[0].length), eras: [] };
  m = ERA_NUMERIC.exec(s);
  if (m) {
    const [era, eraYear] = [ERA_INITIALS[m[1]!.toUpperCase()]!, m[2] === '元' ? 1 : Number(m[2])];
    const year = gregorianYear(era, eraYear);
    return year === undefined ? undefined : { year, month: Number(m[3]), day: Number(m[4]), hasYear: true, rest: restAfter(original, m[0].length), eras: [[era, eraYear]] };
  }
  const leading = readLeadingYearAndEras(original);
  if (leading) {
    const y = leading.reading;
    // Era years naming different years (平成30年（令和元年）5月1日) give no date: the year is for the readers to refuse.
    if (y.conflict) return undefined;
    m = AFTER_YEAR.exec(foldWidth(y.rest));
    if (!m) return undefined;
    return { year: y.year, month: Number(m[1]), day: m[2] ? Number(m[2]) : null, hasYear: true, rest: restAfter(y.rest, m[0].length), eras: leading.eras };
  }
  if (!context) return undefined;
  m = IN_CONTEXT.exec(s) ?? SLASHED.exec(s);
  if (!m) return undefined;
  const month = Number(m[1]);
  return { year: calendarYear(context.year, context.fiscal, month), month, day: m[2] ? Number(m[2]) : null, hasYear: false, rest: restAfter(original, m[0].length), eras: [] };
}
