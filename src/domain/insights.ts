import { DIRECTIONS, type Direction } from './direction.js';
import { EXCHANGE_FIELDS, type ExchangeField } from './exchange-field.js';
import type { ExchangeEvent } from './partnership.js';

export interface PartnershipInsights {
  /** Every year from the first to the last of the record, gaps included. */
  years: number[];
  /** Events per year (in the order of `years`) for each direction. */
  perDirection: Record<Direction, number[]>;
  totals: Record<Direction, number>;
  /** Dispatches minus receptions per year. */
  balance: number[];
  /** Share of dispatches among dispatches and receptions; null when there are neither. */
  dispatchShare: number | null;
  /** Years of the span without any event, and whether the record marks them as such. */
  gaps: { year: number; marked: boolean }[];
  /** Events per year for each field (an event of several fields counts in each). */
  perField: Record<ExchangeField, number[]>;
}

/** The figures of a partnership's insights page. `fields[i]` are the fields of `events[i]`. */
export function insightsOf(p: { events: readonly ExchangeEvent[]; noExchangeYears: readonly number[] }, fields: readonly (readonly ExchangeField[])[]): PartnershipInsights {
  const all = [...p.events.map((e) => e.year), ...p.noExchangeYears];
  const first = Math.min(...all);
  const last = Math.max(...all);
  const years: number[] = [];
  if (all.length > 0) for (let y = first; y <= last; y++) years.push(y);
  const zeros = () => years.map(() => 0);
  const perDirection = Object.fromEntries(DIRECTIONS.map((d) => [d, zeros()])) as Record<Direction, number[]>;
  const perField = Object.fromEntries(EXCHANGE_FIELDS.map((f) => [f, zeros()])) as Record<ExchangeField, number[]>;
  p.events.forEach((e, i) => {
    const at = e.year - first;
    perDirection[e.direction][at]! += 1;
    for (const f of fields[i] ?? []) perField[f][at]! += 1;
  });
  const totals = Object.fromEntries(DIRECTIONS.map((d) => [d, perDirection[d].reduce((a, b) => a + b, 0)])) as Record<Direction, number>;
  const both = totals.dispatch + totals.reception;
  const busy = new Set(p.events.map((e) => e.year));
  return {
    years,
    perDirection,
    totals,
    balance: years.map((_y, i) => perDirection.dispatch[i]! - perDirection.reception[i]!),
    dispatchShare: both === 0 ? null : totals.dispatch / both,
    gaps: years.filter((y) => !busy.has(y)).map((year) => ({ year, marked: p.noExchangeYears.includes(year) })),
    perField,
  };
}
