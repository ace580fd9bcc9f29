/**
 * CSV formula injection (OWASP): Excel runs a cell of a CSV file that begins with = + - @, a tab or a carriage
 * return as a formula (=HYPERLINK(…) sends the reader elsewhere). Koryu's CSV writes such a text after an
 * apostrophe, which Excel shows as text, and its reader takes that one apostrophe away again. A text that already
 * begins with apostrophes before one of those characters gets one more, so that every text reads back as it was.
 */

/** A text Excel would run, after any apostrophes before it. */
const RUNS_AFTER_APOSTROPHES = /^'*[=+\-@\t\r]/;
/** A text as guardFormula writes one: an apostrophe (and maybe more) before what Excel would run. */
const GUARDED = /^'+[=+\-@\t\r]/;

/** The text as a CSV cell Excel shows and never runs. */
export function guardFormula(text: string): string {
  return RUNS_AFTER_APOSTROPHES.test(text) ? `'${text}` : text;
}

/** A CSV cell's text as it was before guardFormula. */
export function unguardFormula(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
