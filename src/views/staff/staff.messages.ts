import type { Messages } from '../i18n/messages.js';

type Key =
  | 'staff' | 'partnerships' | 'newPartnership' | 'partner' | 'kind' | 'affiliatedOn' | 'noExchangeYears' | 'noExchangeHint'
  | 'status' | 'draft' | 'published' | 'save' | 'create' | 'delete' | 'edit' | 'history' | 'version' | 'events' | 'records'
  | 'newEvent' | 'newRecord' | 'year' | 'date' | 'dateHint' | 'direction' | 'textJa' | 'textEn' | 'textZh' | 'caption'
  | 'captionJa' | 'captionEn' | 'captionZh' | 'event' | 'noEvent' | 'photo' | 'photoHint' | 'currentPhoto' | 'conflictTitle'
  | 'conflictBody' | 'conflictYours' | 'conflictTheirs' | 'problems' | 'saved' | 'deleted' | 'restored' | 'deletedItems'
  | 'noDeleted' | 'restore' | 'restoreThis' | 'action' | 'actor' | 'at' | 'field' | 'before' | 'after' | 'historyOf'
  | 'create_' | 'update_' | 'delete_' | 'restore_' | 'import_' | 'import' | 'importHint' | 'document' | 'preview' | 'previewOf'
  | 'confirm' | 'diagnostics' | 'line' | 'noDiagnostics' | 'summary' | 'added' | 'changed' | 'removed' | 'nothingToImport'
  | 'wouldChange' | 'newPartnershipNote' | 'removesWarning'
  | 'back' | 'partnershipItem' | 'eventItem' | 'recordItem' | 'problem_required' | 'problem_tooLong' | 'problem_invalidYear'
  | 'problem_invalidDate' | 'problem_invalidDirection' | 'problem_invalidStatus' | 'problem_invalidLink' | 'problem_duplicate'
  | 'problem_notFound' | 'problem_dateOutsideYear' | 'problem_notEmpty' | 'tooLongLimit' | 'none' | 'yearsEvents' | 'refused'
  | 'translationEn' | 'translationZh' | 'partnershipIdField' | 'timeZoneNote' | 'itemGone' | 'itemGoneBody' | 'previewGone'
  | 'restoreDuplicate' | 'translatorNote' | 'deleteConfirm' | 'deleteNow' | 'refusedSamePartnership' | 'refusedTooManyEvents';

