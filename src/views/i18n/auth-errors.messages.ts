import type { Messages } from './messages.js';

/** Pages for a refused form (CSRF), a refused action (role), and an address with nothing at it. */
export const AUTH_ERRORS: Messages<
  'csrfTitle' | 'csrfText' | 'toLogin' | 'forbiddenTitle' | 'forbiddenText' | 'toStaff' | 'notFoundTitle' | 'notFoundText' | 'toHome' | 'toSearch'
  | 'staffNotFoundText' | 'toRecord'
> = {
  ja: {
    csrfTitle: '送信を受け付けられませんでした',
    csrfText: 'フォームの有効期限が切れたか、このサイト以外から送信されました。内容は保存されていません。前のページに戻って再読み込みし、もう一度送信してください。',
    toLogin: 'ログインページへ',
    forbiddenTitle: 'この操作を行う権限がありません',
    forbiddenText: 'お使いのアカウントの権限では、この操作はできません。必要な場合は管理者に依頼してください。',
    toStaff: '職員用ページへ',
    notFoundTitle: 'ページが見つかりません',
    notFoundText: 'お探しのページは見つかりませんでした。削除されたか、アドレスが違う可能性があります。',
    toHome: 'ホームへ',
    toSearch: '交流の記録を検索',
    staffNotFoundText: 'この項目は見つかりません。ほかの人が削除した可能性があります。削除した項目は職員用ページの「削除した項目」から元に戻せます。',
    toRecord: '職員用ページ（提携先と削除した項目）へ',
  },
  en: {
    csrfTitle: 'The form could not be accepted',
    csrfText: 'The form has expired or was not sent from this site. Nothing was saved. Go back, reload the page and send it again.',
    toLogin: 'Go to the sign-in page',
    forbiddenTitle: 'You may not do this',
    forbiddenText: 'The role of your account does not allow this action. Ask an administrator if you need it.',
    toStaff: 'Go to the staff pages',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is no page at this address. It may have been removed, or the address may be mistyped.',
    toHome: 'Go to the home page',
    toSearch: 'Search the record',
    staffNotFoundText: 'This item was not found: someone may have deleted it. Deleted items can be restored from “Deleted items” on the staff page.',
    toRecord: 'Go to the staff page (partnerships and deleted items)',
  },
  zh: {
    csrfTitle: '无法受理此次提交',
    csrfText: '表单已过期，或并非从本网站提交。内容未被保存。请返回上一页，刷新后重新提交。',
    toLogin: '前往登录页面',
    forbiddenTitle: '您没有执行此操作的权限',
    forbiddenText: '您账户的权限不允许此操作。如有需要，请联系管理员。',
    toStaff: '前往工作人员页面',
    notFoundTitle: '找不到页面',
    notFoundText: '找不到您要访问的页面。该页面可能已被删除，或网址有误。',
    toHome: '返回首页',
    toSearch: '搜索交流记录',
    staffNotFoundText: '找不到此项目，可能已被他人删除。已删除的项目可在职员页面的"已删除的项目"中恢复。',
    toRecord: '前往职员页面（友好城市和已删除的项目）',
  },
};
