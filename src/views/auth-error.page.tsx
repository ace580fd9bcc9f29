import { AUTH_ERRORS } from './i18n/auth-errors.messages.js';
import { Layout } from './layout.js';
import { localHref, type PageContext } from './page-context.js';

export type AuthErrorKind = 'csrf' | 'forbidden';

/** What a person sees in a browser when a form's CSRF token was missing or stale, or their role may not do something. */
export function AuthErrorPage(props: { ctx: PageContext; kind: AuthErrorKind }) {
  const { ctx, kind } = props;
  const t = AUTH_ERRORS[ctx.locale];
  const title = kind === 'csrf' ? t.csrfTitle : t.forbiddenTitle;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{kind === 'csrf' ? t.csrfText : t.forbiddenText}</p>
      <p>
        <a href={localHref(ctx, kind === 'csrf' ? '/login' : '/staff')}>{kind === 'csrf' ? t.toLogin : t.toStaff}</a>
      </p>
    </Layout>
  );
}
