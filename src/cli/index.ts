import { isInputError, KoryuError } from '../errors.js';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliDeps, type CliIo, type Command } from './cli-io.js';
import { backupCommand, restoreCommand } from './commands/backup.command.js';
import { exportCommand } from './commands/export.command.js';
import { generateCommand } from './commands/generate.command.js';
import { importCommand } from './commands/import.command.js';
import { importsCommand } from './commands/imports.command.js';
import { parseCommand } from './commands/parse.command.js';
import { searchCommand } from './commands/search.command.js';
import { serveCommand } from './commands/serve.command.js';
import { yearbookCommand } from './commands/yearbook.command.js';
import { publishCommand } from './commands/publish.command.js';
import { userCommand } from './commands/user.command.js';
import { fieldsCommand } from './commands/fields.command.js';
import { organizationsCommand } from './commands/organizations.command.js';
import { photosCommand } from './commands/photos.command.js';

export const COMMANDS: readonly Command[] = [
  parseCommand,
  importCommand,
  importsCommand,
  exportCommand,
  searchCommand,
  serveCommand,
  backupCommand,
  restoreCommand,
  userCommand,
  generateCommand,
  organizationsCommand,
  fieldsCommand,
  photosCommand,
  yearbookCommand,
  publishCommand,
];

function usage(): string {
  const lines = ['Koryu — the record of a city\'s sister-city and friendship-city exchanges.', '', 'Usage: koryu COMMAND [options]', ''];
  for (const c of COMMANDS) lines.push(`  ${c.usage}`, `      ${c.summary}`);
  lines.push('', 'Each command takes --help. Exit codes: 0 success, 1 failure, 2 bad input or usage.');
  return `${lines.join('\n')}\n`;
}

/** Runs one CLI invocation; every error becomes a one-line message and an exit code here, and nowhere else. */
export async function runCli(argv: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`koryu: unknown command "${name}". Run koryu --help.\n`);
    return EXIT_BAD_INPUT;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`Usage: ${command.usage}\n\n${command.summary}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io, deps);
  } catch (error) {
    if (isInputError(error)) {
      io.err(`koryu ${name}: ${(error as KoryuError).message}\n`);
      return EXIT_BAD_INPUT;
    }
    const message = error instanceof KoryuError || (error instanceof Error && 'code' in error) ? error.message : String(error);
    io.err(`koryu ${name}: failed: ${message}\n`);
    return EXIT_FAILURE;
  }
}
