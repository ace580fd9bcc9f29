import { diagnostic, type Diagnostic } from '../domain/diagnostic.js';
import { eraLabelOf, eraSpan, sideOfEra } from '../domain/era.js';

/**
 * A date or year written in an era it lies outside of (令和元年4月30日: 令和 began on 1 May 2019; 平成35年: 平成 ended
 * in its 31st year). The importer reads such a date by arithmetic from the era's first year, as before, and says so.
 */
export interface EraSlip {
  /** The era date or year as Koryu writes it back: 令和元年4月30日, 平成35年 (R1.4.30 is 令和元年4月30日). */
  written: string;
  era: string;
  side: 'before' | 'after';
  /** The era's first day (when the date lies before it) or its last day (after it), YYYY-MM-DD. */
  boundary: string;
  /** What was read: YYYY-MM-DD, YYYY-MM or YYYY. */
  read: string;
}

/** The slip of `read` (YYYY-MM-DD, YYYY-MM or YYYY), written as `era` `eraYear`, or undefined when it lies in the era. */
export function eraSlipOf(era: string, eraYear: number, read: string): EraSlip | undefined {
  const side = sideOfEra(era, read);
  const span = eraSpan(era);
  if (!side || !span) return undefined;
  const [, month, day] = read.split('-');
  const written = `${era}${eraYear === 1 ? '元' : String(eraYear)}年${month ? `${Number(month)}月` : ''}${day ? `${Number(day)}日` : ''}`;
  return { written, era, side, boundary: side === 'before' ? span.first : span.last!, read };
}

/** The first of several eras written for one date (平成31年/令和元年) that holds it: none, so the first one's slip. */
export function eraSlipOfAny(eras: readonly (readonly [string, number])[], read: string): EraSlip | undefined {
  const slips = eras.map(([era, n]) => eraSlipOf(era, n, read));
  return slips.every((s) => s !== undefined) ? slips[0] : undefined;
}

/** 令和元年4月30日 is before 令和 began (2019-05-01); read as 2019-04-30 (平成31年4月30日). */
export function eraSlipMessage(s: EraSlip): string {
  const where = s.side === 'before' ? `before ${s.era} began (${s.boundary})` : `after ${s.era} ended (${s.boundary})`;
  return `${s.written} is ${where}; read as ${s.read} (${eraLabelOf(s.read)}).`;
}

/** The warning for a slip, with what the staff pages' sentences name. */
export function eraOutOfRange(line: number | null, s: EraSlip, text: string, prefix = ''): Diagnostic {
  return diagnostic('EraOutOfRange', 'warning', line, `${prefix}${eraSlipMessage(s)}`, text, {
    written: s.written,
    era: s.era,
    side: s.side,
    boundary: s.boundary,
    read: s.read,
    readEra: eraLabelOf(s.read),
  });
}
