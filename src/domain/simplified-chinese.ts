import { GENERATED_FORMS } from './simplified-forms.data.js';

/**
 * Simplified Chinese characters and the Japanese forms a record of exchanges writes them in (连 → 連, 访 → 訪,
 * 办 → 弁 as in 外事弁公室), for a partner city's reader who searches in simplified characters. Two tables: a short
 * one by hand (PAIRS: the usual form of characters the records meet most, 泽 as 沢, the form of 金沢), and one
 * generated from OpenCC's tables (simplified-forms.data.ts, scripts/generate-simplified-forms.mjs) that covers
 * every simplified character whose Japanese forms differ from it. A character may stand for several Japanese
 * forms (发 for 発 and 髪; 范 for itself, a surname in both, and for 範): search tries each (japaneseFormsEach);
 * japaneseForms writes the usual one, which for a character Japanese writes too (范, 个) is itself.
 * Characters Japanese writes commonly (JIS level 1: 干, 里, 面, 台, 后 …) are no entry: a Japanese reader typing
 * them means them, so reading them otherwise would change Japanese searches.
 */
const PAIRS =
  '连連访訪问問团団协協长長际際辽遼宁寧赵趙华華东東经経济済贸貿观観业業术術乐楽语語说説读読书書图図馆館览覧开開关関' +
  '缔締结結约約调調记記录録传伝统統艺芸验験运運动動竞競儿児银銀铁鉄电電车車飞飛广広报報环環卫衛疗療农農渔漁产産样様' +
  '题題议議员員选選举挙务務处処对対应応总総领領门門苏蘇韩韓时時间間见見过過为為庆慶纪紀节節欢歓谈談讲講师師剧劇场場' +
  '职職专専护護实実习習训訓练練备備项項续続扩拡资資线線轮輪园園亲親爱愛仪儀县県厅庁岛島滨浜乡郷镇鎮阳陽尔爾陕陝围囲' +
  '绘絵丝糸织織纺紡办弁侨僑进進戏戯杂雑灾災马馬赛賽气気热熱汉漢词詞们們两両级級组組设設计計规規质質网網络絡视視频頻' +
  '确確认認证証识識闻聞闭閉阅閲队隊阵陣阶階陆陸陈陳险険邮郵邻隣刘劉张張杨楊吴呉孙孫罗羅郑鄭谢謝许許冯馮邓鄧萧蕭卢盧' +
  '谭譚贾賈韦韋邹鄒闫閻谊誼贺賀宾賓赠贈让譲请請换換鸟鳥鱼魚龟亀泽沢软軟历歴发発';

/** Each simplified character with its Japanese forms, the usual one first (the hand table's, where it has one). */
const FORMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  const chars = Array.from(PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) if (chars[i] !== chars[i + 1]) map.set(chars[i]!, [chars[i + 1]!]);
  for (const entry of GENERATED_FORMS.split(' ')) {
    const [simplified, ...forms] = Array.from(entry);
    if (simplified === undefined || forms.length === 0) continue;
    map.set(simplified, [...new Set([...(map.get(simplified) ?? []), ...forms])]);
  }
  return map;
})();

/** Readings of one text tried at most: a query holding many characters of several forms each is read by the first ones. */
export const MAX_FORM_READINGS = 64;

/** Every simplified character of the tables that Japanese does not write, with its usual Japanese form. */
export function simplifiedPairs(): [string, string][] {
  return [...FORMS].filter(([simplified, forms]) => forms[0] !== simplified).map(([simplified, forms]) => [simplified, forms[0]!]);
}

/** Every simplified character of the tables, with all its Japanese forms, the usual one first. */
export function simplifiedForms(): [string, readonly string[]][] {
  return [...FORMS];
}

/** `text` with each listed simplified character written in its usual Japanese form (大连 访问 → 大連 訪問); others unchanged. */
export function japaneseForms(text: string): string {
  let out = '';
  for (const c of text) out += FORMS.get(c)?.[0] ?? c;
  return out;
}

/**
 * Every reading of `text` in Japanese forms (发展 → 発展, 髪展), the usual one (japaneseForms) first; one when no
 * character has several forms. At most MAX_FORM_READINGS: past that, the later characters keep their usual form.
 */
export function japaneseFormsEach(text: string): string[] {
  let readings = [''];
  for (const c of text) {
    const forms = FORMS.get(c) ?? [c];
    const usual = forms[0]!;
    readings =
      readings.length * forms.length <= MAX_FORM_READINGS ? readings.flatMap((r) => forms.map((f) => r + f)) : readings.map((r) => r + usual);
  }
  // The first reading takes each character's first form: it is japaneseForms(text).
  return readings;
}
