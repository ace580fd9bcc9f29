import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root.js';

export const PUBLIC_DIR = `${join(projectRoot(import.meta.url), 'public')}/`;

/** A short hash of the style sheet and the staff pages' script: pages link /assets/koryu.css?v=HASH, which can be cached for a year. */
export function assetVersion(): string {
  const hash = createHash('sha1');
  for (const file of ['koryu.css', 'form-keeper.js']) hash.update(readFileSync(`${PUBLIC_DIR}${file}`));
  return hash.digest('hex').slice(0, 10);
}

export async function registerAssets(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/assets/',
    etag: true,
    lastModified: true,
    cacheControl: false,
    setHeaders(res, path) {
      res.header('cache-control', 'public, max-age=31536000, immutable');
      if (path.endsWith('.js')) res.header('content-type', 'text/javascript; charset=utf-8');
    },
  });
}
