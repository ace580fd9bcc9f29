import type { PlaceNames } from '../domain/place-name.js';

/**
 * English and Chinese names of some of the generated corpus's municipalities (corpus.vocabulary.ts), as a city would
 * give them: `koryu generate` writes those of its corpus to names.json, so that a country-scale store has English
 * and Chinese pages with names in them, and others left in Japanese.
 */
export const CORPUS_PLACE_NAMES: PlaceNames = new Map([
  ['金沢市', { en: 'Kanazawa', zh: '金泽市' }],
  ['札幌市', { en: 'Sapporo', zh: '札幌市' }],
  ['旭川市', { en: 'Asahikawa', zh: '旭川市' }],
  ['仙台市', { en: 'Sendai', zh: '仙台市' }],
  ['横浜市', { en: 'Yokohama', zh: '横滨市' }],
  ['富山市', { en: 'Toyama', zh: '富山市' }],
  ['京都市', { en: 'Kyoto', zh: '京都市' }],
  ['大阪市', { en: 'Osaka', zh: '大阪市' }],
  ['神戸市', { en: 'Kobe', zh: '神户市' }],
  ['広島市', { en: 'Hiroshima', zh: '广岛市' }],
  ['福岡市', { en: 'Fukuoka', zh: '福冈市' }],
  ['長崎市', { en: 'Nagasaki', zh: '长崎市' }],
  ['大連市', { en: 'Dalian', zh: '大连市' }],
  ['蘇州市', { en: 'Suzhou', zh: '苏州市' }],
  ['杭州市', { en: 'Hangzhou', zh: '杭州市' }],
  ['西安市', { en: 'Xi’an', zh: '西安市' }],
  ['瀋陽市', { en: 'Shenyang', zh: '沈阳市' }],
  ['釜山広域市', { en: 'Busan', zh: '釜山广域市' }],
  ['ナンシー市', { en: 'Nancy', zh: '南锡市' }],
  ['マルセイユ市', { en: 'Marseille', zh: '马赛市' }],
  ['ハンブルク市', { en: 'Hamburg', zh: '汉堡市' }],
  ['ボストン市', { en: 'Boston', zh: '波士顿市' }],
  ['ポートランド市', { en: 'Portland', zh: '波特兰市' }],
  ['ゲント市', { en: 'Ghent', zh: '根特市' }],
  ['イルクーツク市', { en: 'Irkutsk', zh: '伊尔库茨克市' }],
]);
