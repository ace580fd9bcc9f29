/**
 * Anniversaries of an affiliation (提携): the 10th, 15th, 20th, 25th … (every five years from ten), counted on
 * calendar dates in Asia/Tokyo, where the record's dates are.
 */

/** The first anniversary that is celebrated, and the step between the next ones. */
export const FIRST_ANNIVERSARY = 10;
export const ANNIVERSARY_STEP = 5;

export interface PassedAnniversary {
  /** 20 for the 20th anniversary. */
  years: number;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  /** 0 on the day itself. */
  daysSince: number;
}

export interface NextAnniversary {
  years: number;
  date: string;
  /** At least 1: the day itself counts as passed. */
  daysUntil: number;
}

export interface Anniversaries {
  /** The latest anniversary on or before today; null before the 10th. */
  previous: PassedAnniversary | null;
  next: NextAnniversary;
}

const tokyoDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Tokyo at the instant `at`. */
export function tokyoCalendarDate(at: Date): { year: number; month: number; day: number } {
  const parts = tokyoDate.formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** Days since 1970-01-01 of a calendar date (no time zone involved). */
function dayNumber(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return Math.round(d.getTime() / 86_400_000);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The date of the `years`th anniversary. An affiliation on 29 February is remembered on 28 February in common
 * years (the day on which the year is complete, as Japanese law reckons periods).
 */
export function anniversaryDate(year: number, month: number, day: number, years: number): { year: number; month: number; day: number } {
  const y = year + years;
  return month === 2 && day === 29 && !isLeapYear(y) ? { year: y, month: 2, day: 28 } : { year: y, month, day };
}

/** Year, month and day of a valid ISO date (YYYY-MM-DD); undefined for anything else, e.g. month-only dates. */
function parseIsoDate(iso: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  const monthLength = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= monthLength ? { year, month, day } : undefined;
}

/**
 * The just-passed and the next anniversary of an affiliation on `affiliatedOn` (YYYY-MM-DD) as of `today`
 * (its Tokyo calendar date). The anniversary day itself is the just-passed one, 0 days ago. Null when the date is
 * not a whole day (a month-only YYYY-MM date has no anniversary day) or is after today.
 */
export function anniversaries(affiliatedOn: string, today: Date): Anniversaries | null {
  const start = parseIsoDate(affiliatedOn);
  if (!start) return null;
  const now = tokyoCalendarDate(today);
  const todayNumber = dayNumber(now.year, now.month, now.day);
  if (dayNumber(start.year, start.month, start.day) > todayNumber) return null;

  let previous: PassedAnniversary | null = null;
  for (let years = FIRST_ANNIVERSARY; ; years += ANNIVERSARY_STEP) {
    const d = anniversaryDate(start.year, start.month, start.day, years);
    const n = dayNumber(d.year, d.month, d.day);
    const date = `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
    if (n > todayNumber) return { previous, next: { years, date, daysUntil: n - todayNumber } };
    previous = { years, date, daysSince: todayNumber - n };
  }
}
