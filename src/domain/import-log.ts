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
}
