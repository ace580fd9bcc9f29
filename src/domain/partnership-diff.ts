import type { ExchangeEvent, PhotoRecord } from './partnership.js';

/**
 * An item as the diff sees it: `key` is its identity (equal keys mean the same item),
 * `group` is where an edited item may be looked for (same year, same direction …).
 */
export interface DiffItem {
  key: string;
  group: string;
  /**
   * Another identity, looked for before the group: an item whose key changed but whose alias did not is that item
   * (a photo record whose year changed is the record of that caption, not another of the new year).
   */
  alias?: string;
}

/** A pairing of an old item with a new one, by their indexes. */
export interface DiffPair {
  old: number;
  new: number;
}

/** How a new list of items maps onto an old one. Every old and every new index appears exactly once. */
export interface DiffPlan {
  /** Same key: the old item stays as it is (its position may move). */
  kept: DiffPair[];
  /** Same group, different key: the old item is updated in place to become the new one. */
  changed: DiffPair[];
  /** New indexes with no old counterpart. */
  added: number[];
  /** Old indexes with no new counterpart. */
  removed: number[];
}

/**
 * Plans how `newItems` replace `oldItems`. Items with equal keys are kept (duplicates pair in order);
 * among the rest, old and new items of the same alias, then of the same group, are paired in order as changed;
 * what remains is added or removed. Results are in ascending index order.
 */
export function diffItems(oldItems: readonly DiffItem[], newItems: readonly DiffItem[]): DiffPlan {
  const oldByKey = queuesBy(oldItems, (item) => item.key);
  const kept: DiffPair[] = [];
  const unmatchedNew: number[] = [];
  newItems.forEach((item, index) => {
    const old = oldByKey.get(item.key)?.shift();
    if (old === undefined) unmatchedNew.push(index);
    else kept.push({ old, new: index });
  });

  const keptOld = new Set(kept.map((pair) => pair.old));
  const unmatchedOld = oldItems.flatMap((_, index) => (keptOld.has(index) ? [] : [index]));
  const changed: DiffPair[] = [];
  const byAlias = new Map<string, number[]>();
  for (const index of unmatchedOld) if (oldItems[index]!.alias !== undefined) push(byAlias, oldItems[index]!.alias!, index);
  const aliased = new Set<number>();
  const ungrouped = unmatchedNew.filter((index) => {
    const alias = newItems[index]!.alias;
    const old = alias === undefined ? undefined : byAlias.get(alias)?.shift();
    if (old === undefined) return true;
    changed.push({ old, new: index });
    aliased.add(old);
    return false;
  });
  const oldByGroup = new Map<string, number[]>();
  for (const index of unmatchedOld) if (!aliased.has(index)) push(oldByGroup, oldItems[index]!.group, index);

  const added: number[] = [];
  for (const index of ungrouped) {
    const old = oldByGroup.get(newItems[index]!.group)?.shift();
    if (old === undefined) added.push(index);
    else changed.push({ old, new: index });
  }
  changed.sort((a, b) => a.new - b.new);
  const changedOld = new Set(changed.map((pair) => pair.old));
  const removed = unmatchedOld.filter((index) => !changedOld.has(index));
  return { kept, changed, added, removed };
}

function queuesBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number[]> {
  const queues = new Map<string, number[]>();
  items.forEach((item, index) => push(queues, keyOf(item), index));
  return queues;
}

function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const queue = map.get(key);
  if (queue) queue.push(index);
  else map.set(key, [index]);
}

/**
 * A photo record's identity: year and caption. A record whose year alone changed is found by its caption before
 * one of the new year is: a record of that year with another caption is another photo, and pairing them would move
 * the caption onto it.
 */
export function recordDiffItem(r: Pick<PhotoRecord, 'year' | 'caption'>): DiffItem {
  return { key: JSON.stringify([r.year, r.caption]), group: JSON.stringify([r.year]), alias: r.caption };
}


