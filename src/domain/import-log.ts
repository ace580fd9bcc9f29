/** Exchanges and photo records an import added, changed or removed. */
export interface ImportCounts {
  events: number;
  records: number;
}

/** One import of a document into one partnership, as logged. */
export interface ImportEntry {
  id: number;
  source: string;
  home: string;
  partner: string;
  importedAt: string;
  added: ImportCounts;
  changed: ImportCounts;
  removed: ImportCounts;
  /** The account that imported; null for the command line. */
  actor: string | null;
  /** This row logs the undo of that import (its id), not an import; null for an import. */
  undoes: number | null;
  /** The row (id) that undid this import; null while it stands. */
  undoneBy: number | null;
}
