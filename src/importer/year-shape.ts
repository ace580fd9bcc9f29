import { diagnostic, type Diagnostic } from '../domain/diagnostic.js';
import { knownEras } from '../domain/era.js';
import type { SourceLine } from './source-line.js';
import { ERA_INITIALS, FIRST_YEAR, foldWidth, LAST_YEAR } from './years.js';

/**
 * Why a line shaped like a year heading could not be read as one: its era is not an era (平生29年), its digits hold
 * letters (2O18年: O for 0, l or I for 1), it has three or five digits (202年, 20220年: `digits`), or its year lies
 * outside the years the genre holds (令和99年, R99年).
 */
export type YearShapeFault = 'era' | 'letters' | 'lookalike' | 'range' | 'digits';

export interface YearShape {
  fault: YearShapeFault;
  /** The era as written, for `era`; the digits as written, for `letters`, `lookalike` and `digits`. */
  written: string;
  /** For `lookalike`: the character typed for a kanji numeral (katakana ニ), and the numeral (二). */
  lookalike?: string;
  meant?: string;
}

// Tested against the NFKC-folded, undecorated line: full-width letters and digits are ASCII here.
const ERA_NUMBER = '(?:\\d{1,2}|元|[〇一二三四五六七八九十]{1,3})';
const DIGIT_LIKE = '[0-9OoIl〇]';
/** After the year: 年 or 年度, then a bracketed second form (（2017年）) or a heading's tail (の主な交流), or nothing. */
const END = '\\s*年度?(?:\\s*\\([^()]{1,16}\\)|\\s*の?(?:主な)?(?:交流|事業|実績)(?:一覧|内容|記録|事業|実績)?)?$';
const ERA_LIKE = new RegExp(`^(\\p{Script=Han}\\s?\\p{Script=Han})\\s*${ERA_NUMBER}${END}`, 'u');
const INITIAL = new RegExp(`^([${Object.keys(ERA_INITIALS).join('')}])\\s*\\d{1,3}${END}`, 'i');
/** Three to five: a digit left out or typed twice (202年, 20220年) is a year heading mistyped, not an exchange's text. */
const DIGITS = new RegExp(`^(${DIGIT_LIKE}{3,5})${END}`);
/** Kanji numerals with a look-alike among them: katakana ニ or ハ, the long-vowel mark ー, a circle ○ (ニ〇一九年). */
const KANJI_LOOKALIKES: Readonly<Record<string, string>> = { ニ: '二', ハ: '八', ー: '一', '○': '〇' };
const KANJI_DIGITS = new RegExp(`^([〇一二三四五六七八九${Object.keys(KANJI_LOOKALIKES).join('')}]{4})${END}`);

/** The longest line read as a year heading's shape: 平成29年度（2017年度）の… is 20. */
const MAX_LENGTH = 20;

let eraCharacters: Set<string> | undefined;

/** A character of an era's name (平, 成, 令, 和 …): an era mistyped keeps one, as an input method's homophone does (平生, 例和). */
function isEraCharacter(c: string): boolean {
  eraCharacters ??= new Set(knownEras().flatMap((e) => [...e]));
  return eraCharacters.has(c);
}

/**
 * The fault of a line that has the shape of a year heading, for a line the year readers could not read; undefined for
 * any other line. The shape is tight, so that an event's line is never one: the whole line is a year and nothing else
 * (MAX_LENGTH characters at most, ending in 年 or 年度, a bracketed year or a heading's tail allowed after), written as
 * - two kanji sharing a character with an era's name, then an era year (平生29年, 平静元年, 照和五十年);
 * - an era's initial and a number (R99年);
 * - four digit-like characters, a letter or 〇 among the digits (2O18年, ２Ｏ１８年度, 20l8年, 2〇18年);
 * - three or five digits, one left out or typed twice (202年, 20220年), which name no year of the genre.
 */
export function readYearShape(text: string): YearShape | undefined {
  const t = foldWidth(text).trim();
  if (t.length > MAX_LENGTH || !t.includes('年')) return undefined;
  const digits = DIGITS.exec(t);
  if (digits) {
    const written = digits[1]!;
    if (written.length !== 4) return { fault: 'digits', written };
    return /\d/.test(written) && /[^0-9]/.test(written) ? { fault: 'letters', written } : { fault: 'range', written };
  }
  const kanji = KANJI_DIGITS.exec(t);
  const typed = kanji ? [...kanji[1]!].find((c) => KANJI_LOOKALIKES[c] !== undefined) : undefined;
  if (kanji && typed) return { fault: 'lookalike', written: kanji[1]!, lookalike: typed, meant: KANJI_LOOKALIKES[typed]! };
  const era = ERA_LIKE.exec(t);
  if (era) {
    const name = era[1]!;
    if (knownEras().includes(name)) return { fault: 'range', written: name };
    return [...name].some(isEraCharacter) ? { fault: 'era', written: name } : undefined;
  }
  const initial = INITIAL.exec(t);
  return initial ? { fault: 'range', written: initial[1]! } : undefined;
}

/** The error for a year heading that cannot be read, saying why, with what the staff pages' sentences name. */
export function unreadableYearHeading(shape: YearShape, line: SourceLine): Diagnostic {
  const why =
    shape.fault === 'era'
      ? `${shape.written} is not an era (${knownEras().join(', ')})`
      : shape.fault === 'letters'
        ? `${shape.written} has letters among its digits (O for 0, I or l for 1)`
        : shape.fault === 'lookalike'
          ? `in ${shape.written}, 「${shape.lookalike}」 is not the numeral 「${shape.meant}」`
          : shape.fault === 'digits'
            ? `${shape.written} has ${shape.written.length} digits, not 4 (a digit left out or typed twice)`
            : `it names no year from ${FIRST_YEAR} to ${LAST_YEAR}`;
  return diagnostic(
    'UnreadableYearHeading',
    'error',
    line.no,
    `This looks like a year heading but cannot be read: ${why}. The lines under it would be filed under the year before it, so nothing from the document was imported; correct the heading (2017年, 平成29年) and import it again.`,
    line.text,
    { heading: line.text.trim(), fault: shape.fault, written: shape.written, ...(shape.lookalike ? { lookalike: shape.lookalike, meant: shape.meant! } : {}) },
  );
}
