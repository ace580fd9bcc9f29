import { eraYearsOf } from './era.js';

/** The first and last Gregorian years a query may name: the record's exchanges lie well inside. */
const FIRST_YEAR = 1868;
const LAST_YEAR = 2200;

/** The eras' initials as forms and documents abbreviate them (R1, H31, S64). */
const ERA_INITIALS: Readonly<Record<string, string>> = { M: '明治', T: '大正', S: '昭和', H: '平成', R: '令和' };

// 平成31 → 2019, 令和1 → 2019 …, from the platform's calendar (era.ts) rather than a table of era starts kept here.
let byEraYear: Map<string, number> | undefined;
function eraYears(): Map<string, number> {
  if (!byEraYear) {
    byEraYear = new Map();
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) for (const e of eraYearsOf(y)) if (!byEraYear.has(`${e.era}${e.year}`)) byEraYear.set(`${e.era}${e.year}`, y);
  }
  return byEraYear;
}

/**
 * The Gregorian year a search query names when it is nothing but a year: 2019, ２０１９, 2019年, 2019年度, 令和元年,
 * 平成31年, 令和1, R1, H31 (full-width and half-width alike, quotes and spaces around ignored). Null for any other
 * query, and for an era year that does not exist (平成32年, 昭和65年).
 */
export function yearOfQuery(query: string): number | null {
  const q = query
    .normalize('NFKC')
    .trim()
    .replace(/^["'“”「」『』]+|["'“”「」『』]+$/gu, '')
    .trim();
  const gregorian = /^(\d{4})\s*(?:年度?)?$/u.exec(q);
  if (gregorian) {
    const year = Number(gregorian[1]);
    return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
  }
  const era = /^(明治|大正|昭和|平成|令和|[MTSHR])\.?\s*(元|\d{1,3})\s*(?:年度?)?$/iu.exec(q);
  if (!era) return null;
  const name = ERA_INITIALS[era[1]!.toUpperCase()] ?? era[1]!;
  const n = era[2] === '元' ? 1 : Number(era[2]);
  return eraYears().get(`${name}${n}`) ?? null;
}
