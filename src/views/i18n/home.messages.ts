import type { Messages } from './messages.js';

/** The home page: the home municipality's partner cities as cards. */
export const HOME: Messages<
  | 'title'
  | 'intro'
  | 'empty'
  | 'cardHeading'
  | 'affiliated'
  | 'affiliationUnknown'
  | 'exchange'
  | 'exchangeSpan'
  | 'exchangeSpanOne'
  | 'noEvents'
  | 'events'
  | 'eventCount'
  | 'anniversary'
  | 'anniversaryPassed'
  | 'anniversaryNext'
  | 'open'
> = {
  ja: {
    title: '{home}の国際交流の記録',
    intro: '姉妹都市・友好都市との交流を、年ごとの派遣と受入で記録しています。',
    empty: 'まだ交流の記録がありません。',
    cardHeading: '{kind} {partner}',
    affiliated: '提携',
    affiliationUnknown: '記載なし',
    exchange: '交流の期間',
    exchangeSpan: '{first}年〜{last}年（{years}年間のうち{active}年に交流）',
    exchangeSpanOne: '{first}年〜{last}年（{years}年間のうち{active}年に交流）',
    noEvents: '交流の記録なし',
    events: '交流の件数',
    eventCount: '{direction} {count}件',
    anniversary: '周年',
    anniversaryPassed: '{date}に提携{ordinal}周年（{relative}）',
    anniversaryNext: '{date}に提携{ordinal}周年（{relative}）',
    open: '{partner}との交流年表',
  },
  en: {
    title: 'International exchanges of {home}',
    intro: 'Exchanges with sister and friendship cities, year by year: who went (dispatch) and who came (reception).',
    empty: 'There is no record of exchanges yet.',
    cardHeading: '{partner} ({kind})',
    affiliated: 'Affiliated',
    affiliationUnknown: 'Not recorded',
    exchange: 'Exchange',
    exchangeSpan: '{first}–{last} (exchanges in {active} of {years} years)',
    exchangeSpanOne: '{first}–{last} (exchanges in {active} of {years} year)',
    noEvents: 'No exchanges recorded',
    events: 'Events',
    eventCount: '{direction}: {count}',
    anniversary: 'Anniversary',
    anniversaryPassed: '{ordinal} anniversary on {date} ({relative})',
    anniversaryNext: '{ordinal} anniversary on {date} ({relative})',
    open: 'Exchange timeline with {partner}',
  },
  zh: {
    title: '{home}国际交流记录',
    intro: '按年份记录与姐妹城市、友好城市的交流：派遣与接待。',
    empty: '尚无交流记录。',
    cardHeading: '{kind} {partner}',
    affiliated: '缔结',
    affiliationUnknown: '未记载',
    exchange: '交流期间',
    exchangeSpan: '{first}年至{last}年（{years}年中有{active}年进行了交流）',
    exchangeSpanOne: '{first}年至{last}年（{years}年中有{active}年进行了交流）',
    noEvents: '无交流记录',
    events: '交流数量',
    eventCount: '{direction} {count}项',
    anniversary: '周年',
    anniversaryPassed: '{date}缔结{ordinal}周年（{relative}）',
    anniversaryNext: '{date}缔结{ordinal}周年（{relative}）',
    open: '与{partner}的交流年表',
  },
};
