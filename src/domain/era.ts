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

/** True when the era year can name the Gregorian year (平成31 and 令和1 both name 2019). */
export function eraMatchesYear(era: string, eraYear: number, year: number): boolean {
  return gregorianYear(era, eraYear) === year && eraYearsOf(year).some((e) => e.era === era);
}
