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
 * not UTF-8 but are valid Shift_JIS). Empty, binary, oversized and undecodable input are error diagnostics. C0 control
 * characters other than tab, line feed and carriage return are given as spaces.
 */
export function decodeDocument(bytes: Uint8Array, options: DecodeOptions): DecodeResult {
  const fail = (d: Diagnostic): DecodeResult => ({ text: undefined, encoding: undefined, diagnostics: [d] });
  if (bytes.length > options.maxBytes) {
    return fail(
      diagnostic('ImportTooLarge', 'error', null, `The document is ${bytes.length} bytes; the limit is ${options.maxBytes} bytes.`),
    );
  }
  if (bytes.length === 0) return fail(diagnostic('ImportEmpty', 'error', null, 'The document is empty.'));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded('utf-16le', tryDecode('utf-16le', bytes));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded('utf-16be', tryDecode('utf-16be', bytes));
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
