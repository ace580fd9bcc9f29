import { parseArgs, type ParseArgsConfig } from 'node:util';
import { KoryuError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its complaints turned into UsageError (exit 2) and --help always understood. */
export function readArgs<O extends Options>(args: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true });
  } catch (error) {
    throw new KoryuError('UsageError', error instanceof Error ? error.message : String(error));
  }
}
