import type { Messages } from '../i18n/messages.js';
import type { NotUndoableReason } from '../../domain/import-undo.js';

type Key =
  | 'title' | 'intro' | 'createdPartnership' | 'remove' | 'putBack' | 'restore' | 'partnershipFields' | 'count' | 'confirm' | 'cancel'
  | 'refusedTitle' | 'restoreInstead' | 'back' | `reason_${NotUndoableReason}`;

/** The confirmation page of undoing an import (取り消し), and its refusals. */
export const ImportUndoMessages: Messages<Key> = {
  ja: {
    title: '取り込み #{id} の取り消し',
    intro: '{partnership} への「{source}」の取り込み（{at}、{actor}）を取り消し、提携先を取り込みの前の状態に戻します。取り消しも変更履歴と取り込みの記録に残ります。',
    createdPartnership: 'この取り込みで提携先 {partnership} が作られました。取り消すと、提携先と、その交流と写真の記録がすべて削除されます。',
    remove: '削除されるもの（取り込みで追加された項目）', putBack: '取り込み前の内容に戻るもの（取り込みで変更された項目）', restore: '元の位置に復元されるもの（取り込みで削除された項目）',
    partnershipFields: '提携先の情報（種別、提携日、交流のない年）も取り込みの前に戻ります。',
    count: '交流 {events}件、写真の記録 {records}件', confirm: 'この取り込みを取り消す', cancel: 'やめる（取り込みの記録に戻る）',
    refusedTitle: '取り込み #{id} は取り消せません', back: '取り込みの記録に戻る',
    restoreInstead: '個々の項目は、各項目の「変更履歴」から元の版を一つずつ復元してください。',
    reason_isUndo: 'これは取り込みの取り消しの記録なので、取り消せません。',
    reason_alreadyUndone: 'この取り込みはすでに取り消されています。',
    reason_laterImport: 'この後に同じ提携先への取り込み（または取り消し）があります。取り消せるのは提携先の最新の取り込みだけです。',
    reason_laterChange: 'この後に提携先の項目が編集されています。取り消すと、その編集も失われてしまいます。',
    reason_notLinked: 'この取り込みは取り消しの仕組みができる前に記録されたため、どの変更がこの取り込みのものか分かりません。',
    reason_nothingChanged: 'この取り込みは何も変えていないため、取り消すものがありません。',
  },
  en: {
    title: 'Undo import #{id}',
    intro: 'Undoes the import of “{source}” into {partnership} ({at}, {actor}) and puts the partnership back as it was before it. The undo is kept in the history and in the import log.',
    createdPartnership: 'This import created the partnership {partnership}. Undoing it deletes the partnership with all its exchanges and photo records.',
    remove: 'Deleted (added by the import)', putBack: 'Put back as before the import (changed by it)', restore: 'Restored in their old place (removed by the import)',
    partnershipFields: 'The partnership’s own details (kind, date of affiliation, years without exchange) are put back too.',
    count: '{events} exchanges, {records} photo records', confirm: 'Undo this import', cancel: 'Cancel (back to the import log)',
    refusedTitle: 'Import #{id} cannot be undone', back: 'Back to the import log',
    restoreInstead: 'Restore earlier versions of single items from each item’s history instead.',
    reason_isUndo: 'This row records an undo, which cannot itself be undone.',
    reason_alreadyUndone: 'This import has already been undone.',
    reason_laterImport: 'The partnership was imported (or an import undone) after it. Only a partnership’s latest import can be undone.',
    reason_laterChange: 'Items of the partnership were edited after it; undoing it would lose those edits.',
    reason_notLinked: 'It was logged before imports could be undone, so which changes were its own is not known.',
    reason_nothingChanged: 'It changed nothing, so there is nothing to undo.',
  },
  zh: {
    title: '撤销导入 #{id}',
    intro: '撤销对{partnership}导入“{source}”（{at}，{actor}），将交流对象恢复到导入之前的状态。撤销也会记入修改历史和导入记录。',
    createdPartnership: '此次导入创建了交流对象{partnership}。撤销后，该交流对象及其全部交流和照片记录都将被删除。',
    remove: '将删除（导入时添加的项目）', putBack: '将恢复为导入前的内容（导入时修改的项目）', restore: '将恢复到原来位置（导入时删除的项目）',
    partnershipFields: '交流对象本身的信息（类别、缔结日期、无交流年份）也将恢复为导入前的内容。',
    count: '交流 {events}项，照片记录 {records}项', confirm: '撤销此次导入', cancel: '取消（返回导入记录）',
    refusedTitle: '无法撤销导入 #{id}', back: '返回导入记录',
    restoreInstead: '请在各项目的修改历史中逐项恢复旧版本。',
    reason_isUndo: '这是撤销导入的记录，无法再撤销。',
    reason_alreadyUndone: '此次导入已被撤销。',
    reason_laterImport: '此后对同一交流对象还有导入（或撤销）。只能撤销交流对象最新的一次导入。',
    reason_laterChange: '此后交流对象的项目已被编辑，撤销会使这些编辑丢失。',
    reason_notLinked: '此次导入记录于撤销功能出现之前，无法得知哪些修改属于此次导入。',
    reason_nothingChanged: '此次导入没有做任何修改，无需撤销。',
  },
};
