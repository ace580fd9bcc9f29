import { tokyoCalendarDate } from '../../../domain/anniversary.js';
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { Licence } from '../../../domain/licence.js';
import { KoryuError } from '../../../errors.js';
import { findPublishedPartnership } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import type { PageContext } from '../../../views/page-context.js';
import { renderPage } from '../../../views/render.js';
import { YearbookPage } from '../../../views/yearbook.page.js';
import { format } from '../../../views/i18n/messages.js';
import { YEARBOOK } from '../../../views/i18n/yearbook.messages.js';
import { answeredNotModified, pageRoute, type PageSite } from '../../page-route.js';
import type { PdfRenderer } from '../../pdf-renderer.js';
import { contentDisposition } from '../opendata/downloads.route.js';
import { inlineStyleSheet, ownOrigin } from './print.route.js';
import { pathId } from '../../path-id.js';

/**
 * The yearbook of a partnership as an A4 PDF, at /partnerships/:id/yearbook.pdf (and under /ja, /en, /zh for the
 * partner's edition): the print view with a cover, rendered by the same Chromium as the print view's PDF.
 * `koryu yearbook` fetches it from a server of its own.
 */
export function registerYearbookRoutes(app: FastifyInstance, store: Store, site: PageSite, pdf: PdfRenderer | undefined, licence: Licence | undefined, today: () => Date = () => new Date()): void {
  pageRoute<{ id: string }>(app, site, '/partnerships/:id/yearbook.pdf', async (ctx, request, reply) => {
    const id = pathId(request.params.id);
    const p = await findPublishedPartnership(store, id);
    if (!pdf) throw new KoryuError('PdfUnavailable', 'The yearbook cannot be made here: no browser is configured.');
    if (await answeredNotModified(site, ctx.locale, request, reply)) return;
    const printCtx: PageContext = { ...ctx, path: `/partnerships/${p.id}/print`, query: '' };
    const html = renderPage(h(YearbookPage, { ctx: printCtx, partnership: p, madeOn: tokyoDay(today()), ...(licence ? { licence } : {}) }));
    let bytes: Buffer;
    try {
      bytes = await pdf.render(inlineStyleSheet(html), ownOrigin(app));
    } catch (error) {
      request.log.error({ err: error }, 'yearbook rendering failed');
      throw new KoryuError('PdfUnavailable', 'The yearbook could not be made just now; try again later.');
    }
    return void reply
      .type('application/pdf')
      // Named by the edition's own title: a Chinese reader's file is Chinese (年表与照片中的…), an English reader's English.
      .header('content-disposition', contentDisposition(`yearbook-${p.id}-${ctx.locale}.pdf`, `${format(YEARBOOK[ctx.locale].title, { home: p.home, partner: p.partner })}_${ctx.locale}.pdf`))
      .send(bytes);
  });
}

/** The day in Japan at `at`, YYYY-MM-DD: the yearbook is made on the division's day, not the server's. */
function tokyoDay(at: Date): string {
  const { year, month, day } = tokyoCalendarDate(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
