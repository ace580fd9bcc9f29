import type { Messages } from './messages.js';

/** The page of one exchange event. `source…`: where a reader finds it written, `{home}` the home municipality whose published timeline holds it. */
export const EVENT: Messages<
  | 'title'
  | 'details'
  | 'partnership'
  | 'partnershipLink'
  | 'partnershipLine'
  | 'backToTimeline'
  | 'year'
  | 'date'
  | 'direction'
  | 'records'
  | 'noRecords'
  | 'source'
  | 'sourceLine'
  | 'sourceFile'
  | 'sourceNone'
  | 'neighbours'
  | 'previous'
  | 'next'
  | 'first'
  | 'last'
> = {
  ja: {
    title: '交流の記録：{year}年',
    details: 'この交流について',
    partnership: '交流相手',
    partnershipLink: '{kind}{partner}',
    partnershipLine: '{partner}（{link}）',
    backToTimeline: '交流年表のこの行へ',
    year: '年',
    date: '日付',
    direction: '区分',
    records: 'この交流の写真の記録',
    noRecords: 'この交流を写した写真の記録はありません。',
    source: '出典',
    sourceLine: '{home}が公開している交流の年表（原文の{line}行目）',
    sourceFile: '{home}が公開している交流の年表（{file}の{line}行目）',
    sourceNone: '{home}の職員による入力（公開文書からの取り込みではありません）',
    neighbours: '前後の交流',
    previous: '前の交流',
    next: '次の交流',
    first: 'これが最初の交流です。',
    last: 'これが最後の交流です。',
  },
  en: {
    title: 'Exchange of {year}',
    details: 'About this exchange',
    partnership: 'Partner city',
    partnershipLink: '{partner}, {kind}',
    partnershipLine: '{partner} ({link})',
    backToTimeline: 'this line in the exchange timeline',
    year: 'Year',
    date: 'Date',
    direction: 'Direction',
    records: 'Photo records of this exchange',
    noRecords: 'No photo record shows this exchange.',
    source: 'Source',
    sourceLine: 'the exchange timeline {home} publishes (line {line} of the original)',
    sourceFile: 'the exchange timeline {home} publishes (line {line} of {file})',
    sourceNone: 'entered by the staff of {home} (not taken from a published document)',
    neighbours: 'Exchanges before and after',
    previous: 'Previous',
    next: 'Next',
    first: 'This is the first exchange.',
    last: 'This is the latest exchange.',
  },
  zh: {
    title: '{year}年的交流',
    details: '关于此次交流',
    partnership: '交流城市',
    partnershipLink: '{kind}{partner}',
    partnershipLine: '{partner}（{link}）',
    backToTimeline: '交流年表中的这一行',
    year: '年份',
    date: '日期',
    direction: '类别',
    records: '此次交流的照片记录',
    noRecords: '没有显示此次交流的照片记录。',
    source: '出处',
    sourceLine: '{home}公开的交流年表（原文第{line}行）',
    sourceFile: '{home}公开的交流年表（{file}第{line}行）',
    sourceNone: '由{home}工作人员录入（并非取自公开文档）',
    neighbours: '前后的交流',
    previous: '上一项',
    next: '下一项',
    first: '这是最早的交流。',
    last: '这是最新的交流。',
  },
};
