import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { loadHomeAnniversaries, loadKnowledge, loadPartnershipKnowledge, organizationNamed } from '../../../services/knowledge.service.js';
import type { Store } from '../../../storage/database.js';
import { anniversaryCalendar, CALENDAR_LOCALES } from '../../../exports/icalendar.js';
import { AgreementsPage } from '../../../views/knowledge/agreements.page.js';
import { InsightsPage } from '../../../views/knowledge/insights.page.js';
import { OrganizationPage, OrganizationsPage } from '../../../views/knowledge/organization.page.js';
import { renderPage } from '../../../views/render.js';
import { PUBLIC, pageRoute, type PageSite } from '../../page-route.js';
import { pathId } from '../../path-id.js';


/** The organisation pages, a partnership's agreements and insights, and the anniversary feed. */
export function registerKnowledgeRoutes(app: FastifyInstance, store: Store, site: PageSite, now: () => Date = () => new Date(), siteUrl?: string): void {
  const uidHost = calendarHost(site.home, siteUrl);
  const knowledge = () => loadKnowledge(store, { home: site.home });
  /**
   * One published partnership, read alone: any the partnership page answers for, whatever its home municipality
   * (a store may hold several), since that page links these.
   */
  const partnershipKnowledge = (rawId: string) => loadPartnershipKnowledge(store, pathId(rawId));

  pageRoute(app, site, '/organizations', async (ctx) => {
    return renderPage(h(OrganizationsPage, { ctx, organizations: (await knowledge()).organizations }));
  }, PUBLIC);

  pageRoute<{ name: string }>(app, site, '/organizations/:name', async (ctx, request, reply) => {
    const k = await knowledge();
    const organization = organizationNamed(k, request.params.name);
    // An alias leads to the organisation's own page, so that each has one address.
    if (organization.name !== request.params.name) {
      const prefix = ctx.explicitLocale ? `/${ctx.locale}` : '';
      return void (await reply.redirect(`${prefix}/organizations/${encodeURIComponent(organization.name)}`, 301));
    }
    return renderPage(h(OrganizationPage, { ctx, organization }));
  }, PUBLIC);

  pageRoute<{ id: string }>(app, site, '/partnerships/:id/agreements', async (ctx, request) => {
    const k = await partnershipKnowledge(request.params.id);
    const { partnership, agreements } = k.partnership;
    // Organisations are linked to their pages, which are those of the site's home municipality's partnerships.
    const organizations = new Set(partnership.home === site.home ? k.organizations.map((o) => o.name) : []);
    return renderPage(h(AgreementsPage, { ctx, partnership, agreements, organizations }));
  }, PUBLIC);

  pageRoute<{ id: string }>(app, site, '/partnerships/:id/insights', async (ctx, request) => {
    const { partnership, fields, links } = (await partnershipKnowledge(request.params.id)).partnership;
    return renderPage(h(InsightsPage, { ctx, partnership, fields, links }));
  }, PUBLIC);

  // The calendar in Japanese at /anniversaries.ics whatever the reader's Accept-Language (a subscription keeps its
  // language), and in English and Chinese under /en/ and /zh/, which those pages link.
  for (const locale of CALENDAR_LOCALES) {
    app.get(locale === 'ja' ? '/anniversaries.ics' : `/${locale}/anniversaries.ics`, async (_request, reply) => {
      const ics = anniversaryCalendar(await loadHomeAnniversaries(store, site.home), now(), uidHost, locale);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="anniversaries.ics"').send(ics);
    });
  }
}

/**
 * The host the calendar's UIDs are made unique with: the public site's (KORYU_SITE_URL), else a name of the home
 * municipality's own. Never the request's Host header, which changes with the name a reader used, so that a
 * calendar application would take the same anniversary for a new one.
 */
export function calendarHost(home: string, siteUrl: string | undefined): string {
  if (siteUrl !== undefined) {
    try {
      return new URL(siteUrl).hostname;
    } catch {
      // A site URL that is not one: the home's name below.
    }
  }
  return `koryu-${Buffer.from(home, 'utf8').toString('hex')}.invalid`;
}
