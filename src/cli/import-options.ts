import type { Config } from '../config.js';
import type { ImportOptions } from '../services/import.service.js';

/** The importer's limits from the configuration, with the home municipality the command uses. */
export function importOptions(config: Config, home: string | undefined): ImportOptions {
  return {
    home: home ?? config.home,
    maxDocumentBytes: config.maxDocumentBytes,
    maxLineLength: config.maxLineLength,
    maxEventsPerImport: config.maxEventsPerImport,
  };
}
