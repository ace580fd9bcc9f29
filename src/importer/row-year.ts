import { diagnostic, type Diagnostic } from '../domain/diagnostic.js';
import { eraLabel } from '../domain/era.js';
import { readImpossibleDate } from './dates.js';
import { isGenreYear } from './years.js';

/**
 * A row whose year cell is blank ("the year above") with no year to continue: none came before it, or the year cell
 * above it was refused (`unreadAt`, that row's line), so the row is not filed under an earlier year. Tables, pipe
 * tables and sheets alike. `prefix` names the sheet.
 */
export function continuesNoYear(line: number, text: string, unreadAt: number | undefined, prefix = ''): Diagnostic {
  const sentence = (s: string) => (prefix === '' ? s : `${prefix}${s[0]!.toLowerCase()}${s.slice(1)}`);
  if (unreadAt === undefined) return diagnostic('UnparsedLine', 'warning', line, sentence('A row continues a year, but no year came before it; the row was not imported.'), text, { reason: 'noYearAbove' });
  const message = sentence(`The row continues the year above, but the year on line ${unreadAt} could not be read; the row was not imported, so that it is not filed under an earlier year.`);
  return diagnostic('UnparsedLine', 'warning', line, message, text, { reason: 'yearAboveUnread', unreadAt });
}

/**
 * A row whose first cell is neither a year nor a whole date: a date that does not exist (2023年2月30日) is said to be
 * one, so that staff look at the day and not at the column. `noun` is what was not imported (line, row).
 */
export function firstCellRefused(line: number, text: string, cell: string, noun: 'line' | 'row'): Diagnostic {
  const impossible = readImpossibleDate(cell);
  if (impossible && impossible.rest === '') {
    const message = `The first cell's date ${cell.trim()} does not exist (${impossible.date}); the ${noun} was not imported.`;
    return diagnostic('UnparsedLine', 'warning', line, message, text, { reason: 'noSuchDate', date: impossible.date });
  }
  const written = cell.trim();
  const look = digitLookalike(written);
  const hint = look ? ` (「${look.written}」 is not 「${look.meant}」)` : '';
  const meant = meantYear(written);
  const message = written === '' ? `The first cell is not a year; the ${noun} was not imported.` : `The first cell 「${written}」 is not a year${hint}; the ${noun} was not imported. ${writeAs(meant)}`;
  return diagnostic('UnparsedLine', 'warning', line, message, text, { reason: 'notAYear', ...(written ? { cell: written } : {}), ...(look ? { lookalike: look.written, meant: look.meant } : {}), ...(meant ? { meantYear: meant } : {}) });
}

/** The sentence saying how to write the year: the year meant, when the cell's look-alikes tell it (2O07年 → 2007年). */
export function writeAs(meant: number | undefined): string {
  return meant === undefined ? 'Write it as 2017年 or 平成29年.' : `Write it as ${meant}年 (${eraLabel(meant)}) if that is the year meant.`;
}

/**
 * The year a cell of four digits with look-alikes among them means (2O07年: O for 0; 2l19, ２０Ｏ７年度, 2〇18), when it is
 * a year of the genre; undefined for anything else.
 */
export function meantYear(cell: string): number | undefined {
  const t = cell.normalize('NFKC').trim().replace(/年度?$/, '');
  if (!/^[0-9OoIl〇]{4}$/.test(t) || !/[^0-9]/.test(t)) return undefined;
  const year = Number(t.replace(/[Oo〇]/g, '0').replace(/[Il]/g, '1'));
  return isGenreYear(year) ? year : undefined;
}

/** Characters typed for a digit or a kanji numeral they look like: katakana ニ for 二, ○ (a circle) for 〇, O for 0 … */
const LOOKALIKES: Readonly<Record<string, string>> = { ニ: '二', ハ: '八', ー: '一', '○': '〇', O: '0', o: '0', Ｏ: '０', l: '1', I: '1' };

/**
 * The first look-alike of a numeral in a year cell that has numerals beside it (ニ〇一九, 2O19), and what was meant; undefined
 * when there is none, or when nothing around it is a numeral (a word is no year mistyped).
 */
export function digitLookalike(cell: string): { written: string; meant: string } | undefined {
  if (!/[0-9０-９〇一二三四五六七八九十]/.test(cell)) return undefined;
  const char = [...cell].find((c) => LOOKALIKES[c] !== undefined);
  return char === undefined ? undefined : { written: char, meant: LOOKALIKES[char]! };
}
