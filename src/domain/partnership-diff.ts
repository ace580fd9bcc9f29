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

function push(map: Map<string, number[]>, key: string, index: number): void {
  const queue = map.get(key);
  if (queue) queue.push(index);
  else map.set(key, [index]);
}

/** An event's identity: year, direction, text and date (its source line is not part of it). */
export function eventDiffItem(e: Pick<ExchangeEvent, 'year' | 'direction' | 'text' | 'date'>): DiffItem {
  return {
    key: JSON.stringify([e.year, e.direction, e.text, e.date]),
    group: JSON.stringify([e.year, e.direction]),
  };
}

/**
 * A photo record's identity: year and caption. A record whose year alone changed is found by its caption before
 * one of the new year is: a record of that year with another caption is another photo, and pairing them would move
 * the caption onto it.
 */
export function recordDiffItem(r: Pick<PhotoRecord, 'year' | 'caption'>): DiffItem {
  return { key: JSON.stringify([r.year, r.caption]), group: JSON.stringify([r.year]), alias: r.caption };
}

export function diffEvents(
  oldEvents: readonly Pick<ExchangeEvent, 'year' | 'direction' | 'text' | 'date'>[],
  newEvents: readonly Pick<ExchangeEvent, 'year' | 'direction' | 'text' | 'date'>[],
): DiffPlan {
  return diffItems(oldEvents.map(eventDiffItem), newEvents.map(eventDiffItem));
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
