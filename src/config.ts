import { dirname } from 'node:path';
import { defaultAttribution, DEFAULT_LICENCE_KEY, LICENCE_PRESETS, type Licence } from './domain/licence.js';
import { KoryuError } from './errors.js';

/** Everything Koryu reads from its environment, parsed and checked once. Nothing else reads process.env. */
export interface Config {
  /** SQLite file of the embedded store (KORYU_DB). */
  readonly sqlitePath: string;
  /** PostgreSQL connection string (DATABASE_URL); when set, the store is PostgreSQL. */
  readonly databaseUrl: string | undefined;
  /** The home municipality (KORYU_HOME). */
  readonly home: string;
  readonly host: string;
  readonly port: number;
  /** Largest document the importer reads, in bytes (KORYU_MAX_DOCUMENT_BYTES). */
  readonly maxDocumentBytes: number;
  /** The Chromium that renders PDFs (KORYU_CHROMIUM); it is started on the first PDF request, not before. */
  readonly chromiumPath: string;
  /** Largest HTTP request body, in bytes (KORYU_MAX_REQUEST_BYTES); larger bodies are refused with 413 before they are read. */
  readonly maxRequestBytes: number;
  /** Longest line of a document, in characters (KORYU_MAX_LINE_LENGTH). */
  readonly maxLineLength: number;
  /** Most events one import may hold, over all its documents (KORYU_MAX_EVENTS_PER_IMPORT). */
  readonly maxEventsPerImport: number;
  /** Signs the CSRF cookie (KORYU_SECRET, at least 32 characters); undefined: a random secret per process. */
  readonly secret: string | undefined;
  /** Fastify's trustProxy (KORYU_TRUST_PROXY): false, true, or proxy addresses/CIDRs; decides the client address and HTTPS. */
  readonly trustProxy: boolean | string;
  /** How long a staff session lasts from sign-in, in hours (KORYU_SESSION_HOURS). */
  readonly sessionHours: number;
  /** Folder for uploaded files such as photos (KORYU_DATA_DIR); by default the SQLite file's folder. */
  readonly dataDir: string;
  /** Largest photo accepted for upload, in bytes (KORYU_MAX_PHOTO_BYTES). */
  readonly maxPhotoBytes: number;
  /** Terms of use carried in every export and page footer (KORYU_LICENCE, KORYU_ATTRIBUTION). */
  readonly licence: Licence;
  /** The public site's absolute URL ending in / (KORYU_SITE_URL), for links in feeds and linked data; unset: none. */
  readonly siteUrl: string | undefined;
  /** Most bytes of rendered public pages the server keeps in memory (KORYU_PAGE_CACHE_BYTES); 0 keeps none. */
  readonly pageCacheBytes: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function positiveInteger(env: Env, name: string, fallback: number, problems: string[], max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    problems.push(`${name} must be a whole number from 1 to ${max} (it is "${raw}").`);
    return fallback;
  }
  return n;
}

function nonNegativeInteger(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) {
    problems.push(`${name} must be a whole number, 0 or more (it is "${raw}").`);
    return fallback;
  }
  return n;
}

/** KORYU_TRUST_PROXY: unset or false, true (any proxy: only behind one that sets the headers), or a comma-separated list of proxy addresses/CIDRs. */
function trustProxy(raw: string | undefined): boolean | string {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  return value === 'true' ? true : value;
}

function readLicence(env: Env, problems: string[]): Licence {
  const key = (env.KORYU_LICENCE || DEFAULT_LICENCE_KEY).toLowerCase();
  const preset = LICENCE_PRESETS[key];
  if (!preset) problems.push(`KORYU_LICENCE must be one of ${Object.keys(LICENCE_PRESETS).join(', ')} (it is "${env.KORYU_LICENCE}").`);
  const attribution = env.KORYU_ATTRIBUTION?.trim() || defaultAttribution(env.KORYU_HOME?.trim() || '金沢市');
  return Object.freeze({ ...(preset ?? LICENCE_PRESETS[DEFAULT_LICENCE_KEY]!), attribution });
}

function readSiteUrl(env: Env, problems: string[]): string | undefined {
  const raw = env.KORYU_SITE_URL?.trim();
  if (!raw) return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(raw)) {
    problems.push(`KORYU_SITE_URL must be an http:// or https:// URL (it is "${raw}").`);
    return undefined;
  }
  return raw.endsWith('/') ? raw : `${raw}/`;
}

/** Parses the environment; reports every bad variable at once. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL.');
  }
  const secret = env.KORYU_SECRET || undefined;
  if (secret !== undefined && secret.length < 32) problems.push('KORYU_SECRET must be at least 32 characters long.');
  const config: Config = {
    sqlitePath: env.KORYU_DB || './data/koryu.db',
    databaseUrl,
    home: env.KORYU_HOME?.trim() || '金沢市',
    host: env.HOST || '127.0.0.1',
    port: positiveInteger(env, 'PORT', 3000, problems, 65535),
    maxDocumentBytes: positiveInteger(env, 'KORYU_MAX_DOCUMENT_BYTES', 10 * 1024 * 1024, problems),
    chromiumPath: env.KORYU_CHROMIUM || '/usr/bin/chromium',
    maxRequestBytes: positiveInteger(env, 'KORYU_MAX_REQUEST_BYTES', 1024 * 1024, problems),
    maxLineLength: positiveInteger(env, 'KORYU_MAX_LINE_LENGTH', 20_000, problems),
    maxEventsPerImport: positiveInteger(env, 'KORYU_MAX_EVENTS_PER_IMPORT', 50_000, problems),
    secret,
    trustProxy: trustProxy(env.KORYU_TRUST_PROXY),
    sessionHours: positiveInteger(env, 'KORYU_SESSION_HOURS', 12, problems, 24 * 30),
    dataDir: env.KORYU_DATA_DIR || dirname(env.KORYU_DB || './data/koryu.db'),
    maxPhotoBytes: positiveInteger(env, 'KORYU_MAX_PHOTO_BYTES', 20 * 1024 * 1024, problems),
    licence: readLicence(env, problems),
    siteUrl: readSiteUrl(env, problems),
    pageCacheBytes: nonNegativeInteger(env, 'KORYU_PAGE_CACHE_BYTES', 32 * 1024 * 1024, problems),
  };
  if (problems.length > 0) throw new KoryuError('ConfigInvalid', `Configuration is invalid:\n- ${problems.join('\n- ')}`);
  return Object.freeze(config);
}
