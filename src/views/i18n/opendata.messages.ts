import type { Messages } from './messages.js';

/** Downloads and the terms of use. */
export const OPENDATA: Messages<'downloads' | 'downloadsIntro' | 'downloadsAll' | 'source' | 'licence' | 'api' | 'feed' | 'photosCsv' | 'text'> = {
  ja: {
    downloads: 'データのダウンロード',
    downloadsIntro: 'この交流の記録はオープンデータとして、次の形式でダウンロードできます。',
    downloadsAll: 'すべての交流の記録をダウンロード',
    source: '出典：{attribution}',
    licence: '利用条件：',
    api: 'API（OpenAPI）',
    feed: '新着の交流（Atom）',
    photosCsv: 'CSV（写真記録）',
    text: 'テキスト',
  },
  en: {
    downloads: 'Download the data',
    downloadsIntro: 'This record of exchanges is open data, available in the following formats.',
    downloadsAll: 'Download the whole record',
    source: 'Source: {attribution}',
    licence: 'Licence: ',
    api: 'API (OpenAPI)',
    feed: 'Newly published exchanges (Atom)',
    photosCsv: 'CSV (photo records)',
    text: 'Text',
  },
  zh: {
    downloads: '数据下载',
    downloadsIntro: '本交流记录作为开放数据，可按以下格式下载。',
    downloadsAll: '下载全部交流记录',
    source: '来源：{attribution}',
    licence: '使用条件：',
    api: 'API（OpenAPI）',
    feed: '最新交流（Atom）',
    photosCsv: 'CSV（照片记录）',
    text: '文本',
  },
};
