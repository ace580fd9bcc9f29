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
  /** Terms of use carried in every export and page footer (KORYU_LICENCE, KORYU_ATTRIBUTION). */
  readonly licence: Licence;
  /** The public site's absolute URL ending in / (KORYU_SITE_URL), for links in feeds and linked data; unset: none. */
  readonly siteUrl: string | undefined;
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
  const config: Config = {
    sqlitePath: env.KORYU_DB || './data/koryu.db',
    databaseUrl,
    home: env.KORYU_HOME?.trim() || '金沢市',
    host: env.HOST || '127.0.0.1',
    port: positiveInteger(env, 'PORT', 3000, problems, 65535),
    maxDocumentBytes: positiveInteger(env, 'KORYU_MAX_DOCUMENT_BYTES', 10 * 1024 * 1024, problems),
    chromiumPath: env.KORYU_CHROMIUM || '/usr/bin/chromium',
    licence: readLicence(env, problems),
    siteUrl: readSiteUrl(env, problems),
  };
  if (problems.length > 0) throw new KoryuError('ConfigInvalid', `Configuration is invalid:\n- ${problems.join('\n- ')}`);
  return Object.freeze(config);
}
