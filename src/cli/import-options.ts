import type { Config } from '../config.js';
import { KoryuError } from '../errors.js';
import type { ImportOptions } from '../services/import.service.js';

/** The importer's limits from the configuration, with the home municipality the command uses (`--home`, trimmed). */
export function importOptions(config: Config, home: string | undefined): ImportOptions {
  const given = home?.normalize('NFC').trim();
  if (given === '') throw new KoryuError('UsageError', '--home needs the name of the home municipality (it is empty).');
  return {
    home: given ?? config.home,
    maxDocumentBytes: config.maxDocumentBytes,
    maxLineLength: config.maxLineLength,
    maxEventsPerImport: config.maxEventsPerImport,
  };
}
