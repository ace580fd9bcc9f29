import type { Diagnostic } from '../domain/diagnostic.js';
import type { ChangeCounts, ChangeSummary, Partnership } from '../domain/partnership.js';
import { isUnchanged, yearsOf } from '../domain/partnership.js';
import { countOf as count } from '../domain/plural.js';

const eventCount = (n: number) => count(n, 'event', 'events');
const noExchangeYears = (n: number) => count(n, 'no-exchange year', 'no-exchange years');

export function formatDiagnostic(source: string, d: Diagnostic): string {
  const where = d.line !== null ? `${source}:${d.line}` : source;
  return `${where}: ${d.severity} [${d.code}] ${d.message}${d.excerpt ? `  «${d.excerpt}»` : ''}`;
}

/** One line per partnership: what the document holds. */
export function formatPartnership(p: Partnership): string {
  const years = yearsOf(p);
  const span = years.length > 0 ? `${years[0]!.year}–${years[years.length - 1]!.year}` : 'no years';
  return `${p.home} – ${p.partner} (${p.kind || 'no kind given'}${p.affiliatedOn ? `, ${p.affiliatedOn}` : ''}): ${count(years.length, 'year', 'years')} (${span}), ${eventCount(p.events.length)}, ${count(p.records.length, 'photo record', 'photo records')}, ${noExchangeYears(p.noExchangeYears.length)}`;
}

const counts = (c: ChangeCounts): string => `${eventCount(c.events)}, ${count(c.records, 'record', 'records')}, ${noExchangeYears(c.years)}`;

export function formatChange(s: ChangeSummary): string {
  if (isUnchanged(s)) return `${s.home} – ${s.partner}: unchanged`;
  const head = s.created ? 'created' : 'updated';
  return `${s.home} – ${s.partner}: ${head}; added ${counts(s.added)}; changed ${counts(s.changed)}; removed ${counts(s.removed)}${s.detailsChanged ? '; details changed' : ''}`;
}

/** A readable timeline for `parse --format text`: each year and its events. */
export function formatTimeline(p: Partnership): string {
  const lines: string[] = [formatPartnership(p)];
  for (const y of yearsOf(p)) {
    lines.push(`  ${y.year}${y.noExchange ? '  (no exchange)' : ''}`);
    for (const e of y.events) lines.push(`    [${e.direction}]${e.date ? ` ${e.date}` : ''} ${e.text}`);
    for (const r of y.records) lines.push(`    (photo) ${r.caption}`);
  }
  return lines.join('\n');
}
