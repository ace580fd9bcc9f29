import { eraMatchesYear, gregorianYear, knownEras } from '../domain/era.js';
import { eraSlipOfAny, type EraSlip } from './era-range.js';
import { arabicLeadingDate } from './kanji-numerals.js';
import { stripMarkup } from './markup.js';

/** A year as a document writes it, read into a Gregorian year. */
export interface YearReading {
  year: number;
  /** The document wrote 年度 (fiscal year, April to March). */
  fiscal: boolean;
  /** The era year(s) written beside it do not name the same year (平成20年 beside 2006年). */
  mismatch: boolean;
  /** What followed the year expression on the same line. */
  rest: string;
  /**
   * The era year written names this year by counting, but the era had ended by then (平成35年 is 2023, in 令和);
   * absent when it did not. Not a mismatch.
   */
  eraSlip?: EraSlip;
  /**
   * Two era years written for one year, with no Gregorian year beside them, that name different years (平成30年（令和元年）:
   * 2018 and 2019), in the order written; `year` is then the first's, and must not be used. Absent when they agree.
   */
  conflict?: readonly number[];
}

/** The era years a year expression wrote (平成31年/令和元年: two), as era and number. */
export type EraYears = readonly (readonly [string, number])[];

/** Normalise a year or date expression: NFKC folds full-width digits and brackets (２００６年（平成１８年）). */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

const SP = '\\s*';
const NUM = '(?:\\d{1,2}|元)';
const SEP = `${SP}[/・]${SP}`;
let patterns: { leading: RegExp; yearAfter: RegExp; item: RegExp } | undefined;

/**
 * The year expressions of the genre, as two shapes of one grammar (an ITEM is an era year, 平成31, or a 4-digit year):
 * - ITEM年[度] [/・ ERA年[度]] [(ITEM[年][度] [/・ ERA[年][度]])][度]: 2006年 · 2017年度 · 2006年 (平成18年) ·
 *   平成18年(2006年) · 平成31年/令和元年 (2019年) · 平成31年（令和元年） · 令和元年（平成31年） · 2021年（令和3年）度;
 * - ITEM(ITEM [/・ ERA][年])年[度]: 平成5(1993)年 · 2019（平成31・令和元）年.
 * Matched against the NFKC-folded text, so （） are ().
 */
function yearPatterns(): { leading: RegExp; yearAfter: RegExp; item: RegExp } {
  if (patterns) return patterns;
  const era = `(?:${knownEras().join('|')})`;
  const eraItem = `${era}${SP}${NUM}`;
  const item = `(?:${eraItem}|\\d{4})`;
  const fy = `(?:${SP}度)?`;
  const inner = `\\(${SP}${item}(?:${SP}年)?${fy}(?:${SEP}${eraItem}(?:${SP}年)?${fy})?${SP}\\)`;
  patterns = {
    leading: new RegExp(`^${item}${SP}年${fy}(?:${SEP}${eraItem}${SP}年${fy})?(?:${SP}${inner}${fy})?`),
    yearAfter: new RegExp(`^${item}${SP}${inner}${SP}年${fy}`),
    item: new RegExp(`(${era})${SP}(\\d{1,2}|元)|(\\d{4})`, 'g'),
  };
  return patterns;
}

const eraNumber = (n: string): number => (n === '元' ? 1 : Number(n));

/** The years a document of the genre can mean: from Meiji 1 to 2100. 1234年 or 令和99年 is not one of them. */
export const FIRST_YEAR = 1868;
export const LAST_YEAR = 2100;

export function isGenreYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

function reading(year: number, fiscal: boolean, eras: [string, string][], rest: string, conflict?: readonly number[]): YearReading | undefined {
  if (!isGenreYear(year)) return undefined;
  const numbered = eras.map(([era, n]) => [era, eraNumber(n)] as const);
  if (conflict) return { year, fiscal, mismatch: false, rest: rest.trim(), conflict };
  // An era year that counts to this year but lies past its era's end is a slip (平成35年 for 2023), not a mismatch.
  const mismatch = numbered.some(([era, n]) => !eraMatchesYear(era, n, year) && gregorianYear(era, n) !== year);
  const eraSlip = mismatch ? undefined : eraSlipOfAny(numbered, String(year));
  return { year, fiscal, mismatch, rest: rest.trim(), ...(eraSlip ? { eraSlip } : {}) };
}

