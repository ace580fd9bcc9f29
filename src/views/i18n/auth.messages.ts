import type { Messages } from './messages.js';

/** The login and staff pages. `{minutes}` is a whole number; `{name}` an account name; `{role}` a role's label. */
export const AUTH: Messages<
  | 'loginTitle'
  | 'loginIntro'
  | 'nameLabel'
  | 'passwordLabel'
  | 'loginButton'
  | 'errorHeading'
  | 'invalid'
  | 'throttled'
  | 'throttledOne'
  | 'missing'
  | 'signedOut'
  | 'expired'
  | 'expiredUnsaved'
  | 'staffTitle'
  | 'signedInAs'
  | 'roleLabel'
  | 'nameField'
  | 'logoutButton'
  | 'staffIntro'
  | 'roleAdmin'
  | 'roleEditor'
  | 'roleTranslator'
  | 'roleViewer'
> = {
  ja: {
    loginTitle: '職員ログイン',
    loginIntro: '記録を編集する職員の方は、アカウント名とパスワードを入力してください。',
    nameLabel: 'アカウント名',
    passwordLabel: 'パスワード',
    loginButton: 'ログイン',
    errorHeading: 'ログインできませんでした',
    invalid: 'アカウント名またはパスワードが正しくありません。',
    throttled: 'ログインの失敗が続いたため、一時的に受け付けを停止しています。約{minutes}分後にもう一度お試しください。',
    throttledOne: 'ログインの失敗が続いたため、一時的に受け付けを停止しています。約{minutes}分後にもう一度お試しください。',
    missing: 'アカウント名とパスワードを入力してください。',
    signedOut: 'ログアウトしました。',
    expired: 'ログインの有効期限が切れました。もう一度ログインすると、元のページに戻ります。',
    expiredUnsaved: 'ログインの有効期限が切れたため、保存していません。もう一度ログインすると元のページに戻ります。入力した内容はこのタブに残っているので、そのページの「入力を戻す」で元に戻してから保存してください（戻せないときは、もう一度入力してください）。',
    staffTitle: '職員用ページ',
    signedInAs: '{name} としてログインしています。',
    roleLabel: '権限',
    nameField: 'アカウント名',
    logoutButton: 'ログアウト',
    staffIntro: '記録の編集や翻訳の機能は、ここから利用できます。',
    roleAdmin: '管理者',
    roleEditor: '編集者',
    roleTranslator: '翻訳者',
    roleViewer: '閲覧者',
  },
  en: {
    loginTitle: 'Staff sign-in',
    loginIntro: 'Staff who keep the record: enter your account name and password.',
    nameLabel: 'Account name',
    passwordLabel: 'Password',
    loginButton: 'Sign in',
    errorHeading: 'You could not be signed in',
    invalid: 'The account name or the password is not correct.',
    throttled: 'Too many failed sign-ins: sign-in is paused for now. Try again in about {minutes} minutes.',
    throttledOne: 'Too many failed sign-ins: sign-in is paused for now. Try again in about {minutes} minute.',
    missing: 'Enter your account name and password.',
    signedOut: 'You have signed out.',
    expired: 'Your session has expired. Sign in again to return to the page you were on.',
    expiredUnsaved: 'Your session has expired, so nothing was saved. Sign in again to return to the form: this tab has kept what you entered, and “Put it back” there restores it (if it does not, enter your changes again). Then save.',
    staffTitle: 'Staff pages',
    signedInAs: 'Signed in as {name}.',
    roleLabel: 'Role',
    nameField: 'Account name',
    logoutButton: 'Sign out',
    staffIntro: 'Editing and translating the record start here.',
    roleAdmin: 'Administrator',
    roleEditor: 'Editor',
    roleTranslator: 'Translator',
    roleViewer: 'Viewer',
  },
  zh: {
    loginTitle: '工作人员登录',
    loginIntro: '负责维护记录的工作人员，请输入账户名和密码。',
    nameLabel: '账户名',
    passwordLabel: '密码',
    loginButton: '登录',
    errorHeading: '无法登录',
    invalid: '账户名或密码不正确。',
    throttled: '登录失败次数过多，暂时停止受理。请在约 {minutes} 分钟后重试。',
    throttledOne: '登录失败次数过多，暂时停止受理。请在约 {minutes} 分钟后重试。',
    missing: '请输入账户名和密码。',
    signedOut: '您已退出登录。',
    expired: '登录已过期。重新登录后将返回原来的页面。',
    expiredUnsaved: '登录已过期，因此未保存。重新登录后将返回原来的表单；输入的内容仍保留在此标签页中，请在该页点击“恢复输入”后保存（如无法恢复，请重新输入）。',
    staffTitle: '工作人员页面',
    signedInAs: '当前登录账户：{name}',
    roleLabel: '权限',
    nameField: '账户名',
    logoutButton: '退出登录',
    staffIntro: '编辑和翻译记录的功能从这里开始。',
    roleAdmin: '管理员',
    roleEditor: '编辑',
    roleTranslator: '翻译',
    roleViewer: '查看者',
  },
};
