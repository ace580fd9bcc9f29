/**
 * The events of one cell of the document layout (a row of a year and a direction): separated by ASCII spaces,
 * as PDF extraction and Koryu's text export write them. An ideographic space (U+3000) stays inside an event's
 * text. The reader and the text export share these rules, so that what the export writes reads back the same.
 */

/** The events of a cell, split at ASCII spaces except where the text goes on across one (continuesAcrossSpace). */
export function splitEventCell(content: string): string[] {
  // One pass over the cell: tokens between runs of spaces, each joined to the piece before it (with one space)
  // when the text goes on, with the brackets open counted for the piece and for the token alone.
  const pieces: string[] = [];
  let piece: string | undefined;
  let pieceOpen = 0;
  let tokenOpen = 0;
  let openBefore = 0;
  let start = -1;
  for (let i = 0; i <= content.length; i++) {
    const c = i < content.length ? content.charCodeAt(i) : SPACE;
    if (c !== SPACE) {
      if (start < 0) {
        start = i;
        openBefore = pieceOpen;
        tokenOpen = 0;
      }
      const step = STEP[c]!;
      if (step > 0) {
        pieceOpen++;
        tokenOpen++;
      } else if (step < 0) {
        if (pieceOpen > 0) pieceOpen--;
        if (tokenOpen > 0) tokenOpen--;
      }
      continue;
    }
    if (start < 0) continue;
    const token = content.slice(start, i);
    start = -1;
    if (piece !== undefined && (openBefore > 0 || goesOnAfter(piece, token))) {
      piece = `${piece} ${token}`;
    } else {
      if (piece !== undefined) pieces.push(piece);
      piece = token;
      pieceOpen = tokenOpen;
    }
  }
  if (piece !== undefined) pieces.push(piece);
  return pieces;
}

const SPACE = 0x20;
const OPENING = '「『（(【〔［[〈《“';
const CLOSING = '」』）)】〕］]〉》”';
/** +1 at each opening bracket's code unit, -1 at each closing one's (all of them in the BMP), 0 elsewhere. */
const STEP = new Int8Array(0x10000);
for (const c of OPENING) STEP[c.charCodeAt(0)] = 1;
for (const c of CLOSING) STEP[c.charCodeAt(0)] = -1;

/** The brackets open after `text`, `open` being open before it; a closing bracket with none open counts for nothing. */
function bracketsOpenAfter(text: string, open: number): number {
  for (let i = 0; i < text.length; i++) {
    const step = STEP[text.charCodeAt(i)]!;
    if (step > 0) open++;
    else if (step < 0 && open > 0) open--;
  }
  return open;
}

const isLatinOrDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** が に で へ の は も: particles that start no event when a kanji or katakana word follows them (に参加, で開催). */
const PARTICLES = new Set([0x304c, 0x306b, 0x3067, 0x3078, 0x306e, 0x306f, 0x3082]);
const isHiragana = (c: number): boolean => c >= 0x3041 && c <= 0x309f;
/** 、 and ，: a text ending with one goes on. */
const isComma = (c: number): boolean => c === 0x3001 || c === 0xff0c;
/** ～ (full-width tilde) and 〜 (wave dash): a word led by one is a subtitle (`～友好35周年～`), which no event starts with. */
const isWaveDash = (c: number): boolean => c === 0xff5e || c === 0x301c;

/**
 * Between two Latin letters or digits; before を, which no event starts with; before one of PARTICLES followed by
 * anything but hiragana (`Japan Week 2011 に参加`; an event may start with a word such as のと or はしご車); after a
 * comma (`市長が訪問、 式典に出席`); before a subtitle led by a wave dash (`市長が蘇州市を訪問 ～友好35周年～`).
 */
function goesOnAfter(before: string, next: string): boolean {
  const first = next.charCodeAt(0);
  const last = before.charCodeAt(before.length - 1);
  if (first === 0x3092 || isComma(last) || isWaveDash(first)) return true;
  if (PARTICLES.has(first) && next.length > 1 && !isHiragana(next.charCodeAt(1))) return true;
  return isLatinOrDigit(first) && isLatinOrDigit(last);
}

/**
 * True when `next` goes on with the text `before` across a space, rather than starting another event: inside
 * brackets (「Kanazawa Night in Dalian」を開催), between two Latin letters or digits (Kanazawa Night), before
 * を, which no event starts with (Kanazawa Night を開催), before a particle and a kanji or katakana word
 * (Japan Week に参加), after a comma, or before a subtitle led by a wave dash (～友好35周年～). The text export starts a new row where this holds
 * between two events.
 */
export function continuesAcrossSpace(before: string, next: string): boolean {
  return bracketsOpenAfter(before, 0) > 0 || goesOnAfter(before, next);
}
