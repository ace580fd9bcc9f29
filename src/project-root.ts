import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds Koryu's package.json, found by walking up from a module's own address. The same answer
 * whether the module runs from its TypeScript source (tsx) or from the compiled build in `dist/`, which sits one
 * folder deeper.
 */
export function projectRoot(from: string | URL): string {
  const start = from instanceof URL || from.startsWith('file:') ? fileURLToPath(from) : from;
  let dir = dirname(start);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && isKoryuManifest(manifest)) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No Koryu package.json above ${start}: run Koryu from its project folder.`);
    dir = parent;
  }
}

function isKoryuManifest(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown }).name === 'koryu';
  } catch {
    return false;
  }
}
