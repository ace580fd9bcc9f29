import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KoryuError } from '../../errors.js';
import { KORYU_FORMAT, koryuNames } from '../../domain/koryu-format.js';
import { CORPUS_FORMATS, generateCorpus, type CorpusFormat } from '../../exports/corpus.generator.js';
import { CORPUS_PLACE_NAMES } from '../../exports/corpus.place-names.js';
import { readArgs } from '../args.js';
import { EXIT_OK, type Command } from '../cli-io.js';

const MAX_PARTNERSHIPS = 100_000;
const MAX_YEARS = 150;

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Write an invented corpus of timelines (deterministic for a seed) for benchmarks: one document per partnership, in HOME/ folders; with --names FILE, the English and Chinese names of some of its places.',
  usage: `koryu generate --partnerships N --years Y --seed S --out DIR [--formats ${CORPUS_FORMATS.join(',')}] [--names FILE]`,
  async run(args, io) {
    const { values, positionals } = readArgs(
      args,
      { partnerships: { type: 'string' }, years: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, formats: { type: 'string' }, names: { type: 'string' } },
      false,
    );
    if (positionals.length > 0) throw new KoryuError('UsageError', `generate takes no FILE (got ${positionals[0]}).`);
    const partnerships = wholeNumber('--partnerships', values.partnerships, MAX_PARTNERSHIPS);
    const years = wholeNumber('--years', values.years, MAX_YEARS);
    if (values.seed === undefined || values.seed === '') throw new KoryuError('UsageError', 'generate needs --seed S (any text; the same seed writes the same corpus).');
    if (values.out === undefined || values.out === '') throw new KoryuError('UsageError', 'generate needs --out DIR.');
    const formats = readFormats(values.formats);
    let files = 0;
    let events = 0;
    const places: { home: string; partner: string }[] = [];
    for (const doc of generateCorpus({ partnerships, years, seed: values.seed, formats })) {
      places.push(doc.partnership);
      const path = join(values.out, doc.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, doc.text);
      files += 1;
      events += doc.partnership.events.length;
    }
    // A koryu/1 document of names alone (`koryu import FILE` gives them to the store), outside the HOME folders
    // unless asked there: `koryu import --home-from-folder` takes every file under the folder for a timeline.
    const names = values.names ? koryuNames(CORPUS_PLACE_NAMES, places) : undefined;
    if (values.names && names) {
      await mkdir(dirname(values.names), { recursive: true });
      await writeFile(values.names, `${JSON.stringify({ format: KORYU_FORMAT, partnerships: [], names }, null, 2)}\n`);
    }
    io.out(`${files} documents, ${events} events written to ${values.out}${names ? `; ${values.names} names ${Object.keys(names).length} of their places` : ''}\n`);
    return EXIT_OK;
  },
};

function wholeNumber(flag: string, raw: string | undefined, max: number): number {
  if (raw === undefined) throw new KoryuError('UsageError', `generate needs ${flag} N.`);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new KoryuError('UsageError', `${flag} must be a whole number from 1 to ${max} (it is "${raw}").`);
  return n;
}

function readFormats(raw: string | undefined): CorpusFormat[] {
  if (raw === undefined) return ['table'];
  const names = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = names.find((n) => !(CORPUS_FORMATS as readonly string[]).includes(n));
  if (unknown !== undefined || names.length === 0) {
    throw new KoryuError('UsageError', `--formats takes ${CORPUS_FORMATS.join(', ')} separated by commas (got "${raw}").`);
  }
  return names as CorpusFormat[];
}
