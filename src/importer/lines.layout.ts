import { diagnostic, type Diagnostic } from '../domain/diagnostic.js';
import { fiscalYearOf } from '../domain/partnership.js';
import type { DateReading } from './dates.js';
import { directionFromWords } from './direction-words.js';
import { eraOutOfRange } from './era-range.js';
import type { Layout, ParseOptions, ParseResult } from './layout.js';
import { isBackgroundSentence, joinParts } from './lines.classify.js';
import { PartnershipCollector } from './lines.partnership.js';
import { readLine, type LineReading, type YearContext } from './lines.read.js';
import { firstCellRefused } from './row-year.js';
import { isBlank, type SourceLine } from './source-line.js';
import { eraYearsDisagree } from './year-conflict.js';
import { unreadableYearHeading, type YearShape } from './year-shape.js';
import type { YearReading } from './years.js';

/**
 * Documents that are not tables: year headings (■2004年, 【平成7年】, 2017年度) over dated lines
 * (`7月30日` with the description on the following lines, `7月30日 text`, `2019.04.13. text`, `5月 text`),
 * or `YEAR text` lines. Contracts:
 * - an entry that starts with a date takes the following unmarked lines as its continuation, until a blank
 *   line, a bullet, another date or year, a line of prose, or a sentence of plans or a state (isBackgroundSentence:
 *   当課では今後も交流を続けていく予定です。, unless the entry's line broke off after 、); undated lines under a heading are
 *   one event each;
 * - a heading followed by —, なし or 交流なし marks a year without exchange;
 * - an event's `year` is its heading's (a fiscal year stays the fiscal year); a date with its own year
 *   outside its heading keeps its own year, with a DateOutsideYear warning;
 * - lines before the first year are background: they and any recognised non-exchange line are reported
 *   as NotAnExchange, never imported; after the photo-record title, lines become captions (records).
 */
/** The score of a document of dated lines only; a table layout that fits scores higher. */
const MAX_SCORE = 0.45;

export const linesLayout: Layout = {
  name: 'lines',
  maxScore: MAX_SCORE,
  score(lines) {
    const filled = lines.filter((l) => !isBlank(l));
    if (filled.length === 0) return 0;
    let dated = 0;
    let tabular = 0;
    for (const l of filled) {
      if (l.text.includes('\t') || l.text.includes('|')) tabular++;
      const kind = readLine(l.text, { year: 2000, fiscal: false }).kind;
      if (kind === 'date' || kind === 'year' || kind === 'yearNone' || kind === 'badYear' || kind === 'yearConflict' || kind === 'yearRest') dated++;
    }
    if (dated === 0) return 0;
    // Low on purpose: a table layout that fits should win; tab or pipe rows push this further down.
    return Math.min(MAX_SCORE, 0.1 + (0.35 * dated) / filled.length) * Math.max(0.05, 1 - tabular / filled.length);
  },
  parse: parseLines,
};

interface OpenEntry {
  year: number;
  date: string;
  line: SourceLine;
  parts: string[];
}

type TextReading = Extract<LineReading, { kind: 'text' }>;

class LinesReader {
  readonly out: PartnershipCollector;
  private section: 'timeline' | 'photos' = 'timeline';
  private heading: YearContext | undefined;
  /** Something was read under the current heading, so a later — is not its no-exchange mark. */
  private headingUsed = false;
  /** The year came from a line that tells its exchange beside it (2020年、…), one of a list of such lines, not a heading over them. */
  private headingIsSentence = false;
  /** A year or date has been read: lines before that are background. */
  private started = false;
  /** The last heading could not be read (an error): the lines under it are not read, until the next heading. */
  private underBadHeading = false;
  private open: OpenEntry | undefined;

  constructor(private readonly options: ParseOptions) {
    this.out = new PartnershipCollector(options.home);
  }

