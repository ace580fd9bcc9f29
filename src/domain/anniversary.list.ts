import { ANNIVERSARY_STEP, anniversaryDate, FIRST_ANNIVERSARY, tokyoCalendarDate } from './anniversary.js';

/** Something whose anniversaries are kept: an affiliation (dated) or an agreement (a year only). */
export interface AnniversarySource {
  kind: 'affiliation' | 'agreement';
  partnershipId: number;
  partner: string;
  /** The affiliation's kind (友好交流都市) or the agreement's title as written. */
  label: string;
  /** YYYY-MM-DD when the day is known; null when only the year is. */
  date: string | null;
  year: number;
}

export interface AnniversaryEntry {
  source: AnniversarySource;
  /** 20 for the 20th anniversary. */
  years: number;
  year: number;
  /** YYYY-MM-DD when the day is known. */
  date: string | null;
  /** Days from today (negative: passed); null when only the year is known. */
  days: number | null;
}

/** How far either way of today an anniversary with a known day is shown. */
export const ANNIVERSARY_WINDOW_DAYS = 365;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dayNumber = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return Math.round(t.getTime() / 86_400_000);
};

/** Every anniversary (10th, 15th, 20th …) of a source up to and including the year `until`. */
export function anniversariesOf(source: AnniversarySource, until: number): AnniversaryEntry[] {
  const out: AnniversaryEntry[] = [];
  const m = source.date === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(source.date);
  for (let years = FIRST_ANNIVERSARY; source.year + years <= until; years += ANNIVERSARY_STEP) {
    if (m) {
      const d = anniversaryDate(Number(m[1]), Number(m[2]), Number(m[3]), years);
      out.push({ source, years, year: d.year, date: `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`, days: null });
    } else {
      out.push({ source, years, year: source.year + years, date: null, days: null });
    }
  }
  return out;
}

/**
 * The anniversaries just passed and coming, as of `today` in Tokyo: those with a known day within
 * ANNIVERSARY_WINDOW_DAYS either way (with the days from today), those with a year only in last, this or next year.
 * Ordered by year, then date, then partner and label.
 */
export function anniversariesAround(sources: readonly AnniversarySource[], today: Date): AnniversaryEntry[] {
  const now = tokyoCalendarDate(today);
  const todayNumber = dayNumber(now.year, now.month, now.day);
  const entries = sources.flatMap((s) => anniversariesOf(s, now.year + 1)).flatMap((e): AnniversaryEntry[] => {
    if (e.date === null) return e.year >= now.year - 1 ? [e] : [];
    const [y, mo, d] = e.date.split('-').map(Number) as [number, number, number];
    const days = dayNumber(y, mo, d) - todayNumber;
    return Math.abs(days) <= ANNIVERSARY_WINDOW_DAYS ? [{ ...e, days }] : [];
  });
  const key = (e: AnniversaryEntry) => `${pad(e.year, 4)}-${e.date ?? '9999'}-${e.source.partner}-${e.source.label}`;
  return entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
