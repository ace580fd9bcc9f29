import { diagnostic, type Diagnostic, type DiagnosticCode } from '../domain/diagnostic.js';
import { isDirection, type Direction } from '../domain/direction.js';
import type { ExchangeEvent, Partnership, PhotoRecord } from '../domain/partnership.js';
import { LICENCE_SHEET, NO_EXCHANGE_CODE, NO_EXCHANGE_LABEL, RECORDS_SEPARATOR, type EventColumnKey, type RecordColumnKey } from '../domain/sheet-columns.js';
import type { Translations } from '../domain/translation.js';
import { readImpossibleDate, readLeadingDate } from './dates.js';
import { isNoneMark, readDirectionLabel } from './direction-labels.js';
import { eraOutOfRange, type EraSlip } from './era-range.js';
import { readTitle } from './headings.js';
import { continuesNoYear, digitLookalike, meantYear, writeAs } from './row-year.js';
import { eraYearsDisagree } from './year-conflict.js';
import type { ParseOptions, ParseResult } from './layout.js';
import { cellText, findHeader, type Sheet, type SheetCell, type SheetHeader, type SheetRow } from './sheet.js';
import { foldWidth, isGenreYear, readYearCell } from './years.js';

/** An exchange's text as a photo row's 関連する交流 names it: NFKC, without white space. */
function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

interface Draft extends Partnership {
  /** Event index by the No. the sheet gave it. */
  byNo: Map<string, number>;
  /** Event index by the stored id (the ID column of an export) the sheet gave it. */
  byId: Map<string, number>;
  /** Captions from the event table's photo column, for when no photo-record table is given. */
  captions: PhotoRecord[];
}

/** Values that continue down the rows until a row gives a new one: people leave repeated cells blank. */
interface Carry {
  home: string;
  partner: string | undefined;
  kind: string | undefined;
  affiliatedOn: string | null;
  year: number | undefined;
  /** The carried year is a fiscal year (年度): dates of 1月 to 3月 under it fall in the next calendar year. */
  fiscal?: boolean;
  /** The row whose year cell (or 和暦 cell) was refused, so that the blank year cells below it continue no year. */
  unreadYearRow?: number | undefined;
}

/** Two era years naming different years, with no Gregorian year (平成30年（令和元年）): the cell, and the years. */
interface YearConflict {
  written: string;
  years: readonly number[];
}

/**
 * Era years written outside their era (H35) are noted in `slips`, to be warned of when the row is read; a cell whose era
 * years disagree is no year (null), noted in `conflicts`.
 */
function readYear(cell: SheetCell | undefined, slips: EraSlip[] = [], conflicts: YearConflict[] = []): number | undefined | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && isGenreYear(cell) ? cell : null;
  if (cell instanceof Date) return cell.getUTCFullYear();
  const s = cellText(cell);
  if (s === '') return undefined;
  const reading = readYearCell(s);
  if (reading?.conflict) return conflicts.push({ written: s, years: reading.conflict }), null;
  if (reading?.eraSlip) slips.push(reading.eraSlip);
  return reading?.year ?? null;
}

/** YYYY-MM-DD or YYYY-MM; undefined for a blank cell, null for one that is not a date. */
function readDate(cell: SheetCell | undefined, year: number | undefined, slips: EraSlip[] = [], fiscal = false): string | undefined | null {
  if (cell instanceof Date) return cellText(cell) || null;
  const s = foldWidth(cellText(cell));
  if (s === '') return undefined;
  const month = /^(\d{4})-(\d{2})$/.exec(s);
  if (month) return Number(month[2]) >= 1 && Number(month[2]) <= 12 && isGenreYear(Number(month[1])) ? s : null;
  const reading = readLeadingDate(s, year === undefined ? undefined : { year, fiscal });
  if (!reading || reading.rest !== '') return null;
  if (reading.eraSlip) slips.push(reading.eraSlip);
  return reading.date;
}

