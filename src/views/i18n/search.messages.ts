import type { Messages } from './messages.js';

/** The search page's interface strings (`indexUnavailable`: the static copy's search, when its index cannot be read). `{q}` is the reader's query; `{count}`, `{total}`, `{from}`, `{to}`, `{page}`, `{pages}` are numbers. */
export const SEARCH: Messages<
  | 'title'
  | 'titleWithQuery'
  | 'queryLabel'
  | 'queryHint'
  | 'submit'
  | 'found'
  | 'showing'
  | 'noMatch'
  | 'noMatchFiltered'
  | 'pastLastPage'
  | 'lastPage'
  | 'results'
  | 'refine'
  | 'activeFilters'
  | 'removeFilter'
  | 'clearFilters'
  | 'facetPartner'
  | 'morePartners'
  | 'morePartnersOne'
  | 'facetYear'
  | 'facetType'
  | 'photoRecord'
  | 'count'
  | 'yearValue'
  | 'pages'
  | 'previous'
  | 'next'
  | 'pageOf'
  | 'indexUnavailable'
  | 'latinNote'
  | 'readAs'
> = {
  ja: {
    title: '交流の記録を検索',
    titleWithQuery: '「{q}」の検索結果',
    queryLabel: '検索する語句',
    queryHint: '1文字から検索できます。全角と半角、大文字と小文字は区別しません。',
    submit: '検索',
    found: '「{q}」を含む記録が{total}件見つかりました。',
    showing: '{from}～{to}件目を表示しています。',
    noMatch: '「{q}」を含む記録は見つかりませんでした。',
    noMatchFiltered: '「{q}」を含む記録のうち、絞り込みの条件に合うものはありません。',
    pastLastPage: 'このページに表示する結果はありません。',
    lastPage: '最後のページ（{pages}ページ目）へ',
    results: '検索結果',
    refine: '絞り込み',
    activeFilters: '選択中の条件',
    removeFilter: '（この条件を解除）',
    clearFilters: 'すべての条件を解除',
    facetPartner: '交流先',
    morePartners: 'ほか{count}の交流先（検索語や年で絞り込むと表示されます）',
    morePartnersOne: 'ほか{count}の交流先（検索語や年で絞り込むと表示されます）',
    facetYear: '年',
    facetType: '区分',
    photoRecord: '写真記録',
    count: '{count}件',
    yearValue: '{year}年',
    pages: 'ページ送り',
    previous: '前のページ',
    next: '次のページ',
    pageOf: '{page}／{pages}ページ',
    indexUnavailable: '検索の索引を読み込めませんでした。ファイルとして開いたページからは検索できません。このサイトのコピーをウェブサーバーから開いてください。',
    readAs: '「{q}」を含む記録はなかったため、「{as}」で検索しました。',
    latinNote: 'この記録は日本語で書かれています。ローマ字や英語の語句は、英字で書かれた部分と、職員が加えた英語・中国語の訳からだけ見つかります。',
  },
  en: {
    title: 'Search the exchange record',
    titleWithQuery: 'Search results for “{q}”',
    queryLabel: 'Words to find',
    queryHint: 'One character is enough. Full-width and half-width forms, upper and lower case match alike.',
    submit: 'Search',
    found: 'Entries containing “{q}”: {total}.',
    showing: 'Showing {from} to {to}.',
    noMatch: 'Nothing in the record contains “{q}”.',
    noMatchFiltered: 'No entry containing “{q}” matches the selected filters.',
    pastLastPage: 'There are no results on this page.',
    lastPage: 'Go to the last page (page {pages})',
    results: 'Results',
    refine: 'Refine',
    activeFilters: 'Selected filters',
    removeFilter: ' (remove this filter)',
    clearFilters: 'Remove all filters',
    facetPartner: 'Partner city',
    morePartners: 'and {count} more partner cities (narrow the search by words or year to see them)',
    morePartnersOne: 'and {count} more partner city (narrow the search by words or year to see it)',
    facetYear: 'Year',
    facetType: 'Type',
    photoRecord: 'Photo record',
    count: '{count}',
    yearValue: '{year}',
    pages: 'Pages',
    previous: 'Previous page',
    next: 'Next page',
    pageOf: 'Page {page} of {pages}',
    indexUnavailable: 'The search index could not be loaded. A page opened as a file cannot search: open this copy of the site from a web server.',
    readAs: 'Nothing contains “{q}”, so this searched for “{as}”.',
    latinNote: 'The record is written in Japanese. Words in Latin letters find only what is written in Latin letters and the English and Chinese translations staff have added; Japanese names (大連, 訪問) find everything.',
  },
  zh: {
    title: '搜索交流记录',
    titleWithQuery: '“{q}”的搜索结果',
    queryLabel: '检索词',
    queryHint: '一个字即可搜索。不区分全角与半角、大写与小写。',
    submit: '搜索',
    found: '找到 {total} 条包含“{q}”的记录。',
    showing: '显示第 {from} 至 {to} 条。',
    noMatch: '没有找到包含“{q}”的记录。',
    noMatchFiltered: '包含“{q}”的记录中，没有符合所选条件的记录。',
    pastLastPage: '此页没有结果。',
    lastPage: '前往最后一页（第 {pages} 页）',
    results: '搜索结果',
    refine: '筛选',
    activeFilters: '已选条件',
    removeFilter: '（取消此条件）',
    clearFilters: '取消全部条件',
    facetPartner: '交流对象',
    morePartners: '另有{count}个交流对象（按检索词或年份缩小范围后显示）',
    morePartnersOne: '另有{count}个交流对象（按检索词或年份缩小范围后显示）',
    facetYear: '年份',
    facetType: '类别',
    photoRecord: '照片记录',
    count: '{count} 条',
    yearValue: '{year}年',
    pages: '分页',
    previous: '上一页',
    next: '下一页',
    pageOf: '第 {page} 页，共 {pages} 页',
    indexUnavailable: '无法加载搜索索引。以文件方式打开的页面无法搜索，请通过网络服务器打开本网站副本。',
    readAs: '没有包含“{q}”的记录，因此改为搜索“{as}”。',
    latinNote: '本记录以日文撰写。拉丁字母的词语只能找到以拉丁字母书写的内容和工作人员添加的英文、中文译文；中文词语（如“大连”“访问”）可直接检索全部记录。',
  },
};
