import type { Direction } from '../domain/direction.js';
import type { ExchangeEvent, Partnership, PhotoRecord } from '../domain/partnership.js';
import { seededRandom, type Random } from './corpus.random.js';
import * as V from './corpus.vocabulary.js';
import { writeCorpusDocument, type CorpusFormat } from './corpus.writers.js';

export { CORPUS_FORMATS, type CorpusFormat } from './corpus.writers.js';

/**
 * A corpus of invented but genre-true timelines for measuring Koryu at country scale: deterministic for a seed.
 * Each partnership becomes one document in one of the requested layouts; `partnership` is what the importer
 * must read back from `text` (with `line` left null).
 */
export interface CorpusOptions {
  partnerships: number;
  /** Years of timeline per partnership, counted from the affiliation year. */
  years: number;
  seed: string | number;
  /** Layouts to write, used in turn; ['table'] by default. */
  formats?: readonly CorpusFormat[];
}

export interface CorpusDocument {
  /** A relative path: HOME/NNNNN-PARTNER.EXT (documents of the genre name only the partner; the folder names the home). */
  path: string;
  home: string;
  format: CorpusFormat;
  text: string;
  partnership: Partnership;
}

/** The last year a generated timeline reaches. */
export const CORPUS_LAST_YEAR = 2025;

/** Documents one by one, so that a country-sized corpus need not be held in memory. */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusDocument> {
  const formats = options.formats && options.formats.length > 0 ? options.formats : (['table'] as const);
  const rng = seededRandom(options.seed);
  const used = new Set<string>();
  for (let i = 0; i < options.partnerships; i++) {
    const { home, partner } = choosePair(rng, used);
    const partnership = generatePartnership(rng, home, partner, options.years);
    const format = formats[i % formats.length]!;
    const text = writeCorpusDocument(format, partnership, rng);
    const number = String(i + 1).padStart(5, '0');
    yield { path: `${home}/${number}-${partner}.${format === 'pipe' ? 'md' : 'txt'}`, home, format, text, partnership };
  }
}

function choosePair(rng: Random, used: Set<string>): { home: string; partner: string } {
  for (let attempt = 0; ; attempt++) {
    const home = rng.pick(V.HOME_CITIES);
    const partner = attempt < 8 ? rng.pick(V.PARTNER_CITIES) : inventedCity(rng);
    const key = `${home}\u0000${partner}`;
    if (used.has(key)) continue;
    used.add(key);
    return { home, partner };
  }
}

function inventedCity(rng: Random): string {
  let name = '';
  for (let n = rng.int(3, 5); n > 0; n--) name += rng.pick(V.SYLLABLES);
  return `${name}市`;
}

/** The partner's name without 市 or 広域市, as event texts write it (大連大学, 大連国際マラソン). */
function stemOf(partner: string): string {
  return partner.replace(/(広域)?市$/, '');
}

