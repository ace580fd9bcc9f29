import { userInfo } from 'node:os';
import { KoryuError } from '../../errors.js';
import { hasErrors } from '../../domain/diagnostic.js';
import { importDocuments, type ParsedDocument } from '../../services/import.service.js';
import { similarPartners } from '../../services/similar-partners.service.js';
import { readArgs } from '../args.js';
import { importOptions } from '../import-options.js';
import { EXIT_OK, type Command } from '../cli-io.js';
import { progressBar } from '../progress.js';
import { readDocuments } from '../read-documents.js';
import { formatChange, formatDiagnostic, formatPartnership } from '../report.js';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import documents (any layout Koryu reads, or koryu/1 JSON; every document in a FOLDER) in one transaction.',
  usage: 'koryu import FILE|FOLDER… [--home NAME | --home-from-folder] [--exclusive] [--dry-run]',
  async run(args, io, deps) {
    const { values, positionals } = readArgs(args, { home: { type: 'string' }, 'home-from-folder': { type: 'boolean' }, exclusive: { type: 'boolean' }, 'dry-run': { type: 'boolean' } });
    if (positionals.length === 0) throw new KoryuError('UsageError', 'import needs at least one FILE or FOLDER.');
    const homeFromFolder = values['home-from-folder'] === true;
    if (homeFromFolder && values.home !== undefined) throw new KoryuError('UsageError', 'import takes --home NAME or --home-from-folder, not both.');
    const { config } = deps;
    // A folder is read whole (koryu generate writes one document per partnership, in a folder per home).
    const docs = await readDocuments(positionals, config.maxDocumentBytes, {
      folders: true,
      homeFromFolder,
      onSkipped: (path) => io.err(`${path}: not a document (a photo, or a file Windows or Office keeps); left out.\n`),
    });
    const advance = progressBar(docs.length, io.err, io.interactive);
    const store = await deps.openStore();
    try {
      const dryRun = values['dry-run'] === true;
      // Who imported, for each item's history as the web import notes it: the command line has no account, so the
      // system user who ran it.
      const actor = `koryu import (${commandLineUser()})`;
      const options = { ...importOptions(config, values.home), actor, ...(values.exclusive ? { exclusive: true } : {}), ...(dryRun ? { dryRun } : {}) };
      const parsed: ParsedDocument[] = [];
      const report = await importDocuments(store, docs, options, (d, i) => {
        parsed.push(d);
        advance(i + 1, d.source);
      }).catch((error: unknown) => {
        // A refused document's other diagnostics often say why it held nothing (rows it could not read): they go
        // before the one-line reason, which names its first error.
        if (error instanceof KoryuError && error.code === 'ImportRejected') {
          const refused = parsed.filter((d) => hasErrors(d.diagnostics));
          // The reason names the first refused document's first error; every other diagnostic is printed.
          const reason = refused[0]?.diagnostics.find((d) => d.severity === 'error');
          for (const doc of refused) for (const d of doc.diagnostics) if (d !== reason) io.err(`${formatDiagnostic(doc.source, d)}\n`);
        }
        throw error;
      });
      for (const doc of report.documents) {
        io.out(`${doc.source}${doc.encoding && doc.encoding !== 'utf-8' ? ` (${doc.encoding})` : ''}\n`);
        for (const p of doc.partnerships) io.out(`  ${formatPartnership(p)}\n`);
        for (const d of doc.diagnostics) io.out(`  ${formatDiagnostic(doc.source, d)}\n`);
      }
      for (const change of report.changes) io.out(`${formatChange(change)}\n`);
      // A partner written differently from a stored one (大連 beside 大連市) starts a second partnership: said here as
      // the web preview says it.
      for (const s of await similarPartners(store, report.changes)) {
        const stored = s.stored.join(', ');
        const done = dryRun ? 'would be created as a new partnership' : 'was created as a new partnership';
        io.out(`warning: ${s.home} – ${s.partner} ${done} beside the stored ${stored}. If it is the same city, correct the partner's name in the document to ${s.stored[0]}${dryRun ? '' : ', delete the new partnership on the staff pages'} and import it again.\n`);
      }
      if (dryRun) io.out('Dry run: this is what the import would change; nothing was written.\n');
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};

/** The system user running the command, or `unknown` where the system has none to give (a container without one). */
export function commandLineUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
