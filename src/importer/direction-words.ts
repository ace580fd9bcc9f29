import type { Direction } from '../domain/direction.js';
import { foldWidth } from './years.js';

/**
 * The direction an event's own words state, for layouts without a direction column. Only unmistakable
 * words count; a bare 訪問, or words of both directions, give `unknown`: a wrong direction is worse than none.
 */
export interface DirectionWordsContext {
  /** The home municipality (金沢市): lets 〜を訪問 tell whose side visited whom. */
  home?: string;
}

// 将来市民, 以来日本, 外来訪問者: 来 ending another word is not an arrival.
const ARRIVAL = /(?<![将未以従元由出到往本外伝招])来(?:訪|日|沢|市|庁)|訪日/;
// 来訪中 is "while visiting us", not a trip to China.
const DEPARTURE = /派遣|(?<!来)訪中|(?<!来)訪韓/;
// 相互理解 and 相互協力 describe aims, not who travelled.
const MUTUAL = /相互(?!理解|協力|扶助|信頼|発展|協定|承認|の理解)/;
const VISIT = /(を|へ)(?:表敬|公式|親善|友好)?訪問/g;
const CLAUSE_BREAK = /[、。,，\s]/;

function homeStem(home: string | undefined): string | undefined {
  const stem = home?.replace(/[市町村区都道府県]$/, '');
  return stem ? stem : undefined;
}

function isHomeSide(phrase: string, stem: string | undefined, asPlace: boolean): boolean {
  if (/^市|本市|当市|我が市/.test(phrase)) return true;
  if (asPlace && /日本/.test(phrase)) return true;
  return stem !== undefined && phrase.includes(stem);
}

/**
 * The most characters read back from a 〜を訪問 for its clause. An event's clause is a few dozen; without a bound,
 * a line repeating 〜を訪問 with no break was read back to its start at every one (20,000 characters: 1.5 s).
 */
const MAX_CLAUSE = 200;

/** What each 〜を訪問 in the text says: the home side going out, a visitor coming in, or nothing clear. */
function visitDirections(text: string, stem: string | undefined): Direction[] {
  const found: Direction[] = [];
  for (const m of text.matchAll(VISIT)) {
    const end = m.index;
    const floor = Math.max(0, end - MAX_CLAUSE);
    let start = end;
    while (start > floor && !CLAUSE_BREAK.test(text[start - 1]!)) start--;
    const clause = text.slice(start, end);
    const ga = clause.lastIndexOf('が');
    const subject = ga >= 0 ? clause.slice(0, ga) : '';
    const target = clause.slice(ga + 1);
    if (target === '') continue;
    // Without a subject the writer's own side went, unless the place visited is the home itself.
    const homeSubject = subject !== '' && isHomeSide(subject, stem, false);
    if (isHomeSide(target, stem, true)) found.push(homeSubject ? 'unknown' : 'reception');
    else found.push(subject === '' || homeSubject ? 'dispatch' : 'unknown');
  }
  return found;
}

export function directionFromWords(text: string, context: DirectionWordsContext = {}): Direction {
  const t = foldWidth(text);
  if (MUTUAL.test(t)) return 'mutual';
  const visits = visitDirections(t, homeStem(context.home));
  const reception = ARRIVAL.test(t) || visits.includes('reception');
  const dispatch = DEPARTURE.test(t) || visits.includes('dispatch');
  if (reception === dispatch) return 'unknown';
  return reception ? 'reception' : 'dispatch';
}
