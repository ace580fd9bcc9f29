import { diagnostic, hasErrors, type Diagnostic } from '../domain/diagnostic.js';
import type { ExchangeEvent, Partnership } from '../domain/partnership.js';
import type { ParseResult } from './layout.js';

/** Drops repeated events (a row printed again across a page break), keeping record links pointing right. */
function dropDuplicates(p: Partnership, diagnostics: Diagnostic[]): Partnership {
  // Kept events by text (nearly always one), then compared on year, direction and date: no key string per event.
  const seen = new Map<string, number | number[]>();
  const newIndex: (number | null)[] = [];
  const events: ExchangeEvent[] = [];
  const same = (a: ExchangeEvent, b: ExchangeEvent) => a.year === b.year && a.direction === b.direction && (a.date ?? '') === (b.date ?? '');
  p.events.forEach((e, i) => {
    const kept = seen.get(e.text);
    const first = kept === undefined ? undefined : typeof kept === 'number' ? (same(events[kept]!, e) ? kept : undefined) : kept.find((k) => same(events[k]!, e));
    if (first !== undefined) {
      diagnostics.push(diagnostic('DuplicateEvent', 'warning', e.line, `The same event already appears in ${e.year}${events[first]?.line ? ` (line ${events[first]!.line})` : ''}; it was imported once.`, e.text));
      newIndex[i] = first;
      return;
    }
    seen.set(e.text, kept === undefined ? events.length : [...(typeof kept === 'number' ? [kept] : kept), events.length]);
    newIndex[i] = events.length;
    events.push(e);
  });
  const records = p.records.map((r) => ({ ...r, event: r.event === null ? null : (newIndex[r.event] ?? null) }));
  return { ...p, events, records };
}

function warnYearsOutOfOrder(p: Partnership, diagnostics: Diagnostic[]): void {
  let previous: ExchangeEvent | undefined;
  for (const e of p.events) {
    if (previous && e.line !== null && previous.line !== null && e.line > previous.line && e.year < previous.year) {
      const message = `${e.year} comes after ${previous.year} (line ${previous.line}) in the document; it was imported under ${e.year}. Check that neither year is mistyped; if only the order differs, nothing needs correcting (the pages list the years in order).`;
      diagnostics.push(diagnostic('YearOutOfOrder', 'warning', e.line, message, e.text, { year: e.year, after: previous.year, afterLine: previous.line }));
    }
    previous = e;
  }
}

/**
 * The partnerships of a document, one per partner: a partner named again further down (its title again after
 * another partner's section) continues the partnership it named first, whose events, records and no-exchange
 * years it adds to.
 */
function joinRepeatedPartners(partnerships: readonly Partnership[]): readonly Partnership[] {
  const key = (p: Partnership) => `${p.home}\u0000${p.partner}`;
  if (new Set(partnerships.map(key)).size === partnerships.length) return partnerships;
  const byKey = new Map<string, Partnership>();
  for (const p of partnerships) {
    const first = byKey.get(key(p));
    if (!first) {
      byKey.set(key(p), { ...p, events: [...p.events], records: [...p.records], noExchangeYears: [...p.noExchangeYears] });
      continue;
    }
    const offset = first.events.length;
    first.events.push(...p.events);
    first.records.push(...p.records.map((r) => ({ ...r, event: r.event === null ? null : r.event + offset })));
    for (const y of p.noExchangeYears) if (!first.noExchangeYears.includes(y)) first.noExchangeYears.push(y);
    if (first.kind === '') first.kind = p.kind;
    first.affiliatedOn ??= p.affiliatedOn;
  }
  return [...byKey.values()];
}

/**
 * Checks that hold for every layout: one partnership per partner, events are not repeated, years run in order, and the document holds
 * something to import. A document with nothing importable gets an error diagnostic; a document with any
 * error diagnostic yields no partnership, so that no caller can import part of a rejected document.
 */
export function validateResult(result: ParseResult): ParseResult {
  const diagnostics = [...result.diagnostics];
  const partnerships = joinRepeatedPartners(result.partnerships).map((p) => {
    const unique = dropDuplicates(p, diagnostics);
    warnYearsOutOfOrder(unique, diagnostics);
    return { ...unique, noExchangeYears: [...unique.noExchangeYears].sort((a, b) => a - b) };
  });
  // A koryu/1 document may carry place names alone (a translator's list of names): they are what it imports.
  const importable = partnerships.some((p) => p.events.length + p.records.length + p.noExchangeYears.length > 0) || (result.names?.size ?? 0) > 0;
  if (!importable && !hasErrors(diagnostics)) {
    diagnostics.push(diagnostic('NothingImportable', 'error', null, 'The document holds no exchange, no-exchange year or photo record to import.'));
  }
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const kept = importable && !hasErrors(diagnostics);
  return { partnerships: kept ? partnerships : [], diagnostics, ...(kept && result.names ? { names: result.names } : {}) };
}
