import { readImpossibleDate, readLeadingDate } from '../importer/dates.js';
import { kanjiNumber } from '../importer/kanji-numerals.js';
import { readYearCell } from '../importer/years.js';

// What staff type into the editor's year and date boxes, read as the importer reads documents: full-width digits,
// 2019年, 令和元年, R1, 2019/5/1, 2019年5月1日. What cannot be read is handed on as it is, for the editor's checks to
// refuse with a message (a year as NaN, a date as the text typed). So is a date or year written in an era it lies
// outside (令和元年4月30日, 平成35年): a document's importer warns and counts on, but a form asks again.

/** A year as typed (2019, ２０１９, 2019年, 令和元年, 平成31年, R1, 二〇一九), or NaN (平成35年: 平成 ended in its 31st year). */
export function readEnteredYear(text: string | undefined): number {
  const typed = (text ?? '').normalize('NFKC').trim();
  if (/^\d{1,4}$/.test(typed)) return Number(typed);
  const year = readYearCell(typed);
  if (year) return year.eraSlip || year.conflict ? NaN : year.year;
  return kanjiNumber(typed.replace(/年$/, '')) ?? NaN;
}

/**
 * A date as typed, as YYYY-MM-DD or YYYY-MM (2019-05-01, 2019/5/1, 2019年5月1日, 令和元年5月1日, R1.5.1, 2019-05,
 * 2019年5月); null for an empty box; the text itself when it is not a date.
 */
export function readEnteredDate(text: string | undefined): string | null {
  const typed = (text ?? '').trim();
  if (typed === '') return null;
  const folded = typed.normalize('NFKC');
  const month = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/.exec(folded);
  if (month) return `${month[1]}-${month[2]!.padStart(2, '0')}`;
  const date = readLeadingDate(folded);
  return date && date.rest === '' && date.hasYear && !date.eraSlip ? date.date : typed;
}

/**
 * True when a date box's value (as readEnteredDate handed it on) is a date written in an era it lies outside
 * (令和元年4月30日, R1.4.30, 平成31年5月1日, 昭和64年1月8日): the editor's checks say so rather than "not a date".
 */
export function isDateOutsideEra(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const date = readLeadingDate(value.normalize('NFKC').trim());
  return date !== undefined && date.rest === '' && date.eraSlip !== undefined;
}

/** Years as typed, separated by commas, 、 or spaces (2020, ２０２１、令和4年); each unreadable one as NaN. */
export function readEnteredYears(text: string | undefined): number[] {
  return (text ?? '')
    .normalize('NFKC')
    .split(/[,、\s]+/)
    .filter((y) => y !== '')
    .map(readEnteredYear);
}

/**
 * True when a date box's value (as readEnteredDate handed it on) is written as a date but names a day or month no
 * calendar has (2024-02-30, 2023年2月29日, 2024/13/01, 令和6年2月30日): the editor's checks say the day does not
 * exist rather than that the format is wrong.
 */
export function isImpossibleDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const date = readImpossibleDate(value.normalize('NFKC').trim());
  return date !== undefined && date.rest === '';
}