/** The staff area: lists, edit forms, history, the web import. */
export const STAFF: Messages<Key> = {
  ja: {
    staff: '職員用ページ', partnerships: '提携先', newPartnership: '提携先を追加', partner: '提携先', kind: '種別', affiliatedOn: '提携日',
    noExchangeYears: '交流なしの年', noExchangeHint: '西暦をカンマで区切って入力（例：2020, 2021）', status: '状態', draft: '下書き',
    published: '公開', save: '保存', create: '追加', delete: '削除', edit: '編集', history: '変更履歴', version: '版', events: '交流',
    records: '写真の記録', newEvent: '交流を追加', newRecord: '写真の記録を追加', year: '年', date: '日付', dateHint: 'YYYY-MM-DD または YYYY-MM（空欄可）',
    direction: '区分', textJa: '内容（日本語）', textEn: '内容（英語）', textZh: '内容（中国語）', caption: '説明', captionJa: '説明（日本語）',
    captionEn: '説明（英語）', captionZh: '説明（中国語）', event: '写っている交流', noEvent: '（なし）', photo: '写真',
    photoHint: 'JPEG・PNG・WebP、{mb}MBまで。位置情報などのメタデータは取り除かれます。', currentPhoto: '現在の写真',
    conflictTitle: '他の人が先に変更しました', conflictBody: 'この項目は第{theirs}版に更新されています（あなたの編集は第{yours}版に基づいています）。保存していません。最新の内容を確認して、もう一度編集してください。',
    conflictYours: 'あなたの入力', conflictTheirs: '最新の内容（第{version}版）', problems: '入力を確認してください。保存していません。',
    saved: '保存しました。', deleted: '削除しました。変更履歴から元に戻せます。', restored: '元に戻しました。', deletedItems: '削除した項目',
    noDeleted: '削除した項目はありません。', restore: '元に戻す', restoreThis: 'この版に戻す', action: '操作', actor: '担当者', at: '日時',
    field: '項目', before: '変更前', after: '変更後', historyOf: '変更履歴：{item}', create_: '作成', update_: '変更', delete_: '削除',
    restore_: '復元', import_: '取り込み', import: '文書の取り込み', importHint: '年表の文書（テキスト、表、CSV・XLSX、koryu/1 JSON）を選んでください。複数のファイルを一度に選べます。CSVの書き出しは、交流の表（FILE.csv）と写真の記録（FILE.photos.csv）を一緒に選んでください。取り込む前に内容を確認できます。',
    document: '文書', preview: '内容を確認', previewOf: '取り込む内容：{file}', confirm: 'この内容で取り込む', diagnostics: '確認事項', line: '行',
    noDiagnostics: '確認事項はありません。', summary: '取り込みました', added: '追加', changed: '変更', removed: '削除',
    wouldChange: '取り込むと変わること', newPartnershipNote: '新しい提携先',
    removesWarning: '{partner}：登録済みの{events}件の交流と{records}件の写真の記録が、この文書にないため削除されます。',
    nothingToImport: 'この文書には取り込めない誤りがあります。修正してからもう一度選んでください。', back: '戻る',
    partnershipItem: '提携先', eventItem: '交流', recordItem: '写真の記録', problem_required: '入力してください',
    problem_tooLong: '長すぎます', problem_invalidYear: '1868〜2100の西暦を入力してください', problem_invalidDate: '日付の形式が正しくありません',
    problem_invalidDirection: '区分を選んでください', problem_invalidStatus: '状態を選んでください', problem_invalidLink: '同じ提携先の交流を選んでください',
    problem_duplicate: 'この提携先はすでにあります', problem_notFound: '見つかりません', problem_dateOutsideYear: '日付が年と合っていません（年度の場合は翌年3月まで）',
    problem_notEmpty: '交流や写真の記録が残っているため削除できません。先にそれらを削除してください', tooLongLimit: '{max}字以内で入力してください',
    translationEn: '英語訳', translationZh: '中国語訳', partnershipIdField: '提携先', timeZoneNote: '日本時間',
    itemGone: 'この項目は削除されています', itemGoneBody: 'ほかの人がこの項目を削除しました。入力した内容は保存していません（下に表示しています）。変更履歴の「削除した項目」から元に戻せます。',
    previewGone: 'この取り込みの確認画面は有効期限が切れたか、別の担当者のものです。文書をもう一度選んでください。',
    restoreDuplicate: '同じ名前の提携先がすでにあるため、元に戻せません。',
    translatorNote: '翻訳担当のため、英語訳と中国語訳だけを変更できます。', none: '—',
    deleteConfirm: 'この項目を削除します。削除した項目は職員用ページの「削除した項目」から元に戻せます。', deleteNow: '削除する',
    refusedSamePartnership: '{first} と {second} のどちらにも {partnership} の交流が含まれています。取り込みでは文書ごとに提携先の記録を置き換えるため、後の文書が前の文書を置き換えてしまいます。1つの文書にまとめるか、最新の文書だけを選んでください。取り込んでいません。',
    refusedTooManyEvents: '{documents}件の文書に合わせて{events}件の交流が含まれています。1回に取り込めるのは{limit}件までです。分けて取り込んでください。取り込んでいません。', yearsEvents: '{events}件の交流、{records}件の写真の記録',
    refused: '受け付けられませんでした',
  },
  en: {
    staff: 'Staff area', partnerships: 'Partnerships', newPartnership: 'Add a partnership', partner: 'Partner city', kind: 'Kind', affiliatedOn: 'Affiliated on',
    noExchangeYears: 'Years without exchange', noExchangeHint: 'Years separated by commas (e.g. 2020, 2021)', status: 'Status', draft: 'Draft',
    published: 'Published', save: 'Save', create: 'Add', delete: 'Delete', edit: 'Edit', history: 'History', version: 'Version', events: 'Exchanges',
    records: 'Photo records', newEvent: 'Add an exchange', newRecord: 'Add a photo record', year: 'Year', date: 'Date', dateHint: 'YYYY-MM-DD or YYYY-MM (may be empty)',
    direction: 'Direction', textJa: 'Text (Japanese)', textEn: 'Text (English)', textZh: 'Text (Chinese)', caption: 'Caption', captionJa: 'Caption (Japanese)',
    captionEn: 'Caption (English)', captionZh: 'Caption (Chinese)', event: 'Exchange shown', noEvent: '(none)', photo: 'Photo',
    photoHint: 'JPEG, PNG or WebP, up to {mb} MB. Location and other metadata are removed.', currentPhoto: 'Current photo',
    conflictTitle: 'Someone else changed this first', conflictBody: 'This item is now at version {theirs}; your edit was made on version {yours}. Nothing was saved. Review the newer version and edit again.',
    conflictYours: 'What you entered', conflictTheirs: 'The newer version ({version})', problems: 'Please check your entries. Nothing was saved.',
    saved: 'Saved.', deleted: 'Deleted. It can be restored from its history.', restored: 'Restored.', deletedItems: 'Deleted items',
    noDeleted: 'No deleted items.', restore: 'Restore', restoreThis: 'Restore this version', action: 'Action', actor: 'By', at: 'When',
    field: 'Field', before: 'Before', after: 'After', historyOf: 'History: {item}', create_: 'created', update_: 'changed', delete_: 'deleted',
    restore_: 'restored', import_: 'imported', import: 'Import a document', importHint: 'Choose a timeline document (text, table, CSV or XLSX, koryu/1 JSON). You may choose several files at once: for the CSV export, choose the events (FILE.csv) and the photo records (FILE.photos.csv) together. You will see what they contain before anything is imported.',
    document: 'Document', preview: 'Preview', previewOf: 'What would be imported: {file}', confirm: 'Import this', diagnostics: 'Notes', line: 'Line',
    noDiagnostics: 'No notes.', summary: 'Imported', added: 'Added', changed: 'Changed', removed: 'Removed',
    wouldChange: 'What importing would change', newPartnershipNote: 'New partnership',
    removesWarning: '{partner}: {events} stored exchanges and {records} photo records are not in this document and would be removed.',
    nothingToImport: 'This document has errors that stop the import. Correct them and choose it again.', back: 'Back',
    partnershipItem: 'Partnership', eventItem: 'Exchange', recordItem: 'Photo record', problem_required: 'Required',
    problem_tooLong: 'Too long', problem_invalidYear: 'Enter a year from 1868 to 2100', problem_invalidDate: 'Not a valid date',
    problem_invalidDirection: 'Choose a direction', problem_invalidStatus: 'Choose a status', problem_invalidLink: 'Choose an exchange of the same partnership',
    problem_duplicate: 'This partnership exists already', problem_notFound: 'Not found', problem_dateOutsideYear: 'The date is not in the year (for a fiscal year, up to March of the next)',
    problem_notEmpty: 'It still has exchanges or photo records: delete them first', tooLongLimit: 'Enter at most {max} characters',
    translationEn: 'English translation', translationZh: 'Chinese translation', partnershipIdField: 'Partnership', timeZoneNote: 'Japan time',
    itemGone: 'This item has been deleted', itemGoneBody: 'Someone else deleted this item. What you entered was not saved (it is shown below). It can be restored from Deleted items.',
    previewGone: 'This import preview has expired or belongs to someone else. Choose the document again.',
    restoreDuplicate: 'A partnership of that name exists already, so this cannot be restored.',
    translatorNote: 'As a translator you can change the English and Chinese translations only.', none: '—',
    deleteConfirm: 'This deletes the item. Deleted items can be restored from “Deleted items” on the staff page.', deleteNow: 'Delete it',
    refusedSamePartnership: '{first} and {second} both hold {partnership}. An import takes each partnership’s document whole, so the second would replace the first: join them into one document, or choose the current one only. Nothing was imported.',
    refusedTooManyEvents: 'These {documents} documents hold {events} exchanges together; one import takes at most {limit}. Import them in smaller groups. Nothing was imported.', yearsEvents: '{events} exchanges, {records} photo records',
    refused: 'Refused',
  },
  zh: {
    staff: '职员页面', partnerships: '友好城市', newPartnership: '添加友好城市', partner: '友好城市', kind: '类别', affiliatedOn: '缔结日期',
    noExchangeYears: '无交流的年份', noExchangeHint: '用逗号分隔年份（例：2020, 2021）', status: '状态', draft: '草稿',
    published: '已公开', save: '保存', create: '添加', delete: '删除', edit: '编辑', history: '修改记录', version: '版本', events: '交流',
    records: '照片记录', newEvent: '添加交流', newRecord: '添加照片记录', year: '年', date: '日期', dateHint: 'YYYY-MM-DD 或 YYYY-MM（可空）',
    direction: '类型', textJa: '内容（日语）', textEn: '内容（英语）', textZh: '内容（中文）', caption: '说明', captionJa: '说明（日语）',
    captionEn: '说明（英语）', captionZh: '说明（中文）', event: '照片中的交流', noEvent: '（无）', photo: '照片',
    photoHint: 'JPEG、PNG 或 WebP，最大 {mb} MB。位置等元数据将被删除。', currentPhoto: '当前照片',
    conflictTitle: '已被他人先行修改', conflictBody: '此项目现为第{theirs}版；您的编辑基于第{yours}版。未保存。请查看最新内容后重新编辑。',
    conflictYours: '您输入的内容', conflictTheirs: '最新内容（第{version}版）', problems: '请检查输入内容。未保存。',
    saved: '已保存。', deleted: '已删除。可从修改记录中恢复。', restored: '已恢复。', deletedItems: '已删除的项目',
    noDeleted: '没有已删除的项目。', restore: '恢复', restoreThis: '恢复到此版本', action: '操作', actor: '操作人', at: '时间',
    field: '项目', before: '修改前', after: '修改后', historyOf: '修改记录：{item}', create_: '创建', update_: '修改', delete_: '删除',
    restore_: '恢复', import_: '导入', import: '导入文档', importHint: '请选择年表文档（文本、表格、CSV或XLSX、koryu/1 JSON）。可以一次选择多个文件：导入CSV导出文件时，请同时选择交流表（FILE.csv）和照片记录（FILE.photos.csv）。导入前可确认内容。',
    document: '文档', preview: '确认内容', previewOf: '将导入的内容：{file}', confirm: '按此内容导入', diagnostics: '注意事项', line: '行',
    noDiagnostics: '没有注意事项。', summary: '已导入', added: '添加', changed: '修改', removed: '删除',
    wouldChange: '导入后的变化', newPartnershipNote: '新的交流城市',
    removesWarning: '{partner}：已登记的{events}项交流和{records}项照片记录不在此文档中，将被删除。',
    nothingToImport: '此文档有无法导入的错误。请修改后重新选择。', back: '返回',
    partnershipItem: '友好城市', eventItem: '交流', recordItem: '照片记录', problem_required: '请输入',
    problem_tooLong: '过长', problem_invalidYear: '请输入1868至2100之间的年份', problem_invalidDate: '日期格式不正确',
    problem_invalidDirection: '请选择类型', problem_invalidStatus: '请选择状态', problem_invalidLink: '请选择同一友好城市的交流',
    problem_duplicate: '该友好城市已存在', problem_notFound: '未找到', problem_dateOutsideYear: '日期与年份不符（年度时可至次年3月）',
    problem_notEmpty: '仍有交流或照片记录，无法删除。请先删除它们', tooLongLimit: '请输入{max}字以内',
    translationEn: '英语译文', translationZh: '中文译文', partnershipIdField: '友好城市', timeZoneNote: '日本时间',
    itemGone: '此项目已被删除', itemGoneBody: '其他人删除了此项目。您输入的内容未保存（显示在下方）。可从"已删除的项目"中恢复。',
    previewGone: '此导入确认已过期或属于其他职员。请重新选择文档。',
    restoreDuplicate: '已有同名的友好城市，无法恢复。',
    translatorNote: '作为翻译人员，您只能修改英语和中文译文。', none: '—',
    deleteConfirm: '将删除此项目。已删除的项目可在职员页面的"已删除的项目"中恢复。', deleteNow: '确认删除',
    refusedSamePartnership: '{first} 和 {second} 都包含 {partnership} 的交流。导入时每个文档会整体替换该友好城市的记录，后一个文档会替换前一个。请合并为一个文档，或只选择最新的文档。未导入。',
    refusedTooManyEvents: '这 {documents} 个文档共包含 {events} 项交流，一次最多导入 {limit} 项。请分批导入。未导入。', yearsEvents: '交流{events}件，照片记录{records}件',
    refused: '未被接受',
  },
};
