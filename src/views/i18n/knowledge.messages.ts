import type { ExchangeField } from '../../domain/exchange-field.js';
import type { Messages } from './messages.js';

/** The names of the fields of exchange. */
export const FIELD_NAMES: Messages<ExchangeField> = {
  ja: {
    education: '教育',
    culture: '文化・芸術',
    sports: 'スポーツ',
    economy: '経済・貿易',
    government: '行政',
    disaster: '防災',
    health: '保健・医療支援',
    youth: '青少年',
    academic: '学術',
  },
  en: {
    education: 'Education',
    culture: 'Culture and arts',
    sports: 'Sports',
    economy: 'Economy and trade',
    government: 'Government',
    disaster: 'Disaster prevention',
    health: 'Health and medical aid',
    youth: 'Youth',
    academic: 'Academic',
  },
  zh: {
    education: '教育',
    culture: '文化艺术',
    sports: '体育',
    economy: '经济贸易',
    government: '政府',
    disaster: '防灾',
    health: '卫生与医疗援助',
    youth: '青少年',
    academic: '学术',
  },
};

/** The organisation pages, the agreements list, the insights page and the anniversaries. */
export const KNOWLEDGE: Messages<
  | 'organizations'
  | 'organizationsIntro'
  | 'organizationTitle'
  | 'aliases'
  | 'noAliases'
  | 'suggested'
  | 'confirmed'
  | 'office'
  | 'organization'
  | 'knowledgeFacetsOmitted'
  | 'kind'
  | 'status'
  | 'eventCount'
  | 'eventCountOne'
  | 'exchanges'
  | 'exchangesCaption'
  | 'partner'
  | 'direction'
  | 'event'
  | 'name'
  | 'years'
  | 'agreementsTitle'
  | 'agreementsCaption'
  | 'agreementTitle'
  | 'parties'
  | 'noAgreements'
  | 'insightsTitle'
  | 'perYear'
  | 'perYearLabel'
  | 'perYearLabelOne' | 'perYearLabelYear' | 'perYearLabelYearOne' | 'fieldsLabelYear'
  | 'perYearTable'
  | 'balance'
  | 'balanceText'
  | 'dispatches'
  | 'dispatchesOne'
  | 'receptions'
  | 'receptionsOne'
  | 'balanceCaption'
  | 'difference'
  | 'total'
  | 'gaps'
  | 'gapsNone'
  | 'marked'
  | 'fieldsOverTime'
  | 'fieldsLabel'
  | 'fieldsTable'
  | 'field'
  | 'fields'
  | 'noEvents'
  | 'anniversaries'
  | 'anniversariesIntro'
  | 'anniversaryAffiliation'
  | 'anniversaryAgreement'
  | 'anniversaryWhen'
  | 'thisYear'
  | 'nextYear'
  | 'lastYear'
  | 'calendarFeed'
  | 'noAnniversaries'
  | 'links'
  | 'unlinked'
  | 'unlinkedCaption'
  | 'confidence'
  | 'caption'
  | 'agreementsNav'
  | 'insightsNav'
  | 'partnershipNav'
  | 'allOrganizations'
