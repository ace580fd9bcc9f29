import { MIN_PASSWORD_LENGTH, ROLES, type Account, type Role } from '../../domain/account.js';
import { format } from '../i18n/messages.js';
import { Layout } from '../layout.js';
import { roleLabel } from '../staff.page.js';
import { ACCOUNT } from './account.messages.js';
import { japanDateTime } from './field-labels.js';
import { STAFF } from './staff.messages.js';
import { Field, href, PostForm, type StaffView } from './staff-parts.js';

/** What the accounts page says after a form: a password just issued (shown once), a notice, or a refusal. */
export interface AccountsOutcome {
  issued?: { name: string; password: string };
  notice?: string;
  refusal?: string;
  /** The add form's entries, shown again when it was refused (never the password). */
  entered?: { name: string; role: string };
}

/**
 * The administrator's accounts page: every account with its role, a form to add one (its password is made here
 * and shown once), and for each account a new password or its removal. Works without JavaScript.
 */
export function AccountsPage(props: { view: StaffView; accounts: readonly Account[]; me: string; outcome?: AccountsOutcome }) {
  const { view, outcome } = props;
  const { ctx } = view;
  const t = ACCOUNT[ctx.locale];
  const s = STAFF[ctx.locale];
  return (
    <Layout ctx={ctx} title={t.accounts}>
      <div class="staff">
        <p><a href={href(ctx, '/staff')}>{s.staff}</a></p>
        <h1>{t.accounts}</h1>
        <p>{t.accountsIntro}</p>
        {outcome?.notice && <p class="notice" role="status">{outcome.notice}</p>}
        {/* A refused new account was not added; a refused new password or removal changed nothing. */}
        {outcome?.refusal && <p class="problems" role="alert">{outcome.entered ? t.refusedAdd : t.refused}: {outcome.refusal}</p>}
        {outcome?.issued && (
          <section class="issued-password" role="status" aria-labelledby="issued-title">
            <h2 id="issued-title">{format(t.issuedTitle, { name: outcome.issued.name })}</h2>
            <p><code class="password">{outcome.issued.password}</code></p>
            <p>{t.issuedBody}</p>
          </section>
        )}
        <table>
          <thead>
            <tr><th scope="col">{t.name}</th><th scope="col">{t.role}</th><th scope="col">{t.createdAt}</th><th scope="col">{t.resetPassword}</th><th scope="col">{t.remove}</th></tr>
          </thead>
          <tbody>
            {props.accounts.map((a) => (
              <tr key={a.name}>
                <th scope="row">{a.name}{a.name === props.me ? ` ${t.you}` : ''}</th>
                <td>{roleLabel(ctx.locale, a.role)}</td>
                <td><time dateTime={a.createdAt}>{japanDateTime(ctx.locale, a.createdAt)}</time> {s.timeZoneNote}</td>
                <td>
                  <PostForm view={view} action={`/staff/accounts/${encodeURIComponent(a.name)}/password`} label={`${t.resetPassword}: ${a.name}`}>
                    <button type="submit">{t.resetPassword}</button>
                  </PostForm>
                </td>
                <td>
                  {a.name !== props.me && (
                    <PostForm view={view} action={`/staff/accounts/${encodeURIComponent(a.name)}/delete`} label={`${t.remove}: ${a.name}`}>
                      <button type="submit" aria-describedby={`remove-${a.id}`}>{t.remove}</button>
                      <small id={`remove-${a.id}`} class="hint">{format(t.removeConfirm, { name: a.name })}</small>
                    </PostForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2 id="add-account">{t.addAccount}</h2>
        <PostForm view={view} action="/staff/accounts" label={t.addAccount}>
          <Field id="account-name" label={t.name}>
            <input id="account-name" name="name" required maxLength={64} autocomplete="off" value={outcome?.entered?.name ?? ''} />
          </Field>
          <Field id="account-role" label={t.role}>
            <select id="account-role" name="role">
              {ROLES.map((r: Role) => (
                <option key={r} value={r} selected={(outcome?.entered?.role ?? 'editor') === r}>{roleLabel(ctx.locale, r)}</option>
              ))}
            </select>
          </Field>
          <button type="submit">{t.add}</button>
        </PostForm>
      </div>
    </Layout>
  );
}

/** Anyone's own password: the current one and the new one twice. */
export function OwnPasswordPage(props: { view: StaffView; refusal?: string }) {
  const { view } = props;
  const { ctx } = view;
  const t = ACCOUNT[ctx.locale];
  const s = STAFF[ctx.locale];
  return (
    <Layout ctx={ctx} title={t.ownPassword}>
      <div class="staff">
        <p><a href={href(ctx, '/staff')}>{s.staff}</a></p>
        <h1>{t.ownPassword}</h1>
        <p>{t.ownPasswordIntro}</p>
        {props.refusal && <p class="problems" role="alert">{t.refused}: {props.refusal}</p>}
        <PostForm view={view} action="/staff/password" label={t.ownPassword}>
          <Field id="current-password" label={t.currentPassword}>
            <input id="current-password" name="current" type="password" required autocomplete="current-password" />
          </Field>
          <Field id="new-password" label={format(t.newPassword, { min: MIN_PASSWORD_LENGTH })}>
            <input id="new-password" name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} autocomplete="new-password" />
          </Field>
          <Field id="new-password-again" label={t.newPasswordAgain}>
            <input id="new-password-again" name="again" type="password" required minLength={MIN_PASSWORD_LENGTH} autocomplete="new-password" />
          </Field>
          <button type="submit">{t.change}</button>
        </PostForm>
      </div>
    </Layout>
  );
}