function translationsOf(en: string, zh: string): { translations?: Translations } {
  const t: Translations = {};
  if (en) t.en = en;
  if (zh) t.zh = zh;
  return en || zh ? { translations: t } : {};
}

class SheetReader {
  readonly diagnostics: Diagnostic[] = [];
  readonly drafts = new Map<string, Draft>();
  hasRecordTable = false;

  constructor(readonly options: ParseOptions) {}

  /**
   * A warning about a row; UnparsedLine unless another code says what happened to it. Its `sheet` param names the
   * sheet (the file, for a CSV pair), so that pages can say which file a line number is of.
   */
  warn(row: SheetRow, sheet: Sheet, message: string, code: DiagnosticCode = 'UnparsedLine', params?: Readonly<Record<string, string | number>>): void {
    this.diagnostics.push(diagnostic(code, 'warning', row.line, `${sheet.name}: ${message}`, row.cells.map(cellText).join(' '), { ...params, sheet: sheet.name }));
  }

  /** A year (or 和暦) cell that holds no year: the cell is named, and a numeral typed as its look-alike (ニ〇一九) said. */
  unreadYear(row: SheetRow, sheet: Sheet, column: string, cell: SheetCell | undefined, rest: string): void {
    const written = cellText(cell);
    const look = digitLookalike(written);
    const hint = look ? ` (「${look.written}」 is not 「${look.meant}」)` : '';
    const meant = meantYear(written);
    const params = { reason: 'yearCell', column, cell: written, ...(look ? { lookalike: look.written, meant: look.meant } : {}), ...(meant ? { meantYear: meant } : {}) };
    const write = meant === undefined ? 'Write it as 2017, 2017年 or 平成29年.' : writeAs(meant);
    this.warn(row, sheet, `the ${column} cell 「${written}」 does not hold a year${hint}${rest}; the row was not imported. ${write}`, 'UnparsedLine', params);
  }

  /** A 日付 cell that is no date, or a date that does not exist (2023年2月30日), which is said. */
  unreadableDate(row: SheetRow, sheet: Sheet, cell: string, year: number, fiscal: boolean): void {
    const impossible = readImpossibleDate(foldWidth(cell), { year, fiscal });
    if (!impossible || impossible.rest !== '') return this.warn(row, sheet, `"${cell}" is not a date; the event was imported without one.`, 'UnreadableDate');
    const message = `${sheet.name}: the date "${cell}" does not exist (${impossible.date}); the event was imported without one.`;
    this.diagnostics.push(diagnostic('UnreadableDate', 'warning', row.line, message, row.cells.map(cellText).join(' '), { reason: 'noSuchDate', date: impossible.date }));
  }

  eraSlip(row: SheetRow, sheet: Sheet, slip: EraSlip): void {
    this.diagnostics.push(eraOutOfRange(row.line, slip, row.cells.map(cellText).join(' '), `${sheet.name}: `));
  }

  draft(c: Carry): Draft {
    const key = `${c.home}\u0000${c.partner}`;
    let d = this.drafts.get(key);
    if (!d) {
      d = { home: c.home, partner: c.partner!, kind: c.kind ?? '', affiliatedOn: c.affiliatedOn, noExchangeYears: [], events: [], records: [], byNo: new Map(), byId: new Map(), captions: [] };
      this.drafts.set(key, d);
    }
    // No kind given (''): an import keeps the stored kind, and a new partnership takes DEFAULT_KIND (kindOnCreation).
    if (c.kind && d.kind === '') d.kind = c.kind;
    if (c.affiliatedOn && !d.affiliatedOn) d.affiliatedOn = c.affiliatedOn;
    return d;
  }

