import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { can } from '../../domain/policies.js';
import { KoryuError } from '../../errors.js';
import { listPlaceEntries, setPlaceName } from '../../services/place-name.service.js';
import type { Store } from '../../storage/database.js';
import { isLocale, LOCALES, negotiateLocale, type Locale } from '../../views/i18n/locale.js';
import { format } from '../../views/i18n/messages.js';
import type { PageContext } from '../../views/page-context.js';
import { renderPage } from '../../views/render.js';
import { PlacesPage, type PlacesOutcome } from '../../views/staff/places.page.js';
import { PLACES } from '../../views/staff/places.messages.js';
import { requirePermission } from '../auth/guard.js';
import { pageRoute, type PageSite } from '../page-route.js';
import { formFields } from './multipart-form.js';

/**
 * /staff/places: every home and partner name of the record with its English and Chinese names. Any staff member
 * reads it; translators, editors and administrators (translation:edit) set a name's pair with its form.
 */
export function registerPlaceNamePages(app: FastifyInstance, site: PageSite, store: Store): void {
  const page = async (ctx: PageContext, request: FastifyRequest, reply: FastifyReply, outcome?: PlacesOutcome) => {
    void reply.header('cache-control', 'no-store');
    const view = { ctx, csrf: reply.generateCsrf() };
    return renderPage(h(PlacesPage, { view, places: await listPlaceEntries(store), mayEdit: can(request.user, 'translation:edit'), ...(outcome ? { outcome } : {}) }));
  };

  pageRoute(app, site, '/staff/places', (ctx, request, reply) => page(ctx, request, reply), { preHandler: requirePermission('staff:enter') });

  for (const prefix of ['', ...LOCALES.map((l) => `/${l}`)]) {
    app.post(`${prefix}/staff/places`, { preHandler: requirePermission('translation:edit') }, async (request, reply) => {
      const asked = prefix === '' ? negotiateLocale(request.headers['accept-language']) : prefix.slice(1);
      const locale: Locale = isLocale(asked) ? asked : 'ja';
      const ctx: PageContext = { locale, explicitLocale: prefix !== '', path: '/staff/places', query: '', home: site.home, assetVersion: site.assetVersion };
      const t = PLACES[locale];
      const f = formFields(request);
      const entered = { name: f.name ?? '', en: f.en ?? '', zh: f.zh ?? '' };
      let outcome: PlacesOutcome;
      try {
        const changed = await setPlaceName(store, entered.name, { en: entered.en, zh: entered.zh }, request.user!.name);
        outcome = { notice: format(changed ? t.saved : t.unchanged, { name: entered.name }) };
      } catch (error) {
        if (!(error instanceof KoryuError) || (error.code !== 'EditRejected' && error.code !== 'ItemNotFound')) throw error;
        void reply.status(error.code === 'ItemNotFound' ? 404 : 422);
        outcome = { refusal: error.code === 'ItemNotFound' ? t.notFound : t.invalid, entered };
      }
      return reply.type('text/html; charset=utf-8').send(await page(ctx, request, reply, outcome));
    });
  }
}
