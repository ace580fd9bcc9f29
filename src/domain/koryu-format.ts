import type { Diagnostic } from './diagnostic.js';
import type { Partnership } from './partnership.js';
import { TRANSLATION_LOCALES, type Translations } from './translation.js';

/** Koryu's interchange format, `koryu/1` (docs/format.md): what `parse` prints, `export` writes and `import` reads. */
export const KORYU_FORMAT = 'koryu/1';

export interface KoryuDocument {
  format: typeof KORYU_FORMAT;
  partnerships: Partnership[];
  diagnostics: Diagnostic[];
}

/** The document with its keys in the documented order, so that equal data serialises to equal bytes. */
export function toKoryuDocument(partnerships: readonly Partnership[], diagnostics: readonly Diagnostic[] = []): KoryuDocument {
  return {
    format: KORYU_FORMAT,
    partnerships: partnerships.map((p) => ({
      home: p.home,
      partner: p.partner,
      kind: p.kind,
      affiliatedOn: p.affiliatedOn,
      noExchangeYears: [...p.noExchangeYears],
      events: p.events.map((e) => ({
        year: e.year,
        date: e.date,
        direction: e.direction,
        text: e.text,
        ...translationsOf(e.translations),
        line: e.line,
      })),
      records: p.records.map((r) => ({ year: r.year, caption: r.caption, ...translationsOf(r.translations), event: r.event, line: r.line })),
    })),
    diagnostics: diagnostics.map((d) => ({ line: d.line, code: d.code, severity: d.severity, message: d.message, excerpt: d.excerpt })),
  };
}

/** `{ translations }` with the non-blank translations in locale order, or nothing when there are none. */
function translationsOf(t: Translations | undefined): { translations?: Translations } {
  const entries = TRANSLATION_LOCALES.flatMap((locale) => {
    const text = t?.[locale];
    return typeof text === 'string' && text.trim() !== '' ? [[locale, text] as const] : [];
  });
  return entries.length === 0 ? {} : { translations: Object.fromEntries(entries) };
}
