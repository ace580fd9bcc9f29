import { DIRECTION_LABELS_JA } from '../domain/direction.js';
import { eraLabel, eraLabelOfDate } from '../domain/era.js';
import { homeLine, oneLine } from '../domain/document-lines.js';
import { continuesAcrossSpace } from '../domain/event-cell.js';
import { licenceNotice } from '../domain/licence.js';
import type { ExchangeEvent, Partnership } from '../domain/partnership.js';
import { writeInParts, type ExportContext, type Exporter, type PartWriter } from './exporter.js';

/**
 * The layout of the city's own document (the Kanazawa–Dalian timeline), which the importer reads back:
 * title, affiliation line, `YEAR<TAB>DIRECTION<TAB>EVENTS` rows with blank years continuing, `—` for a year
 * without exchange, then the photo-record section. A date is written before its event as （2019年4月13日）.
 * Limits of the layout (koryu/1 JSON keeps everything): events are separated by spaces, so a space inside an
 * event's text is written as an ideographic space; a row is one line, so a line break inside an event's text (a CSV
 * or koryu/1 import keeps one) is written as an ideographic space too, and one inside a caption as a space; links from
 * photo records to events are not written. With a licence, the first line is its notice (出典：…／利用条件：…, which
 * the importer passes over); when the record holds several home municipalities, each partnership's document starts
 * with the line naming its home (自治体：金沢市, domain/document-lines.ts), which the importer reads back, also in
 * a download of one partnership of such a record (given the record's homes, `ExportContext.homes`).
 */
export const textExporter: Exporter<string> = {
  format: 'text',
  contentType: 'text/plain; charset=utf-8',
  extension: 'txt',
  recordHomes: true,
  write: (partnerships, context = {}) => writeInParts(textParts(context), partnerships, context),
  parts: (context) => textParts(context),
};

/** The licence's notice, then each partnership's document, a blank line between two. */
function textParts(context: ExportContext): PartWriter {
  let namesHomes = false;
  return {
    head: (partnerships) => {
      namesHomes = new Set([...(context.homes ?? []), ...partnerships.map((p) => p.home)]).size > 1;
      return context.licence ? `${oneLine(licenceNotice(context.licence))}\n\n` : '';
    },
    part: (p, index) => `${index > 0 ? '\n\n' : ''}${namesHomes ? `${homeLine(p.home)}\n` : ''}${writePartnership(p)}`,
    tail: () => '',
  };
}

const timelineYear = (y: number): string => `${y}年 (${eraLabel(y)})`;
const photoYear = (y: number): string => `${eraLabel(y)} (${y}年)`;

function writeDate(date: string): string {
  const [y, m, d] = date.split('-');
  return d ? `（${y}年${Number(m)}月${Number(d)}日）` : `（${y}年${Number(m)}月）`;
}

/** White space that would end an event (a space, a tab) or its row (a line break) in the layout. */
const BREAKS_EVENT = /[ \t\n\r\f\v]+/g;

function writeEvent(e: ExchangeEvent): string {
  const text = e.text.replace(BREAKS_EVENT, '\u3000');
  return e.date ? `${writeDate(e.date)}${text}` : text;
}

function affiliationLine(p: Partnership): string[] {
  if (!p.affiliatedOn) return [];
  const [y, m, d] = p.affiliatedOn.split('-').map(Number);
  return [`${p.kind}提携：${y}年（${eraLabelOfDate(p.affiliatedOn)}）${m}月${d}日`, ''];
}

/** Rows of the timeline: consecutive events of one year and direction share a row, in the record's order. */
function timelineRows(p: Partnership): string[] {
  const rows: string[] = [];
  const noExchange = new Set(p.noExchangeYears);
  const years = [...new Set([...p.events.map((e) => e.year), ...noExchange])].sort((a, b) => a - b);
  for (const year of years) {
    const events = p.events.filter((e) => e.year === year);
    let first = true;
    for (let i = 0; i < events.length; ) {
      // A row holds events of one direction; two whose texts the reader would join across the space between
      // them (continuesAcrossSpace) go on separate rows.
      let j = i + 1;
      while (j < events.length && events[j]!.direction === events[i]!.direction && !continuesAcrossSpace(writeEvent(events[j - 1]!), writeEvent(events[j]!))) j++;
      const label = DIRECTION_LABELS_JA[events[i]!.direction];
      rows.push(`${first ? timelineYear(year) : ''}\t${label}\t${events.slice(i, j).map(writeEvent).join(' ')}`);
      first = false;
      i = j;
    }
    if (noExchange.has(year)) rows.push(`${first ? timelineYear(year) : ''}\t—\t—`);
  }
  return rows;
}

function photoRows(p: Partnership): string[] {
  const rows: string[] = [];
  const years = [...new Set(p.records.map((r) => r.year))].sort((a, b) => a - b);
  for (const year of years) {
    // A tab would end the caption's cell, a line break its row.
    const captions = p.records.filter((r) => r.year === year).map((r) => r.caption.replace(/\r\n|[\t\n\r\f\v]/g, ' '));
    for (let i = 0; i < captions.length; i += 2) {
      rows.push(`${i === 0 ? photoYear(year) : ''}\t${captions.slice(i, i + 2).join('\t')}`);
    }
  }
  return rows;
}

function writePartnership(p: Partnership): string {
  const lines = [`${p.kind}${p.partner}との歩み 交流年表`, '', ...affiliationLine(p), '年\t\t交流内容', ...timelineRows(p)];
  if (p.records.length > 0) lines.push('', `${p.partner}交流の記録`, '', `年\t${p.partner}との交流事業`, ...photoRows(p));
  return `${lines.join('\n')}\n`;
}
