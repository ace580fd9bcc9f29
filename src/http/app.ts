import Fastify, { type FastifyInstance } from 'fastify';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { downloadsFolder, RecordDownloads } from '../services/downloads.service.js';
import type { Store } from '../storage/database.js';
import { assetVersion, registerAssets } from './assets.js';
import { registerCaching } from './caching.js';
import { redirectToCanonical } from './canonical-address.js';
import { AccessLog, logAbortedRequests } from './access-log.js';
import { handleError, handleNotFound } from './error-handler.js';
import { PageCache } from './page-cache.js';
import { GENERATION_MAX_AGE_MS, GenerationWatch } from '../services/generation.watch.js';
import type { PageSite } from './page-route.js';
import type { PdfRenderer } from './pdf-renderer.js';
import { registerEventRoutes } from './routes/pages/event.route.js';
import { registerHomeRoutes } from './routes/pages/home.route.js';
import { registerKnowledgeRoutes } from './routes/pages/knowledge.route.js';
import { registerPartnershipRoutes } from './routes/pages/partnership.route.js';
import { registerSearchRoutes } from './routes/pages/search.route.js';
import { registerPrintRoutes } from './routes/pages/print.route.js';
import { registerSecurityHeaders } from './security.js';
import { answerClientError, answerFrameworkError, registerUrlGuard } from './url-guard.js';
import { registerAuth } from './auth/auth.plugin.js';
import { registerLoginRoutes } from './routes/staff/login.route.js';
import { registerStaffRoutes } from './routes/staff/staff.route.js';
import { registerAccountPages } from './staff/account-pages.route.js';
import { registerImportLog } from './staff/import-log.route.js';
import { registerImportUndo } from './staff/import-undo.route.js';
import type { LoginLimits } from '../services/login-throttle.js';
import { registerEditing, type EditingOptions } from './staff/editing.plugin.js';
import { registerPhotoRoutes } from './routes/photo.route.js';
import type { PhotoFiles } from '../storage/photo.files.js';
import type { Licence } from '../domain/licence.js';
import { registerApiRoutes } from './routes/api/api.route.js';
import { registerOpenApi } from './routes/api/openapi.js';
import { registerDownloadRoutes, sendRecordFile } from './routes/opendata/downloads.route.js';
import { registerYearbookRoutes } from './routes/pages/yearbook.route.js';
import { readPlaceNames } from '../services/place-name.service.js';
import { registerPlaceNamePages } from './staff/place-names.route.js';
import { registerCrawlRoutes } from './routes/pages/crawl.route.js';

export interface AppDeps {
  store: Store;
  home: string;
  /** Logs (as JSON lines, one per request): to standard output when true, or to the stream given (tests read it). */
  logger?: boolean | { stream: { write(line: string): void } };
  /** Today, for the anniversaries on the home page; tests fix it. */
  now?: () => Date;
  /** Makes /partnerships/:id.pdf; without it that route answers 503 PdfUnavailable. */
  pdf?: PdfRenderer;
  /** Largest request body in bytes (KORYU_MAX_REQUEST_BYTES); 1 MiB when unset. */
  bodyLimit?: number;
  /** Staff sign-in: the CSRF cookie's signing secret (random per process when unset), session length, login limits. */
  auth?: { secret?: string; sessionHours?: number; limits?: LoginLimits };
  /** Fastify's trustProxy: which proxies' X-Forwarded-For/-Proto to believe (client address, HTTPS). */
  trustProxy?: boolean | string;
  /** Called for every route as it is added (the permission matrix test lists them). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
  /** Staff editing, photos and the web import; without it those routes are absent. */
  editing?: EditingOptions;
  /** The stored photos, served at /photos/SIZE/NAME without the staff area (koryu publish copies them). */
  photos?: PhotoFiles;
  /** Terms of use of the published data: in every download and the page footer. */
  licence?: Licence;
  /** The public site's absolute URL (ending in /), for links in the feed and linked data. */
  siteUrl?: string;
  /** Most bytes of rendered public pages kept in memory (KORYU_PAGE_CACHE_BYTES); 0 keeps none. 32 MiB when unset. */
  pageCacheBytes?: number;
  /** Where the folder of the whole record's download files is made (the system's temporary folder when unset). */
  downloadsDir?: string;
  /** Milliseconds on a clock that only goes forward, for how long a generation read is current (tests move it). */
  generationClock?: () => number;
}

