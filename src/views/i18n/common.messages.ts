import type { Messages } from './messages.js';

export const COMMON: Messages<
  | 'siteName'
  | 'skip'
  | 'navHome'
  | 'navSearch'
  | 'searchLabel'
  | 'searchButton'
  | 'language'
  | 'dispatch'
  | 'reception'
  | 'mutual'
  | 'unknown'
  | 'noExchange'
  | 'year'
  | 'footer'
> = {
  ja: {
    siteName: '国際交流の記録',
    skip: '本文へ移動',
    navHome: 'ホーム',
    navSearch: '検索',
    searchLabel: '交流の記録を検索',
    searchButton: '検索',
    language: '言語',
    dispatch: '派遣',
    reception: '受入',
    mutual: '相互',
    unknown: '区分なし',
    noExchange: '交流なし',
    year: '年',
    footer: '{home} 国際交流の記録',
  },
  en: {
    siteName: 'International Exchange Record',
    skip: 'Skip to content',
    navHome: 'Home',
    navSearch: 'Search',
    searchLabel: 'Search the exchange record',
    searchButton: 'Search',
    language: 'Language',
    dispatch: 'Dispatch',
    reception: 'Reception',
    mutual: 'Mutual',
    unknown: 'Unspecified',
    noExchange: 'No exchange',
    year: 'Year',
    footer: 'International exchange record of {home}',
  },
  zh: {
    siteName: '国际交流记录',
    skip: '跳到正文',
    navHome: '首页',
    navSearch: '搜索',
    searchLabel: '搜索交流记录',
    searchButton: '搜索',
    language: '语言',
    dispatch: '派遣',
    reception: '接待',
    mutual: '相互',
    unknown: '未分类',
    noExchange: '无交流',
    year: '年',
    footer: '{home} 国际交流记录',
  },
};
