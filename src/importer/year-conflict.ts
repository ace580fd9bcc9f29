import { diagnostic, type Diagnostic } from '../domain/diagnostic.js';

/**
 * The error for a year written in two eras, with no Gregorian year beside them, whose era years name different years
 * (平成30年（令和元年）: 2018 and 2019). Neither can be chosen, and the rows or lines under it would be filed under a
 * guess, so the document is refused. `prefix` names the sheet.
 */
export function eraYearsDisagree(line: number, written: string, years: readonly number[], text: string, prefix = ''): Diagnostic {
  const named = years.join(', ');
  const message = `${prefix}The era years of ${written} name different years (${named}), and no Gregorian year is written beside them; nothing from the document was imported. Correct the year (2019年, 平成31年（令和元年）) and import it again.`;
  return diagnostic('EraYearsDisagree', 'error', line, message, text, { written, years: named });
}
