import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { getItem } from '../../services/editing.service.js';
import { importLog } from '../../services/import-log.service.js';
import type { Store } from '../../storage/database.js';
import { renderPage } from '../../views/render.js';
import { ImportLogPage } from '../../views/staff/import-log.page.js';
import { requirePermission } from '../auth/guard.js';
import { pageRoute, queryString, type PageSite } from '../page-route.js';
import { pathId } from '../path-id.js';

/** Imports listed at most on the page. */
export const IMPORT_LOG_LIMIT = 100;

/** /staff/imports: the import log of the whole record, or of one partnership (`?partnership=ID`), for any staff member. */
export function registerImportLog(app: FastifyInstance, site: PageSite, store: Store): void {
  pageRoute(
    app,
    site,
    '/staff/imports',
    async (ctx, request, reply) => {
      void reply.header('cache-control', 'no-store');
      const id = queryString(request.query, 'partnership');
      const item = id === undefined ? undefined : await getItem(store, 'partnership', pathId(id));
      const partnership = item && { id: item.id, home: item.home, partner: item.partner };
      const entries = await importLog(store, IMPORT_LOG_LIMIT, partnership);
      return renderPage(h(ImportLogPage, { view: { ctx, csrf: reply.generateCsrf() }, entries, limit: IMPORT_LOG_LIMIT, ...(partnership ? { partnership } : {}) }));
    },
    { preHandler: requirePermission('draft:read') },
  );
}
