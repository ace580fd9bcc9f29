import type { Partnership } from './partnership.js';

/** The event a photo record most likely shows, with how sure Koryu is (0–1); event null when none fits. */
export interface PhotoLink {
  record: number;
  event: number | null;
  confidence: number;
}

/** A proposal below this confidence is not made: the caption is listed as unlinked instead. */
export const LINK_THRESHOLD = 0.3;

/**
 * Words the genre writes in several ways for one thing, each replaced by one private-use character so that
 * 医療物資 in a caption meets マスク in the event it shows.
 */
const CONCEPTS: readonly [RegExp, string][] = [
  [/新型コロナウイルス|感染拡大|コロナ/gu, '\uE001'],
  [/医療物資|マスク/gu, '\uE002'],
  [/調印|署名|締結/gu, '\uE003'],
];
/** Endings that say only that someone came or went; they tell nothing about which event it was. */
const GENERIC = /(が|を|に)?(来訪|訪問|派遣|参加|実施)$/u;

/** NFKC without white space, each concept as its mark; a lone surrogate (ill-formed text) as U+FFFD. */
function normalize(text: string): string {
  let s = text.normalize('NFKC').replace(/\s+/gu, '').replace(/\p{Surrogate}/gu, '\uFFFD');
  for (const [pattern, mark] of CONCEPTS) s = s.replace(pattern, mark);
  return s;
}

function bigrams(s: string): Set<string> {
  const chars = Array.from(s);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return grams;
}

/**
 * How well a caption fits an event's text, from 0 to 1: 1 when one holds the other (山野市長が訪問 is how the 2016
 * event begins); else the share of the caption's bigrams the event holds, raised when both speak of the same
 * concept (医療物資 and マスク).
 */
export function captionFit(caption: string, eventText: string): number {
  return fitOf(prepareCaption(caption), prepareEvent(eventText));
}

/** What the fit needs of a caption, worked out once however many events it is compared with. */
interface PreparedCaption {
  normalized: string;
  core: string;
  /** Its distinct bigrams: an event holds one when its text contains it. */
  bigrams: string[];
  concepts: string[];
}

/** What the fit needs of an event's text, worked out once however many captions it is compared with. */
interface PreparedEvent {
  normalized: string;
}

function prepareCaption(caption: string): PreparedCaption {
  const normalized = normalize(caption);
  const core = normalized.replace(GENERIC, '');
  return {
    normalized,
    core,
    bigrams: [...bigrams(core.length >= 2 ? core : normalized)],
    concepts: [...new Set(Array.from(normalized).filter((ch) => ch >= '\uE000' && ch <= '\uF8FF'))],
  };
}

function prepareEvent(text: string): PreparedEvent {
  return { normalized: normalize(text) };
}

function fitOf(c: PreparedCaption, e: PreparedEvent): number {
  const text = e.normalized;
  if (c.normalized.length > 0 && (text.includes(c.normalized) || c.normalized.includes(text) || (c.core.length >= 3 && text.startsWith(c.core)))) return 1;
  if (c.bigrams.length === 0) return 0;
  // In well-formed text (normalize makes it so), a bigram of whole characters occurs in the text exactly when it
  // is one of the text's bigrams.
  let shared = 0;
  for (const g of c.bigrams) if (text.includes(g)) shared++;
  const sharedConcept = c.concepts.some((ch) => text.includes(ch));
  return Math.min(0.99, Math.round((shared / c.bigrams.length + (sharedConcept ? 0.3 : 0)) * 100) / 100);
}

/**
 * For every photo record without an event: the event of the same year whose text its caption fits best, when the
 * fit reaches LINK_THRESHOLD. A record the document already links keeps its event (confidence 1). Each caption and
 * each event text is prepared once.
 */
export function proposePhotoLinks(p: Pick<Partnership, 'events' | 'records'>): PhotoLink[] {
  const events: (PreparedEvent | undefined)[] = [];
  return p.records.map((r, record) => {
    if (r.event !== null) return { record, event: r.event, confidence: 1 };
    let best: PhotoLink = { record, event: null, confidence: 0 };
    const caption = prepareCaption(r.caption);
    p.events.forEach((e, index) => {
      if (e.year !== r.year) return;
      const fit = fitOf(caption, (events[index] ??= prepareEvent(e.text)));
      if (fit > best.confidence) best = { record, event: index, confidence: fit };
    });
    return best.confidence >= LINK_THRESHOLD ? best : { record, event: null, confidence: best.confidence };
  });
}

/** The partnership with every unlinked record linked to the event proposePhotoLinks finds for it. */
export function withProposedLinks<P extends Pick<Partnership, 'events' | 'records'>>(p: P): P {
  const links = proposePhotoLinks(p);
  return { ...p, records: p.records.map((r, i) => ({ ...r, event: links[i]?.event ?? null })) };
}