  /** Updates the carried values from a row; false (after a warning) when the row cannot be placed. */
  carry<K extends string>(sheet: Sheet, row: SheetRow, header: SheetHeader<K>, c: Carry): boolean {
    const get = (key: string) => cellText(row.cells[(header.columns as Record<string, number | undefined>)[key] ?? -1]);
    const partner = get('partner');
    if (get('home')) c.home = get('home');
    if (partner && partner !== c.partner) {
      Object.assign(c, { partner, kind: undefined, affiliatedOn: null, year: undefined, unreadYearRow: undefined });
    }
    if (get('kind')) c.kind = get('kind');
    const affiliationSlips: EraSlip[] = [];
    const affiliation = readDate(row.cells[(header.columns as Record<string, number | undefined>).affiliatedOn ?? -1], undefined, affiliationSlips);
    if (affiliation && affiliation.length === 10) {
      if (c.affiliatedOn !== affiliation) for (const slip of affiliationSlips) this.eraSlip(row, sheet, slip);
      c.affiliatedOn = affiliation;
    }
    const slips: EraSlip[] = [];
    const conflicts: YearConflict[] = [];
    const year = readYear(row.cells[(header.columns as Record<string, number | undefined>).year ?? -1], slips, conflicts);
    const eraCell = row.cells[(header.columns as Record<string, number | undefined>).era ?? -1];
    const era = readYear(eraCell, slips, conflicts);
    const conflict = conflicts[0];
    if (conflict && (year === null || (year === undefined && era === null))) {
      [c.year, c.unreadYearRow] = [undefined, row.line];
      this.diagnostics.push(eraYearsDisagree(row.line, conflict.written, conflict.years, row.cells.map(cellText).join(' '), `${sheet.name}: `));
      return false;
    }
    if (year === null) {
      [c.year, c.unreadYearRow] = [undefined, row.line];
      return void this.unreadYear(row, sheet, header.fiscal ? '年度' : '年', row.cells[(header.columns as Record<string, number | undefined>).year ?? -1], ''), false;
    }
    for (const slip of slips) this.eraSlip(row, sheet, slip);
    const fiscalIn = (cell: SheetCell | undefined) => header.fiscal === true || /年度/.test(cellText(cell));
    if (year !== undefined) {
      [c.year, c.unreadYearRow, c.fiscal] = [year, undefined, fiscalIn(row.cells[(header.columns as Record<string, number | undefined>).year ?? -1])];
      if ((typeof era === 'number' && era !== year) || (era === null && conflict)) {
        const named = conflict ? conflict.years.join(' and ') : String(era);
        const message = `${sheet.name}: the 和暦 cell ${cellText(eraCell)} names ${named}, not the year ${year} beside it; ${year} was used.`;
        this.diagnostics.push(diagnostic('YearMismatch', 'warning', row.line, message, row.cells.map(cellText).join(' ')));
      }
    } else if (era === null) {
      [c.year, c.unreadYearRow] = [undefined, row.line];
      return void this.unreadYear(row, sheet, '和暦', eraCell, (header.columns as Record<string, number | undefined>).year === undefined ? '' : ' and the year cell is blank'), false;
    } else if (era !== undefined) [c.year, c.unreadYearRow, c.fiscal] = [era, undefined, fiscalIn(eraCell)];
    if (c.partner === undefined) {
      this.diagnostics.push(diagnostic('MissingPartner', 'error', row.line, `${sheet.name}: no partner city is named (a 相手都市 column or a title such as 友好都市○○市との歩み).`));
      return false;
    }
    if (c.year === undefined && c.unreadYearRow !== undefined) {
      return void this.diagnostics.push(continuesNoYear(row.line, row.cells.map(cellText).join(' '), c.unreadYearRow, `${sheet.name}: `)), false;
    }
    if (c.year === undefined) return void this.warn(row, sheet, 'no year is given in this row or above it; the row was not imported.', 'UnparsedLine', { reason: 'noYearAbove' }), false;
    return true;
  }

