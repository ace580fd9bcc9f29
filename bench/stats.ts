// The pure parts of the benchmark: percentiles, ratios, CSV fields and the printed table. Tested in test/bench-stats.test.ts.

export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The nearest-rank percentile (p in 0..100) of values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is outside 0..100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  return {
    n,
    mean: n === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / n,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: n === 0 ? Number.NaN : Math.max(...values),
  };
}

/** Round to `digits` significant digits, for results.json and the table (timings have no more precision than that). */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

/** Recall of found keys against expected keys: |found ∩ expected| / |expected|; 1 when nothing is expected. */
export function recall(found: Iterable<string>, expected: readonly string[]): number {
  if (expected.length === 0) return 1;
  const got = new Set(found);
  return expected.filter((k) => got.has(k)).length / expected.length;
}

/** One CSV field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break; null is empty. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (values: readonly (string | number | null)[]): string => `${values.map(csvField).join(',')}\n`;

/** Columns a terminal shows East Asian wide characters in. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

/** A plain-text table: a header, a rule, rows; numbers right-aligned, text left-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === '—'));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => {
        const padding = ' '.repeat(widths[i]! - displayWidth(c));
        return numeric[i] ? padding + c : c + padding;
      })
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Numbers as the table shows them: grouped thousands for large ones, three significant digits for small ones. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return String(round(n, 3));
}

/** Whether a figure meets its target: at least (`min`) or at most (`max`). */
export function meets(value: number, target: { min?: number; max?: number }): boolean {
  if (!Number.isFinite(value)) return false;
  return (target.min === undefined || value >= target.min) && (target.max === undefined || value <= target.max);
}

/** Queries of 1 to 4 characters drawn from texts with `next` (a random source in [0, 1)): a random place in a random text. */
export function sampleQueries(texts: readonly string[], count: number, next: () => number): string[] {
  const usable = texts.filter((t) => t.length > 0);
  if (usable.length === 0) return [];
  const out: string[] = [];
  while (out.length < count) {
    const chars = Array.from(usable[Math.floor(next() * usable.length)]!);
    const length = Math.min(chars.length, 1 + Math.floor(next() * 4));
    const start = Math.floor(next() * (chars.length - length + 1));
    const q = chars.slice(start, start + length).join('');
    if (q.trim() === q && q !== '') out.push(q);
  }
  return out;
}
