import { replaceControlCharacters } from '../domain/control-characters.js';
import { diagnostic, type Diagnostic } from '../domain/diagnostic.js';

export interface DecodeResult {
  text: string | undefined;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | undefined;
  diagnostics: Diagnostic[];
}

export interface DecodeOptions {
  /** Documents larger than this are refused before they are read further. */
  maxBytes: number;
}

/** Control characters other than tab, line feed, carriage return, form feed: text documents have almost none. */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n === 0 ? 0 : control / n;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream names of an Excel 97–2003 workbook (Excel 5: Book), as an OLE2 file's directory holds them: UTF-16LE. */
const WORKBOOK_STREAMS = ['Workbook', 'Book'].map((name) => Buffer.from(`${name}\0`, 'utf16le'));

/** An Excel 97–2003 workbook (.xls): an OLE2 compound file with a workbook stream. Not a .doc, whose streams differ. */
export function isLegacyWorkbook(bytes: Uint8Array): boolean {
  if (!OLE2.every((b, i) => bytes[i] === b)) return false;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return WORKBOOK_STREAMS.some((name) => buffer.includes(name));
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Bytes to text: UTF-8 with or without BOM, UTF-16 with BOM, or Shift_JIS/CP932 (detected when the bytes are
 * not UTF-8 but are valid Shift_JIS). Empty, binary, oversized and undecodable input are error diagnostics; an
 * Excel 97–2003 workbook is ImportInvalidWorkbook, saying to save it as .xlsx. C0 control characters other than
 * tab, line feed and carriage return are given as spaces.
 */
/** A PDF starts with `%PDF-` (within its first kilobyte, as readers accept). */
function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

export function decodeDocument(bytes: Uint8Array, options: DecodeOptions): DecodeResult {
  const fail = (d: Diagnostic): DecodeResult => ({ text: undefined, encoding: undefined, diagnostics: [d] });
  if (bytes.length > options.maxBytes) {
    return fail(
      diagnostic('ImportTooLarge', 'error', null, `The document is ${bytes.length} bytes; the limit is ${options.maxBytes} bytes.`, '', { bytes: bytes.length, max: options.maxBytes }),
    );
  }
  if (bytes.length === 0) return fail(diagnostic('ImportEmpty', 'error', null, 'The document is empty.'));
  if (isLegacyWorkbook(bytes)) {
    const message = 'The file is an Excel 97–2003 workbook (.xls), which Koryu cannot read; open it in Excel, save it as an Excel workbook (.xlsx) and import that.';
    return fail(diagnostic('ImportInvalidWorkbook', 'error', null, message, '', { kind: 'xls' }));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded('utf-16le', tryDecode('utf-16le', bytes));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded('utf-16be', tryDecode('utf-16be', bytes));
  if (isPdf(bytes)) {
    const message = 'The file is a PDF, which Koryu does not read: open it, select all its text, copy it into a text file (.txt), save that and import it.';
    return fail(diagnostic('ImportBinary', 'error', null, message, '', { kind: 'pdf' }));
  }
  if (bytes.includes(0) || controlShare(bytes) > 0.01) {
    return fail(diagnostic('ImportBinary', 'error', null, 'The document is a binary file, not text.'));
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return decoded('utf-8', utf8);
  const sjis = tryDecode('shift_jis', bytes);
  if (sjis !== undefined && !/[\u0080-\u009f\ufffd]/.test(sjis)) return decoded('shift_jis', sjis);
  const at = firstInvalidUtf8(bytes);
  return fail(
    diagnostic(
      'ImportInvalidEncoding',
      'error',
      lineAt(bytes, at),
      `The document is neither UTF-8 nor Shift_JIS (first invalid byte at offset ${at}).`,
    ),
  );

  function decoded(encoding: NonNullable<DecodeResult['encoding']>, text: string | undefined): DecodeResult {
    if (text === undefined) return fail(diagnostic('ImportInvalidEncoding', 'error', null, `The document is not valid ${encoding}.`));
    // A control character (a form feed at a PDF's page break) is a space: no stored text holds one.
    const clean = replaceControlCharacters(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (clean.trim() === '') return fail(diagnostic('ImportEmpty', 'error', null, 'The document holds only white space.'));
    return { text: clean, encoding, diagnostics: [] };
  }
}
