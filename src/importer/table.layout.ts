import { diagnostic, type Diagnostic } from '../domain/diagnostic.js';
import { readHomeLine } from '../domain/document-lines.js';
import { isLicenceNotice } from '../domain/licence.js';
import { splitEventCell } from '../domain/event-cell.js';
import type { Partnership } from '../domain/partnership.js';
import { readLeadingDate } from './dates.js';
import { isNoneMark, readDirectionLabel } from './direction-labels.js';
import { eraOutOfRange } from './era-range.js';
import { affiliationOf, isHeaderRow, isPhotoSectionTitleOf, titleOf } from './headings.js';
import type { Layout, ParseOptions, ParseResult } from './layout.js';
import { stripMarkup } from './markup.js';
import { isBlank, type SourceLine } from './source-line.js';
import { continuesNoYear, firstCellRefused } from './row-year.js';
import { eraYearsDisagree } from './year-conflict.js';
import { readYearShape } from './year-shape.js';
import { foldWidth, readYearCell, type YearReading } from './years.js';

/** Header cells naming the direction column and the content column. */
const DIRECTION_HEADER = /^(区分|方向|種別|派遣[・/]?受入|受入[・/]?派遣)$/;
const CONTENT_HEADER = /^(交流内容|内容|事業内容|概要|交流事業|事業名|交流の内容)$/;
/** Header cells naming a column of the events' dates (月日: 4月13日, 10月, 5/1), read in the row's year. */
const DATE_HEADER = /^(月日|月|日付|期日|時期|実施日|開催日|実施時期|年月日)$/;

/**
 * The layout of the Kanazawa–Dalian document: tab-separated rows `YEAR<TAB>DIRECTION<TAB>CONTENT` under a title
 * and an affiliation line, page headers repeated, then a photo-record section of `YEAR<TAB>caption<TAB>caption`
 * whose cells may be HTML fragments. A blank year continues the year above; CONTENT holds events separated by
 * spaces; `—` as CONTENT marks a year without exchange.
 */
export const tableLayout: Layout = {
  name: 'table',
  score(lines) {
    const filled = lines.filter((l) => !isBlank(l));
    if (filled.length === 0) return 0;
    return filled.filter((l) => l.text.includes('\t')).length / filled.length;
  },
  parse: parseTable,
};

/** A date written before an event's text, as Koryu's own text export writes it: （2019年4月13日）. */
const DATE_PREFIX = /^[(（]([^()（）]{3,20})[)）]\s*/;


