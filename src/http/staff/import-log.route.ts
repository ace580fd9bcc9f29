import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { getItem } from '../../services/editing.service.js';
import { can } from '../../domain/policies.js';
import { importLog } from '../../services/import-log.service.js';
import { undoableImports } from '../../services/import-undo.service.js';
import type { Store } from '../../storage/database.js';
import { renderPage } from '../../views/render.js';
import { ImportLogPage } from '../../views/staff/import-log.page.js';
import { requirePermission } from '../auth/guard.js';
import { pageRoute, queryString, type PageSite } from '../page-route.js';
import { pathId } from '../path-id.js';

/** Imports listed at most on the page. */
export const IMPORT_LOG_LIMIT = 100;

/**
 * /staff/imports: the import log of the whole record, or of one partnership (`?partnership=ID`), for any staff member;
 * `?undone=ID` after an undo (import-undo.route.ts) says it was done.
 */
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
      // Whoever may import may undo an import: the rows that can be undone now get a button.
      const undoable = can(request.user, 'record:edit') ? await undoableImports(store.db, entries) : undefined;
      const undoneId = queryString(request.query, 'undone');
      const undone = undoneId === undefined ? undefined : entries.find((e) => String(e.id) === undoneId && e.undoneBy !== null);
      return renderPage(
        h(ImportLogPage, {
          view: { ctx, csrf: reply.generateCsrf() },
          entries,
          limit: IMPORT_LOG_LIMIT,
          ...(partnership ? { partnership } : {}),
          ...(undoable ? { undoable } : {}),
          ...(undone ? { undone: { id: undone.id, by: undone.undoneBy! } } : {}),
        }),
      );
    },
    { preHandler: requirePermission('draft:read') },
  );
}
