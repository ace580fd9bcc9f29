import type { Messages } from './messages.js';

/** Pages for a refused form (CSRF) and a refused action (role). */
export const AUTH_ERRORS: Messages<'csrfTitle' | 'csrfText' | 'toLogin' | 'forbiddenTitle' | 'forbiddenText' | 'toStaff'> = {
  ja: {
    csrfTitle: '送信を受け付けられませんでした',
    csrfText: 'フォームの有効期限が切れたか、このサイト以外から送信されました。内容は保存されていません。前のページに戻って再読み込みし、もう一度送信してください。',
    toLogin: 'ログインページへ',
    forbiddenTitle: 'この操作を行う権限がありません',
    forbiddenText: 'お使いのアカウントの権限では、この操作はできません。必要な場合は管理者に依頼してください。',
    toStaff: '職員用ページへ',
  },
  en: {
    csrfTitle: 'The form could not be accepted',
    csrfText: 'The form has expired or was not sent from this site. Nothing was saved. Go back, reload the page and send it again.',
    toLogin: 'Go to the sign-in page',
    forbiddenTitle: 'You may not do this',
    forbiddenText: 'The role of your account does not allow this action. Ask an administrator if you need it.',
    toStaff: 'Go to the staff pages',
  },
  zh: {
    csrfTitle: '无法受理此次提交',
    csrfText: '表单已过期，或并非从本网站提交。内容未被保存。请返回上一页，刷新后重新提交。',
    toLogin: '前往登录页面',
    forbiddenTitle: '您没有执行此操作的权限',
    forbiddenText: '您账户的权限不允许此操作。如有需要，请联系管理员。',
    toStaff: '前往工作人员页面',
  },
};
