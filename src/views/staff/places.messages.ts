import type { Messages } from '../i18n/messages.js';

type Key =
  | 'title' | 'intro' | 'noHistory' | 'link' | 'name' | 'where' | 'home' | 'partner' | 'unused' | 'en' | 'zh' | 'updated' | 'save'
  | 'saved' | 'unchanged' | 'invalid' | 'notFound' | 'none' | 'import' | 'refused' | 'readOnly';

/** The staff page of place names: every home and partner the record names, with its names in English and Chinese. */
export const PLACES: Messages<Key> = {
  ja: {
    title: '地名の英語・中国語表記',
    intro: '記録に出てくる自治体（記録の自治体と提携先）の名前を、英語と中国語（簡体字）のページでどう表記するかを設定します。1つの名前につき1つの表記で、その名前が出てくるすべての提携先に使われます。英語のページでは「Dalian (大連市)」のように日本語の名前を添えて表示します。空欄にすると、そのページでは日本語の名前のまま表示します。',
    noHistory: '地名の表記の変更は、各項目の変更履歴には残りません。最後に変更した日時と担当者だけを表示しています。',
    link: '地名の英語・中国語表記', name: '記録での名前', where: '出てくるところ', home: '記録の自治体', partner: '提携先', unused: '（提携先の削除により、今は使われていません）',
    en: '英語表記', zh: '中国語表記', updated: '最終変更', save: '保存', saved: '{name} の表記を保存しました。', unchanged: '{name} の表記は変わっていません。',
    invalid: '表記は改行を含まない100字以内にしてください。', notFound: 'その名前は記録にありません。', none: '記録にはまだ自治体の名前がありません。',
    import: '取り込み', refused: '保存していません', readOnly: '表記を変更できるのは、翻訳者・編集者・管理者です。',
  },
  en: {
    title: 'Place names in English and Chinese',
    intro: 'Set how the municipalities the record names (its home municipalities and partner cities) are written on the English and Chinese (simplified) pages. A name has one set of names, used by every partnership it appears in. English pages show the Japanese beside it, as in “Dalian (大連市)”. Left blank, the page shows the Japanese name.',
    noHistory: 'Changes of place names are not kept in the items’ histories; only the last change’s time and author are shown.',
    link: 'Place names in English and Chinese', name: 'Name in the record', where: 'Appears as', home: 'home municipality', partner: 'partner city', unused: '(no partnership names it any more)',
    en: 'English', zh: 'Chinese', updated: 'Last changed', save: 'Save', saved: 'The names of {name} were saved.', unchanged: 'The names of {name} were already so.',
    invalid: 'A name must be one line of at most 100 characters.', notFound: 'The record does not name that place.', none: 'The record names no municipality yet.',
    import: 'import', refused: 'Not saved', readOnly: 'Translators, editors and administrators may change the names.',
  },
  zh: {
    title: '地名的英文和中文写法',
    intro: '设置记录中出现的城市（本记录的城市和友好城市）在英文页和中文（简体）页上的写法。每个名称只有一种写法，用于出现该名称的所有友好城市关系。英文页会在旁边附上日文名称，例如“Dalian (大連市)”。留空时，页面显示日文名称。',
    noHistory: '地名写法的修改不会保留在各项目的修改历史中，只显示最后修改的时间和操作者。',
    link: '地名的英文和中文写法', name: '记录中的名称', where: '出现于', home: '本记录的城市', partner: '友好城市', unused: '（因友好城市关系已删除，目前未使用）',
    en: '英文写法', zh: '中文写法', updated: '最后修改', save: '保存', saved: '已保存{name}的写法。', unchanged: '{name}的写法没有变化。',
    invalid: '写法须为一行，最多100个字符。', notFound: '记录中没有该名称。', none: '记录中还没有城市名称。',
    import: '导入', refused: '未保存', readOnly: '只有翻译者、编辑者和管理员可以修改写法。',
  },
};