export const DEFAULT_PAGE_CACHE_BYTES = 32 * 1024 * 1024;

/** The web application; tests drive it in-process with `app.inject`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    logController: new AccessLog(),
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    trustProxy: deps.trustProxy ?? false,
  });
  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);
  if (deps.logger) logAbortedRequests(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(redirectToCanonical(app, handleNotFound));
  registerOpenApi(app, { title: `${deps.home} 国際交流の記録 API`, version: '1', ...(deps.licence ? { licence: deps.licence } : {}) });
  registerSecurityHeaders(app);
  registerUrlGuard(app);
  registerCaching(app);
  await registerAssets(app);
  const site: PageSite = {
    home: deps.home,
    assetVersion: assetVersion(),
    cache: new PageCache(
      deps.store,
      deps.pageCacheBytes ?? DEFAULT_PAGE_CACHE_BYTES,
      deps.now,
      deps.generationClock ? new GenerationWatch(deps.store, GENERATION_MAX_AGE_MS, deps.generationClock) : undefined,
    ),
    ...(deps.licence ? { licence: deps.licence } : {}),
    placeNames: () => readPlaceNames(deps.store),
    ...(deps.siteUrl ? { siteUrl: deps.siteUrl } : {}),
  };
  const exportSettings = { siteHome: deps.home, ...(deps.licence ? { licence: deps.licence } : {}), ...(deps.siteUrl ? { siteUrl: deps.siteUrl } : {}) };
  // The whole record's downloads, kept as files while the store is unchanged; removed with the server.
  const downloadsDir = downloadsFolder(deps.downloadsDir ?? tmpdir());
  app.addHook('onClose', async () => rm(downloadsDir, { recursive: true, force: true }));
  const downloads = new RecordDownloads(deps.store, exportSettings, downloadsDir);
  await registerAuth(app, deps.store, { site, ...(deps.auth?.secret ? { secret: deps.auth.secret } : {}), ...(deps.now ? { now: deps.now } : {}) });

  app.get('/healthz', async () => ({ ok: true }));
  app.get('/export.json', async (request, reply) => sendRecordFile(request, reply, downloads, 'json'));
  registerHomeRoutes(app, deps.store, site, deps.now);
  registerPartnershipRoutes(app, deps.store, site);
  registerEventRoutes(app, deps.store, site);
  registerSearchRoutes(app, deps.store, site);
  registerPrintRoutes(app, deps.store, site, deps.pdf);
  registerLoginRoutes(app, deps.store, site, {
    ...(deps.auth?.sessionHours ? { sessionHours: deps.auth.sessionHours } : {}),
    ...(deps.auth?.limits ? { limits: deps.auth.limits } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  registerStaffRoutes(app, site);
  registerAccountPages(app, site, deps.store);
  registerImportLog(app, site, deps.store);
  registerPlaceNamePages(app, site, deps.store);
  registerImportUndo(app, site, deps.store);
  if (deps.editing) await registerEditing(app, deps.store, site, deps.editing);
  else if (deps.photos) registerPhotoRoutes(app, deps.photos, deps.store);
  registerKnowledgeRoutes(app, deps.store, site, deps.now, deps.siteUrl);
  registerDownloadRoutes(app, deps.store, deps.home, exportSettings, downloads);
  registerApiRoutes(app, deps.store, deps.licence);
  registerCrawlRoutes(app, deps.store, deps.siteUrl);
  registerYearbookRoutes(app, deps.store, site, deps.pdf, deps.licence, deps.now);
  return app;
}
