import { hasErrors } from '../../domain/diagnostic.js';
import { toKoryuDocument } from '../../domain/koryu-format.js';
import { KoryuError } from '../../errors.js';
import { parseDocuments } from '../../services/documents.service.js';
import { describeFirstError } from '../../services/import.service.js';
import { readArgs } from '../args.js';
import { importOptions } from '../import-options.js';
import { EXIT_BAD_INPUT, EXIT_OK, type Command } from '../cli-io.js';
import { readDocuments } from '../read-documents.js';
import { formatDiagnostic, formatTimeline } from '../report.js';

export const parseCommand: Command = {
  name: 'parse',
  summary: 'Show what a document would import, with its diagnostics. Writes nothing.',
  usage: 'koryu parse FILE [--home NAME] [--format json|text]',
  async run(args, io, { config }) {
    const { values, positionals } = readArgs(args, { home: { type: 'string' }, format: { type: 'string', default: 'text' } });
    if (positionals.length !== 1) throw new KoryuError('UsageError', 'parse takes exactly one FILE.');
    if (values.format !== 'json' && values.format !== 'text') throw new KoryuError('UsageError', '--format must be json or text.');
    const [doc] = await readDocuments(positionals, config.maxDocumentBytes);
    const parsed = (await parseDocuments([doc!], importOptions(config, values.home)))[0]!;
    if (values.format === 'json') {
      io.out(`${JSON.stringify(toKoryuDocument(parsed.partnerships, parsed.diagnostics, undefined, parsed.names), null, 2)}\n`);
    } else {
      for (const p of parsed.partnerships) io.out(`${formatTimeline(p)}\n`);
      for (const d of parsed.diagnostics) io.err(`${formatDiagnostic(parsed.source, d)}\n`);
    }
    if (hasErrors(parsed.diagnostics)) {
      // The text format has printed every diagnostic already; JSON output gets the one-line reason on stderr.
      if (values.format === 'json') io.err(`${describeFirstError(parsed)}\n`);
      return EXIT_BAD_INPUT;
    }
    return EXIT_OK;
  },
};
