import { DIRECTION_LABELS_JA, type Direction } from '../domain/direction.js';
import { eraLabel, eraLabelOfDate } from '../domain/era.js';
import type { ExchangeEvent, Partnership } from '../domain/partnership.js';
import type { Random } from './corpus.random.js';

/** The layouts the generator writes, each one the importer reads. */
export const CORPUS_FORMATS = ['table', 'pipe', 'lines'] as const;
export type CorpusFormat = (typeof CORPUS_FORMATS)[number];

/** The document of one partnership in `format`; `rng` varies only its presentation (page headers, year forms). */
export function writeCorpusDocument(format: CorpusFormat, p: Partnership, rng: Random): string {
  switch (format) {
    case 'table':
      return writeTable(p, rng);
    case 'pipe':
      return writePipe(p);
    case 'lines':
      return writeLines(p);
  }
}

interface YearBlock {
  year: number;
  none: boolean;
  /** Consecutive events of one direction. */
  rows: { direction: Direction; events: ExchangeEvent[] }[];
}

function yearBlocks(p: Partnership): YearBlock[] {
  const none = new Set(p.noExchangeYears);
  const years = [...new Set([...p.events.map((e) => e.year), ...none])].sort((a, b) => a - b);
  return years.map((year) => {
    const rows: YearBlock['rows'] = [];
    for (const e of p.events) {
      if (e.year !== year) continue;
      const last = rows.at(-1);
      if (last && last.direction === e.direction) last.events.push(e);
      else rows.push({ direction: e.direction, events: [e] });
    }
    return { year, none: none.has(year), rows };
  });
}

function recordYears(p: Partnership): [number, string[]][] {
  const by = new Map<number, string[]>();
  for (const r of p.records) by.set(r.year, [...(by.get(r.year) ?? []), r.caption]);
  return [...by.entries()].sort((a, b) => a[0] - b[0]);
}

const [, monthOf, dayOf] = [0, (d: string) => Number(d.slice(5, 7)), (d: string) => Number(d.slice(8, 10))];
const japaneseDate = (d: string): string => `${monthOf(d)}月${dayOf(d)}日`;

function affiliationLine(p: Partnership): string {
  const d = p.affiliatedOn!;
  return `${p.kind}提携：${d.slice(0, 4)}年（${eraLabelOfDate(d)}）${japaneseDate(d)}`;
}

/** The seed's layout: tab rows with era years, blank years continuing, page headers repeated, HTML photo cells. */
function writeTable(p: Partnership, rng: Random): string {
  const title = `${p.kind}${p.partner}との歩み 交流年表`;
  const header = [title, '', affiliationLine(p), '', '年\t\t交流内容'];
  const lines = ['', '', ...header];
  const everyPage = rng.int(10, 16);
  yearBlocks(p).forEach((block, i) => {
    if (i > 0 && i % everyPage === 0) lines.push('', ...header);
    const yearCell = `${block.year}年 (${eraLabel(block.year).replace('/', '/ ')})`;
    let first = true;
    for (const row of block.rows) {
      const events = row.events.map((e) => (e.date ? `（${e.date.slice(0, 4)}年${japaneseDate(e.date)}）${e.text}` : e.text));
      const label = row.direction === 'unknown' ? '—' : DIRECTION_LABELS_JA[row.direction];
      lines.push(`${first ? yearCell : ''}\t${label}\t${events.join(' ')}`);
      first = false;
    }
    if (block.none) lines.push(`${first ? yearCell : ''}\t—\t—`);
  });
  const records = recordYears(p);
  if (records.length > 0) {
    lines.push('', `${p.partner}交流の記録`, '', `年\t${p.partner}との交流事業\t`);
    for (const [year, captions] of records) {
      const cell = (c: string) => `<p style="text-align: center;">${c}</p> `;
      const yearCell = `${eraLabel(year).replace(/(\d+)年/g, ' $1 年').replace('/', '/ ')} (${year} 年)`;
      for (let i = 0; i < captions.length; i += 2) {
        lines.push(`${i === 0 ? yearCell : ''}\t${captions.slice(i, i + 2).map(cell).join('\t')}\t`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A Markdown pipe table with a direction column, one event per row, dates leading the content. */
function writePipe(p: Partnership): string {
  const lines = [`# ${p.kind}${p.partner}との交流`, '', affiliationLine(p), '', '| 年 | 区分 | 内容 |', '|:---|:---:|---|'];
  for (const block of yearBlocks(p)) {
    let first = true;
    const yearCell = () => (first ? `${block.year}年（${eraLabel(block.year)}）` : '');
    for (const row of block.rows) {
      for (const e of row.events) {
        const label = row.direction === 'unknown' ? '—' : DIRECTION_LABELS_JA[row.direction];
        lines.push(`| ${yearCell()} | ${label} | ${e.date ? `${japaneseDate(e.date)} ` : ''}${e.text} |`);
        first = false;
      }
    }
    if (block.none) lines.push(`| ${yearCell()} | — | — |`);
  }
  const records = recordYears(p);
  if (records.length > 0) {
    lines.push('', `## ${p.partner}交流の記録`, '', '| 年 | 写真 |', '|---|---|');
    for (const [year, captions] of records) lines.push(`| ${eraLabel(year)}（${year}年） | ${captions.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Year headings over lines: undated events first (one line each), then dated ones (`4月13日 text`), since a
 * dated entry would take the unmarked lines after it as its continuation.
 */
function writeLines(p: Partnership): string {
  const lines = [`${p.kind}${p.partner}との歩み`, '', affiliationLine(p), ''];
  for (const block of yearBlocks(p)) {
    lines.push(`■${block.year}年（${eraLabel(block.year)}）`);
    const events = block.rows.flatMap((r) => r.events);
    for (const e of events) if (!e.date) lines.push(e.text);
    for (const e of events) if (e.date) lines.push(`${japaneseDate(e.date)} ${e.text}`);
    if (block.none) lines.push('—');
    lines.push('');
  }
  const records = recordYears(p);
  if (records.length > 0) {
    lines.push(`${p.partner}交流の記録`, '');
    for (const [year, captions] of records) lines.push(`■${year}年（${eraLabel(year)}）`, ...captions, '');
  }
  return `${lines.join('\n')}\n`;
}