  eventRow(sheet: Sheet, row: SheetRow, header: SheetHeader<EventColumnKey>, c: Carry): void {
    const at = (k: EventColumnKey) => row.cells[header.columns[k] ?? -1];
    const text = cellText(at('text'));
    const code = cellText(at('direction'));
    const label = cellText(at('directionLabel'));
    if (!this.carry(sheet, row, header, c)) return;
    const d = this.draft(c);
    const year = c.year!;
    // A sheet typed by hand may mark a year without exchange in the text column too (2019年,—,—).
    const noText = text === '' || isNoneMark(text);
    if (noText) {
      const none = code === NO_EXCHANGE_CODE || label === NO_EXCHANGE_LABEL || (code === '' && (isNoneMark(label) || (label === '' && text !== '')));
      if (none) {
        if (!d.noExchangeYears.includes(year)) d.noExchangeYears.push(year);
      } else this.warn(row, sheet, 'the row has no event text; it was not imported.', 'UnparsedLine', { reason: 'noEventText' });
      return;
    }
    const direction = this.direction(sheet, row, code, label, text);
    const slips: EraSlip[] = [];
    const fiscal = c.fiscal === true;
    const date = readDate(at('date'), year, slips, fiscal);
    for (const slip of slips) this.eraSlip(row, sheet, slip);
    if (date === null) this.unreadableDate(row, sheet, cellText(at('date')), year, fiscal);
    const event: ExchangeEvent = { year, date: date ?? null, direction, text, ...translationsOf(cellText(at('en')), cellText(at('zh'))), line: row.line };
    const index = d.events.push(event) - 1;
    const no = cellText(at('no'));
    if (no) d.byNo.set(foldWidth(no), index);
    // The ID of an export names the stored event; it links photo records only, the import matching events by what they say.
    const id = foldWidth(cellText(at('id')));
    if (id) d.byId.set(id, index);
    for (const caption of String(at('records') ?? '').split(RECORDS_SEPARATOR).map((s) => s.trim()).filter(Boolean)) {
      d.captions.push({ year, caption, event: index, line: row.line });
    }
  }

  /**
   * The row's direction. The 区分 label is what people read and edit (in Excel too), the 区分コード is written beside
   * it for programs: when both are readable and disagree, the label is the edit and wins, with DirectionMismatch.
   * A blank or unknown label leaves the code; an unknown label with no code gives UnknownDirection.
   */
  direction(sheet: Sheet, row: SheetRow, code: string, label: string, text: string): Direction {
    const read = label === '' ? undefined : readDirectionLabel(label);
    if (isDirection(code)) {
      if (read === undefined || read === code) return code;
      const message = `${sheet.name}: the 区分 "${label}" (${read}) and the 区分コード "${code}" disagree; the event was imported as ${label}, what 区分 says. Correct the 区分コード too, or leave it blank.`;
      this.diagnostics.push(diagnostic('DirectionMismatch', 'warning', row.line, message, text, { label, code }));
      return read;
    }
    if (label === '' && code === '') return 'unknown';
    const known = read ?? readDirectionLabel(label || code);
    if (known) return known;
    this.diagnostics.push(diagnostic('UnknownDirection', 'warning', row.line, `${sheet.name}: "${label || code}" is not a direction Koryu knows; imported as unspecified.`, text));
    return 'unknown';
  }

  recordRow(sheet: Sheet, row: SheetRow, header: SheetHeader<RecordColumnKey>, c: Carry, links: (() => void)[]): void {
    const at = (k: RecordColumnKey) => row.cells[header.columns[k] ?? -1];
    const caption = cellText(at('caption'));
    if (!this.carry(sheet, row, header, c)) return;
    if (caption === '') return this.warn(row, sheet, 'the row has no caption; it was not imported.', 'UnparsedLine', { reason: 'noCaption' });
    const d = this.draft(c);
    const record: PhotoRecord = { year: c.year!, caption, ...translationsOf(cellText(at('en')), cellText(at('zh'))), event: null, line: row.line };
    d.records.push(record);
    const no = foldWidth(cellText(at('event')));
    const id = foldWidth(cellText(at('eventId')));
    const text = cellText(at('eventText'));
    // Links are resolved after every sheet is read: the photo table may come before the event table. 交流 No. first
    // (what staff edit), then 交流ID (the stored event's, when the event table gives its ID column), then the text.
    links.push(() => {
      record.event = this.recordLink(sheet, row, d, record.year, no, text, id);
    });
  }

