import { replaceControlCharacters } from '../domain/control-characters.js';
import { diagnostic, type Diagnostic } from '../domain/diagnostic.js';
import { isDirection } from '../domain/direction.js';
import { KORYU_FORMAT } from '../domain/koryu-format.js';
import { MAX_PLACE_NAME_LENGTH } from '../domain/place-name.js';
import type { ExchangeEvent, Partnership, PhotoRecord } from '../domain/partnership.js';
import { TRANSLATION_LOCALES, type TranslationLocale, type Translations } from '../domain/translation.js';
import type { ParseResult } from './layout.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isYear = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1000 && (v as number) <= 9999;
const isLine = (v: unknown): v is number | null => v === null || (Number.isInteger(v) && (v as number) >= 1);
const isDate = (v: unknown): v is string | null => v === null || (typeof v === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(v));
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isLocale = (v: string): v is TranslationLocale => (TRANSLATION_LOCALES as readonly string[]).includes(v);
/** `.key` when the key is a plain name, else `["key"]`, so that every path names its value unambiguously. */
const member = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

/** True when the text looks like a koryu/1 document rather than a timeline. */
export function looksLikeKoryuJson(text: string): boolean {
  return /^\s*\{/.test(text) && text.includes(KORYU_FORMAT);
}

/** Line of a JSON.parse error position, where the engine reports one. */
function syntaxErrorLine(text: string, error: unknown): number | null {
  const m = /position (\d+)/.exec(String(error));
  if (!m) return null;
  return text.slice(0, Number(m[1])).split('\n').length;
}

class JsonReader {
  readonly diagnostics: Diagnostic[] = [];

  problem(path: string, message: string): void {
    this.diagnostics.push(diagnostic('InvalidJson', 'error', null, `${path}: ${message}`, path));
  }

  event(v: unknown, path: string): ExchangeEvent | undefined {
    if (!isObject(v)) return void this.problem(path, 'an event must be an object');
    const { year, date, direction, text, line } = v;
    if (!isYear(year)) return void this.problem(`${path}.year`, 'must be a four-digit year');
    if (!isDate(date ?? null)) return void this.problem(`${path}.date`, 'must be YYYY-MM-DD, YYYY-MM or null');
    if (!isDirection(direction)) return void this.problem(`${path}.direction`, 'must be dispatch, reception, mutual or unknown');
    if (!isText(text)) return void this.problem(`${path}.text`, 'must be a non-empty string');
    const translations = this.translations(v, path);
    if (!translations) return undefined;
    if (!isLine(line ?? null)) return void this.problem(`${path}.line`, 'must be a line number or null');
    return { year, date: (date ?? null) as string | null, direction, text, ...translations, line: (line ?? null) as number | null };
  }

  /**
   * The item's optional `translations`: `{}` when the key is absent, `{ translations }` when it is valid,
   * undefined (after reporting the problem) when it is not. `{}` as a value is valid: the item has none.
   */
  translations(item: Json, path: string): { translations?: Translations } | undefined {
    if (item.translations === undefined) return {};
    const at = `${path}.translations`;
    if (!isObject(item.translations)) return void this.problem(at, 'must be an object mapping en or zh to a translated text');
    const translations: Translations = {};
    for (const [key, text] of Object.entries(item.translations)) {
      if (!isLocale(key)) return void this.problem(`${at}${member(key)}`, 'is not a translation locale: must be en or zh');
      if (!isText(text)) return void this.problem(`${at}${member(key)}`, 'must be a non-empty string');
      translations[key] = text;
    }
    return { translations };
  }

  record(v: unknown, path: string, eventCount: number): PhotoRecord | undefined {
    if (!isObject(v)) return void this.problem(path, 'a record must be an object');
    const { year, caption, event, line } = v;
    if (!isYear(year)) return void this.problem(`${path}.year`, 'must be a four-digit year');
    if (!isText(caption)) return void this.problem(`${path}.caption`, 'must be a non-empty string');
    const translations = this.translations(v, path);
    if (!translations) return undefined;
    const link = event ?? null;
    if (link !== null && !(Number.isInteger(link) && (link as number) >= 0 && (link as number) < eventCount)) {
      return void this.problem(`${path}.event`, 'must be the index of an event of the same partnership, or null');
    }
    if (!isLine(line ?? null)) return void this.problem(`${path}.line`, 'must be a line number or null');
    return { year, caption, ...translations, event: link as number | null, line: (line ?? null) as number | null };
  }

  /**
   * The document's `names`: an object mapping a place's name as the record writes it to `{ en, zh }` (either may be
   * left out), each a non-empty line of at most MAX_PLACE_NAME_LENGTH characters. Undefined after reporting a problem.
   */
  names(v: unknown): Map<string, Translations> | undefined {
    const names = new Map<string, Translations>();
    if (v === undefined) return names;
    if (!isObject(v)) return void this.problem('names', 'must be an object mapping a place name to its names in en and zh');
    for (const [name, given] of Object.entries(v)) {
      const at = `names${member(name)}`;
      if (name.trim() === '') return void this.problem(at, 'a place name must be a non-empty string');
      if (!isObject(given)) return void this.problem(at, 'must be an object mapping en or zh to a name');
      const translations: Translations = {};
      for (const [key, text] of Object.entries(given)) {
        if (!isLocale(key)) return void this.problem(`${at}${member(key)}`, 'is not a translation locale: must be en or zh');
        if (!isText(text) || text.length > MAX_PLACE_NAME_LENGTH || /[\r\n]/.test(text)) {
          return void this.problem(`${at}${member(key)}`, `must be a non-empty line of at most ${MAX_PLACE_NAME_LENGTH} characters`);
        }
        translations[key] = text.trim();
      }
      names.set(name, translations);
    }
    return names;
  }

  /**
   * `agreements` and `organizations` are derived from the event texts (and, for organisations, the editors'
   * decisions), so a reader recomputes them; it only checks that they have their documented shape.
   */
  derived(v: unknown, path: string, keys: readonly string[]): boolean {
    if (v === undefined) return true;
    const fail = (at: string, message: string) => {
      this.problem(at, message);
      return false;
    };
    if (!Array.isArray(v)) return fail(path, 'must be a list');
    for (const [i, item] of v.entries()) {
      if (!isObject(item)) return fail(`${path}[${i}]`, 'must be an object');
      const missing = keys.find((k) => !(k in item));
      if (missing) return fail(`${path}[${i}].${missing}`, 'is missing');
    }
    return true;
  }

  partnership(v: unknown, path: string, home: string): Partnership | undefined {
    if (!isObject(v)) return void this.problem(path, 'a partnership must be an object');
    const { partner, kind, affiliatedOn, noExchangeYears, events, records } = v;
    if (!isText(partner)) return void this.problem(`${path}.partner`, 'must be a non-empty string');
    if (!isText(kind)) return void this.problem(`${path}.kind`, 'must be a non-empty string');
    const affiliation = affiliatedOn ?? null;
    if (affiliation !== null && !(typeof affiliation === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(affiliation))) {
      return void this.problem(`${path}.affiliatedOn`, 'must be YYYY-MM-DD or null');
    }
    const years = noExchangeYears ?? [];
    if (!Array.isArray(years) || !years.every(isYear)) return void this.problem(`${path}.noExchangeYears`, 'must be a list of years');
    if (!Array.isArray(events)) return void this.problem(`${path}.events`, 'must be a list');
    if (!Array.isArray(records ?? [])) return void this.problem(`${path}.records`, 'must be a list');
    if (!this.derived(v.agreements, `${path}.agreements`, ['year', 'title', 'parties', 'event'])) return undefined;
    const es = events.map((e, i) => this.event(e, `${path}.events[${i}]`));
    const rs = ((records ?? []) as unknown[]).map((r, i) => this.record(r, `${path}.records[${i}]`, events.length));
    if (es.some((e) => !e) || rs.some((r) => !r)) return undefined;
    return {
      home: isText(v.home) ? v.home : home,
      partner,
      kind,
      affiliatedOn: (affiliatedOn ?? null) as string | null,
      noExchangeYears: [...years],
      events: es as ExchangeEvent[],
      records: rs as PhotoRecord[],
    };
  }
}

/** Reads a koryu/1 document. Its own `diagnostics` are not carried over: they described the document it came from. */
export function readKoryuJson(text: string, home: string): ParseResult {
  let data: unknown;
  try {
    // A control character escaped in a string (\u0001) is a space, as in any other document (decode.ts).
    data = JSON.parse(text, (_key, value: unknown) => (typeof value === 'string' ? replaceControlCharacters(value) : value));
  } catch (error) {
    return { partnerships: [], diagnostics: [diagnostic('InvalidJson', 'error', syntaxErrorLine(text, error), `The JSON does not parse: ${String(error)}`, '')] };
  }
  const reader = new JsonReader();
  if (!isObject(data) || data.format !== KORYU_FORMAT) {
    reader.problem('format', `must be "${KORYU_FORMAT}"`);
    return { partnerships: [], diagnostics: reader.diagnostics };
  }
  if (!Array.isArray(data.partnerships)) {
    reader.problem('partnerships', 'must be a list');
    return { partnerships: [], diagnostics: reader.diagnostics };
  }
  const partnerships = data.partnerships.map((p, i) => reader.partnership(p, `partnerships[${i}]`, home));
  reader.derived(data.organizations, 'organizations', ['name', 'aliases', 'events']);
  const names = reader.names(data.names);
  if (reader.diagnostics.length > 0) return { partnerships: [], diagnostics: reader.diagnostics };
  return { partnerships: partnerships as Partnership[], diagnostics: [], ...(names && names.size > 0 ? { names } : {}) };
}
