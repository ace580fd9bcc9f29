import type { Partnership } from './partnership.js';
import { endsLikeOrganization, kanjiRuns } from './organization.recognize.js';

/** An agreement signed or concluded in an event: 「スポーツ交流の推進に関する合意書」, 2016, 金沢市 and 大連市. */
export interface Agreement {
  year: number;
  /** The title as the document writes it, without the brackets around it. */
  title: string;
  /** Who signed: the organisations the event names, else the two cities. */
  parties: string[];
  /** Index of the event in the partnership's events. */
  event: number;
}

/** What agreements are called, longest first: an event names an agreement only if its text holds one of them. */
export const AGREEMENT_WORDS = ['協定書', '合意書', '覚書', '協定'] as const;
/** Signing or concluding. An agreement named without one of these (協定に基づく …) is not a new agreement. */
const SIGNING = /調印|署名|締結/u;
/** Phrases inside a title that join its words: 防災に関する, 研修についての. */
const TITLE_PHRASES = ['に関する', 'についての', 'に係る', 'における'] as const;
const TITLE_CHAR = /[\p{Script=Han}\p{Script=Katakana}ー々・]/u;

/**
 * The title ending at `end` (just after 合意書, 覚書, 協定 …), read backwards as long as it is a title: kanji and
 * katakana, the joining phrases, and と between two subjects (友好交流と協力) — but not と after an organisation or
 * city, which names the other party (市民局と防災に関する…).
 */
function titleEndingAt(text: string, start: number, end: number): string {
  let i = start;
  for (;;) {
    const before = text.slice(0, i);
    const phrase = TITLE_PHRASES.find((ph) => before.endsWith(ph) && TITLE_CHAR.test(before.charAt(before.length - ph.length - 1)));
    if (phrase) {
      i -= phrase.length;
      continue;
    }
    const c = before.charAt(before.length - 1);
    if (c && TITLE_CHAR.test(c) && c !== '・') {
      i -= 1;
      continue;
    }
    if (c === 'と') {
      const runs = kanjiRuns(before.slice(0, -1));
      const last = runs[runs.length - 1];
      const adjacent = last && last.at + last.run.length === before.length - 1;
      if (adjacent && !endsLikeOrganization(last.run)) {
        i -= 1;
        continue;
      }
    }
    break;
  }
  return text.slice(i, end);
}

/** The agreements signed in one event's text, in order: quoted titles as quoted, others read back from their word. */
export function agreementTitles(text: string): string[] {
  if (!SIGNING.test(text)) return [];
  const titles: string[] = [];
  const quoted: [number, number][] = [];
  for (const m of text.matchAll(/「([^「」]+)」/gu)) {
    const inner = m[1] ?? '';
    const at = m.index ?? 0;
    quoted.push([at, at + m[0].length]);
    if (AGREEMENT_WORDS.some((w) => inner.endsWith(w))) titles.push(inner);
  }
  const pattern = new RegExp(AGREEMENT_WORDS.join('|'), 'gu');
  for (const m of text.matchAll(pattern)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (quoted.some(([a, b]) => start >= a && start < b)) continue;
    // 協定 inside 協定書 is matched once, by the longer word.
    if (m[0] === '協定' && text.startsWith('協定書', start)) continue;
    const title = titleEndingAt(text, start, end);
    if (title.length > m[0].length) titles.push(title);
  }
  return titles;
}

/** A name's characters, read back from the と that follows it: kanji, katakana, Latin letters and digits. */
const NAME_CHAR = /[\p{Script=Han}\p{Script=Katakana}ー々・A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/u;
/** Endings of people and offices (市長, 学長, 夏氏, 職員), who sign for a party but are not one. */
const PERSON_ENDING = /(?:長|氏|様|員)$/u;

/**
 * The party named just before the title with と (教育プラザ富樫と、教育友好交流合意書を調印; 市立工と「…合意書」に調印):
 * the other side of whoever came or went, which the organisations an editor confirmed may not include. Undefined
 * when the title does not follow such a と, or the name before it is a person or an office.
 */
export function partyBeforeTitle(text: string, title: string): string | undefined {
  const at = text.indexOf(title);
  if (at < 0) return undefined;
  const lead = /と、?「?$/u.exec(text.slice(0, at));
  if (!lead) return undefined;
  let start = lead.index;
  while (start > 0 && NAME_CHAR.test(text.charAt(start - 1))) start--;
  const name = text.slice(start, lead.index);
  return name.length >= 2 && !PERSON_ENDING.test(name) ? name : undefined;
}

/**
 * The agreements of a partnership, in the order of its events. The parties are the organisations `organizationsIn`
 * finds in the event, with the party named before the title with と (partyBeforeTitle) when it is none of them, in
 * the order the text names them. Two or more are the parties. One named with no such party: that one and the
 * city on the other side (the visitors' city for a reception's visitors). Only a と party: it and the city on the
 * other side of the visit (the partner city when the partner's people came). None: the two cities.
 */
export function findAgreements(p: Pick<Partnership, 'home' | 'partner' | 'events'>, organizationsIn: (text: string) => string[] = () => []): Agreement[] {
  const agreements: Agreement[] = [];
  p.events.forEach((e, event) => {
    for (const title of agreementTitles(e.text)) {
      const named = organizationsIn(e.text).filter((n) => n !== title);
      const before = partyBeforeTitle(e.text, title);
      const known = before !== undefined && named.some((n) => n.startsWith(before) || before.startsWith(n));
      const withBefore = before === undefined || known ? named : inTextOrder(e.text, [...named, before]);
      const parties =
        withBefore.length >= 2
          ? withBefore
          : named.length === 1
            ? [named[0]!, e.direction === 'reception' ? p.home : p.partner]
            : before !== undefined
              ? [before, e.direction === 'reception' ? p.partner : p.home]
              : [p.home, p.partner];
      agreements.push({ year: e.year, title, parties, event });
    }
  });
  return agreements;
}

/** Names in the order the text first writes them; a name the text does not hold as written (an alias's canonical name) keeps its place before the rest. */
function inTextOrder(text: string, names: readonly string[]): string[] {
  const at = (n: string) => {
    const i = text.indexOf(n);
    return i < 0 ? -1 : i;
  };
  return [...names].sort((a, b) => at(a) - at(b));
}