  read(line: SourceLine): void {
    const r = readLine(line.text, this.heading);
    if (r.kind !== 'text') this.flush();
    // The error at the heading refuses the document: what lies under it would only repeat that.
    if (this.underBadHeading && UNDER_HEADING.has(r.kind)) return;
    switch (r.kind) {
      case 'blank':
        return;
      case 'title':
        if (this.out.title(r.title)) {
          this.section = 'timeline';
          this.setHeading(undefined);
          this.started = false;
        }
        return;
      case 'affiliation':
        return this.out.affiliation(r.affiliation, line);
      case 'photoTitle':
        this.section = 'photos';
        return this.setHeading(undefined);
      case 'yearless':
        return this.out.add(firstCellRefused(line.no, line.text, r.cell, 'line'));
      case 'other':
        // A sentence led by a year (2023年に、市長が…を訪問しました。) may well tell of an exchange: the editor is warned.
        if (r.what === 'background text') {
          return this.out.note('NotAnExchange', 'warning', line, 'A sentence that starts with a year, read as background, not an exchange; the line was not imported. To import it as an exchange, put the year on a line of its own above it.', { reason: 'yearSentence' });
        }
        return this.out.note('NotAnExchange', 'info', line, `Not an exchange (${r.what}); the line was not imported.`);
      case 'none':
        return this.noneMark(line);
      case 'badDate':
        if (r.impossible) {
          return this.out.add(diagnostic('UnparsedLine', 'warning', line.no, `The line starts with a date that does not exist (${r.impossible}); it was not imported.`, line.text, { reason: 'noSuchDate', date: r.impossible }));
        }
        return this.out.note('UnparsedLine', 'warning', line, this.heading ? 'The line starts with what looks like a date but cannot be read as one; it was not imported.' : 'The line starts with a date that has no year above it; it was not imported.', { reason: this.heading ? 'dateUnreadable' : 'noYearAbove' });
      case 'date':
        return this.dated(r.date, line);
      case 'year':
        return this.yearLine(r.year, r.text, line);
      case 'yearNone':
        this.yearLine(r.year, '', line);
        return this.noneMark(line);
      case 'badYear':
        return this.badHeading(r.shape, line);
      case 'yearConflict':
        return this.refuseHeading(eraYearsDisagree(line.no, r.written, r.year.conflict ?? [], line.text));
      case 'yearRest':
        this.yearLine(r.year, '', line);
        return this.out.add(
          diagnostic('UnparsedLine', 'warning', line.no, `The year heading ${r.year.year} is followed by 「${r.rest}」, which is neither part of a year Koryu reads nor an exchange; the lines under it were read under ${r.year.year}, and 「${r.rest}」 was not imported.`, line.text, { reason: 'yearHeadingRest', year: r.year.year, rest: r.rest }),
        );
      case 'text':
        return this.plain(r, line);
    }
  }

  flush(): void {
    const entry = this.open;
    if (!entry) return;
    this.open = undefined;
    const text = joinParts(entry.parts);
    if (text === '') {
      this.out.note('UnparsedLine', 'warning', entry.line, 'A date with no description after it; nothing was imported.', { reason: 'dateWithoutText' });
      return;
    }
    this.addEvent(entry.year, entry.date, text, entry.line);
  }

  private setHeading(heading: YearContext | undefined): void {
    this.heading = heading;
    this.headingIsSentence = false;
    this.headingUsed = false;
    this.underBadHeading = false;
    if (heading) this.started = true;
  }

  /**
   * A line shaped like a year heading that cannot be read: an error, never text of the event before it, and the lines
   * under it not filed under the year before it.
   */
  private badHeading(shape: YearShape, line: SourceLine): void {
    this.refuseHeading(unreadableYearHeading(shape, line));
  }

  /** A heading whose error refuses the document: the lines under it are not read, nor filed under the year before it. */
  private refuseHeading(error: Diagnostic): void {
    this.out.add(error);
    this.setHeading(undefined);
    this.started = true;
    this.underBadHeading = true;
  }

  private yearLine(year: YearReading, text: string, line: SourceLine): void {
    if (year.mismatch) {
      this.out.note('YearMismatch', 'warning', line, `The era year written beside ${year.year} names another year; ${year.year} was used.`);
    }
    if (year.eraSlip) this.out.add(eraOutOfRange(line.no, year.eraSlip, line.text));
    this.setHeading({ year: year.year, fiscal: year.fiscal });
    if (text === '') return;
    this.headingIsSentence = true;
    this.headingUsed = true;
    if (this.section === 'photos') this.addRecords(year.year, text, line);
    else this.addEvent(year.year, null, text, line);
  }

