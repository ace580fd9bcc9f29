import { dirname, join } from 'node:path';
import type { Config } from '../../config.js';
import { KoryuError } from '../../errors.js';
import { backupStore, restoreStore } from '../../services/backup.service.js';
import { readArgs } from '../args.js';
import { EXIT_OK, type Command } from '../cli-io.js';

/** The photos folder: --photos, else `photos` beside the SQLite file (KORYU_DB). */
export function photosFolder(config: Config, given: string | undefined): string {
  return given ?? join(dirname(config.sqlitePath), 'photos');
}

const summary = (tables: Record<string, number>): string =>
  Object.entries(tables)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Copy the whole store (and the photos folder) into a new backup folder; safe while koryu serve runs.',
  usage: 'koryu backup FOLDER [--photos DIR]',
  async run(args, io, deps) {
    const { values, positionals } = readArgs(args, { photos: { type: 'string' } });
    if (positionals.length !== 1) throw new KoryuError('UsageError', 'backup takes exactly one FOLDER (it must not exist yet).');
    const store = await deps.openStore();
    try {
      const manifest = await backupStore(store, positionals[0]!, { photosDir: photosFolder(deps.config, values.photos) });
      io.out(`${positionals[0]}: ${manifest.store} store backed up (${summary(manifest.tables)}; ${manifest.photos} photo files)\n`);
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Replace the whole store (and the photos folder) with a backup made by koryu backup, in one transaction.',
  usage: 'koryu restore FOLDER [--photos DIR]',
  async run(args, io, deps) {
    const { values, positionals } = readArgs(args, { photos: { type: 'string' } });
    if (positionals.length !== 1) throw new KoryuError('UsageError', 'restore takes exactly one FOLDER made by koryu backup.');
    const store = await deps.openStore();
    try {
      const report = await restoreStore(store, positionals[0]!, { photosDir: photosFolder(deps.config, values.photos) });
      io.out(`${positionals[0]}: restored the backup of ${report.manifest.createdAt} (${summary(report.tables)}; ${report.photos} photo files)\n`);
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
