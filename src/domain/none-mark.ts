/**
 * What the genre writes in a cell for "none": an em dash, or one of the many look-alikes text extraction turns it
 * into, or なし. A year whose cell holds it had no exchange, so an event's text never reads as one.
 */
export const NONE_MARK = /^[—―‐\-ー－─━−–]+$|^なし$|^無し$/;

/** The text is only a none mark, after NFKC and without white space (― , －, 「 — 」, なし). */
export function isNoneText(text: string): boolean {
  return NONE_MARK.test(text.normalize('NFKC').replace(/\s/g, ''));
}