export function diffRecords(
  oldRecords: readonly Pick<PhotoRecord, 'year' | 'caption'>[],
  newRecords: readonly Pick<PhotoRecord, 'year' | 'caption'>[],
): DiffPlan {
  return diffItems(oldRecords.map(recordDiffItem), newRecords.map(recordDiffItem));
}

/** Which no-exchange year marks appear and disappear; both sorted ascending, duplicates ignored. */
export function diffYears(
  oldYears: readonly number[],
  newYears: readonly number[],
): { added: number[]; removed: number[] } {
  const before = new Set(oldYears);
  const after = new Set(newYears);
  const ascending = (a: number, b: number) => a - b;
  return {
    added: [...after].filter((y) => !before.has(y)).sort(ascending),
    removed: [...before].filter((y) => !after.has(y)).sort(ascending),
  };
}

/** What the event diff reads of an event. */
export type DiffedEvent = Pick<ExchangeEvent, 'year' | 'direction' | 'text' | 'date'>;

/** Two texts of one year at least this similar (eventSimilarity) may be one exchange edited. */
export const SIMILAR_EVENT = 0.5;

/**
 * Above this many candidate pairs in one year (unmatched old × unmatched new), similarity is not weighed for that
 * year: its unmatched events are added and removed. Only a document rewritten wholesale comes near it.
 */
const MAX_SIMILARITY_PAIRS = 250_000;

/**
 * Plans how a document's events replace the stored ones. An exchange is told by its text, so it is looked for in
 * these passes, each among the events no earlier pass paired (several candidates pair in document order):
 *
 * 1. kept: the same year, direction, text and date;
 * 2. changed, the same text (compared after NFKC and without white space) in the same year: the direction, the date
 *    or both were corrected (受入→派遣 in a document or a sheet's 区分), first where the date, then where the
 *    direction is the same;
 * 3. changed, the same text in another year: the year was corrected (a mistyped year heading fixed);
 * 4. changed, similar texts in the same year, whatever their direction: the pair of highest eventSimilarity
 *    first, when it is at least SIMILAR_EVENT or when one text only adds to the other (extendsText: 市職員を派遣 →
 *    市職員2名を派遣（行政研修）) (ties: the same direction, then the same date, then document order);
 * 5. what is left is added or removed.
 *
 * So a stored exchange whose text the document still holds is never removed (unless the document holds that text
 * fewer times), and two unrelated exchanges of one year and direction (a memorandum and a visit) are not paired
 * merely for sharing a year: the new one is added and the old one removed. A changed pair keeps the stored
 * exchange's id, history, translations and photo links. Results are in ascending index order.
 */
