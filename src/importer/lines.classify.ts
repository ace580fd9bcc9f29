import { isNoneMark } from './direction-labels.js';
import { foldWidth } from './years.js';

/**
 * Lines of the genre that are recognisably not exchanges: they are reported as NotAnExchange (info) and
 * never become events, whatever layout reads them.
 */
export type NonExchangeKind =
  | 'update stamp'
  | 'statistics'
  | 'page number'
  | 'source note'
  | 'contact'
  | 'city profile'
  | 'section label'
  | 'background text';

// Tested against the NFKC-folded line: full-width colons, digits and brackets are ASCII here.
const KINDS: readonly (readonly [NonExchangeKind, RegExp])[] = [
  ['update stamp', /更新日|最終更新|更新日時|掲載日|公開日|作成日|^\(?更新\s*:|^\d{4}年\d{1,2}月\d{1,2}日\s*(更新|現在|作成)\)?$/],
  ['statistics', /^(人口|面積|総面積|世帯数|人口密度|標高)\s*[:約\d(]|(人口|面積)\s*:|\d\s*(km2|平方キロ)/],
  ['page number', /^[-‐–—―]\s*\d{1,4}\s*[-‐–—―]$|^\d{1,4}\s*\/\s*\d{1,4}$|^(p\.?|ページ)\s*\d{1,4}$|^\d{1,3}(ページ|頁)?$/i],
  ['source note', /^※|^(出典|資料|参考|出所|写真提供)\s*:|^注\s*[:\d]|^\((出典|資料|参考)/],
  ['contact', /^(お?問い?合わ?せ先?|電話(番号)?|tel|fax|e-?mail|メール(アドレス)?|担当(課|部署)?)\s*:|^お?問い?合わ?せ先?$|^(このページ|ページの先頭)/i],
  ['city profile', /^(国名|国|州|省|位置|所在地|気候|産業|特産品?|言語|時差|市章|市の(花|木)|市長|首長)\s*:/],
  ['section label', /^(交流)?(年表|の?歩み|あゆみ|沿革|実績|一覧)$/],
];

export function nonExchangeKind(text: string): NonExchangeKind | undefined {
  const t = foldWidth(text).trim();
  for (const [kind, pattern] of KINDS) if (pattern.test(t)) return kind;
  return undefined;
}

/** —, なし, 交流なし, （交流なし）: the year had no exchange. */
export function isNoExchangeMark(text: string): boolean {
  const t = foldWidth(text).replace(/\s/g, '');
  return isNoneMark(t) || /^\(?(特に)?(交流|実績|事業)?(なし|無し)\)?$/.test(t);
}

/**
 * A sentence about the city rather than an exchange: geography and history phrases, or a long sentence
 * (with 。 or an early topic は) of the kind background prose is written in.
 */
export function isProse(text: string): boolean {
  const t = text.trim();
  if (/に位置|として知られ|と呼ばれ|で構成され|の人口/.test(t)) return true;
  return t.length >= 45 && (/[。．]/.test(t) || /^[^、。]{1,14}は/.test(t));
}

/**
 * A sentence of plans or a state (当課では今後も交流を続けていく予定です。): it ends with 。, speaks of what goes on or
 * is planned (続け, ている, 予定 …) and names no exchange (訪問, 来訪, 開催 …). After a dated line it is no part of
 * that exchange's text, however short.
 */
export function isBackgroundSentence(text: string): boolean {
  const t = text.trim();
  return /[。．]$/.test(t) && BACKGROUND_WORD.test(t) && !EXCHANGE_WORD.test(t);
}

/** What follows a year and makes the line a sentence about it (2004年に…, 1973年以来…), not an event. */
export function startsWithParticle(rest: string): boolean {
  return /^(に|の|から|まで|より|は|が|を|で|、|,|以降|以来|頃|ごろ|当時|前後)/.test(rest);
}

/**
 * The exchange a sentence led by a year and に or には tells of (2015年に、市長がゲント市を訪問しました。 →
 * 市長がゲント市を訪問しました。), as 2017年5月、… and 2020年、… are read: it names an exchange (訪問, 来訪, 開催 …)
 * and is no history or state (以来, 以降, ～ている, 予定). Undefined for anything else (background).
 */
export function yearSentenceExchange(rest: string): string | undefined {
  const lead = /^(?:には|に)[、,，]?\s*/.exec(rest);
  if (!lead) return undefined;
  const text = rest.slice(lead[0].length);
  if (text === '' || !EXCHANGE_WORD.test(text) || BACKGROUND_WORD.test(text)) return undefined;
  return text;
}

const EXCHANGE_WORD = /訪問|来訪|来日|開催|派遣|参加|出席|受け?入れ|締結|調印|署名|視察|招待|招へい|招聘|寄贈|交換|展示|公演|演奏|実施/;
const BACKGROUND_WORD = /以来|以降|から現在|続け|続い|ている|ています|ておる|おります|予定/;

const BULLET = /^[・•◦‣▪▫■□◆◇●○◎◯〇▼▽▲△★☆◉♦\-－‐*＊+]+[\s　]*/;
const BRACKETS: Readonly<Record<string, string>> = { '【': '】', '〔': '〕', '［': '］', '[': ']', '《': '》', '〈': '〉', '「': '」', '『': '』' };

/**
 * A line without its decoration: markdown heading marks, bullets and heading symbols (■ ◆ ・), bold marks,
 * and a bracket pair around the start (【平成7年】). `bulleted` says a list mark began the line.
 */
export function undecorate(text: string): { text: string; bulleted: boolean } {
  const bold = (s: string): string => s.replace(/^\*\*(.+?)\*\*/, '$1').replace(/^__(.+?)__/, '$1');
  let t = bold(text.trim().replace(/^(?:#+|>+)\s*/, ''));
  const bullet = BULLET.exec(t);
  if (bullet) t = bold(t.slice(bullet[0].length));
  const close = BRACKETS[t[0] ?? ''];
  const end = close ? t.indexOf(close, 1) : -1;
  if (end > 0) t = `${t.slice(1, end)} ${t.slice(end + 1)}`;
  return { text: t.trim(), bulleted: bullet !== null };
}

/** Join an entry's lines: directly after 、 (a wrapped sentence), with a space otherwise. */
export function joinParts(parts: readonly string[]): string {
  return parts.reduce((joined, part) => (joined === '' ? part : /[、，,・]$/.test(joined) ? joined + part : `${joined} ${part}`), '');
}
