/**
 * Japanese era years (和暦), computed with Intl's Japanese calendar so that era changes
 * come from the platform's data, not from a table kept here.
 */
const eraFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  timeZone: 'Asia/Tokyo',
});

export interface EraYear {
  era: string;
  /** 1 for the first year of an era (printed 元). */
  year: number;
}

/** Noon in Tokyo on the given day, so no time zone can move the date. */
function tokyoNoon(year: number, month: number, day: number): Date {
  const d = new Date(Date.UTC(2000, month - 1, day, 3));
  d.setUTCFullYear(year);
  return d;
}

function eraOf(date: Date): EraYear {
  const parts = eraFormat.formatToParts(date);
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  const raw = parts.find((p) => p.type === 'year')?.value ?? '';
  return { era, year: raw === '元' ? 1 : Number(raw) };
}

function formatEraYear(e: EraYear): string {
  return `${e.era}${e.year === 1 ? '元' : String(e.year)}年`;
}

/** The era years that a Gregorian year spans: one, or two in a year when the era changed (2019: 平成31年, 令和元年). */
export function eraYearsOf(year: number): EraYear[] {
  let found = eraYearsByYear.get(year);
  if (!found) {
    const first = eraOf(tokyoNoon(year, 1, 1));
    const last = eraOf(tokyoNoon(year, 12, 31));
    found = first.era === last.era ? [first] : [first, last];
    eraYearsByYear.set(year, found);
  }
  return found.map((e) => ({ ...e }));
}

// Formatting with Intl's Japanese calendar is slow, and a corpus asks for the same years a million times.
const eraYearsByYear = new Map<number, EraYear[]>();

/** The label a Japanese reader expects for a Gregorian year: 平成18年, or 平成31年/令和元年 in a year of change. */
export function eraLabel(year: number): string {
  return eraYearsOf(year).map(formatEraYear).join('/');
}

/** The era label of one day (2019-04-30 is 平成31年, 2019-05-01 is 令和元年). */
export function eraLabelOfDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return formatEraYear(eraOf(tokyoNoon(y, m, d)));
}

let firstYears: Map<string, number> | undefined;

/** The Gregorian year in which each era began, read off Intl for 1868 onwards. */
function eraFirstYears(): Map<string, number> {
  if (firstYears) return firstYears;
  const found = new Map<string, number>();
  const lastYear = new Date().getUTCFullYear() + 50;
  for (let y = 1868; y <= lastYear; y++) {
    for (const e of eraYearsOf(y)) if (e.year === 1 && !found.has(e.era)) found.set(e.era, y);
  }
  firstYears = found;
  return found;
}

/** The names of the eras Koryu recognises, newest first. */
export function knownEras(): string[] {
  return [...eraFirstYears().keys()].reverse();
}

/** 平成 18 → 2006; undefined for an era Intl does not know (or a year before 1868). */
export function gregorianYear(era: string, eraYear: number): number | undefined {
  const first = eraFirstYears().get(era);
  if (first === undefined || !Number.isInteger(eraYear) || eraYear < 1) return undefined;
  return first + eraYear - 1;
}

/** An era's days: the first, and the last (undefined for the era in force now). YYYY-MM-DD. */
export interface EraSpan {
  first: string;
  last: string | undefined;
}

let spans: Map<string, EraSpan> | undefined;

const isoOf = (d: Date): string => `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;

/** The first day of `era` in the year it began: the era is in force from that day to the year's end, so a search halves. */
function firstDayOf(era: string, year: number): Date {
  const day = (n: number): Date => new Date(tokyoNoon(year, 1, 1).getTime() + n * 86_400_000);
  let [low, high] = [0, 365]; // day `high` is in the era (31 December at the latest); find the first such day
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (eraOf(day(mid)).era === era) high = mid;
    else low = mid + 1;
  }
  return day(low);
}

/** Each era's first and last day, read off Intl (the day its first year began, found by search), oldest first. */
function eraSpans(): Map<string, EraSpan> {
  if (spans) return spans;
  const firsts = [...eraFirstYears()].map(([era, year]) => [era, firstDayOf(era, year)] as const);
  spans = new Map(
    firsts.map(([era, first], i) => {
      const next = firsts[i + 1]?.[1];
      return [era, { first: isoOf(first), last: next ? isoOf(new Date(next.getTime() - 86_400_000)) : undefined }];
    }),
  );
  return spans;
}

/** The first and last day of an era Koryu recognises (令和: 2019-05-01, none yet); undefined for another name. */
export function eraSpan(era: string): EraSpan | undefined {
  const span = eraSpans().get(era);
  return span && { ...span };
}

/**
 * Where a day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY) lies against an era: undefined when in it (a month
 * or a year need only overlap it), 'before' its first day or 'after' its last. Undefined for an era it does not know.
 */
export function sideOfEra(era: string, when: string): 'before' | 'after' | undefined {
  const span = eraSpans().get(era);
  if (!span) return undefined;
  // ISO text compares as the days do; a month or year is compared by its first and its last day (31 always does).
  const [start, end] = when.length === 4 ? [`${when}-01-01`, `${when}-12-31`] : when.length === 7 ? [`${when}-01`, `${when}-31`] : [when, when];
  if (end < span.first) return 'before';
  if (span.last !== undefined && start > span.last) return 'after';
  return undefined;
}

/** A day, month or year with the era label a Japanese reader expects: 平成31年4月30日, 令和元年5月, 令和5年. */
export function eraLabelOf(when: string): string {
  const [y, m, d] = when.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return eraLabel(y);
  return `${formatEraYear(eraOf(tokyoNoon(y, m, d ?? 1)))}${m}月${d === undefined ? '' : `${d}日`}`;
}

/** True when the era year can name the Gregorian year (平成31 and 令和1 both name 2019). */
export function eraMatchesYear(era: string, eraYear: number, year: number): boolean {
  return gregorianYear(era, eraYear) === year && eraYearsOf(year).some((e) => e.era === era);
}
