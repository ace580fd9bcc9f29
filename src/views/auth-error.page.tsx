import { AUTH_ERRORS } from './i18n/auth-errors.messages.js';
import { Layout } from './layout.js';
import { localHref, type PageContext } from './page-context.js';

export type AuthErrorKind = 'csrf' | 'csrfSignedIn' | 'forbidden' | 'notFound' | 'staffNotFound' | 'badRequest' | 'tooLarge';

/**
 * What a person sees in a browser when a form's CSRF token was missing or stale, their role may not do something, or
 * there is nothing at the address (on a staff page: an item someone deleted), or the address itself was refused
 * (badRequest: a NUL or bad percent-encoding; tooLarge: an address or headers past the server's limit).
 */
export function AuthErrorPage(props: { ctx: PageContext; kind: AuthErrorKind }) {
  const { ctx, kind } = props;
  const t = AUTH_ERRORS[ctx.locale];
  const [title, text, links] = {
    csrf: [t.csrfTitle, t.csrfText, [['/login', t.toLogin]]],
    csrfSignedIn: [t.csrfTitle, t.csrfText, [['/staff', t.toStaff]]],
    forbidden: [t.forbiddenTitle, t.forbiddenText, [['/staff', t.toStaff]]],
    notFound: [t.notFoundTitle, t.notFoundText, [['/', t.toHome], ['/search', t.toSearch]]],
    staffNotFound: [t.notFoundTitle, t.staffNotFoundText, [['/staff/record', t.toRecord]]],
    badRequest: [t.badRequestTitle, t.badRequestText, [['/', t.toHome], ['/search', t.toSearch]]],
    tooLarge: [t.tooLargeTitle, t.tooLargeText, [['/', t.toHome], ['/search', t.toSearch]]],
  }[kind] as [string, string, [string, string][]];
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{text}</p>
      <ul class="links">
        {links.map(([path, label]) => (
          <li key={path}>
            <a href={localHref(ctx, path)}>{label}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