  private dated(date: DateReading, line: SourceLine): void {
    if (date.eraSlip) this.out.add(eraOutOfRange(line.no, date.eraSlip, line.text));
    const year = this.yearOfDate(date, line);
    this.started = true;
    this.headingUsed = true;
    if (this.section === 'photos') {
      if (date.rest === '') this.out.note('UnparsedLine', 'warning', line, 'A date with no caption; nothing was imported.', { reason: 'dateWithoutCaption' });
      else this.addRecords(year, date.rest, line);
      return;
    }
    this.open = { year, date: date.date, line, parts: date.rest === '' ? [] : [date.rest] };
  }

  private yearOfDate(date: DateReading, line: SourceLine): number {
    const own = Number(date.date.slice(0, 4));
    const h = this.heading;
    if (!h) return own;
    if (!date.hasYear) return h.year;
    if ((h.fiscal ? fiscalYearOf(date.date) : own) === h.year) return h.year;
    // 2015年に、…訪問しました。 then 2017年5月、…: each line of such a list gives its own year; none is listed under another's.
    if (this.headingIsSentence) return own;
    this.out.note('DateOutsideYear', 'warning', line, `The date ${date.date} lies outside the year ${h.year} it is listed under; ${own} was used.`);
    return own;
  }

  private noneMark(line: SourceLine): void {
    if (this.section === 'timeline' && this.heading && !this.headingUsed) {
      this.headingUsed = true;
      return this.out.noExchange(this.heading.year);
    }
    this.out.note('UnparsedLine', 'warning', line, 'A no-exchange mark that does not follow a year heading of its own; it was ignored.', { reason: 'strayNoneMark' });
  }

  private plain(reading: TextReading, line: SourceLine): void {
    const entry = this.open;
    // A sentence of plans after a dated exchange (当課では今後も…予定です。) is background, not the exchange's text,
    // unless the exchange's line breaks off mid-sentence (…来訪し、) and this line ends it.
    const wrapped = entry !== undefined && /[、，,]$/.test(entry.parts.at(-1) ?? '');
    const background = entry !== undefined && entry.parts.length > 0 && !wrapped && !reading.prose && isBackgroundSentence(reading.text);
    const r = background ? { ...reading, prose: true } : reading;
    if (entry && !r.bulleted && (entry.parts.length === 0 || !r.prose)) {
      entry.parts.push(r.text);
      return;
    }
    this.flush();
    if (!this.started) {
      this.out.note('NotAnExchange', 'info', line, 'Background text, not an exchange; the line was not imported.');
      return;
    }
    // A sentence under a year heading: an event when a list mark says so (・市長が…を訪問し、…を行った。), else
    // background, which the editor is told of, with the way to import it.
    if (r.prose && !(r.bulleted && this.heading && this.section === 'timeline')) {
      const where = this.heading ? ` under ${this.heading.year}` : '';
      this.out.note('NotAnExchange', this.heading ? 'warning' : 'info', line, `A sentence${where} read as background, not an exchange; the line was not imported. Start it with ・ to import it as an event.`, { reason: 'background' });
      return;
    }
    if (!this.heading) {
      this.out.note('UnparsedLine', 'warning', line, 'The line has no year (no year heading above it); it was not imported.', { reason: 'noYearAbove' });
      return;
    }
    this.headingUsed = true;
    if (this.section === 'photos') this.addRecords(this.heading.year, r.text, line);
    else this.addEvent(this.heading.year, null, r.text, line);
  }

  private addEvent(year: number, date: string | null, text: string, line: SourceLine): void {
    const direction = directionFromWords(text, { home: this.options.home });
    this.out.event({ year, date, direction, text, line: line.no });
  }

  private addRecords(year: number, text: string, line: SourceLine): void {
    for (const caption of text.split(/\t+/).map((c) => c.trim())) {
      if (caption !== '') this.out.record({ year, caption, event: null, line: line.no });
    }
  }
}

/** What a line under a heading holds, as opposed to what starts something new (a heading, a title). */
const UNDER_HEADING: ReadonlySet<LineReading['kind']> = new Set(['text', 'date', 'badDate', 'none']);

function parseLines(lines: readonly SourceLine[], options: ParseOptions): ParseResult {
  const reader = new LinesReader(options);
  for (const line of lines) reader.read(line);
  reader.flush();
  return reader.out.finish();
}
