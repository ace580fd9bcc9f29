import type { Messages } from '../i18n/messages.js';

type Key = 'unmarkedYear' | 'viewerNote' | 'translatorPartnershipNote' | 'staffIntroViewer' | 'staffIntroTranslator'
  | 'restoreKeepsTranslations' | 'restoreTranslations' | 'restoreTranslationsHint' | 'affiliatedOnHint' | 'deletedWhere' | 'deletedByImport' | 'conflictBy'
  | 'order' | 'orderedByDate' | 'moveUp' | 'moveDown' | 'moveUpLabel' | 'moveDownLabel' | 'moved';

/** What the staff's edit pages say besides their fields: what a save did beyond the item, why a form is read-only. */
export const EDIT_NOTES: Messages<Key> = {
  ja: {
    unmarkedYear: '{year}年は「交流なし」になっていましたが、交流を登録したため、「交流なし」の印を外しました（提携先の変更履歴に残っています）。',
    viewerNote: '閲覧者の権限のため、内容を見ることだけができます（変更はできません）。変更が必要なときは、編集者か管理者に依頼してください。',
    translatorPartnershipNote: '翻訳者の権限のため、提携先の内容は変更できません。下の交流や写真の記録を開くと、英語訳と中国語訳を変更できます。',
    staffIntroViewer: '閲覧者の権限のため、下書きを含む記録と変更履歴を見ることができます（変更はできません）。',
    staffIntroTranslator: '翻訳者の権限のため、交流と写真の記録の英語訳・中国語訳を追加・変更できます。',
    restoreKeepsTranslations: '戻すと、この版の内容になります。英語訳・中国語訳は、この版にある言語だけをこの版の訳に戻し、この版の後に追加された言語の訳は残します（消すときは編集画面で欄を空にして保存してください）。',
    restoreTranslations: 'この版の訳に戻す',
    deletedWhere: '［{where}］',
    deletedByImport: '取り込み #{n} で削除',
    conflictBy: '{name} さんが {at}（{zone}）に変更しました。',
    order: '年内の順序', orderedByDate: '日付順', moveUp: '↑ 上へ', moveDown: '↓ 下へ',
    moveUpLabel: '「{text}」を同じ年の中で上へ移す', moveDownLabel: '「{text}」を同じ年の中で下へ移す',
    moved: '同じ年の中で順序を変えました（内容は変わっていません）。',
    affiliatedOnHint: 'YYYY-MM-DD（2002/4/15、平成14年4月15日、H14.4.15の形でも可。空欄可）',
    restoreTranslationsHint: '英語訳・中国語訳だけを、この版にある言語についてこの版の訳に戻します。日本語の内容などは変わりません。',
  },
  en: {
    unmarkedYear: '{year} was marked as a year without exchange; as an exchange is now recorded in it, the mark was removed (the partnership’s history shows the change).',
    viewerNote: 'You have a viewer account: you can read this item but not change it. Ask an editor or an administrator for changes.',
    translatorPartnershipNote: 'You have a translator account: you cannot change the partnership itself. Open an exchange or photo record below to change its English and Chinese translations.',
    staffIntroViewer: 'You have a viewer account: you can read the record, drafts and history included, but not change it.',
    staffIntroTranslator: 'You have a translator account: you can add and change the English and Chinese translations of exchanges and photo records.',
    restoreKeepsTranslations: 'Restoring brings back this version. Its English and Chinese translations come back for the languages it has; a translation added since in another language stays (empty its box in the form and save to remove it).',
    restoreTranslations: 'Restore this version’s translations',
    deletedWhere: '[{where}] ',
    deletedByImport: 'removed by import #{n}',
    conflictBy: '{name} changed it at {at} ({zone}).',
    order: 'Order in its year', orderedByDate: 'By date', moveUp: '↑ Up', moveDown: '↓ Down',
    moveUpLabel: 'Move “{text}” up within its year', moveDownLabel: 'Move “{text}” down within its year',
    moved: 'Moved within its year (its fields did not change).',
    affiliatedOnHint: 'YYYY-MM-DD (2002/4/15, 平成14年4月15日 and H14.4.15 are read too; may be empty)',
    restoreTranslationsHint: 'Brings back only the English and Chinese translations this version has; the Japanese text and the other fields stay as they are.',
  },
  zh: {
    unmarkedYear: '{year}年原标为“无交流”，由于已登记交流，已去掉“无交流”标记（合作关系的修改记录中可查看）。',
    viewerNote: '您是浏览者账号，只能查看内容，不能修改。如需修改，请联系编辑者或管理员。',
    translatorPartnershipNote: '您是翻译者账号，不能修改合作关系本身。打开下方的交流或照片记录，即可修改其英文和中文译文。',
    staffIntroViewer: '您是浏览者账号，可以查看记录（包括草稿和修改记录），但不能修改。',
    staffIntroTranslator: '您是翻译者账号，可以添加和修改交流与照片记录的英文和中文译文。',
    restoreKeepsTranslations: '恢复后将变为此版本的内容。英文和中文译文中，此版本已有的语言恢复为此版本的译文，此版本之后新增的语言的译文将保留（如需删除，请在编辑页面清空该栏后保存）。',
    restoreTranslations: '恢复此版本的译文',
    deletedWhere: '［{where}］',
    deletedByImport: '导入 #{n} 时删除',
    conflictBy: '{name} 于 {at}（{zone}）作了修改。',
    order: '年内顺序', orderedByDate: '按日期', moveUp: '↑ 上移', moveDown: '↓ 下移',
    moveUpLabel: '将“{text}”在同一年内上移', moveDownLabel: '将“{text}”在同一年内下移',
    moved: '已在同一年内调整顺序（内容未改变）。',
    affiliatedOnHint: 'YYYY-MM-DD（也可写作 2002/4/15、平成14年4月15日、H14.4.15；可空）',
    restoreTranslationsHint: '只恢复此版本已有语言的英文和中文译文，日文内容等其他项目不变。',
  },
};
