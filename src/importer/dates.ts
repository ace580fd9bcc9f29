import { foldWidth, isGenreYear, readLeadingYear, restAfter } from './years.js';

/** A date at the start of a line, with what followed it. */
export interface DateReading {
  /** YYYY-MM-DD, or YYYY-MM when only a month is given. */
  date: string;
  /** The date wrote its own year (2019.04.13.), rather than taking the year from context. */
  hasYear: boolean;
  rest: string;
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

function make(year: number, month: number, day: number | null, hasYear: boolean, rest: string): DateReading | undefined {
  if (!isGenreYear(year)) return undefined;
  if (day === null) {
    if (month < 1 || month > 12) return undefined;
    return { date: `${year}-${pad(month)}`, hasYear, rest: rest.replace(SEP_REST, '') };
  }
  if (!isValidDay(year, month, day)) return undefined;
  return { date: `${year}-${pad(month)}-${pad(day)}`, hasYear, rest: rest.replace(SEP_REST, '') };
}

/**
 * Reads a date at the start of a text: 2019.04.13. · 1973/10/12 · 2019-04-13 · 2006年11月24日 ·
 * 2006年（平成18年）11月24日 · 7月30日 · 5月 (month only). Month-and-day forms take their year from
 * `context`. A range (7月30日～8月2日) reads as its first day; the rest of the range stays in `rest`.
 */
export function readLeadingDate(text: string, context?: { year: number; fiscal: boolean }): DateReading | undefined {
  const original = text.trim();
  const s = foldWidth(original);
  let m = /^(\d{4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\.?/.exec(s);
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]), true, restAfter(original, m[0].length));
  const y = readLeadingYear(original);
  if (y) {
    m = /^(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?/.exec(foldWidth(y.rest));
    if (!m) return undefined;
    return make(y.year, Number(m[1]), m[2] ? Number(m[2]) : null, true, restAfter(y.rest, m[0].length));
  }
  if (!context) return undefined;
  m = /^(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?(?![\d月])/.exec(s);
  if (!m) return undefined;
  const month = Number(m[1]);
  return make(
    calendarYear(context.year, context.fiscal, month),
    month,
    m[2] ? Number(m[2]) : null,
    false,
    restAfter(original, m[0].length),
  );
}
