import type { Messages } from './messages.js';

/** The home page: the home municipality's partner cities as cards, then the record's other home municipalities. */
export const HOME: Messages<
  | 'title'
  | 'intro'
  | 'empty'
  | 'emptyHome'
  | 'otherHomes'
  | 'otherHomesIntro'
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
    emptyHome: '{home}の交流の記録はまだありません。',
    otherHomes: 'ほかの自治体の交流',
    otherHomesIntro: 'この記録には、{home}のほかに次の自治体と姉妹都市・友好都市との交流も収められています。',
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
    emptyHome: 'There is no record of exchanges of {home} yet.',
    otherHomes: 'Exchanges of other municipalities',
    otherHomesIntro: 'Besides {home}, this record holds the exchanges of these municipalities with their sister and friendship cities.',
    cardHeading: '{partner}, {kind}',
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
    emptyHome: '尚无{home}的交流记录。',
    otherHomes: '其他城市的交流',
    otherHomesIntro: '除{home}外，本记录还收录了以下城市与其姐妹城市、友好城市的交流。',
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
