import type { Migration } from 'kysely';
import type { StoreCapabilities } from '../database.js';
import { initial } from './2026112501-initial.js';
import { search } from './2026112502-search.js';
import { translations } from './2026112503-translations.js';
import { accounts } from './2026112601-accounts.js';
import { editing } from './2026112602-editing.js';
import { knowledge } from './2026112603-knowledge.js';
import { scale } from './2026112605-scale.js';
import { generation } from './2026112607-generation.js';
import { searchCounts } from './2026112606-search-counts.js';
import { combinedPostings } from './2026112701-combined-postings.js';
import { eventFields } from './2026112702-event-fields.js';
import { searchTextOnce } from './2026112801-search-text-once.js';
import { postingsUncompressed } from './2026112901-postings-uncompressed.js';
import { historyByPartnership } from './2026113001-history-by-partnership.js';
import { searchTranslations } from './2026120101-search-translations.js';
import { searchSimplifiedForms } from './2026120201-search-simplified-forms.js';
import { historyPlace } from './2026120201-history-place.js';
import { photoIndex } from './2026120202-photo-index.js';
import { importActor } from './2026120203-import-actor.js';
import { photoYearIndex } from './2026120204-photo-year-index.js';
import { importUndo } from './2026120301-import-undo.js';
import { placeNames } from './2026120306-place-names.js';

/** Every migration, by name; names sort in the order they run. Listed statically so it works under tsx and bundlers. */
const MIGRATIONS: Readonly<Record<string, (capabilities: StoreCapabilities) => Migration>> = {
  '2026112501-initial': initial,
  '2026112502-search': search,
  '2026112503-translations': translations,
  '2026112601-accounts': accounts,
  '2026112602-editing': editing,
  '2026112603-knowledge': knowledge,
  '2026112605-scale': scale,
  '2026112607-generation': generation,
  '2026112606-search-counts': searchCounts,
  '2026112701-combined-postings': combinedPostings,
  '2026112702-event-fields': eventFields,
  '2026112801-search-text-once': searchTextOnce,
  '2026112901-postings-uncompressed': postingsUncompressed,
  '2026113001-history-by-partnership': historyByPartnership,
  '2026120101-search-translations': searchTranslations,
  '2026120201-history-place': historyPlace,
  '2026120201-search-simplified-forms': searchSimplifiedForms,
  '2026120202-photo-index': photoIndex,
  '2026120203-import-actor': importActor,
  '2026120204-photo-year-index': photoYearIndex,
  '2026120301-import-undo': importUndo,
  '2026120306-place-names': placeNames,
};

export function migrationsFor(capabilities: StoreCapabilities): Record<string, Migration> {
  return Object.fromEntries(Object.entries(MIGRATIONS).map(([name, make]) => [name, make(capabilities)]));
}
