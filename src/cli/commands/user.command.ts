import { ROLES } from '../../domain/account.js';
import { KoryuError } from '../../errors.js';
import { addAccount, changePassword, checkedRole, listAccounts, removeAccount } from '../../services/account.service.js';
import { generatePassword } from '../../services/password.hasher.js';
import type { Store } from '../../storage/database.js';
import { readArgs } from '../args.js';
import { EXIT_OK, type CliDeps, type CliIo, type Command } from '../cli-io.js';

const USAGE = [
  `koryu user add NAME --role ${ROLES.join('|')}`,
  '       koryu user list',
  '       koryu user passwd NAME',
  '       koryu user remove NAME',
].join('\n');

/**
 * The password for `add` and `passwd`: the first line of standard input when it is piped, otherwise a generated
 * one, which is printed once (alone on stdout, so a script can take it). It never appears in any other output.
 */
async function passwordFor(io: CliIo): Promise<{ password: string; generated: boolean }> {
  if (io.stdinIsTerminal === false && io.readStdin) {
    const text = Buffer.from(await io.readStdin()).toString('utf8');
    const password = text.split(/\r?\n/)[0] ?? '';
    if (password === '') throw new KoryuError('UsageError', 'standard input holds no password (give it on the first line, or run without piping to have one generated).');
    return { password, generated: false };
  }
  return { password: generatePassword(), generated: true };
}

async function withStore<T>(deps: CliDeps, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await deps.openStore();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function oneName(positionals: string[], sub: string): string {
  if (positionals.length !== 1) throw new KoryuError('UsageError', `user ${sub} needs exactly one account NAME.`);
  return positionals[0] as string;
}

export const userCommand: Command = {
  name: 'user',
  summary: [
    'Staff accounts. add: create one with a role (password from stdin when piped, else generated and printed once);',
    '      list: every account and its role; passwd: set a new password (read or generated likewise; ends its sessions);',
    '      remove: delete an account and its sessions.',
  ].join('\n'),
  usage: USAGE,
  async run(args, io, deps) {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'add': {
        const { values, positionals } = readArgs(rest, { role: { type: 'string' } });
        const name = oneName(positionals, 'add');
        const role = checkedRole(values.role);
        const { password, generated } = await passwordFor(io);
        const account = await withStore(deps, (store) => addAccount(store, { name, role, password }));
        io.err(`Added ${account.role} account "${account.name}".${generated ? ' Its password, shown only this once:' : ''}\n`);
        if (generated) io.out(`${password}\n`);
        return EXIT_OK;
      }
      case 'list': {
        const { positionals } = readArgs(rest, {});
        if (positionals.length > 0) throw new KoryuError('UsageError', 'user list takes no arguments.');
        const accounts = await withStore(deps, listAccounts);
        for (const a of accounts) io.out(`${a.name}\t${a.role}\t${a.createdAt}\n`);
        io.err(`${accounts.length} account${accounts.length === 1 ? '' : 's'}\n`);
        return EXIT_OK;
      }
      case 'passwd': {
        const { positionals } = readArgs(rest, {});
        const name = oneName(positionals, 'passwd');
        const { password, generated } = await passwordFor(io);
        const account = await withStore(deps, (store) => changePassword(store, name, password));
        io.err(`Changed the password of "${account.name}"; its sessions have ended.${generated ? ' The new password, shown only this once:' : ''}\n`);
        if (generated) io.out(`${password}\n`);
        return EXIT_OK;
      }
      case 'remove': {
        const { positionals } = readArgs(rest, {});
        const name = oneName(positionals, 'remove');
        await withStore(deps, (store) => removeAccount(store, name));
        io.err(`Removed account "${name.normalize('NFKC').trim()}" and its sessions.\n`);
        return EXIT_OK;
      }
      default:
        throw new KoryuError('UsageError', sub === undefined ? 'user needs add, list, passwd or remove.' : `unknown user command "${sub}" (add, list, passwd, remove).`);
    }
  },
};
