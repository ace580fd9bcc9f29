import type { Direction } from '../domain/direction.js';
import { stripMarkup } from './markup.js';
import { foldWidth } from './years.js';
import { NONE_MARK } from '../domain/none-mark.js';

const LABELS: Readonly<Record<string, Direction>> = {
  派遣: 'dispatch',
  訪問: 'dispatch',
  受入: 'reception',
  受入れ: 'reception',
  受け入れ: 'reception',
  来訪: 'reception',
  相互: 'mutual',
  相互交流: 'mutual',
  // What the site and Koryu's spreadsheets call an event of no direction.
  区分なし: 'unknown',
};

/** Cells that mean "none": the genre writes an em dash; extraction turns it into many look-alikes. */
export function isNoneMark(cell: string): boolean {
  // A mark is a few characters; folding a whole row of events to find out costs an importer much of its time.
  if (cell.length > 200) return false;
  if (!mayStartNoneMark(cell)) return false;
  return NONE_MARK.test(foldWidth(stripMarkup(cell)).replace(/\s/g, ''));
}

const NONE_MARK_START = /^[—―‐\-ー－─━−–な無]/;

/**
 * False when the cell cannot be a mark, judged by its first character alone: a mark's first character, folded,
 * starts one (a dash, な or 無). Markup and entities are left to the full test. Folding a character apart from
 * what follows it gives the same first character, since no dash, な or 無 is composed from others.
 */
function mayStartNoneMark(cell: string): boolean {
  const trimmed = cell.trimStart();
  if (trimmed === '') return true;
  const first = String.fromCodePoint(trimmed.codePointAt(0)!);
  if (first === '<' || first === '&') return true;
  const folded = foldWidth(first);
  return NONE_MARK_START.test(folded.trimStart()) || folded.trim() === '';
}

/** The direction a column label names; undefined for a label the genre does not use. */
export function readDirectionLabel(cell: string): Direction | undefined {
  const label = foldWidth(stripMarkup(cell)).replace(/\s/g, '');
  if (label === '' || isNoneMark(label)) return 'unknown';
  return LABELS[label];
}
