import { can } from '../../../domain/policies.js';
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { renderPage } from '../../../views/render.js';
import { StaffPage } from '../../../views/staff.page.js';
import { StaffLinks } from '../../../views/staff/staff-parts.js';
import { requireStaff } from '../../auth/guard.js';
import { pageRoute, type PageSite } from '../../page-route.js';

/** /staff: the staff home, for any signed-in account; anonymous visitors are sent to /login. */
export function registerStaffRoutes(app: FastifyInstance, site: PageSite): void {
  pageRoute(
    app,
    site,
    '/staff',
    async (ctx, request, reply) => {
      void reply.header('cache-control', 'no-store');
      // requireStaff let the request through, so there is a user.
      const user = request.user!;
      return renderPage(h(StaffPage, { ctx, user, csrfToken: reply.generateCsrf() }, h(StaffLinks, { ctx, mayImport: can(user, 'record:edit'), mayManageAccounts: can(user, 'account:manage') })));
    },
    { preHandler: requireStaff() },
  );
}
