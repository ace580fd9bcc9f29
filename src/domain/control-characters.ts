/**
 * Control characters in text. A record's texts come from PDFs (a form feed at each page break) and from other
 * programs (\u0001 in a koryu/1 document); no exchange or caption means one, and XML 1.0 forbids them.
 */

/** C0 control characters other than tab, line feed and carriage return. */
const C0_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** The text with each C0 control character other than tab, line feed and carriage return as a space. */
export function replaceControlCharacters(text: string): string {
  return text.replace(C0_CONTROLS, ' ');
}

/** A line break (CRLF counting as one) or a tab: a document's row ends at the one, its cell at the other. */
const LINE_BREAK_OR_TAB = /\r\n|[\t\n\r\u0085\u2028\u2029]/g;

/**
 * Free text as one cell of a document holds it: each control character a space (replaceControlCharacters, as the
 * importer reads every document), each line break and tab a space, and no white space around it (as the importer
 * trims a cell). What the staff editor stores of a text typed or pasted in a form or sent to its API.
 */
export function flattenCellText(text: string): string {
  return replaceControlCharacters(text).replace(LINE_BREAK_OR_TAB, ' ').trim();
}

/** What XML 1.0 does not allow (§2.2 Char): C0 controls other than tab, LF and CR, lone surrogates, U+FFFE, U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** The text without the characters XML 1.0 forbids, so that it can be written into an XML document. */
export function dropNonXmlCharacters(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}
