/** Stable codes for what the importer noticed; tests and tools match on these, never on messages. */
export const DIAGNOSTIC_CODES = [
  'ImportEmpty',
  'ImportBinary',
  'ImportInvalidEncoding',
  'ImportTooLarge',
  'NothingImportable',
  'UnparsedLine',
  'NotAnExchange',
  'UnknownDirection',
  'YearOutOfOrder',
  'YearMismatch',
  'DuplicateEvent',
  'MissingPartner',
  'InvalidJson',
  'LineTooLong',
  'TooManyEvents',
  'RecordsWithoutEvents',
  'DateOutsideYear',
  'RowMissingCells',
  'UnreadableDate',
  'RecordLinkNotFound',
  'RecordLinkMismatch',
  'SheetNotRead',
  'ImportInvalidWorkbook',
  'EraOutOfRange',
  'UnreadableYearHeading',
  'EraYearsDisagree',
  'TableRowsUnread',
  'DirectionMismatch',
  'UnreadableCsv',
  'FutureYear',
  'ColumnNotRead',
  'NoExchangeYearHasEvents',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** 1-based line of the source document, or null when the problem concerns the whole document. */
  line: number | null;
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** The offending text, shortened for display. */
  excerpt: string;
  /**
   * Values the message names (a limit, a date, the year used), for the pages that say it in another language; absent
   * for most codes. Not part of koryu/1.
   */
  params?: Readonly<Record<string, string | number>>;
}

const EXCERPT_MAX = 80;

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 1)}…` : flat;
}

export function diagnostic(
  code: DiagnosticCode,
  severity: Severity,
  line: number | null,
  message: string,
  text = '',
  params?: Readonly<Record<string, string | number>>,
): Diagnostic {
  return params ? { line, code, severity, message, excerpt: excerptOf(text), params } : { line, code, severity, message, excerpt: excerptOf(text) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
