import type { Messages } from './messages.js';

/** The partnership page: the exchange timeline (交流年表), its filters and chart, and the photo record. */
export const TIMELINE: Messages<
  | 'title'
  | 'titleOfHome'
  /** The partnership page's title, whose kind carries its gloss (PartnershipKind); `title` is the print view's. */
  | 'titleGlossed'
  | 'affiliation'
  | 'filters'
  | 'from'
  | 'to'
  | 'directions'
  | 'apply'
  | 'reset'
  | 'showing'
  | 'showingOne'
  | 'showingYear'
  | 'showingYearOne'
  | 'timeline'
  | 'timelineCaption'
  | 'direction'
  | 'events'
  | 'noMatch'
  | 'recordsOnly'
  | 'nothingInRange'
  | 'chart'
  | 'chartLabel'
  | 'chartLabelYear'
  | 'chartTable'
  | 'total'
  | 'noChart'
  | 'records'
  | 'recordsCaption'
  | 'caption'
  | 'printLinks'
  | 'printView'
  | 'pdf'
> = {
  ja: {
    title: '{kind}{partner}との歩み',
    titleOfHome: '{home}の{kind}{partner}との歩み',
    titleGlossed: '{kind}{partner}との歩み',
    affiliation: '{kind}提携：{date}',
    filters: '表示する年と区分',
    from: '開始年',
    to: '終了年',
    directions: '区分',
    apply: '表示',
    reset: 'すべて表示',
    showing: '{from}年〜{to}年、{count}件の交流を表示しています。',
    showingOne: '{from}年〜{to}年、{count}件の交流を表示しています。',
    showingYear: '{from}年、{count}件の交流を表示しています。',
    showingYearOne: '{from}年、{count}件の交流を表示しています。',
    timeline: '交流年表',
    timelineCaption: '年ごとの交流（派遣・受入・相互・区分なし）',
    direction: '区分',
    events: '交流内容',
    noMatch: '該当する交流なし',
    recordsOnly: '交流の記録のみ',
    nothingInRange: '選んだ年と区分の交流はありません。',
    chart: '年ごとの交流件数',
    chartLabel: '{from}年から{to}年までの年ごとの交流件数を区分別に積み上げた棒グラフ。合計{count}件。数値は隣の表のとおり。',
    chartLabelYear: '{year}年の交流件数を区分別に積み上げた棒グラフ。合計{count}件。数値は隣の表のとおり。',
    chartTable: '年ごとの交流件数（区分別）',
    total: '計',
    noChart: '表示する交流がありません。',
    records: '交流の記録',
    recordsCaption: '交流の記録（写真の説明）',
    caption: '写真の説明',
    printLinks: '印刷用ページとPDF',
    printView: '印刷用ページ',
    pdf: 'PDF（A4）',
  },
  en: {
    title: 'Exchanges with {partner} ({kind})',
    titleOfHome: 'Exchanges of {home} with {partner}, {kind}',
    titleGlossed: 'Exchanges with {partner}, {kind}',
    affiliation: 'Affiliated as {kind}: {date}',
    filters: 'Years and directions shown',
    from: 'From year',
    to: 'To year',
    directions: 'Direction',
    apply: 'Show',
    reset: 'Show all',
    showing: 'Showing {count} exchanges from {from} to {to}.',
    showingOne: 'Showing {count} exchange from {from} to {to}.',
    showingYear: 'Showing {count} exchanges in {from}.',
    showingYearOne: 'Showing {count} exchange in {from}.',
    timeline: 'Exchange timeline',
    timelineCaption: 'Exchanges by year (dispatch, reception, mutual, unspecified)',
    direction: 'Direction',
    events: 'Exchanges',
    noMatch: 'No matching exchanges',
    recordsOnly: 'Photo records only',
    nothingInRange: 'There are no exchanges for the chosen years and directions.',
    chart: 'Exchanges per year',
    chartLabel: 'Bar chart of exchanges per year from {from} to {to}, stacked by direction; {count} in all. The numbers are in the table beside it.',
    chartLabelYear: 'Bar chart of the exchanges of {year}, stacked by direction; {count} in all. The numbers are in the table beside it.',
    chartTable: 'Exchanges per year by direction',
    total: 'Total',
    noChart: 'There are no exchanges to show.',
    records: 'Photo record',
    recordsCaption: 'Photo record (captions)',
    caption: 'Caption',
    printLinks: 'Print view and PDF',
    printView: 'Print view',
    pdf: 'PDF (A4)',
  },
  zh: {
    title: '与{partner}（{kind}）的交流历程',
    titleOfHome: '{home}与{kind}{partner}的交流历程',
    titleGlossed: '与{kind}{partner}的交流历程',
    affiliation: '缔结{kind}：{date}',
    filters: '显示的年份与类别',
    from: '起始年',
    to: '结束年',
    directions: '类别',
    apply: '显示',
    reset: '全部显示',
    showing: '显示{from}年至{to}年的{count}项交流。',
    showingOne: '显示{from}年至{to}年的{count}项交流。',
    showingYear: '显示{from}年的{count}项交流。',
    showingYearOne: '显示{from}年的{count}项交流。',
    timeline: '交流年表',
    timelineCaption: '各年交流（派遣、接待、相互、未分类）',
    direction: '类别',
    events: '交流内容',
    noMatch: '无符合条件的交流',
    recordsOnly: '仅有交流记录',
    nothingInRange: '所选年份与类别没有交流。',
    chart: '各年交流数量',
    chartLabel: '{from}年至{to}年各年交流数量按类别堆叠的柱状图，共{count}项。数值见旁边的表格。',
    chartLabelYear: '{year}年交流数量按类别堆叠的柱状图，共{count}项。数值见旁边的表格。',
    chartTable: '各年交流数量（按类别）',
    total: '合计',
    noChart: '没有可显示的交流。',
    records: '交流记录',
    recordsCaption: '交流记录（照片说明）',
    caption: '照片说明',
    printLinks: '打印版页面和PDF',
    printView: '打印版页面',
    pdf: 'PDF（A4）',
  },
};
