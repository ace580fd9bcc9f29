import type { Messages } from './messages.js';

/** The texts public/form-keeper.js shows on a staff form whose sending was lost when the session had ended. */
export const FORM_KEEPER: Messages<'note' | 'restore' | 'discard' | 'restored'> = {
  ja: {
    note: 'ログインの有効期限が切れていたため保存されなかった入力が、このタブに残っています。',
    restore: '入力を戻す',
    discard: '破棄する',
    restored: '入力を戻しました。内容を確かめてから保存してください。',
  },
  en: {
    note: 'What you entered before your session expired was not saved, and this tab has kept it.',
    restore: 'Put it back',
    discard: 'Discard it',
    restored: 'Your entry is back in the form. Check it, then save.',
  },
  zh: {
    note: '由于登录已过期而未保存的输入内容仍保留在此标签页中。',
    restore: '恢复输入',
    discard: '放弃',
    restored: '已恢复输入内容。请确认后保存。',
  },
};
