import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { h } from 'preact';
import type { StoredPartnership } from '../../../domain/partnership.js';
import { KoryuError } from '../../../errors.js';
import { findPublishedPartnership } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { localHref, type PageContext } from '../../../views/page-context.js';
import { PrintPage, printFileName } from '../../../views/print.page.js';
import { renderPage } from '../../../views/render.js';
import { PUBLIC_DIR } from '../../assets.js';
import { answeredNotModified, PUBLIC, pageRoute, type PageSite } from '../../page-route.js';
import type { PdfRenderer } from '../../pdf-renderer.js';
import { pathId } from '../../path-id.js';
import { contentDisposition } from '../opendata/downloads.route.js';

async function findPartnership(store: Store, rawId: string): Promise<StoredPartnership> {
  return findPublishedPartnership(store, pathId(rawId));
}

function printHtml(ctx: PageContext, p: StoredPartnership): string {
  return renderPage(
    h(PrintPage, {
      ctx,
      partnership: p,
      pdfHref: localHref(ctx, `/partnerships/${p.id}.pdf`),
      timelineHref: localHref(ctx, `/partnerships/${p.id}`),
    }),
  );
}

/*
 * The PDF is Chromium's print of the same HTML as /partnerships/:id/print, handed to it by the renderer (which
 * answers the browser's navigation to an address of the server's own loopback origin with this HTML itself) rather
 * than fetched from the app's own URL: the app need not know the address it is reachable at (behind a proxy, or
 * driven with app.inject in tests), the page's request never loops back into the server, and the Host header
 * (which a client chooses) never decides where the browser goes. The style sheet is our own constant file, so its
 * text is put inline in place of the <link> (the renderer's page policy allows inline styles and nothing else).
 * Photos (the only other sub-resources) are fetched from the listening server; being of the page's own origin,
 * they pass their Cross-Origin-Resource-Policy: same-origin and are drawn.
 */
let styleSheet: string | undefined;
const STYLESHEET_LINK = /<link rel="stylesheet" href="\/assets\/koryu\.css\?v=[0-9a-f]+"\s*\/?>/;

export function inlineStyleSheet(html: string): string {
  styleSheet ??= readFileSync(`${PUBLIC_DIR}koryu.css`, 'utf8');
  if (!STYLESHEET_LINK.test(html)) throw new Error('The print view no longer links /assets/koryu.css as expected.');
  const css = styleSheet.replace(/<\/style/gi, '<\\/style');
  return html.replace(STYLESHEET_LINK, () => `<style>${css}</style>`);
}

/** The server's own loopback address, where the renderer may fetch photos. */
export function ownOrigin(app: FastifyInstance): string {
  const address = app.server.address() as AddressInfo | string | null;
  if (address === null || typeof address === 'string') return 'http://127.0.0.1/';
  const host = address.family === 'IPv6' ? (address.address === '::' ? '[::1]' : `[${address.address}]`) : address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
  return `http://${host}:${address.port}/`;
}

/** The print view (/partnerships/:id/print) and its PDF (/partnerships/:id.pdf), each also under /ja, /en and /zh. */
export function registerPrintRoutes(app: FastifyInstance, store: Store, site: PageSite, pdf: PdfRenderer | undefined): void {
  pageRoute<{ id: string }>(app, site, '/partnerships/:id/print', async (ctx, request) => printHtml(ctx, await findPartnership(store, request.params.id)), PUBLIC);

  pageRoute<{ id: string }>(app, site, '/partnerships/:id.pdf', async (ctx, request, reply) => {
    const p = await findPartnership(store, request.params.id);
    if (!pdf) throw new KoryuError('PdfUnavailable', 'PDFs cannot be made here: no browser is configured. The print view is at /partnerships/ID/print.');
    if (await answeredNotModified(site, ctx.locale, request, reply)) return;
    const printCtx: PageContext = { ...ctx, path: `/partnerships/${p.id}/print`, query: '' };
    let bytes: Buffer;
    try {
      bytes = await pdf.render(inlineStyleSheet(printHtml(printCtx, p)), ownOrigin(app));
    } catch (error) {
      request.log.error({ err: error }, 'PDF rendering failed');
      throw new KoryuError('PdfUnavailable', 'The PDF could not be made just now; try again later, or print the print view.');
    }
    return void reply
      .type('application/pdf')
      .header('content-disposition', contentDisposition(`partnership-${p.id}-${ctx.locale}.pdf`, printFileName(p, ctx.locale)))
      .send(bytes);
  });
}
