import { diagnostic, type Diagnostic } from '../domain/diagnostic.js';
import type { ParseResult } from '../importer/layout.js';

/**
 * A document that marks a year as without exchange (`—`) and lists exchanges in it too (a row added in Excel under a
 * year the export wrote as `— —`, say) is imported with its exchanges and without the mark, as the staff's event form
 * does (editing.service.ts): the record never says both of one year. Each year so changed is warned of once, at the
 * first exchange listed in it, so the preview and `koryu import` say that the mark goes. The diagnostics stay in line
 * order. Photo records alone do not take a mark away: a photo of a year without exchange is a record of it.
 */
export function unmarkYearsWithExchanges(result: ParseResult): ParseResult {
  const found: Diagnostic[] = [];
  const partnerships = result.partnerships.map((p) => {
    const held = p.noExchangeYears.filter((year) => p.events.some((e) => e.year === year));
    if (held.length === 0) return p;
    for (const year of [...new Set(held)]) {
      const first = p.events.find((e) => e.year === year)!;
      const message = `${p.partner}: ${year} is marked as a year without exchange, but the document lists exchanges in it; they were imported and the mark was left out. Remove the mark (— —) from the document if the year had exchanges.`;
      found.push(diagnostic('NoExchangeYearHasEvents', 'warning', first.line, message, first.text, { year, partner: p.partner }));
    }
    return { ...p, noExchangeYears: p.noExchangeYears.filter((y) => !held.includes(y)) };
  });
  if (found.length === 0) return result;
  const diagnostics = [...result.diagnostics, ...found].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ...result, partnerships, diagnostics };
}
