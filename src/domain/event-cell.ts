/**
 * The events of one cell of the document layout (a row of a year and a direction): separated by ASCII spaces,
 * as PDF extraction and Koryu's text export write them. An ideographic space (U+3000) stays inside an event's
 * text. The reader and the text export share these rules, so that what the export writes reads back the same.
 */

/** The events of a cell, split at ASCII spaces except where the text goes on across one (continuesAcrossSpace). */
export function splitEventCell(content: string): string[] {
  const pieces: string[] = [];
  for (const token of content.split(/ +/)) {
    if (token === '') continue;
    const last = pieces.at(-1);
    if (last !== undefined && continuesAcrossSpace(last, token)) pieces[pieces.length - 1] = `${last} ${token}`;
    else pieces.push(token);
  }
  return pieces;
}

const OPENING = '「『（(【〔［[〈《“';
const CLOSING = '」』）)】〕］]〉》”';
const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

/**
 * True when `next` goes on with the text `before` across a space, rather than starting another event: inside
 * brackets (「Kanazawa Night in Dalian」を開催), between two Latin letters or digits (Kanazawa Night), or before
 * を, which no event starts with (Kanazawa Night を開催). The text export starts a new row where this holds
 * between two events.
 */
export function continuesAcrossSpace(before: string, next: string): boolean {
  let open = 0;
  for (const ch of before) {
    if (OPENING.includes(ch)) open++;
    else if (CLOSING.includes(ch) && open > 0) open--;
  }
  return open > 0 || (LATIN_END.test(before) && LATIN_START.test(next)) || next.startsWith('を');
}
