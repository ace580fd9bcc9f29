import type { Direction } from '../domain/direction.js';
import { stripMarkup } from './markup.js';
import { foldWidth } from './years.js';

const LABELS: Readonly<Record<string, Direction>> = {
  派遣: 'dispatch',
  訪問: 'dispatch',
  受入: 'reception',
  受入れ: 'reception',
  受け入れ: 'reception',
  来訪: 'reception',
  相互: 'mutual',
  相互交流: 'mutual',
};

/** Cells that mean "none": the genre writes an em dash; extraction turns it into many look-alikes. */
export function isNoneMark(cell: string): boolean {
  // A mark is a few characters; folding a whole row of events to find out costs an importer much of its time.
  if (cell.length > 200) return false;
  return /^[—―‐\-ー－─━−–]+$|^なし$|^無し$/.test(foldWidth(stripMarkup(cell)).replace(/\s/g, ''));
}

/** The direction a column label names; undefined for a label the genre does not use. */
export function readDirectionLabel(cell: string): Direction | undefined {
  const label = foldWidth(stripMarkup(cell)).replace(/\s/g, '');
  if (label === '' || isNoneMark(label)) return 'unknown';
  return LABELS[label];
}
