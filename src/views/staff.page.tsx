import type { ComponentChildren } from 'preact';
import type { Role, SessionUser } from '../domain/account.js';
import type { Locale } from './i18n/locale.js';
import { AUTH } from './i18n/auth.messages.js';
import { EDIT_NOTES } from './staff/edit-notes.messages.js';
import { format } from './i18n/messages.js';
import { Layout } from './layout.js';
import { localHref, type PageContext } from './page-context.js';

export interface StaffPageProps {
  ctx: PageContext;
  user: SessionUser;
  /** The CSRF token for the logout form. */
  csrfToken: string;
  /** Links and sections of the staff features, added by the features themselves. */
  children?: ComponentChildren;
}

export function roleLabel(locale: Locale, role: Role): string {
  const t = AUTH[locale];
  return { admin: t.roleAdmin, editor: t.roleEditor, translator: t.roleTranslator, viewer: t.roleViewer }[role];
}

/** The staff home: who is signed in, their role, sign-out, and room for the staff features. */
export function StaffPage(props: StaffPageProps) {
  const { ctx, user } = props;
  const t = AUTH[ctx.locale];
  return (
    <Layout ctx={ctx} title={t.staffTitle}>
      <h1>{t.staffTitle}</h1>
      <p class="signed-in">{format(t.signedInAs, { name: user.name })}</p>
      <dl class="staff-account">
        <dt>{t.nameField}</dt>
        <dd>{user.name}</dd>
        <dt>{t.roleLabel}</dt>
        <dd data-role={user.role}>{roleLabel(ctx.locale, user.role)}</dd>
      </dl>
      <p>{user.role === 'viewer' ? EDIT_NOTES[ctx.locale].staffIntroViewer : user.role === 'translator' ? EDIT_NOTES[ctx.locale].staffIntroTranslator : t.staffIntro}</p>
      {props.children}
      <form class="logout-form" action={localHref(ctx, '/logout')} method="post">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <button type="submit">{t.logoutButton}</button>
      </form>
    </Layout>
  );
}
