import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { isRole, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, normalizeAccountName, passwordProblem } from '../../domain/account.js';
import type { Action } from '../../domain/policies.js';
import { KoryuError } from '../../errors.js';
import { addAccount, changeOwnPassword, changePassword, listAccounts, removeAccount } from '../../services/account.service.js';
import { generatePassword } from '../../services/password.hasher.js';
import type { Store } from '../../storage/database.js';
import { isLocale, LOCALES, negotiateLocale, type Locale } from '../../views/i18n/locale.js';
import { format } from '../../views/i18n/messages.js';
import { localHref, type PageContext } from '../../views/page-context.js';
import { renderPage } from '../../views/render.js';
import { ACCOUNT } from '../../views/staff/account.messages.js';
import { AccountsPage, OwnPasswordPage, type AccountsOutcome } from '../../views/staff/accounts.page.js';
import type { StaffView } from '../../views/staff/staff-parts.js';
import { requirePermission } from '../auth/guard.js';
import { pageRoute, type PageSite } from '../page-route.js';
import { formFields } from './multipart-form.js';

type Req = FastifyRequest<{ Params: Record<string, string> }>;

/** The account a signed-in request belongs to (the guard let it through, so there is one). */
const me = (request: FastifyRequest) => request.user!;

/**
 * The accounts in the staff pages: an administrator lists, adds and removes accounts and issues new passwords
 * (made here, shown once); anyone signed in changes their own password. The command line (`koryu user`) does the
 * same for the machine's operator.
 */
export function registerAccountPages(app: FastifyInstance, site: PageSite, store: Store): void {
  const view = (ctx: PageContext, reply: FastifyReply): StaffView => {
    void reply.header('cache-control', 'no-store');
    return { ctx, csrf: reply.generateCsrf() };
  };
  const accountsPage = async (ctx: PageContext, request: FastifyRequest, reply: FastifyReply, outcome?: AccountsOutcome) =>
    renderPage(h(AccountsPage, { view: view(ctx, reply), accounts: await listAccounts(store), me: me(request).name, ...(outcome ? { outcome } : {}) }));

  pageRoute(app, site, '/staff/accounts', (ctx, request, reply) => accountsPage(ctx, request, reply), { preHandler: requirePermission('account:manage') });
  pageRoute(app, site, '/staff/password', async (ctx, _request, reply) => renderPage(h(OwnPasswordPage, { view: view(ctx, reply) })), {
    preHandler: requirePermission('staff:enter'),
  });

  /** A form's POST at `path` and under each language prefix, answering a page or a redirect. */
  const form = (path: string, permission: Action, handler: (ctx: PageContext, request: Req, reply: FastifyReply) => Promise<string | FastifyReply>) => {
    for (const prefix of ['', ...LOCALES.map((l) => `/${l}`)]) {
      app.post<{ Params: Record<string, string> }>(`${prefix}${path}`, { preHandler: requirePermission(permission) }, async (request, reply) => {
        const asked = prefix === '' ? negotiateLocale(request.headers['accept-language']) : prefix.slice(1);
        const locale: Locale = isLocale(asked) ? asked : 'ja';
        const shown = path.startsWith('/staff/accounts') ? '/staff/accounts' : '/staff/password';
        const ctx: PageContext = { locale, explicitLocale: prefix !== '', path: shown, query: '', home: site.home, assetVersion: site.assetVersion };
        const answer = await handler(ctx, request, reply);
        return typeof answer === 'string' ? reply.type('text/html; charset=utf-8').send(answer) : answer;
      });
    }
  };

  /** The page again with a refusal, answered with `status`. */
  const refused = (ctx: PageContext, request: FastifyRequest, reply: FastifyReply, status: number, refusal: string, entered?: AccountsOutcome['entered']) => {
    reply.status(status);
    return accountsPage(ctx, request, reply, { refusal, ...(entered ? { entered } : {}) });
  };

  form('/staff/accounts', 'account:manage', async (ctx, request, reply) => {
    const t = ACCOUNT[ctx.locale];
    const f = formFields(request);
    const entered = { name: f.name ?? '', role: f.role ?? '' };
    const name = normalizeAccountName(entered.name);
    if (name === null) return refused(ctx, request, reply, 422, t.nameInvalid, entered);
    if (!isRole(entered.role)) return refused(ctx, request, reply, 422, t.roleInvalid, entered);
    const password = generatePassword();
    try {
      await addAccount(store, { name, role: entered.role, password });
    } catch (error) {
      if (error instanceof KoryuError && error.code === 'AccountExists') return refused(ctx, request, reply, 409, t.exists, entered);
      throw error;
    }
    return accountsPage(ctx, request, reply, { issued: { name, password }, notice: format(t.added, { name }) });
  });

  form('/staff/accounts/:name/password', 'account:manage', async (ctx, request, reply) => {
    const t = ACCOUNT[ctx.locale];
    const name = request.params.name ?? '';
    const password = generatePassword();
    try {
      await changePassword(store, name, password);
    } catch (error) {
      if (error instanceof KoryuError && (error.code === 'AccountNotFound' || error.code === 'AccountInvalid')) return refused(ctx, request, reply, 404, t.notFound);
      throw error;
    }
    // Issuing one's own new password ends one's own session too: sign in again with it.
    if (normalizeAccountName(name) === me(request).name) return reply.redirect(`${localHref(ctx, '/login')}?passwordChanged=1`, 303);
    return accountsPage(ctx, request, reply, { issued: { name, password }, notice: format(t.reset, { name }) });
  });

  form('/staff/accounts/:name/delete', 'account:manage', async (ctx, request, reply) => {
    const t = ACCOUNT[ctx.locale];
    const name = normalizeAccountName(request.params.name ?? '');
    const accounts = await listAccounts(store);
    const account = accounts.find((a) => a.name === name);
    if (!account) return refused(ctx, request, reply, 404, t.notFound);
    // Never one's own: an administrator removing another leaves at least themselves.
    if (account.name === me(request).name) return refused(ctx, request, reply, 422, t.notYourself);
    await removeAccount(store, account.name);
    return accountsPage(ctx, request, reply, { notice: format(t.removed, { name: account.name }) });
  });

  form('/staff/password', 'staff:enter', async (ctx, request, reply) => {
    const t = ACCOUNT[ctx.locale];
    const f = formFields(request);
    const again = (refusal: string) => {
      reply.status(422);
      return renderPage(h(OwnPasswordPage, { view: view(ctx, reply), refusal }));
    };
    const password = f.password ?? '';
    const problem = passwordProblem(password);
    if (problem === 'tooShort') return again(format(t.passwordTooShort, { min: MIN_PASSWORD_LENGTH }));
    if (problem === 'tooLong') return again(format(t.passwordTooLong, { max: MAX_PASSWORD_LENGTH }));
    if (password !== (f.again ?? '')) return again(t.passwordsDiffer);
    try {
      await changeOwnPassword(store, me(request).name, f.current ?? '', password);
    } catch (error) {
      if (error instanceof KoryuError && error.code === 'PasswordIncorrect') return again(t.passwordIncorrect);
      throw error;
    }
    return reply.redirect(`${localHref(ctx, '/login')}?passwordChanged=1`, 303);
  });
}
