import { diagnostic } from '../domain/diagnostic.js';
import type { ParseResult } from './layout.js';

export const DEFAULT_MAX_EVENTS = 50_000;

/**
 * Refuses a result holding more than `max` events in all: an error diagnostic on the line of the first event past
 * the limit, and no partnership, so that nothing of an oversized document is imported.
 */
export function limitEvents(result: ParseResult, max: number): ParseResult {
  if (result.partnerships.reduce((n, p) => n + p.events.length, 0) <= max) return result;
  const events = result.partnerships.flatMap((p) => p.events);
  const first = events[max]!;
  const message = `The document holds ${events.length} events; the limit is ${max} per import (KORYU_MAX_EVENTS_PER_IMPORT). The first event past it is${first.line === null ? '' : ` on line ${first.line}`}.`;
  const diagnostics = [...result.diagnostics, diagnostic('TooManyEvents', 'error', first.line, message, first.text, { events: events.length, max })];
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { partnerships: [], diagnostics };
}