> = {
  ja: {
    organizations: '交流に登場する団体',
    organizationsIntro: '交流の記録から見つけた団体と役職者です。「候補」は自動で見つけたもので、担当者の確認を待っています。',
    organizationTitle: '{name}',
    aliases: '別の表記',
    noAliases: 'なし',
    suggested: '候補（未確認）',
    confirmed: '確認済み',
    office: '役職者',
    organization: '団体',
    knowledgeFacetsOmitted: '一致が {count} 件を超えるため、分野と団体の絞り込みは表示していません。検索語や条件を加えて絞り込んでください。',
    kind: '種別',
    status: '状態',
    eventCount: '{count}件',
    eventCountOne: '{count}件',
    exchanges: '交流',
    exchangesCaption: '{name}が登場する交流（相手都市・年ごと）',
    partner: '相手都市',
    direction: '区分',
    event: '交流内容',
    name: '名称',
    years: '年',
    agreementsTitle: '{partner}との合意書・協定',
    agreementsCaption: '調印・署名・締結された合意書、覚書、協定',
    agreementTitle: '名称（記載のとおり）',
    parties: '当事者',
    noAgreements: '合意書・協定の記録はありません。',
    insightsTitle: '{partner}との交流の分析',
    perYear: '年ごとの交流件数（区分別）',
    perYearLabel: '{from}年から{to}年までの交流{count}件の年ごとの件数（区分別の積み上げ棒グラフ）',
    perYearLabelOne: '{from}年から{to}年までの交流{count}件の年ごとの件数（区分別の積み上げ棒グラフ）',
    perYearLabelYear: '{year}年の交流{count}件の件数（区分別の積み上げ棒グラフ）',
    perYearLabelYearOne: '{year}年の交流{count}件の件数（区分別の積み上げ棒グラフ）',
    perYearTable: '年ごとの件数',
    balance: '派遣と受入のバランス',
    balanceText: '{dispatch}、{reception}（派遣の割合 {share}）',
    dispatches: '派遣{count}件',
    dispatchesOne: '派遣{count}件',
    receptions: '受入{count}件',
    receptionsOne: '受入{count}件',
    balanceCaption: '年ごとの派遣と受入の差',
    difference: '差（派遣−受入）',
    total: '合計',
    gaps: '交流のなかった年',
    gapsNone: '交流のなかった年はありません。',
    marked: '（記録に「交流なし」と記載）',
    fieldsOverTime: '分野ごとの交流の推移',
    fieldsLabel: '{from}年から{to}年までの分野ごとの交流件数（積み上げ棒グラフ）',
    fieldsLabelYear: '{year}年の分野ごとの交流件数（積み上げ棒グラフ）',
    fieldsTable: '年ごと・分野ごとの件数',
    field: '分野',
    fields: '分野',
    noEvents: '交流の記録がありません。',
    anniversaries: '近づく周年・迎えた周年',
    anniversariesIntro: '提携と合意書・協定の周年です。カレンダーに登録することもできます。',
    anniversaryAffiliation: '{partner}との{kind}提携{ordinal}周年',
    anniversaryAgreement: '「{title}」（{partner}）{ordinal}周年',
    anniversaryWhen: '{date}（{relative}）',
    thisYear: '今年',
    nextYear: '来年',
    lastYear: '昨年',
    calendarFeed: '周年のカレンダー（iCalendar）',
    noAnniversaries: '前後1年に周年はありません。',
    links: '写真記録と交流',
    unlinked: '対応する交流のない写真記録',
    unlinkedCaption: '年表に対応する交流が見つからない写真記録',
    confidence: '確からしさ',
    caption: '写真記録',
    agreementsNav: '合意書・協定',
    insightsNav: '分析',
    partnershipNav: 'この交流のページ',
    allOrganizations: '交流に登場する団体の一覧',
  },
  en: {
    organizations: 'Organisations in the exchanges',
    organizationsIntro: 'Organisations and office holders found in the record. “Suggested” ones were found automatically and await an editor’s confirmation.',
    organizationTitle: '{name}',
    aliases: 'Also written',
    noAliases: 'None',
    suggested: 'Suggested (not yet confirmed)',
    confirmed: 'Confirmed',
    office: 'Office holder',
    organization: 'Organisation',
    knowledgeFacetsOmitted: 'More than {count} matches: fields and organisations are not counted. Add words or filters to narrow the search.',
    kind: 'Kind',
    status: 'Status',
    eventCount: '{count} events',
    eventCountOne: '{count} event',
    exchanges: 'Exchanges',
    exchangesCaption: 'Exchanges naming {name}, by partner city and year',
    partner: 'Partner city',
    direction: 'Direction',
    event: 'Exchange',
    name: 'Name',
    years: 'Years',
    agreementsTitle: 'Agreements with {partner}',
    agreementsCaption: 'Agreements, memoranda and accords signed or concluded',
    agreementTitle: 'Title (as written)',
    parties: 'Parties',
    noAgreements: 'No agreement is recorded.',
    insightsTitle: 'Insights: exchanges with {partner}',
    perYear: 'Events per year by direction',
    perYearLabel: 'Stacked bar chart: {count} events from {from} to {to} per year, by direction',
    perYearLabelOne: 'Stacked bar chart: {count} event from {from} to {to} per year, by direction',
    perYearLabelYear: 'Stacked bar chart: {count} events in {year}, by direction',
    perYearLabelYearOne: 'Stacked bar chart: {count} event in {year}, by direction',
    perYearTable: 'Events per year',
    balance: 'Balance of dispatch and reception',
    balanceText: '{dispatch}, {reception} (dispatch share {share})',
    dispatches: '{count} dispatches',
    dispatchesOne: '{count} dispatch',
    receptions: '{count} receptions',
    receptionsOne: '{count} reception',
    balanceCaption: 'Dispatch minus reception per year',
    difference: 'Difference (dispatch − reception)',
    total: 'Total',
    gaps: 'Years without exchange',
    gapsNone: 'Every year had an exchange.',
    marked: '(marked “no exchange” in the record)',
    fieldsOverTime: 'Fields of exchange over time',
    fieldsLabel: 'Stacked bar chart: events per year from {from} to {to}, by field of exchange',
    fieldsLabelYear: 'Stacked bar chart: events in {year}, by field of exchange',
    fieldsTable: 'Events per year and field',
    field: 'Field',
    fields: 'Fields',
    noEvents: 'No exchanges are recorded.',
    anniversaries: 'Anniversaries coming and just passed',
    anniversariesIntro: 'Anniversaries of affiliations and agreements. They are also available as a calendar feed.',
    anniversaryAffiliation: '{ordinal} anniversary of the {kind} affiliation with {partner}',
    anniversaryAgreement: '{ordinal} anniversary of “{title}” ({partner})',
    anniversaryWhen: '{date} ({relative})',
    thisYear: 'this year',
    nextYear: 'next year',
    lastYear: 'last year',
    calendarFeed: 'Anniversary calendar (iCalendar)',
    noAnniversaries: 'No anniversary falls within a year either way.',
    links: 'Photo records and exchanges',
    unlinked: 'Photo records without an exchange',
    unlinkedCaption: 'Photo records whose exchange the timeline does not show',
    confidence: 'Confidence',
    caption: 'Photo record',
    agreementsNav: 'Agreements',
    insightsNav: 'Insights',
    partnershipNav: 'Pages of this partnership',
    allOrganizations: 'All organisations in the exchanges',
  },
  zh: {
    organizations: '交流中出现的团体',
    organizationsIntro: '从交流记录中找到的团体和职务人员。“候选”为自动识别，尚待工作人员确认。',
    organizationTitle: '{name}',
    aliases: '其他写法',
    noAliases: '无',
    suggested: '候选（未确认）',
    confirmed: '已确认',
    office: '职务人员',
    organization: '团体',
    knowledgeFacetsOmitted: '匹配结果超过 {count} 条，未统计领域和团体。请增加检索词或条件以缩小范围。',
    kind: '类别',
    status: '状态',
    eventCount: '{count}项',
    eventCountOne: '{count}项',
    exchanges: '交流',
    exchangesCaption: '出现{name}的交流（按对方城市和年份）',
    partner: '对方城市',
    direction: '类别',
    event: '交流内容',
    name: '名称',
    years: '年份',
    agreementsTitle: '与{partner}的协议书与协定',
    agreementsCaption: '已签署或缔结的协议书、备忘录和协定',
    agreementTitle: '名称（按原文）',
    parties: '当事方',
    noAgreements: '没有协议书或协定的记录。',
    insightsTitle: '与{partner}交流的分析',
    perYear: '按年份和类别的交流数量',
    perYearLabel: '堆叠柱状图：{from}年至{to}年共{count}项交流，按年份和类别',
    perYearLabelOne: '堆叠柱状图：{from}年至{to}年共{count}项交流，按年份和类别',
    perYearTable: '按年份的数量',
    perYearLabelYear: '堆叠柱状图：{year}年共{count}项交流，按类别',
    perYearLabelYearOne: '堆叠柱状图：{year}年共{count}项交流，按类别',
    balance: '派遣与接待的平衡',
    balanceText: '{dispatch}，{reception}（派遣占比 {share}）',
    dispatches: '派遣{count}项',
    dispatchesOne: '派遣{count}项',
    receptions: '接待{count}项',
    receptionsOne: '接待{count}项',
    balanceCaption: '每年派遣与接待之差',
    difference: '差（派遣−接待）',
    total: '合计',
    gaps: '没有交流的年份',
    gapsNone: '每年都有交流。',
    marked: '（记录中注明“无交流”）',
    fieldsOverTime: '各领域交流的变化',
    fieldsLabel: '堆叠柱状图：{from}年至{to}年按领域的交流数量',
    fieldsLabelYear: '堆叠柱状图：{year}年按领域的交流数量',
    fieldsTable: '按年份和领域的数量',
    field: '领域',
    fields: '领域',
    noEvents: '没有交流记录。',
    anniversaries: '即将到来和刚刚过去的周年',
    anniversariesIntro: '缔结和协议书、协定的周年。也可以订阅日历。',
    anniversaryAffiliation: '与{partner}缔结{kind}{ordinal}周年',
    anniversaryAgreement: '“{title}”（{partner}）{ordinal}周年',
    anniversaryWhen: '{date}（{relative}）',
    thisYear: '今年',
    nextYear: '明年',
    lastYear: '去年',
    calendarFeed: '周年日历（iCalendar）',
    noAnniversaries: '前后一年内没有周年。',
    links: '照片记录与交流',
    unlinked: '没有对应交流的照片记录',
    unlinkedCaption: '年表中找不到对应交流的照片记录',
    confidence: '可信度',
    caption: '照片记录',
    agreementsNav: '协议书与协定',
    insightsNav: '分析',
    partnershipNav: '本交流的页面',
    allOrganizations: '交流中出现的全部团体',
  },
};
