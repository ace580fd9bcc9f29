import type { Kysely } from 'kysely';
import type { PlaceEntry, PlaceNames } from '../domain/place-name.js';
import { TRANSLATION_LOCALES, type Translations } from '../domain/translation.js';
import type { Database } from './database.js';

/** Every translated place name, by the name the record writes. */
export async function findPlaceNames(db: Kysely<Database>): Promise<Map<string, Translations>> {
  const rows = await db.selectFrom('place_names').select(['name', 'locale', 'text']).orderBy('name').orderBy('locale').execute();
  const names = new Map<string, Translations>();
  for (const r of rows) names.set(r.name, { ...names.get(r.name), [r.locale]: r.text });
  return names;
}

/**
 * Every home and partner name of the stored partnerships (drafts too), in code-point order, with their translations;
 * then the names that have translations but no partnership any more (a partnership was deleted), which keep them.
 */
export async function listPlaces(db: Kysely<Database>): Promise<PlaceEntry[]> {
  const homes = await db.selectFrom('partnerships').select('home').distinct().execute();
  const partners = await db.selectFrom('partnerships').select('partner').distinct().execute();
  const rows = await db.selectFrom('place_names').selectAll().execute();
  const entries = new Map<string, PlaceEntry>();
  const entry = (name: string) => {
    let e = entries.get(name);
    if (!e) entries.set(name, (e = { name, home: false, partner: false, translations: {}, updatedAt: null, updatedBy: null }));
    return e;
  };
  for (const h of homes) entry(h.home).home = true;
  for (const p of partners) entry(p.partner).partner = true;
  for (const r of rows) {
    const e = entry(r.name);
    e.translations[r.locale] = r.text;
    if (e.updatedAt === null || r.updated_at > e.updatedAt) Object.assign(e, { updatedAt: r.updated_at, updatedBy: r.updated_by });
  }
  const byCodePoint = (a: PlaceEntry, b: PlaceEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const all = [...entries.values()];
  return [...all.filter((e) => e.home || e.partner).sort(byCodePoint), ...all.filter((e) => !e.home && !e.partner).sort(byCodePoint)];
}

/** Whether a partnership names the place (as its home or its partner), or the place has names kept. */
export async function isKnownPlace(db: Kysely<Database>, name: string): Promise<boolean> {
  const named = await db.selectFrom('partnerships').select('id').where((eb) => eb.or([eb('home', '=', name), eb('partner', '=', name)])).limit(1).executeTakeFirst();
  if (named) return true;
  return (await db.selectFrom('place_names').select('name').where('name', '=', name).limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Sets the translations of one name: each locale given replaces the stored one, a locale left out removes it
 * (the staff page gives the whole set). Answers whether anything changed; an unchanged locale keeps its time.
 */
export async function savePlaceName(db: Kysely<Database>, name: string, translations: Translations, actor: string | null): Promise<boolean> {
  const stored = (await findPlaceNamesOf(db, [name])).get(name) ?? {};
  const removed = TRANSLATION_LOCALES.filter((l) => stored[l] !== undefined && translations[l] === undefined);
  if (removed.length > 0) await db.deleteFrom('place_names').where('name', '=', name).where('locale', 'in', removed).execute();
  const written = await writeChanged(db, stored, name, translations, actor);
  return removed.length > 0 || written;
}

/**
 * Stores the names a document carries (an import): each locale given replaces the stored one; names and locales
 * it leaves out stay as stored. Answers how many translations it added or changed.
 */
export async function mergePlaceNames(db: Kysely<Database>, names: PlaceNames): Promise<number> {
  const stored = await findPlaceNamesOf(db, [...names.keys()]);
  let changed = 0;
  for (const [name, translations] of names) {
    for (const locale of TRANSLATION_LOCALES) {
      if (translations[locale] !== undefined && translations[locale] !== stored.get(name)?.[locale]) changed++;
    }
    await writeChanged(db, stored.get(name) ?? {}, name, translations, null);
  }
  return changed;
}

async function writeChanged(db: Kysely<Database>, stored: Translations, name: string, translations: Translations, actor: string | null): Promise<boolean> {
  const updated_at = new Date().toISOString();
  let written = false;
  for (const locale of TRANSLATION_LOCALES) {
    const text = translations[locale];
    if (text === undefined || text === stored[locale]) continue;
    await db
      .insertInto('place_names')
      .values({ name, locale, text, updated_at, updated_by: actor })
      .onConflict((oc) => oc.columns(['name', 'locale']).doUpdateSet({ text, updated_at, updated_by: actor }))
      .execute();
    written = true;
  }
  return written;
}

const CHUNK = 100;

async function findPlaceNamesOf(db: Kysely<Database>, names: readonly string[]): Promise<Map<string, Translations>> {
  const found = new Map<string, Translations>();
  for (let i = 0; i < names.length; i += CHUNK) {
    const rows = await db.selectFrom('place_names').select(['name', 'locale', 'text']).where('name', 'in', names.slice(i, i + CHUNK)).execute();
    for (const r of rows) found.set(r.name, { ...found.get(r.name), [r.locale]: r.text });
  }
  return found;
}