export function diffEvents(oldEvents: readonly DiffedEvent[], newEvents: readonly DiffedEvent[]): DiffPlan {
  const oldKeys = oldEvents.map((e) => ({ ...e, norm: normalizedText(e.text) }));
  const newKeys = newEvents.map((e) => ({ ...e, norm: normalizedText(e.text) }));
  const oldLeft = new Set(oldEvents.keys());
  const newLeft = new Set(newEvents.keys());
  const kept: DiffPair[] = [];
  const changed: DiffPair[] = [];

  const pass = (into: DiffPair[], keyOf: (e: (typeof oldKeys)[number]) => string) => {
    const queues = new Map<string, number[]>();
    for (const i of oldLeft) push(queues, keyOf(oldKeys[i]!), i);
    for (const j of [...newLeft]) {
      const old = queues.get(keyOf(newKeys[j]!))?.shift();
      if (old === undefined) continue;
      into.push({ old, new: j });
      oldLeft.delete(old);
      newLeft.delete(j);
    }
  };
  pass(kept, (e) => JSON.stringify([e.year, e.direction, e.text, e.date]));
  pass(changed, (e) => JSON.stringify([e.year, e.norm, e.date]));
  pass(changed, (e) => JSON.stringify([e.year, e.norm, e.direction]));
  pass(changed, (e) => JSON.stringify([e.year, e.norm]));
  pass(changed, (e) => e.norm);

  // Similar texts within a year.
  const oldByYear = new Map<number, number[]>();
  for (const i of oldLeft) push(oldByYear, oldEvents[i]!.year, i);
  const newByYear = new Map<number, number[]>();
  for (const j of newLeft) push(newByYear, newEvents[j]!.year, j);
  for (const [year, olds] of oldByYear) {
    const news = newByYear.get(year);
    if (!news || olds.length * news.length > MAX_SIMILARITY_PAIRS) continue;
    const candidates: { old: number; new: number; score: number; direction: boolean; date: boolean }[] = [];
    const oldGrams = olds.map((i) => coreBigrams(oldKeys[i]!.norm));
    const newGrams = news.map((j) => coreBigrams(newKeys[j]!.norm));
    olds.forEach((i, a) => {
      news.forEach((j, b) => {
        let score = dice(oldGrams[a]!, newGrams[b]!);
        if (score < SIMILAR_EVENT) {
          if (!extendsText(oldKeys[i]!.norm, newKeys[j]!.norm)) return;
          score = SIMILAR_EVENT;
        }
        const o = oldEvents[i]!;
        const n = newEvents[j]!;
        candidates.push({ old: i, new: j, score, direction: o.direction === n.direction, date: o.date === n.date });
      });
    });
    candidates.sort(
      (x, y) =>
        y.score - x.score || Number(y.direction) - Number(x.direction) || Number(y.date) - Number(x.date) || x.old - y.old || x.new - y.new,
    );
    for (const c of candidates) {
      if (!oldLeft.has(c.old) || !newLeft.has(c.new)) continue;
      changed.push({ old: c.old, new: c.new });
      oldLeft.delete(c.old);
      newLeft.delete(c.new);
    }
  }

  const ascending = (a: number, b: number) => a - b;
  kept.sort((a, b) => a.new - b.new);
  changed.sort((a, b) => a.new - b.new);
  return { kept, changed, added: [...newLeft].sort(ascending), removed: [...oldLeft].sort(ascending) };
}

/**
 * How alike two exchange texts are, from 0 (nothing shared) to 1: the Dice coefficient of their character bigrams,
 * after NFKC, without white space and without an ending that only says someone came or went (が来訪, を派遣 …), which
 * every exchange of a direction shares and which would make 全州市長一行が来訪 and 全州市文化使節団が来訪 alike.
 */
export function eventSimilarity(a: string, b: string): number {
  return dice(coreBigrams(normalizedText(a)), coreBigrams(normalizedText(b)));
}

/** The least length of a text that another may be found to add to (extendsText): 来訪 alone is in every visit. */
const EXTENDED_LENGTH = 4;

/**
 * Whether one normalized text only adds to the other: the shorter, of at least EXTENDED_LENGTH characters, is found
 * in the longer in order, with characters inserted (市職員を派遣 in 市職員2名を派遣（行政研修）).
 */
export function extendsText(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [Array.from(a), Array.from(b)] : [Array.from(b), Array.from(a)];
  if (short.length < EXTENDED_LENGTH) return false;
  let at = 0;
  for (const ch of long) if (ch === short[at] && ++at === short.length) return true;
  return false;
}

/** Endings that say only that someone came or went (and the particle before them). */
const GENERIC_ENDING = /(が|を|に|へ)?(来訪|訪問|派遣|受入|受け入れ|参加|実施|開催)$/u;

function normalizedText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** Distinct bigrams of the text without its generic ending (the text itself when fewer than two characters remain). */
function coreBigrams(normalized: string): Set<string> {
  const core = normalized.replace(GENERIC_ENDING, '');
  const chars = Array.from(core.length >= 2 ? core : normalized);
  const grams = new Set<string>();
  if (chars.length === 1) grams.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return grams;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}
