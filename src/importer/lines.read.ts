import { readImpossibleDate, readLeadingDate, type DateReading } from './dates.js';
import { isHeaderRow, isPhotoSectionTitle, readAffiliation, readTitle, type Affiliation, type Title } from './headings.js';
import {
  isNoExchangeMark,
  isProse,
  nonExchangeKind,
  startsWithParticle,
  undecorate,
  yearSentenceExchange,
  type NonExchangeKind,
} from './lines.classify.js';
import { stripMarkup } from './markup.js';
import { readYearShape, type YearShape } from './year-shape.js';
import { foldWidth, readLeadingYear, readYearCell, type YearReading } from './years.js';

/** The year a line is read under: the last year heading (年度 headings are fiscal). */
export interface YearContext {
  year: number;
  fiscal: boolean;
}

/** What one line of a non-table document is, read on its own (the layout adds what the lines around say). */
export type LineReading =
  | { kind: 'blank' }
  | { kind: 'title'; title: Title }
  | { kind: 'affiliation'; affiliation: Affiliation }
  | { kind: 'photoTitle' }
  | { kind: 'other'; what: NonExchangeKind | 'table header' }
  /** A row of a table whose year cell holds no year (年 受入 州立大学の学生が来訪): `cell` is that first word. */
  | { kind: 'yearless'; cell: string }
  | { kind: 'none' }
  /** A date at the start: 7月30日 …, 2019.04.13. …, 2004年7月30日 …; `rest` may be empty. */
  | { kind: 'date'; date: DateReading }
  /** Looks like a date, but is impossible (2月30日: `impossible` is 2019-02-30) or has no year to belong to. */
  | { kind: 'badDate'; impossible?: string }
  /** A year at the start: `text` is empty for a heading (■2004年, 平成16年（2004年）, 2017年度). */
  | { kind: 'year'; year: YearReading; text: string }
  | { kind: 'yearNone'; year: YearReading }
  /** A year written in two eras that name different years (平成30年（令和元年）): no year can be chosen. */
  | { kind: 'yearConflict'; year: YearReading; written: string }
  /** A year heading followed by what is neither part of a year read nor an exchange (2019年（H31）: `rest` is （H31）). */
  | { kind: 'yearRest'; year: YearReading; rest: string }
  /** Shaped like a year heading (平生29年, 2O18年), but no year can be read from it. */
  | { kind: 'badYear'; shape: YearShape }
  | { kind: 'text'; text: string; bulleted: boolean; prose: boolean };

/** Words after a year that still leave the line a heading: 2017年度の主な交流. */
const HEADING_TAIL = /^の?(主な)?(交流|事業|実績)(一覧|内容|記録|事業|実績)?$/;
/**
 * What is left after a year that is a piece of the heading, not an exchange: a bracket alone (（H31）, 【予定】), or what
 * starts with 度 or a closing bracket (2019年)度). A no-exchange mark in brackets (（交流なし）) is read before this.
 */
const HEADING_LEFTOVER = /^(?:[(\[【〔][^()\[\]【】〔〕]*[)\]】〕]$|[度年)\]】〕])/;
const LOOKS_DATED = /^(\d{1,2}\s*月|\d{4}\s*[./-]\s*\d)/;

/** A heading that is a year cell's form alone: 2013, H29年, R1年度 (an era's initial, with 年 so that R1 stays text). */
function yearAlone(text: string): YearReading | undefined {
  return /^\d{4}$|年度?$/.test(foldWidth(text)) ? readYearCell(text) : undefined;
}

/** A line that looks dated but reads as no date: the day it names, when no calendar has it. */
function badDate(text: string, context: YearContext | undefined): LineReading {
  const impossible = readImpossibleDate(text, context)?.date;
  return impossible ? { kind: 'badDate', impossible } : { kind: 'badDate' };
}

function readYearLine(text: string, context: YearContext | undefined): LineReading | undefined {
  const year = readLeadingYear(text) ?? yearAlone(text);
  if (!year) return undefined;
  if (year.conflict) return { kind: 'yearConflict', year, written: text.endsWith(year.rest) ? text.slice(0, text.length - year.rest.length).trim() : text };
  const rest = year.rest.replace(/^[\s:：、,]+|[\s:：]+$/g, '');
  if (rest === '' || HEADING_TAIL.test(rest)) return { kind: 'year', year, text: '' };
  if (isNoExchangeMark(rest)) return { kind: 'yearNone', year };
  if (HEADING_LEFTOVER.test(foldWidth(rest))) return { kind: 'yearRest', year, rest };
  if (LOOKS_DATED.test(foldWidth(rest))) return badDate(text, context);
  if (startsWithParticle(rest)) {
    const exchange = yearSentenceExchange(rest);
    return exchange === undefined ? { kind: 'other', what: 'background text' } : { kind: 'year', year, text: exchange };
  }
  return { kind: 'year', year, text: rest };
}

export function readLine(raw: string, context: YearContext | undefined): LineReading {
  const plain = stripMarkup(raw).trim();
  if (plain === '') return { kind: 'blank' };
  const { text, bulleted } = undecorate(plain);
  const title = readTitle(text);
  if (title) return { kind: 'title', title };
  const affiliation = readAffiliation(text);
  if (affiliation) return { kind: 'affiliation', affiliation };
  if (isPhotoSectionTitle(text)) return { kind: 'photoTitle' };
  const what = nonExchangeKind(plain) ?? nonExchangeKind(text);
  if (what) return { kind: 'other', what };
  if (isNoExchangeMark(plain) || isNoExchangeMark(text)) return { kind: 'none' };
  if (text === '') return { kind: 'blank' };
  const date = readLeadingDate(text, context);
  // 2017年5月に、市民交流団が訪問した。: the particle tying the date to the sentence is not part of the exchange.
  if (date) return { kind: 'date', date: { ...date, rest: date.rest.replace(/^(?:には|に)[、,，]\s*/, '') } };
  const year = readYearLine(text, context);
  if (year) return year;
  const shape = readYearShape(text);
  if (shape) return { kind: 'badYear', shape };
  if (LOOKS_DATED.test(foldWidth(text))) return badDate(text, context);
  const words = text.split(/[\s　]+/);
  if (isHeaderRow(words)) return { kind: 'other', what: 'table header' };
  if (words.length > 1 && isHeaderRow(words.slice(0, 1))) return { kind: 'yearless', cell: words[0]! };
  return { kind: 'text', text, bulleted, prose: isProse(text) };
}
