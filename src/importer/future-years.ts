import { diagnostic, type Diagnostic } from '../domain/diagnostic.js';
import type { ParseResult } from './layout.js';

/**
 * Warns of the events and photo records a document files under a year after `thisYear` (the current year in Japan,
 * which the caller reads from its clock: the importer reads none): 令和9年 typed for 令和6年 is a year that exists,
 * so nothing else catches it. One warning per source line; the items are imported as read. The diagnostics stay
 * in line order.
 */
export function warnFutureYears(result: ParseResult, thisYear: number): ParseResult {
  const warned = new Set<number | null>();
  const found: Diagnostic[] = [];
  for (const p of result.partnerships) {
    const items = [...p.events.map((e) => ({ year: e.year, line: e.line, text: e.text })), ...p.records.map((r) => ({ year: r.year, line: r.line, text: r.caption }))];
    for (const item of items) {
      if (item.year <= thisYear || (item.line !== null && warned.has(item.line))) continue;
      warned.add(item.line);
      const message = `The year ${item.year} is after this year (${thisYear}); it was imported as written. Check the year (令和9年 written for 令和6年?) and correct the document if it is a slip.`;
      found.push(diagnostic('FutureYear', 'warning', item.line, message, item.text, { year: item.year, thisYear }));
    }
  }
  if (found.length === 0) return result;
  const diagnostics = [...result.diagnostics, ...found].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ...result, diagnostics };
}
