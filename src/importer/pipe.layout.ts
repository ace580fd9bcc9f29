import type { Direction } from '../domain/direction.js';
import { readLeadingDate } from './dates.js';
import { directionFromWords } from './direction-words.js';
import { eraOutOfRange } from './era-range.js';
import { readDirectionLabel } from './direction-labels.js';
import { isHeaderRow } from './headings.js';
import type { Layout, ParseOptions, ParseResult } from './layout.js';
import { isNoExchangeMark } from './lines.classify.js';
import { PartnershipCollector } from './lines.partnership.js';
import { readLine } from './lines.read.js';
import { stripMarkup } from './markup.js';
import { continuesNoYear, firstCellRefused } from './row-year.js';
import { isBlank, type SourceLine } from './source-line.js';
import { eraYearsDisagree } from './year-conflict.js';
import { readYearCell, type YearReading } from './years.js';

/**
 * Pipe tables (Markdown and wiki exports): `| 年 | 内容 |`, leading and trailing pipes optional, separator
 * rows ignored. Each row is one event; a blank year continues the year above; a leading date in the content
 * dates the event. A direction column (派遣/受入/相互/—) is used when present, else the content's words.
 * Lines outside the table give the title, the affiliation date and the photo-record section.
 */
export const pipeLayout: Layout = {
  name: 'pipe',
  score(lines) {
    const filled = lines.filter((l) => !isBlank(l));
    const rows = filled.map((l) => pipeCells(l.text)).filter((c): c is string[] => c !== undefined);
    if (rows.length < 2 || !rows.some((c) => yearOfCell(cellText(c[0] ?? '')) !== undefined)) return 0;
    return rows.length / filled.length;
  },
  parse: parsePipe,
};

/** The cells of a pipe row, or undefined for a line that is not one. `\|` is a pipe inside a cell. */
export function pipeCells(text: string): string[] | undefined {
  if (!text.includes('|')) return undefined;
  const inner = text.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  const cells = inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
  return cells.length >= 2 ? cells : undefined;
}

/** A first cell's year (2019年, 平成31年) or whole date (2019年5月1日, 2019/5/1), with the date when it is one. */
function yearOfCell(cell: string): { year: YearReading; date: string | null } | undefined {
  const year = readYearCell(cell);
  if (year) return { year, date: null };
  const d = readLeadingDate(cell);
  if (!d || d.rest !== '') return undefined;
  return { year: { year: Number(d.date.slice(0, 4)), fiscal: false, mismatch: false, rest: '', ...(d.eraSlip ? { eraSlip: d.eraSlip } : {}) }, date: d.date };
}

const isSeparatorRow = (cells: readonly string[]): boolean => cells.every((c) => /^:?-{2,}:?$/.test(c.replace(/\s/g, '')));
const cellText = (cell: string): string => stripMarkup(cell.replace(/\*\*|__/g, '')).trim();
const DIRECTION_HEADER = /^(区分|方向|種別|派遣[・/]?受入|受入[・/]?派遣)$/;

class PipeReader {
  readonly out: PartnershipCollector;
  private section: 'timeline' | 'photos' = 'timeline';
  private year: YearReading | undefined;
  /** The line of a row whose year cell was refused: the blank year cells below it continue no year. */
  private unreadYearLine: number | undefined;
  /** Index among the cells after the year, when a header row names a direction column. */
  private directionColumn: number | undefined;
  /** The date a row's first cell gave (2019年5月1日), for its event and those of the blank cells below it. */
  private rowDate: string | null = null;

  constructor(private readonly options: ParseOptions) {
    this.out = new PartnershipCollector(options.home);
  }

  read(line: SourceLine): void {
    if (isBlank(line)) return;
    const cells = pipeCells(line.text);
    if (!cells) return this.outside(line);
    if (isSeparatorRow(cells)) return;
    if (isHeaderRow(cells.map(cellText))) {
      const found = cells.slice(1).findIndex((c) => DIRECTION_HEADER.test(cellText(c)));
      this.directionColumn = found >= 0 ? found : undefined;
      return;
    }
    const year = this.readYear(cellText(cells[0] ?? ''), line);
    if (!year) return;
    const rest = cells.slice(1).map(cellText);
    if (this.section === 'photos') {
      for (const caption of rest.filter((c) => c !== '')) this.out.record({ year: year.year, caption, event: null, line: line.no });
    } else {
      this.timelineRow(year, rest, line);
    }
  }

