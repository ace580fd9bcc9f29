import type { Messages } from '../i18n/messages.js';

type Key =
  | 'title' | 'titleOf' | 'intro' | 'none' | 'at' | 'actor' | 'source' | 'commandLine' | 'link'
  | 'number' | 'state' | 'undo' | 'undoLabel' | 'undone' | 'undoRow' | 'undoOf' | 'importOf' | 'undoneNotice' | 'undoHint';

/** The staff pages' import log. */
export const ImportLogMessages: Messages<Key> = {
  ja: {
    title: '取り込みの記録', titleOf: '取り込みの記録：{partnership}',
    intro: '文書を取り込むたびに、提携先ごとに、いつ・誰が・どのファイルで・何件の交流と写真の記録を追加、変更、削除したかを記録しています（新しい順に{limit}件まで）。個々の変更は各項目の変更履歴で確認できます。',
    none: 'まだ取り込みはありません。', at: '日時', actor: '担当者', source: 'ファイル', commandLine: 'コマンドライン', link: '取り込みの記録',
    number: '番号', state: '取り消し', undo: '取り消す', undoLabel: '取り込み #{id} を取り消す', undone: '取り消し済み（#{by}）', undoRow: '#{id} の取り消し',
    undoOf: '取り消し（取り込み #{id}）', importOf: '取り込み（#{id}）', undoneNotice: '取り込み #{id} を取り消しました（取り込みの記録 #{by}）。',
    undoHint: '取り消せるのは、提携先ごとに最新の取り込みで、その後に編集されていないものだけです。それ以外は、各項目の変更履歴から元の版を復元してください。',
  },
  en: {
    title: 'Import log', titleOf: 'Import log: {partnership}',
    intro: 'Each import of a document is logged per partnership: when, by whom, from which file, and how many exchanges and photo records it added, changed and removed (the newest {limit}). Each item’s own changes are in its history.',
    none: 'Nothing has been imported yet.', at: 'When', actor: 'By', source: 'File', commandLine: 'command line', link: 'Import log',
    number: 'No.', state: 'Undo', undo: 'Undo', undoLabel: 'Undo import #{id}', undone: 'undone (#{by})', undoRow: 'undo of #{id}',
    undoOf: 'undo (of import #{id})', importOf: 'imported (#{id})', undoneNotice: 'Import #{id} was undone (import log #{by}).',
    undoHint: 'Only the latest import of a partnership can be undone, and only while nothing has been edited since. Otherwise, restore earlier versions from each item’s history.',
  },
  zh: {
    title: '导入记录', titleOf: '导入记录：{partnership}',
    intro: '每次导入文档时，按交流对象记录何时、由谁、使用哪个文件，以及添加、修改、删除了多少项交流和照片记录（按从新到旧最多{limit}条）。各项目的具体修改可在其修改历史中查看。',
    none: '尚无导入。', at: '时间', actor: '操作者', source: '文件', commandLine: '命令行', link: '导入记录',
    number: '编号', state: '撤销', undo: '撤销', undoLabel: '撤销导入 #{id}', undone: '已撤销（#{by}）', undoRow: '#{id} 的撤销',
    undoOf: '撤销（导入 #{id}）', importOf: '导入（#{id}）', undoneNotice: '已撤销导入 #{id}（导入记录 #{by}）。',
    undoHint: '只能撤销各交流对象最新的一次导入，且其后未经编辑。其他情况请在各项目的修改历史中恢复旧版本。',
  },
};
