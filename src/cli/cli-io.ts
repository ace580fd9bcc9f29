import type { Config } from '../config.js';
import type { Store } from '../storage/database.js';

/** Where a command writes; the process's streams in production, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  interactive: boolean;
  /** Reads all of standard input (for `import -`). */
  readStdin?: () => Promise<Uint8Array>;
  /** False when standard input is piped (`koryu user add` then reads the password from it). */
  stdinIsTerminal?: boolean;
}

export interface RunningServer {
  url: string;
  /** Stops taking requests, waits for those under way, and writes what the log holds. */
  close(): Promise<void>;
  /** Writes what the log holds and ends the process at once, requests under way or not (a second Ctrl-C). */
  abandon(): void;
}

/** What the composition root gives the CLI. */
export interface CliDeps {
  config: Config;
  openStore(): Promise<Store>;
  startServer(store: Store, options: { host: string; port: number; quiet?: boolean }): Promise<RunningServer>;
  /** The bundled sample document, imported on the first start of `serve`. */
  sample: { name: string; read(): Promise<Uint8Array>; names?: { name: string; read(): Promise<Uint8Array> } };
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo, deps: CliDeps): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
