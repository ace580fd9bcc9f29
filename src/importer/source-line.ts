/** One line of a decoded document: its 1-based number and its text without the line ending. */
export interface SourceLine {
  no: number;
  text: string;
}

/** Split decoded text into numbered lines (CRLF, LF or CR). */
export function splitLines(text: string): SourceLine[] {
  return text.split(/\r\n|\n|\r/).map((t, i) => ({ no: i + 1, text: t }));
}

export function isBlank(line: SourceLine): boolean {
  return line.text.trim() === '';
}
