import { checkPlaceTranslations, type PlaceEntry, type PlaceNames } from '../domain/place-name.js';
import { KoryuError } from '../errors.js';
import type { Store } from '../storage/database.js';
import { findPlaceNames, isKnownPlace, listPlaces, savePlaceName } from '../storage/place-name.repository.js';
import { GenerationCache } from './generation.cache.js';

const kept = new GenerationCache<PlaceNames>(1);

/** Every translated place name, read once per generation of the store (pages in English and Chinese ask on every render). */
export function readPlaceNames(store: Store): Promise<PlaceNames> {
  return kept.get(store, 'all', () => findPlaceNames(store.db));
}

/** Every home and partner name of the record with its translations, for the staff page. */
export function listPlaceEntries(store: Store): Promise<PlaceEntry[]> {
  return listPlaces(store.db);
}

/**
 * Sets the English and Chinese names of one place the record names (blank: none), replacing what was stored.
 * ItemNotFound when no partnership names it and it has no names; EditRejected when a name is not one line
 * of at most 100 characters. Answers whether anything changed.
 */
export async function setPlaceName(store: Store, name: string, given: { en?: string; zh?: string }, actor: string): Promise<boolean> {
  const checked = checkPlaceTranslations(given);
  if ('invalid' in checked) throw new KoryuError('EditRejected', `The ${checked.invalid === 'en' ? 'English' : 'Chinese'} name must be one line of at most 100 characters.`);
  return store.transaction(async (trx) => {
    if (!(await isKnownPlace(trx, name))) throw new KoryuError('ItemNotFound', `No partnership names ${name}.`);
    return savePlaceName(trx, name, checked.translations, actor);
  });
}