class TableReader {
  readonly partnerships: Partnership[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private current: Partnership | undefined;
  private section: 'timeline' | 'photos' = 'timeline';
  private year: YearReading | undefined;
  /** The line of a row whose year cell was refused: the blank year cells below it continue no year. */
  private unreadYearLine: number | undefined;
  /** The date a row's first cell gave (2019年5月1日), for its events and those of the blank cells below it. */
  private rowDate: string | null = null;
  /**
   * The columns (after the year) a header named 区分 and the content in, when 区分 is not the first or a date column
   * (月日) is named too.
   */
  private columns: { direction: number; content: number; date: number | undefined } | undefined;
  private warnedMissingTitle = false;
  /** The home a home line named (Koryu's text export of several homes), for the partnerships below it. */
  private home: string | undefined;

  constructor(private readonly options: ParseOptions) {}

  read(line: SourceLine): void {
    if (isBlank(line)) return;
    // Koryu's text export: its licence's notice is no row, and a home line names the home of what follows.
    if (isLicenceNotice(line.text)) return;
    const home = readHomeLine(line.text);
    if (home !== undefined) return void (this.home = home);
    const plain = stripMarkup(line.text);
    const title = titleOf(plain);
    if (title) return this.startPartnership(title.partner, title.kind);
    const affiliation = affiliationOf(plain);
    if (affiliation) {
      if (this.current && this.current.affiliatedOn === null) {
        this.current.affiliatedOn = affiliation.date;
        if (affiliation.eraSlip) this.diagnostics.push(eraOutOfRange(line.no, affiliation.eraSlip, line.text));
      }
      return;
    }
    if (isPhotoSectionTitleOf(plain)) {
      this.section = 'photos';
      [this.year, this.unreadYearLine] = [undefined, undefined];
      return;
    }
    const cells = line.text.split('\t');
    if (isHeaderRow(cells)) return this.readHeader(cells);
    if (!this.current) {
      if (!this.warnedMissingTitle) {
        this.diagnostics.push(
          diagnostic('MissingPartner', 'error', line.no, 'No title naming the partner city (…都市〇〇市との歩み) comes before this row.', line.text),
        );
        this.warnedMissingTitle = true;
      }
      return;
    }
    const year = this.readYear(cells[0] ?? '', line, cells.length > 1);
    if (!year) return;
    if (this.section === 'photos') return this.readPhotoRow(this.current, year.year, cells.slice(1), line);
    const dateCell = this.columns?.date === undefined ? '' : stripMarkup(cells[this.columns.date + 1] ?? '').trim();
    this.readTimelineRow(this.current, year, this.inOrder(cells.slice(1)), line, this.readDateColumn(dateCell, year, line));
  }

  /**
   * A header naming the direction column after the content column (年→交流内容→区分), or a date column (年→月日→区分→
   * 交流内容): the cells after the year are read in that order, the date cell as the events' date. The genre's own order
   * (年→区分→交流内容, or no header) needs nothing.
   */
  private readHeader(cells: readonly string[]): void {
    const names = cells.slice(1).map((c) => foldWidth(stripMarkup(c)).replace(/\s/g, ''));
    const direction = names.findIndex((n) => DIRECTION_HEADER.test(n));
    const content = names.findIndex((n) => CONTENT_HEADER.test(n));
    const found = names.findIndex((n) => DATE_HEADER.test(n));
    const date = found >= 0 ? found : undefined;
    this.columns = direction >= 0 && content >= 0 && (direction > 0 || date !== undefined) ? { direction, content, date } : undefined;
  }

  /**
   * A date column's cell (4月13日, 10月, 5/1, 2015年4月13日), in the row's year (January to March of a 年度: the next);
   * null for a blank cell, and for one that is no date, which is said.
   */
  private readDateColumn(cell: string, reading: YearReading, line: SourceLine): string | null {
    if (cell === '') return null;
    const d = readLeadingDate(cell.replace(/^[(（](.+)[)）]$/, '$1'), { year: reading.year, fiscal: reading.fiscal });
    if (!d || d.rest !== '') {
      this.diagnostics.push(diagnostic('UnreadableDate', 'warning', line.no, `「${cell}」 in the date column is not a date; the row's events were imported without one.`, line.text));
      return null;
    }
    if (d.eraSlip) this.diagnostics.push(eraOutOfRange(line.no, d.eraSlip, line.text));
    return d.date;
  }

  /**
   * The cells after the year as 区分, then the content: as they are, unless the header named the two columns in
   * another place, whatever other columns (備考) or empty cells the rows hold.
   */
  private inOrder(cells: string[]): string[] {
    if (!this.columns) return cells;
    return [cells[this.columns.direction] ?? '', cells[this.columns.content] ?? ''];
  }

  private startPartnership(partner: string, kind: string): void {
    const home = this.home ?? this.options.home;
    if (this.current?.partner === partner && this.current.home === home) return; // a page header repeated mid-document
    this.current = { home, partner, kind, affiliatedOn: null, noExchangeYears: [], events: [], records: [] };
    this.partnerships.push(this.current);
    this.section = 'timeline';
    [this.year, this.unreadYearLine] = [undefined, undefined];
    this.columns = undefined; // each partner's section has its own header, or the genre's order
  }

  /**
   * The row's year: its first cell's, or the year above for a blank cell. A row (`isRow`: cells after the first) whose
   * year cell is refused leaves no year for the blank cells below it, as does a line alone shaped like a year (2O18年);
   * a line alone of another kind (a page number, a note) is no row and leaves the year as it was.
   */
  private readYear(cell: string, line: SourceLine, isRow: boolean): YearReading | undefined {
    if (stripMarkup(cell) === '') {
      if (!this.year) this.diagnostics.push(continuesNoYear(line.no, line.text, this.unreadYearLine));
      return this.year;
    }
    this.rowDate = null;
    const year = readYearCell(cell) ?? this.readDateCell(cell);
    if (!year) {
      this.diagnostics.push(firstCellRefused(line.no, line.text, stripMarkup(cell), 'line'));
      if (isRow || readYearShape(stripMarkup(cell))) [this.year, this.unreadYearLine] = [undefined, line.no];
      return undefined;
    }
    if (year.conflict) {
      this.diagnostics.push(eraYearsDisagree(line.no, stripMarkup(cell).trim(), year.conflict, line.text));
      [this.year, this.unreadYearLine] = [undefined, line.no];
      return undefined;
    }
    this.unreadYearLine = undefined;
    if (year.mismatch) {
      this.diagnostics.push(diagnostic('YearMismatch', 'warning', line.no, `The era year written beside ${year.year} names another year; ${year.year} was used.`, cell));
    }
    if (year.eraSlip) this.diagnostics.push(eraOutOfRange(line.no, year.eraSlip, cell));
    this.year = year;
    return year;
  }

  /** A first cell holding a whole date (2019年5月1日, 2019/5/1): its year, and the date kept for the row's events. */
  private readDateCell(cell: string): YearReading | undefined {
    const d = readLeadingDate(stripMarkup(cell));
    if (!d || d.rest !== '') return undefined;
    this.rowDate = d.date;
    return { year: Number(d.date.slice(0, 4)), fiscal: false, mismatch: false, rest: '', ...(d.eraSlip ? { eraSlip: d.eraSlip } : {}) };
  }

  private readTimelineRow(p: Partnership, reading: YearReading, cells: string[], line: SourceLine, cellDate: string | null): void {
    const year = reading.year;
    const [directionCell = '', ...contentCells] = cells.length >= 2 ? cells : ['', ...cells];
    const content = contentCells.map(stripMarkup).filter((c) => c !== '').join(' ');
    let direction = readDirectionLabel(directionCell);
    if (direction === undefined) {
      this.diagnostics.push(
        diagnostic('UnknownDirection', 'warning', line.no, `「${stripMarkup(directionCell)}」 is not a direction (派遣, 受入, 相互 or —); the events were imported with an unknown direction.`, line.text),
      );
      direction = 'unknown';
    }
    if (content === '') {
      // 2022年→—→: the mark of a year without exchange, with the empty cell Excel leaves after it.
      if (isNoneMark(stripMarkup(directionCell))) {
        if (!p.noExchangeYears.includes(year)) p.noExchangeYears.push(year);
        return;
      }
      this.diagnostics.push(diagnostic('UnparsedLine', 'warning', line.no, 'The row has a year but no content.', line.text, { reason: 'yearWithoutText' }));
      return;
    }
    if (isNoneMark(content)) {
      if (!p.noExchangeYears.includes(year)) p.noExchangeYears.push(year);
      return;
    }
    for (const piece of splitEventCell(content)) {
      const { date, text } = this.readDatePrefix(piece, reading, line);
      p.events.push({ year, date: date ?? cellDate ?? this.rowDate, direction, text, line: line.no });
    }
  }

  /** A date before an event's text; a month without a year is in the row's year (January to March of a 年度: the next). */
  private readDatePrefix(piece: string, reading: YearReading, line: SourceLine): { date: string | null; text: string } {
    const m = DATE_PREFIX.exec(piece);
    if (!m) return { date: null, text: piece };
    const d = readLeadingDate(m[1]!, { year: reading.year, fiscal: reading.fiscal });
    if (!d || d.rest !== '' || piece.length === m[0].length) return { date: null, text: piece };
    if (d.eraSlip) this.diagnostics.push(eraOutOfRange(line.no, d.eraSlip, piece));
    return { date: d.date, text: piece.slice(m[0].length) };
  }

  private readPhotoRow(p: Partnership, year: number, cells: string[], line: SourceLine): void {
    const captions = cells.map(stripMarkup).filter((c) => c !== '');
    for (const caption of captions) p.records.push({ year, caption, event: null, line: line.no });
  }
}

function parseTable(lines: readonly SourceLine[], options: ParseOptions): ParseResult {
  const reader = new TableReader(options);
  for (const line of lines) reader.read(line);
  return { partnerships: reader.partnerships, diagnostics: reader.diagnostics };
}
