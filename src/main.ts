import { readFile } from 'node:fs/promises';
import { isatty } from 'node:tty';
import { join } from 'node:path';
import { runCli } from './cli/index.js';
import type { CliDeps } from './cli/cli-io.js';
import { loadConfig } from './config.js';
import { KoryuError } from './errors.js';
import { buildApp } from './http/app.js';
import { logDestination } from './http/access-log.js';
import { createPdfRenderer } from './http/pdf-renderer.js';
import { openStore } from './storage/open-store.js';
import { projectRoot } from './project-root.js';
import { photoFilesIn } from './storage/photo.files.js';

/** The composition root: configuration, the store and the server are wired here and nowhere else. */
async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`koryu: ${error instanceof KoryuError ? error.message : String(error)}\n`);
    return 2;
  }
  const samplePath = join(projectRoot(import.meta.url), 'samples', 'kanazawa-dalian.txt');
  // The sample's place names in English and Chinese, a koryu/1 document of `names` alone, imported with it.
  const sampleNamesPath = join(projectRoot(import.meta.url), 'samples', 'kanazawa-dalian.names.json');
  const deps: CliDeps = {
    config,
    openStore: () => openStore({ sqlitePath: config.sqlitePath, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) }),
    async startServer(store, { host, port, quiet }) {
      const pdf = createPdfRenderer({ executablePath: config.chromiumPath });
      const editing = { photos: photoFilesIn(config.dataDir), maxPhotoBytes: config.maxPhotoBytes, maxDocumentBytes: config.maxDocumentBytes };
      const log = quiet ? undefined : logDestination({ terminal: isatty(1) });
      const app = await buildApp({
        store,
        home: config.home,
        logger: log ? { stream: log } : false,
        pdf,
        bodyLimit: config.maxRequestBytes,
        trustProxy: config.trustProxy,
        auth: { sessionHours: config.sessionHours, ...(config.secret ? { secret: config.secret } : {}) },
        editing,
        licence: config.licence,
        pageCacheBytes: config.pageCacheBytes,
        ...(config.siteUrl ? { siteUrl: config.siteUrl } : {}),
      });
      const url = await app.listen({ host, port });
      return {
        url,
        async close() {
          await app.close();
          await pdf.close();
          log?.flushSync();
        },
        abandon() {
          log?.flushSync();
          process.exit(1);
        },
      };
    },
    sample: { name: 'kanazawa-dalian.txt', read: () => readFile(samplePath), names: { name: 'kanazawa-dalian.names.json', read: () => readFile(sampleNamesPath) } },
  };
  return runCli(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    interactive: Boolean(process.stderr.isTTY),
    // isatty(0), not process.stdin.isTTY: the stdin stream is created only when a command reads it.
    stdinIsTerminal: isatty(0),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  }, deps);
}

process.exitCode = await main();
