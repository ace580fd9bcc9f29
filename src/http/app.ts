import Fastify, { type FastifyInstance } from 'fastify';
import { exportRecord } from '../services/record.service.js';
import type { Store } from '../storage/database.js';
import { assetVersion, registerAssets } from './assets.js';
import { registerCaching } from './caching.js';
import { handleError } from './error-handler.js';
import type { PageSite } from './page-route.js';
import type { PdfRenderer } from './pdf-renderer.js';
import { registerEventRoutes } from './routes/pages/event.route.js';
import { registerHomeRoutes } from './routes/pages/home.route.js';
import { registerPartnershipRoutes } from './routes/pages/partnership.route.js';
import { registerSearchRoutes } from './routes/pages/search.route.js';
import { registerPrintRoutes } from './routes/pages/print.route.js';
import { registerSecurityHeaders } from './security.js';
import type { Licence } from '../domain/licence.js';
import { registerApiRoutes } from './routes/api/api.route.js';
import { registerOpenApi } from './routes/api/openapi.js';
import { registerDownloadRoutes } from './routes/opendata/downloads.route.js';
import { registerYearbookRoutes } from './routes/pages/yearbook.route.js';

export interface AppDeps {
  store: Store;
  home: string;
  logger?: boolean;
  /** Today, for the anniversaries on the home page; tests fix it. */
  now?: () => Date;
  /** Makes /partnerships/:id.pdf; without it that route answers 503 PdfUnavailable. */
  pdf?: PdfRenderer;
  /** Terms of use of the published data: in every download and the page footer. */
  licence?: Licence;
  /** The public site's absolute URL (ending in /), for links in the feed and linked data. */
  siteUrl?: string;
}

/** The web application; tests drive it in-process with `app.inject`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: 1024 * 1024 });
  app.setErrorHandler(handleError);
  registerOpenApi(app, { title: `${deps.home} 国際交流の記録 API`, version: '1', ...(deps.licence ? { licence: deps.licence } : {}) });
  await registerSecurityHeaders(app);
  registerCaching(app);
  await registerAssets(app);
  const site: PageSite = { home: deps.home, assetVersion: assetVersion(), ...(deps.licence ? { licence: deps.licence } : {}) };
  const exportSettings = { ...(deps.licence ? { licence: deps.licence } : {}), ...(deps.siteUrl ? { siteUrl: deps.siteUrl } : {}) };

  app.get('/healthz', async () => ({ ok: true }));
  app.get('/export.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(await exportRecord(deps.store, 'json')));
  registerHomeRoutes(app, deps.store, site, deps.now);
  registerPartnershipRoutes(app, deps.store, site);
  registerEventRoutes(app, deps.store, site);
  registerSearchRoutes(app, deps.store, site);
  registerPrintRoutes(app, deps.store, site, deps.pdf);
  registerDownloadRoutes(app, deps.store, deps.home, exportSettings);
  registerApiRoutes(app, deps.store);
  registerYearbookRoutes(app, deps.store, site, deps.pdf, deps.licence);
  return app;
}