  /**
   * The event a photo row shows, by its 交流 No. and its 関連する交流 text. When both are given and disagree (the No.
   * column renumbered in Excel, the photo sheet left alone), the text decides when it names exactly one exchange of
   * the record's year (or, naming none of that year, exactly one of another year); when it names none, the No. does
   * (the text is an exchange's old wording); when it names several and the No. is none of them, neither decides and
   * the record is not linked. Each of these is warned of
   * (RecordLinkMismatch, naming what was linked), as is a No. no event has (RecordLinkNotFound).
   */
  recordLink(sheet: Sheet, row: SheetRow, d: Draft, year: number, no: string, text: string, id = ''): number | null {
    const same = (a: string, b: string) => comparable(a) === comparable(b);
    // The exchanges the text names: those of the record's year, else those of any year.
    const anyYear = text ? d.events.flatMap((e, i) => (same(e.text, text) ? [i] : [])) : [];
    const inYear = anyYear.filter((i) => d.events[i]!.year === year);
    const named = inYear.length > 0 ? inYear : anyYear;
    if (!no) {
      // With 交流 No. blank: the stored event's 交流ID (an exported sheet's), else the text.
      const byId = id ? d.byId.get(id) : undefined;
      if (byId !== undefined) return byId;
      if (named.length > 0) return named[0]!;
      if (id) this.warn(row, sheet, `no event has ID ${id}; the photo record was imported without a link.`, 'RecordLinkNotFound', { id });
      return null;
    }
    const byNo = d.byNo.get(no);
    if (byNo === undefined) {
      const linked = named.length === 1 ? named[0]! : null;
      const how = linked === null ? 'the photo record was imported without a link' : `the photo record was linked by its 関連する交流 「${text}」`;
      this.warn(row, sheet, `no event has No. ${no}; ${how}.`, 'RecordLinkNotFound', { no, ...(linked === null ? {} : { text }) });
      return linked;
    }
    if (!text || same(d.events[byNo]!.text, text) || named.includes(byNo)) return byNo;
    const noText = d.events[byNo]!.text;
    // The year the text's exchanges are of, when they are of one year.
    const params: Record<string, string | number> = { no, noText, text, count: named.length };
    if (inYear.length > 0 || named.length === 1) params.year = d.events[named[0]!]!.year;
    if (named.length === 1) {
      const message = `No. ${no} is 「${noText}」, but the 関連する交流 「${text}」 names another exchange (of ${d.events[named[0]!]!.year}); the photo record was linked to 「${text}」. Check the 交流 No. column (was it renumbered?).`;
      this.warn(row, sheet, message, 'RecordLinkMismatch', { ...params, decided: 'text' });
      return named[0]!;
    }
    if (named.length === 0) {
      const message = `the 関連する交流 「${text}」 names no exchange; the photo record was linked by No. ${no} to 「${noText}」. Correct either cell if that is not the exchange it shows.`;
      this.warn(row, sheet, message, 'RecordLinkMismatch', { ...params, decided: 'no' });
      return byNo;
    }
    const message = `No. ${no} is 「${noText}」, and the 関連する交流 「${text}」 names ${named.length} exchanges${inYear.length > 0 ? ` of ${year}` : ''}; neither decides, so the photo record was imported without a link. Correct either cell.`;
    this.warn(row, sheet, message, 'RecordLinkMismatch', { ...params, decided: 'none' });
    return null;
  }

