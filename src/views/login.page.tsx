import { AUTH } from './i18n/auth.messages.js';
import { ACCOUNT } from './staff/account.messages.js';
import { format, pluralOf } from './i18n/messages.js';
import { Layout } from './layout.js';
import { localHref, type PageContext } from './page-context.js';

export type LoginProblem = { kind: 'invalid' } | { kind: 'missing' } | { kind: 'throttled'; retryAfterSeconds: number };

export interface LoginPageProps {
  ctx: PageContext;
  /** The CSRF token for the form's `_csrf` field. */
  csrfToken: string;
  /** The name typed before (never the password). */
  name?: string;
  /** Where to go after signing in (a path of this site). */
  next?: string | undefined;
  problem?: LoginProblem | undefined;
  signedOut?: boolean;
  /** After the person changed their own password (every session of theirs ended). */
  passwordChanged?: boolean;
  /** The session ended while a page was open; `unsaved`: a form was sent with it, and not saved. */
  expired?: 'page' | 'unsaved' | undefined;
}

/** The staff sign-in form; it posts to the login URL of its own language. */
export function LoginPage(props: LoginPageProps) {
  const { ctx, problem } = props;
  const t = AUTH[ctx.locale];
  const message =
    problem?.kind === 'throttled'
      ? throttledMessage(ctx.locale, Math.max(1, Math.ceil(problem.retryAfterSeconds / 60)))
      : problem?.kind === 'missing'
        ? t.missing
        : problem
          ? t.invalid
          : undefined;
  return (
    <Layout ctx={ctx} title={t.loginTitle}>
      <h1>{t.loginTitle}</h1>
      {props.signedOut && (
        <p class="notice" role="status">
          {t.signedOut}
        </p>
      )}
      {props.passwordChanged && (
        <p class="notice" role="status">
          {ACCOUNT[ctx.locale].passwordChanged}
        </p>
      )}
      {props.expired && (
        <p class="notice" role="alert">
          {props.expired === 'unsaved' ? t.expiredUnsaved : t.expired}
        </p>
      )}
      {message && (
        <div class="form-error" role="alert" id="login-error">
          <h2>{t.errorHeading}</h2>
          <p>{message}</p>
        </div>
      )}
      <p>{t.loginIntro}</p>
      <form class="staff-form" action={localHref(ctx, '/login')} method="post">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <p>
          <label for="login-name">{t.nameLabel}</label>
          <input
            id="login-name"
            name="name"
            type="text"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            maxLength={64}
            value={props.name ?? ''}
            aria-describedby={message ? 'login-error' : undefined}
            aria-invalid={message ? 'true' : undefined}
          />
        </p>
        <p>
          <label for="login-password">{t.passwordLabel}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            maxLength={1024}
            aria-invalid={message ? 'true' : undefined}
          />
        </p>
        <p>
          <button type="submit">{t.loginButton}</button>
        </p>
      </form>
    </Layout>
  );
}

const throttledMessage = (locale: PageContext['locale'], minutes: number) =>
  format(pluralOf(locale, minutes, { one: AUTH[locale].throttledOne, other: AUTH[locale].throttled }), { minutes });
