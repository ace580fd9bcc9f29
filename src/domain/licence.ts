/** The terms under which the record is published, carried in every export and in the page footer. */
export interface Licence {
  /** Short stable identifier (SPDX where one exists). */
  id: string;
  /** The licence's own name, as a reader recognises it. */
  name: string;
  url: string;
  /** Who is to be credited: the publishing municipality and its record. */
  attribution: string;
  /** `name` and `url` are the Japanese; these are the name and the deed for readers of English and Chinese. */
  translations?: Readonly<Record<'en' | 'zh', LicenceTerms>>;
}

/** A licence's name and deed as a reader of one language is shown them; `lang` is the deed's language. */
export interface LicenceTerms {
  name: string;
  url: string;
  lang: string;
}

/** The licence's name and deed for a reader of `language` (ja, en or zh); the Japanese for any other. */
export function licenceIn(licence: Omit<Licence, 'attribution'>, language: string): LicenceTerms {
  const translated = language === 'en' || language === 'zh' ? licence.translations?.[language] : undefined;
  return translated ?? { name: licence.name, url: licence.url, lang: 'ja' };
}

/** The licences a municipality usually publishes open data under, by the name KORYU_LICENCE takes. */
export const LICENCE_PRESETS: Readonly<Record<string, Omit<Licence, 'attribution'>>> = {
  'cc-by-4.0': {
    id: 'CC-BY-4.0',
    name: 'クリエイティブ・コモンズ 表示 4.0 国際 (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/deed.ja',
    translations: {
      en: { name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)', url: 'https://creativecommons.org/licenses/by/4.0/deed.en', lang: 'en' },
      zh: { name: '知识共享 署名 4.0 国际 (CC BY 4.0)', url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans', lang: 'zh-Hans' },
    },
  },
  // The Digital Agency publishes the terms in Japanese (the official text) and English (for reference), none in
  // Chinese: a reader of Chinese is given the English page, which holds both.
  'pdl-1.0': {
    id: 'PDL-1.0',
    name: '公共データ利用規約 第1.0版 (PDL1.0)',
    url: 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0',
    translations: {
      en: { name: 'Public Data License Version 1.0 (PDL1.0)', url: 'https://www.digital.go.jp/en/resources/open_data/public_data_license_v1.0', lang: 'en' },
      zh: { name: '公共数据利用规约 第1.0版 (PDL1.0)', url: 'https://www.digital.go.jp/en/resources/open_data/public_data_license_v1.0', lang: 'en' },
    },
  },
};

export const DEFAULT_LICENCE_KEY = 'cc-by-4.0';

/** The default credit line: the home municipality's record. */
export function defaultAttribution(home: string): string {
  return `${home} 国際交流の記録`;
}

/** One line naming the credit and the licence: 出典：金沢市 国際交流の記録（CC BY 4.0 …）. */
export function licenceNotice(licence: Licence): string {
  return `出典：${licence.attribution}／利用条件：${licence.name} ${licence.url}`;
}

/** A line that is a licenceNotice (a text export's first line), however its credit and licence read. */
export function isLicenceNotice(text: string): boolean {
  return /^出典：.*／利用条件：/.test(text);
}
