import type { Messages } from '../i18n/messages.js';

type Key =
  | 'accounts' | 'accountsIntro' | 'name' | 'role' | 'createdAt' | 'you' | 'addAccount' | 'add' | 'resetPassword' | 'remove'
  | 'removeConfirm' | 'issuedTitle' | 'issuedBody' | 'added' | 'reset' | 'removed' | 'nameInvalid' | 'roleInvalid' | 'exists'
  | 'notFound' | 'notYourself' | 'ownPassword' | 'ownPasswordIntro' | 'currentPassword' | 'newPassword'
  | 'newPasswordAgain' | 'change' | 'passwordIncorrect' | 'passwordTooShort' | 'passwordTooLong' | 'passwordsDiffer'
  | 'passwordChanged' | 'refused' | 'refusedAdd';

/** The staff pages for accounts: an administrator's list of accounts, and everyone's own password. */
export const ACCOUNT: Messages<Key> = {
  ja: {
    accounts: 'アカウントの管理',
    accountsIntro: '職員のアカウントを追加し、パスワードを発行し直し、不要になったアカウントを削除します。パスワードはこの画面で一度だけ表示されます。本人に伝え、最初のログインの後で本人に変更してもらってください。',
    name: 'アカウント名', role: '権限', createdAt: '作成日時', you: '（あなた）', addAccount: 'アカウントを追加', add: '追加',
    resetPassword: 'パスワードを発行し直す', remove: '削除', removeConfirm: '{name} を削除します。このアカウントではログインできなくなります。',
    issuedTitle: '{name} のパスワード', issuedBody: 'この画面を閉じると二度と表示されません。本人に伝えてください。これまでのログインはすべて終了しました。',
    added: '{name} を追加しました。', reset: '{name} のパスワードを発行し直しました。', removed: '{name} を削除しました。',
    nameInvalid: 'アカウント名は、英数字と「.」「_」「-」で64字以内（先頭は英数字）にしてください。',
    roleInvalid: '権限を選んでください。', exists: 'その名前のアカウントはすでにあります。', notFound: 'そのアカウントはありません。',
    notYourself: '自分のアカウントは削除できません。',
    ownPassword: 'パスワードの変更', ownPasswordIntro: '今のパスワードと、新しいパスワードを2回入力してください。変更すると、ほかの端末を含めてログインが終了します。新しいパスワードでログインし直してください。',
    currentPassword: '今のパスワード', newPassword: '新しいパスワード（{min}字以上）', newPasswordAgain: '新しいパスワード（確認）', change: '変更する',
    passwordIncorrect: '今のパスワードが正しくありません。', passwordTooShort: '新しいパスワードは{min}字以上にしてください。',
    passwordTooLong: '新しいパスワードは{max}字以内にしてください。', passwordsDiffer: '新しいパスワードが2回とも同じになっていません。',
    passwordChanged: 'パスワードを変更しました。新しいパスワードでログインしてください。', refused: '変更していません', refusedAdd: '追加していません',
  },
  en: {
    accounts: 'Accounts',
    accountsIntro: 'Add staff accounts, issue new passwords and remove accounts no longer needed. A password is shown once, on this page: give it to its holder and have them change it after their first sign-in.',
    name: 'Account name', role: 'Role', createdAt: 'Created', you: '(you)', addAccount: 'Add an account', add: 'Add',
    resetPassword: 'Issue a new password', remove: 'Remove', removeConfirm: 'Remove {name}? The account can no longer sign in.',
    issuedTitle: 'Password of {name}', issuedBody: 'It will not be shown again once you leave this page: give it to its holder. Every session of the account has ended.',
    added: 'Added {name}.', reset: 'Issued a new password for {name}.', removed: 'Removed {name}.',
    nameInvalid: 'Use 1–64 letters, digits, “.”, “_” or “-” for the account name, starting with a letter or digit.',
    roleInvalid: 'Choose a role.', exists: 'An account of that name already exists.', notFound: 'There is no such account.',
    notYourself: 'You cannot remove your own account.',
    ownPassword: 'Change your password', ownPasswordIntro: 'Enter your current password and the new one twice. Changing it signs you out everywhere, this browser included: sign in again with the new password.',
    currentPassword: 'Current password', newPassword: 'New password (at least {min} characters)', newPasswordAgain: 'New password again', change: 'Change',
    passwordIncorrect: 'The current password is not right.', passwordTooShort: 'Use at least {min} characters for the new password.',
    passwordTooLong: 'Use at most {max} characters for the new password.', passwordsDiffer: 'The two new passwords are not the same.',
    passwordChanged: 'Your password was changed. Sign in with the new one.', refused: 'Nothing was changed', refusedAdd: 'Nothing was added',
  },
  zh: {
    accounts: '账户管理',
    accountsIntro: '添加职员账户、重新发放密码、删除不再需要的账户。密码只在此页面显示一次：请转告本人，并请本人在首次登录后修改。',
    name: '账户名', role: '权限', createdAt: '创建时间', you: '（您）', addAccount: '添加账户', add: '添加',
    resetPassword: '重新发放密码', remove: '删除', removeConfirm: '删除 {name}？此账户将无法再登录。',
    issuedTitle: '{name} 的密码', issuedBody: '离开此页面后将不再显示，请转告本人。此账户的所有登录均已结束。',
    added: '已添加 {name}。', reset: '已为 {name} 重新发放密码。', removed: '已删除 {name}。',
    nameInvalid: '账户名请使用1至64个英文字母、数字、“.”、“_”或“-”，并以字母或数字开头。',
    roleInvalid: '请选择权限。', exists: '已有同名账户。', notFound: '没有该账户。',
    notYourself: '不能删除自己的账户。',
    ownPassword: '修改密码', ownPasswordIntro: '请输入当前密码，并输入两次新密码。修改后，包括其他设备在内的所有登录都将结束，请用新密码重新登录。',
    currentPassword: '当前密码', newPassword: '新密码（至少{min}个字符）', newPasswordAgain: '再次输入新密码', change: '修改',
    passwordIncorrect: '当前密码不正确。', passwordTooShort: '新密码请至少使用{min}个字符。',
    passwordTooLong: '新密码请不超过{max}个字符。', passwordsDiffer: '两次输入的新密码不一致。',
    passwordChanged: '密码已修改。请用新密码登录。', refused: '未作修改', refusedAdd: '未添加',
  },
};