function generatePartnership(rng: Random, home: string, partner: string, years: number): Partnership {
  const span = Math.max(1, Math.min(years, CORPUS_LAST_YEAR - 1868 + 1));
  const latestStart = CORPUS_LAST_YEAR - span + 1;
  const first = rng.int(Math.max(1868, latestStart - 30), latestStart);
  const affiliatedOn = `${first}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
  const p: Partnership = { home, partner, kind: rng.pick(V.KINDS), affiliatedOn, noExchangeYears: [], events: [], records: [] };
  const words = new Words(rng, home, partner);
  for (let year = first; year < first + span; year++) {
    if (year > first && rng.chance(0.05)) {
      p.noExchangeYears.push(year);
      continue;
    }
    const seen = new Set<string>();
    const directions: Direction[] = rng.chance(0.03) ? ['unknown'] : directionsOfYear(rng);
    for (const direction of directions) {
      for (let n = rng.int(3, 10); n > 0; n--) {
        const event = words.event(direction, year, year - first);
        const key = `${event.date}|${event.text}`;
        if (seen.has(`${direction}|${key}`)) continue;
        seen.add(`${direction}|${key}`);
        p.events.push(event);
      }
    }
    if (rng.chance(0.3)) {
      const captions = new Set<string>();
      for (let n = rng.int(1, 3); n > 0; n--) captions.add(words.caption());
      for (const caption of captions) p.records.push({ year, caption, event: null, line: null } satisfies PhotoRecord);
    }
  }
  return p;
}

function directionsOfYear(rng: Random): Direction[] {
  const out: Direction[] = [];
  if (rng.chance(0.9)) out.push('dispatch');
  if (rng.chance(0.9)) out.push('reception');
  if (rng.chance(0.3) || out.length === 0) out.push('mutual');
  return out;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Event texts and captions composed from the vocabulary; one instance per partnership. */
class Words {
  private readonly stem: string;
  private readonly homeStem: string;

  constructor(
    private readonly rng: Random,
    home: string,
    private readonly partner: string,
  ) {
    this.stem = stemOf(partner);
    this.homeStem = home.replace(/市$/, '');
  }

  event(direction: Direction, year: number, age: number): ExchangeEvent {
    const r = this.rng;
    const text = r.pick(this.templates(direction, age))();
    const date = r.chance(0.2) ? `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}` : null;
    return { year, date, direction, text, line: null };
  }

  caption(): string {
    const r = this.rng;
    return r.pick([
      () => `${this.stem}${r.pick(V.PARTNER_GROUPS)}が来訪`,
      () => `${r.pick(V.AGREEMENTS)}調印式`,
      () => `${this.stem}${r.pick(V.OCCASIONS)}の様子`,
      () => `${r.pick(V.PARTNER_SURNAMES)}${r.pick(V.PARTNER_TITLES)}が${r.pick(V.SURNAMES)}市長を表敬訪問`,
      () => `${r.pick(V.HOME_GROUPS)}の帰国報告会`,
      () => `${r.pick(V.PLACES)}での記念撮影`,
    ])();
  }

  private templates(direction: Direction, age: number): (() => string)[] {
    const r = this.rng;
    const official = () => `${r.pick(V.SURNAMES)}${r.pick(V.TITLES)}`;
    const guest = () => `${r.pick(V.PARTNER_SURNAMES)}${r.pick(V.PARTNER_TITLES)}`;
    switch (direction) {
      case 'dispatch':
        return [
          () => `${official()}が${this.partner}を訪問`,
          () => `${r.pick(V.HOME_GROUPS)}を派遣`,
          () => `${r.pick(V.HOME_GROUPS)}が${this.stem}${r.pick(V.OCCASIONS)}に参加`,
          () => `${official()}が${this.stem}${r.pick(V.OCCASIONS)}で講演`,
          () => `${r.pick(V.HOME_GROUPS)}が${this.stem}大学を表敬訪問`,
          () => `${official()}が訪問、${r.pick(V.AGREEMENTS)}に調印`,
        ];
      case 'reception':
        return [
          () => `${this.stem}${r.pick(V.PARTNER_GROUPS)}が来訪`,
          () => `${guest()}が来訪し${r.pick(V.AGREEMENTS)}に署名`,
          () => `${this.stem}${r.pick(V.PARTNER_GROUPS)}が${this.homeStem}${r.pick(V.OCCASIONS)}に参加`,
          () => `${r.pick(V.PARTNER_SURNAMES)}氏に特別名誉市民証を授与`,
          () => `${this.stem}${r.pick(V.PARTNER_GROUPS)}が${r.pick(V.PLACES)}を視察`,
        ];
      case 'mutual':
        return [
          () => `${r.pick(V.AGREEMENTS)}を締結`,
          () => `提携${Math.max(1, age)}周年記念式典を開催`,
          () => `${r.pick(V.OCCASIONS)}を${r.pick(V.PLACES)}で開催`,
          () => `相互に${r.pick(V.GIFTS)}を送付`,
          () => `第${r.int(2, 30)}回${r.pick(V.OCCASIONS)}を共同開催`,
        ];
      default:
        return [
          () => `新型コロナウイルスへの支援として${r.pick(V.GIFTS)}を送付`,
          () => `${r.pick(V.OCCASIONS)}をオンラインで開催`,
          () => `両市の${r.pick(V.HOME_GROUPS)}が書簡を交換`,
        ];
    }
  }
}