  private outside(line: SourceLine): void {
    const r = readLine(line.text, undefined);
    switch (r.kind) {
      case 'blank':
        return;
      case 'title':
        if (this.out.title(r.title)) [this.section, this.year, this.unreadYearLine] = ['timeline', undefined, undefined];
        return;
      case 'affiliation':
        return this.out.affiliation(r.affiliation, line);
      case 'photoTitle':
        [this.section, this.year, this.unreadYearLine] = ['photos', undefined, undefined];
        return;
      case 'date':
      case 'badDate':
      case 'year':
      case 'yearNone':
      case 'badYear':
      case 'yearConflict':
      case 'yearRest':
        return this.out.note('UnparsedLine', 'warning', line, 'A dated line outside the table; it was not imported.', { reason: 'outsideTable' });
      default:
        return this.out.note('NotAnExchange', 'info', line, 'Text outside the table, not an exchange; the line was not imported.');
    }
  }

  private readYear(cell: string, line: SourceLine): YearReading | undefined {
    if (cell === '') {
      if (!this.year) this.out.add(continuesNoYear(line.no, line.text, this.unreadYearLine));
      return this.year;
    }
    const read = yearOfCell(cell);
    if (!read) {
      this.out.add(firstCellRefused(line.no, line.text, cell, 'row'));
      [this.year, this.unreadYearLine] = [undefined, line.no];
      return undefined;
    }
    const { year } = read;
    if (year.conflict) {
      this.out.add(eraYearsDisagree(line.no, cell, year.conflict, line.text));
      [this.year, this.unreadYearLine] = [undefined, line.no];
      return undefined;
    }
    this.unreadYearLine = undefined;
    this.rowDate = read.date;
    if (year.mismatch) {
      this.out.note('YearMismatch', 'warning', line, `The era year written beside ${year.year} names another year; ${year.year} was used.`);
    }
    if (year.eraSlip) this.out.add(eraOutOfRange(line.no, year.eraSlip, line.text));
    this.year = year;
    return year;
  }

  private timelineRow(year: YearReading, cells: string[], line: SourceLine): void {
    let column = this.directionColumn ?? (cells.length >= 2 && readDirectionLabel(cells[0]!) !== undefined ? 0 : undefined);
    let label = column === undefined ? '' : (cells[column] ?? '');
    let content = cells.filter((c, i) => i !== column && c !== '').join(' ');
    // | 2019年 | 来訪団が来訪 | under | 年 | 区分 | 内容 |: a cell left out, and what is there is not a direction.
    if (content === '' && column !== undefined && label !== '' && readDirectionLabel(label) === undefined && !isNoExchangeMark(label)) {
      this.out.note('RowMissingCells', 'warning', line, `The row has fewer cells than the header; 「${label}」 was imported as the event's text, its direction read from its words.`);
      [content, label, column] = [label, '', undefined];
    }
    if (content === '' || isNoExchangeMark(content)) {
      // | 2021年 | — | | and | 2022年 | なし |: the mark in the direction column, the content left empty.
      if (content !== '' || isNoExchangeMark(label)) this.out.noExchange(year.year);
      else this.out.note('UnparsedLine', 'warning', line, 'The row has a year but no content.', { reason: 'yearWithoutText' });
      return;
    }
    const date = readLeadingDate(content, year);
    if (date?.eraSlip) this.out.add(eraOutOfRange(line.no, date.eraSlip, line.text));
    const text = date ? date.rest : content;
    if (text === '') {
      this.out.note('UnparsedLine', 'warning', line, 'The row has a date but no description.', { reason: 'dateWithoutText' });
      return;
    }
    this.out.event({ year: year.year, date: date?.date ?? this.rowDate, direction: this.direction(label, text, line), text, line: line.no });
  }

  private direction(label: string, text: string, line: SourceLine): Direction {
    if (label === '') return directionFromWords(text, { home: this.options.home });
    const direction = readDirectionLabel(label);
    if (direction) return direction;
    this.out.note('UnknownDirection', 'warning', line, `「${label}」 is not a direction (派遣, 受入, 相互 or —); the event was imported with an unknown direction.`);
    return 'unknown';
  }
}

function parsePipe(lines: readonly SourceLine[], options: ParseOptions): ParseResult {
  const reader = new PipeReader(options);
  for (const line of lines) reader.read(line);
  return reader.out.finish();
}