  /**
   * A note for each headed column Koryu does not read (備考, 担当課 …) that holds something below its header: its
   * cells are not imported, and staff should know before they rely on them.
   */
  columnsNotRead(sheet: Sheet, header: SheetHeader): void {
    const headerRow = sheet.rows[header.at]!;
    const read = new Set(Object.values(header.columns as Record<string, number | undefined>));
    headerRow.cells.forEach((cell, index) => {
      const name = cellText(cell);
      if (name === '' || read.has(index)) return;
      const filled = sheet.rows.slice(header.at + 1).filter((r) => cellText(r.cells[index]) !== '').length;
      if (filled === 0) return;
      const message = `${sheet.name}: the column 「${name}」 is not one Koryu reads; its ${filled} filled cell${filled === 1 ? ' was' : 's were'} not imported. Write what should be kept into the 交流内容 (or 写真説明) cell.`;
      this.diagnostics.push(diagnostic('ColumnNotRead', 'info', headerRow.line, message, headerRow.cells.map(cellText).join(' '), { column: name, cells: filled, sheet: sheet.name }));
    });
  }

  sheet(sheet: Sheet, links: (() => void)[]): void {
    const header = findHeader(sheet.rows);
    if (!header) {
      if (sheet.name !== LICENCE_SHEET && sheet.rows.some((r) => r.cells.some((x) => cellText(x) !== ''))) {
        this.diagnostics.push(diagnostic('SheetNotRead', 'info', null, `${sheet.name}: no header row with a year and an event or caption column; the sheet was not read.`));
      }
      return;
    }
    const title = sheet.rows.slice(0, header.at).flatMap((r) => r.cells.map((x) => readTitle(cellText(x)))).find((t) => t !== undefined);
    const c: Carry = { home: this.options.home, partner: title?.partner, kind: title?.kind, affiliatedOn: null, year: undefined };
    if (header.kind === 'records') this.hasRecordTable = true;
    this.columnsNotRead(sheet, header);
    const first = this.diagnostics.length;
    for (const row of sheet.rows.slice(header.at + 1)) {
      if (row.cells.every((x) => cellText(x) === '')) continue;
      if (header.kind === 'events') this.eventRow(sheet, row, header as SheetHeader<EventColumnKey>, c);
      else this.recordRow(sheet, row, header as SheetHeader<RecordColumnKey>, c, links);
    }
    // Every diagnostic of a row names its sheet, as warn's do.
    for (let i = first; i < this.diagnostics.length; i++) {
      const d = this.diagnostics[i]!;
      if (d.line !== null && d.params?.sheet === undefined) this.diagnostics[i] = { ...d, params: { ...d.params, sheet: sheet.name } };
    }
  }
}

/**
 * Koryu's spreadsheets (the CSV and XLSX exports) and sheets made by hand with the same columns: event tables
 * and photo-record tables, in any order, any number of partnerships. A blank year cell takes the year of the 和暦
 * cell beside it (令和3年, H18), else continues the row above, as blank cells of the partner, home and kind columns
 * do; a 和暦 cell naming another year than the year cell gives YearMismatch (the year cell wins). When no
 * photo-record table is given, the captions in the event table's photo column become records linked to their
 * events. Problems are diagnostics; the result still needs validateResult.
 */
export function readSheets(sheets: readonly Sheet[], options: ParseOptions): ParseResult {
  const reader = new SheetReader(options);
  const links: (() => void)[] = [];
  for (const sheet of sheets) reader.sheet(sheet, links);
  for (const link of links) link();
  const partnerships: Partnership[] = [...reader.drafts.values()].map(({ byNo: _n, byId: _i, captions, ...p }) => ({
    ...p,
    // Without a photo-record table, the photo column names only the records that show an event: not the whole list.
    ...(reader.hasRecordTable ? { records: p.records } : { records: captions, recordsListedByEvents: true as const }),
  }));
  if (reader.hasRecordTable && partnerships.some((p) => p.events.length === 0 && p.noExchangeYears.length === 0 && p.records.length > 0)) {
    reader.diagnostics.push(
      diagnostic('RecordsWithoutEvents', 'error', null, 'The photo records come without their event table; import both together (koryu import FILE.csv FILE.photos.csv), so the events already stored are not replaced by none.'),
    );
  }
  return { partnerships, diagnostics: reader.diagnostics };
}