/**
 * Reads a year expression at the start of a text (markup, full-width forms, kanji numerals and spaces allowed),
 * in every form the genre uses. Returns undefined when the text does not start with a year (or with one
 * outside FIRST_YEAR..LAST_YEAR).
 */
export function readLeadingYear(text: string): YearReading | undefined {
  return readLeadingYearAndEras(text)?.reading;
}

/**
 * The year an expression names: its first Gregorian year when it wrote one (the era years beside it are checked
 * against it: a mismatch), else its era years' year when they all name the same one, else the first era year's, with
 * the years they name as the conflict (平成30年（令和元年）).
 */
function yearOfItems(expression: string): { year: number | undefined; eras: [string, string][]; conflict?: number[] } {
  const eras: [string, string][] = [];
  const western: number[] = [];
  for (const m of expression.matchAll(yearPatterns().item)) {
    if (m[3]) western.push(Number(m[3]));
    else eras.push([m[1]!, m[2]!]);
  }
  if (western.length > 0) return { year: western[0], eras };
  const years = eras.map(([era, n]) => gregorianYear(era, eraNumber(n)));
  const distinct = [...new Set(years)];
  if (distinct.length > 1 && distinct.every((y) => y !== undefined && isGenreYear(y))) return { year: years[0], eras, conflict: distinct as number[] };
  return { year: distinct.length === 1 ? years[0] : undefined, eras };
}

/** readLeadingYear, with the era years the expression wrote (for a date after it to be checked against them). */
export function readLeadingYearAndEras(text: string): { reading: YearReading; eras: EraYears } | undefined {
  const original = arabicLeadingDate(stripMarkup(text).trim());
  const s = foldWidth(original);
  const { leading, yearAfter } = yearPatterns();
  const m = yearAfter.exec(s) ?? leading.exec(s);
  if (!m) return undefined;
  const { year, eras, conflict } = yearOfItems(m[0]);
  const r = year === undefined ? undefined : reading(year, m[0].includes('度'), eras, restAfter(original, m[0].length), conflict);
  return r && { reading: r, eras: eras.map(([era, n]) => [era, eraNumber(n)] as const) };
}

/**
 * The part of `original` after a match of `foldedLength` characters in its folded form, unfolded, so that
 * event text keeps the characters the document used.
 */
export function restAfter(original: string, foldedLength: number): string {
  // Where the folded prefix is the original's (most of the genre), no character folds to more or fewer, and the
  // rest starts at the same place.
  const head = original.slice(0, foldedLength);
  if (foldWidth(head) === head) return original.slice(foldedLength);
  let k = 0;
  while (k < original.length && foldWidth(original.slice(0, k)).length < foldedLength) k++;
  return original.slice(k);
}

/** An era's initial as spreadsheets abbreviate it (R1, H18, S64), to the era. */
export const ERA_INITIALS: Readonly<Record<string, string>> = { M: '明治', T: '大正', S: '昭和', H: '平成', R: '令和' };

/**
 * Reads a table's year cell: the whole cell must be a year. A bare 4-digit year is accepted too, and an era's
 * initial with its year (R1, H18年, R2年度).
 */
export function readYearCell(cell: string): YearReading | undefined {
  const r = readLeadingYear(cell);
  if (r) return r.rest === '' ? r : undefined;
  const folded = foldWidth(stripMarkup(cell)).trim();
  const bare = /^(\d{4})$/.exec(folded);
  if (bare) return isGenreYear(Number(bare[1])) ? { year: Number(bare[1]), fiscal: false, mismatch: false, rest: '' } : undefined;
  const initial = /^([MTSHR])\s*(\d{1,2}|元)\s*(?:年(度)?)?$/i.exec(folded);
  if (!initial) return undefined;
  const era = ERA_INITIALS[initial[1]!.toUpperCase()]!;
  const year = gregorianYear(era, eraNumber(initial[2]!));
  return year === undefined ? undefined : reading(year, Boolean(initial[3]), [[era, initial[2]!]], '');
}
