import type { Messages } from './messages.js';

/** The print view's interface; the partnership's own texts (title, events, captions) are shown as recorded. */
export const PRINT: Messages<
  | 'pageTitle'
  | 'tools'
  | 'back'
  | 'downloadPdf'
  | 'printHint'
  | 'homeCity'
  | 'affiliation'
  | 'timeline'
  | 'records'
  | 'year'
  | 'direction'
  | 'events'
  | 'dispatch'
  | 'reception'
  | 'mutual'
  | 'unknown'
  | 'noExchange'
  | 'recordsOnly'
  | 'noEvents'
  | 'noRecords'
  | 'yearLabel'
> = {
  ja: {
    pageTitle: '{title}（印刷用）',
    tools: '印刷用ページの操作',
    back: '交流年表に戻る',
    downloadPdf: 'PDFをダウンロード（A4）',
    printHint: 'ブラウザの印刷機能でA4に印刷できます。',
    homeCity: '{home}',
    affiliation: '{kind}提携：{date}',
    timeline: '交流年表',
    records: '交流の記録',
    year: '年',
    direction: '区分',
    events: '交流内容',
    dispatch: '派遣',
    reception: '受入',
    mutual: '相互',
    unknown: '—',
    noExchange: '交流なし',
    recordsOnly: '交流の記録のみ',
    noEvents: '交流の記録はまだありません。',
    noRecords: '写真の記録はありません。',
    yearLabel: '{year}年',
  },
  en: {
    pageTitle: '{title} (print)',
    tools: 'Print view actions',
    back: 'Back to the timeline',
    downloadPdf: 'Download PDF (A4)',
    printHint: "Use your browser's print command to print on A4.",
    homeCity: 'Home city: {home}',
    affiliation: 'Affiliated on {date}',
    timeline: 'Exchange timeline',
    records: 'Record of exchanges',
    year: 'Year',
    direction: 'Direction',
    events: 'Exchanges',
    dispatch: 'Dispatch',
    reception: 'Reception',
    mutual: 'Mutual',
    unknown: 'Unspecified',
    noExchange: 'No exchange',
    recordsOnly: 'Photo records only',
    noEvents: 'No exchanges are recorded yet.',
    noRecords: 'No photo records.',
    yearLabel: '{year}',
  },
  zh: {
    pageTitle: '{title}（打印版）',
    tools: '打印页面操作',
    back: '返回交流年表',
    downloadPdf: '下载PDF（A4）',
    printHint: '可使用浏览器的打印功能以A4纸打印。',
    homeCity: '{home}',
    affiliation: '缔结日期：{date}',
    timeline: '交流年表',
    records: '交流记录',
    year: '年份',
    direction: '类别',
    events: '交流内容',
    dispatch: '派遣',
    reception: '接待',
    mutual: '相互',
    unknown: '未分类',
    noExchange: '无交流',
    recordsOnly: '仅有交流记录',
    noEvents: '尚无交流记录。',
    noRecords: '没有照片记录。',
    yearLabel: '{year}年',
  },
};
