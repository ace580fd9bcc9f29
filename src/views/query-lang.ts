import { japaneseForms } from '../domain/simplified-chinese.js';
import { HTML_LANG, type Locale } from './i18n/locale.js';

/**
 * The `lang` of a reader's query as the search page echoes it, or undefined when it is the page's language. A query
 * holding kana is Japanese. One in kanji/hanzi only is the page's language on a Chinese page (大连, 大連: a Chinese
 * reader's words); on a Japanese or English page it is simplified Chinese when it holds a character Japanese does
 * not write (连, 访: simplified-chinese.ts), else Japanese. One in Latin letters is the page's language.
 */
export function queryLang(pageLocale: Locale, query: string): string | undefined {
  let lang: string | undefined;
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(query)) lang = HTML_LANG.ja;
  else if (/\p{Script=Han}/u.test(query)) {
    lang = pageLocale === 'zh' || japaneseForms(query) !== query ? HTML_LANG.zh : HTML_LANG.ja;
  }
  return lang === HTML_LANG[pageLocale] ? undefined : lang;
}
