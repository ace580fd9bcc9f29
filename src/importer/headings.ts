import { readLeadingDate } from './dates.js';
import { readDirectionLabel } from './direction-labels.js';
import type { EraSlip } from './era-range.js';
import { stripMarkup } from './markup.js';
import { foldWidth } from './years.js';

/**
 * The lines every layout of the genre shares: the title that names the partner and the kind
 * (友好交流都市大連市との歩み), the affiliation line (友好交流都市提携：2006年（平成18年）11月24日), and the title
 * of the photo-record section (大連市交流の記録).
 */
export interface Title {
  kind: string;
  partner: string;
}

const KIND = '((?:姉妹|友好|交流|親善|提携|協力|兄弟|パートナー|フレンドシップ)[^\\s　都]{0,8}都市|姉妹州|友好州|姉妹省|友好省)';
// The title phrase must end there: 友好都市蘇州市との交流30周年記念式典を開催 is an event, not a title.
const TITLE = new RegExp(`^[\\s■□◆◇●○◎★☆▼▽#＃]*[「【]?${KIND}[・･]?\\s*(\\S+?)\\s*(?:との|と)\\s*(?:交流の)?(?:歩み|あゆみ|交流年表|交流|沿革|年表)(?:事業|実績|経過|一覧|について)?(?=$|[\\s　】」』）)(（、。:：|｜・])`);
const AFFILIATION = new RegExp(`^\\s*${KIND}?\\s*(?:提携|締結|調印)(?:日|年月日)?\\s*[:：]\\s*(.+)$`);

/** The title line, or undefined. */
export function readTitle(text: string): Title | undefined {
  return titleOf(stripMarkup(text));
}

/** readTitle of a line whose markup is already stripped. */
export function titleOf(plain: string): Title | undefined {
  const m = TITLE.exec(plain);
  if (!m) return undefined;
  // 大連市（中国）, 大連市（遼寧省）（中国）: the province or country in brackets after the name is not part of it.
  const partner = m[2]!.replace(/^(.+?)(?:[(（][^()（）]*[)）])+$/u, '$1');
  return { kind: m[1]!, partner };
}

/** The affiliation line's kind (when written) and ISO date (with its era slip, 令和元年4月30日), or undefined. */
export interface Affiliation {
  kind: string | undefined;
  date: string;
  eraSlip?: EraSlip;
}

/** The affiliation line's kind (when written) and ISO date, or undefined. */
export function readAffiliation(text: string): Affiliation | undefined {
  return affiliationOf(stripMarkup(text));
}

/** readAffiliation of a line whose markup is already stripped. */
export function affiliationOf(plain: string): Affiliation | undefined {
  const m = AFFILIATION.exec(plain);
  if (!m) return undefined;
  const d = readLeadingDate(m[2]!);
  if (!d || d.date.length !== 10) return undefined;
  return { kind: m[1], date: d.date, ...(d.eraSlip ? { eraSlip: d.eraSlip } : {}) };
}

/** The photo-record section title: 大連市交流の記録, 交流の記録, 写真で見る交流. */
export function isPhotoSectionTitle(text: string): boolean {
  return isPhotoSectionTitleOf(stripMarkup(text));
}

/** isPhotoSectionTitle of a line whose markup is already stripped. */
export function isPhotoSectionTitleOf(plain: string): boolean {
  return /^(\S*交流の記録(?:[（(]写真[）)])?|写真で見る\S*交流|交流の記録写真)\s*$/.test(plain.trim());
}

/**
 * A table's header row: its first cell is 年 (or 年度/年月), and no other cell holds a direction (受入, 派遣, —):
 * `年→受入→州立大学の学生が来訪` is a row whose year cell was left as 年, which the layouts warn of, not a header.
 */
export function isHeaderRow(cells: readonly string[]): boolean {
  const first = foldWidth(stripMarkup(cells[0] ?? '')).replace(/\s/g, '');
  if (!/^(年|年度|年月|年月日|西暦|和暦|時期)$/.test(first)) return false;
  return cells.slice(1).every((cell) => cell.trim() === '' || readDirectionLabel(cell) === undefined);
}
