/** The bytes `start` to `end` (both included) of a file. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The one range of a `Range` header (RFC 9110 §14) for a file of `size` bytes: `bytes=a-b`, `bytes=a-` or the
 * last n bytes `bytes=-n`, an end past the file cut to its last byte. Undefined when the whole file is to be sent:
 * no header, another unit, a header that does not parse, or several ranges (which a server may answer in full).
 * 'unsatisfiable' when the range starts past the end of the file (or asks for the last 0 bytes).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  // Positions past the largest safe integer are past the end of any file.
  const position = (digits: string) => Math.min(Number(digits), Number.MAX_SAFE_INTEGER);
  const start = position(first);
  const end = last === '' ? Number.MAX_SAFE_INTEGER : position(last);
  if (end < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}
