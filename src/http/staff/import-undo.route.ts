import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { ImportNotUndoableError, planUndo, undoImport } from '../../services/import-undo.service.js';
import type { Store } from '../../storage/database.js';
import { isLocale, LOCALES, negotiateLocale, type Locale } from '../../views/i18n/locale.js';
import { localHref, type PageContext } from '../../views/page-context.js';
import { renderPage } from '../../views/render.js';
import { ImportNotUndoablePage, ImportUndoPage } from '../../views/staff/import-undo.page.js';
import type { StaffView } from '../../views/staff/staff-parts.js';
import { requirePermission } from '../auth/guard.js';
import { pageRoute, queryString, type PageSite } from '../page-route.js';
import { pathId } from '../path-id.js';
import { formFields } from './multipart-form.js';

/** Whoever may import may undo an import (record:edit). */
const mayImport = { preHandler: requirePermission('record:edit') };

/** The partnership whose import log the staff member came from (`partnership=ID`), to go back to it. */
function fromPartnership(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}

/**
 * /staff/imports/:id/undo: the confirmation page of undoing one logged import (GET), and the undo (POST, with the
 * CSRF token). A refusal (ImportNotUndoable) is a page saying why and what to do instead, with 409.
 */
export function registerImportUndo(app: FastifyInstance, site: PageSite, store: Store): void {
  const view = (ctx: PageContext, reply: FastifyReply): StaffView => {
    void reply.header('cache-control', 'no-store');
    return { ctx, csrf: reply.generateCsrf() };
  };
  const refused = (ctx: PageContext, reply: FastifyReply, error: ImportNotUndoableError, from: number | undefined) => {
    reply.status(409);
    return renderPage(h(ImportNotUndoablePage, { view: view(ctx, reply), importId: error.importId, reason: error.reason, ...(from === undefined ? {} : { from }) }));
  };

  pageRoute<{ id: string }>(
    app,
    site,
    '/staff/imports/:id/undo',
    async (ctx, request, reply) => {
      const from = fromPartnership(queryString(request.query, 'partnership'));
      try {
        const plan = await planUndo(store.db, pathId(request.params.id));
        return renderPage(h(ImportUndoPage, { view: view(ctx, reply), plan, ...(from === undefined ? {} : { from }) }));
      } catch (error) {
        if (error instanceof ImportNotUndoableError) return refused(ctx, reply, error, from);
        throw error;
      }
    },
    mayImport,
  );

  for (const prefix of ['', ...LOCALES.map((l) => `/${l}`)]) {
    app.post<{ Params: { id: string } }>(`${prefix}/staff/imports/:id/undo`, mayImport, async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
      const asked = prefix === '' ? negotiateLocale(request.headers['accept-language']) : prefix.slice(1);
      const locale: Locale = isLocale(asked) ? asked : 'ja';
      const ctx: PageContext = { locale, explicitLocale: prefix !== '', path: '/staff/imports', query: '', home: site.home, assetVersion: site.assetVersion };
      const from = fromPartnership(formFields(request).partnership);
      const id = pathId(request.params.id);
      try {
        const result = await undoImport(store, id, { name: request.user!.name });
        // Back to the log the undo was asked from; the whole record's when the partnership went with the undo.
        const query = from !== undefined && !result.plan.removesPartnership ? `partnership=${from}&` : '';
        return reply.redirect(`${localHref(ctx, '/staff/imports')}?${query}undone=${id}`, 303);
      } catch (error) {
        if (error instanceof ImportNotUndoableError) return reply.type('text/html; charset=utf-8').send(await refused(ctx, reply, error, from));
        throw error;
      }
    });
  }
}
