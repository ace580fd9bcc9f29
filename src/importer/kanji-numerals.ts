import { knownEras } from '../domain/era.js';

const DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
/** 千九百九十三, 三十一, 十: each unit at most once, largest first, each with at most one digit before it. */
const WITH_UNITS = /^(?:[一二三四五六七八九]?千)?(?:[一二三四五六七八九]?百)?(?:[一二三四五六七八九]?十)?[一二三四五六七八九]?$/;
const NUMERAL_CHARS = '〇零一二三四五六七八九十百千';

/**
 * A number written in kanji numerals: with units (三十一, 千九百九十三, 十) or digit by digit (二〇〇六, 一九).
 * Undefined for anything else (十十, 三千千).
 */
export function kanjiNumber(text: string): number | undefined {
  if (text === '') return undefined;
  if (![...text].every((c) => c in DIGITS || c in UNITS)) return undefined;
  if (!/[十百千]/.test(text)) return Number([...text].map((c) => DIGITS[c]).join(''));
  if (!WITH_UNITS.test(text)) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const c of text) {
    if (c in UNITS) {
      total += (digit ?? 1) * UNITS[c]!;
      digit = undefined;
    } else digit = DIGITS[c];
  }
  return total + (digit ?? 0);
}

const NUMERAL = `[${NUMERAL_CHARS}]+`;
const ANY_NUMBER = `(?:${NUMERAL}|元|[0-9０-９]+)`;
let leading: RegExp | undefined;

/**
 * What may follow a month written without its day for it to be a month: a part of the month (上旬, 末), a space, a
 * mark, or the end. 五月祭, 十月桜 and 五月人形 are words, not May and October.
 */
const MONTH_END = '(?=[上中下初]旬|末|\\s|$|[、。,.:：・/／(（)）]|～|〜|-)';

/** A year (with an era, 年度 and a bracketed second form), then a month and a day; each part optional. */
function leadingDate(): RegExp {
  leading ??= new RegExp(
    `^\\s*(?:(?:${knownEras().join('|')})?\\s*${ANY_NUMBER}\\s*年度?(?:\\s*[(（][^()（）]{0,24}[)）])?)?` +
      `(?:\\s*${ANY_NUMBER}\\s*月(?:\\s*${ANY_NUMBER}\\s*日|${MONTH_END}))?`,
  );
  return leading;
}

const HAS_NUMERAL = new RegExp(`[${NUMERAL_CHARS}]`);
const NUMERAL_BEFORE_UNIT = new RegExp(`${NUMERAL}(?=\\s*[年月日])`, 'g');

/**
 * A text that starts with a year or date in kanji numerals (平成十八年十一月二十四日, 二〇〇六年（平成十八年）, 五月一日),
 * with those numerals written in digits (平成18年11月24日), so that the year and date readers read it. Only the
 * year and date at the start change: the text after them stays as written (三日間 stays 三日間).
 */
export function arabicLeadingDate(text: string): string {
  if (!HAS_NUMERAL.test(text.slice(0, 48))) return text;
  const head = leadingDate().exec(text)?.[0] ?? '';
  if (!HAS_NUMERAL.test(head)) return text;
  const arabic = head.replace(NUMERAL_BEFORE_UNIT, (numeral) => String(kanjiNumber(numeral) ?? numeral));
  return arabic + text.slice(head.length);
}
