import type { HistoryEntry } from './editing.js';
import type { ImportEntry } from './import-log.js';

/** Why an import cannot be undone; each has its plain-Japanese message (services/import-undo.service.ts) and its staff messages (views). */
export type NotUndoableReason = 'isUndo' | 'alreadyUndone' | 'laterImport' | 'laterChange' | 'notLinked' | 'nothingChanged';

/** One event or photo record an undo removes or puts back, as staff recognise it. */
export interface UndoItem {
  id: number;
  year: number;
  /** The event's text or the record's caption. */
  text: string;
}

export interface UndoItems {
  events: UndoItem[];
  records: UndoItem[];
}

/** What undoing an import will do; the confirmation page shows it, and undoImport does it. */
export interface UndoPlan {
  entry: ImportEntry;
  partnershipId: number;
  /** The import created the partnership: the undo removes it with everything it holds (`remove`). */
  removesPartnership: boolean;
  /** Items the import added: removed. */
  remove: UndoItems;
  /** Items the import changed: their fields before it are put back. */
  putBack: UndoItems;
  /** Items the import removed: restored in their old place. */
  restore: UndoItems;
  /** The import changed the partnership's own fields (its kind, date of affiliation, years without exchange). */
  partnershipChanged: boolean;
  /** The import's history entries, oldest first. */
  entries: HistoryEntry[];
}

