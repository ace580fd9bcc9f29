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

/** What XML 1.0 does not allow (§2.2 Char): C0 controls other than tab, LF and CR, lone surrogates, U+FFFE, U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** The text without the characters XML 1.0 forbids, so that it can be written into an XML document. */
export function dropNonXmlCharacters(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}
