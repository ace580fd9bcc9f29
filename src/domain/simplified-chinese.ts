/**
 * Simplified Chinese characters and the Japanese forms a record of exchanges writes them in (连 → 連, 访 → 訪,
 * 办 → 弁 as in 外事弁公室), for a partner city's reader who searches in simplified characters. Only characters
 * Japanese writing does not use are listed, each with the one Japanese form it stands for: a Japanese query never
 * holds them, so reading them this way changes no Japanese search. Characters shared by both (学, 会, 国, 市) need
 * no entry, and ones with several Japanese forms or a Japanese use of their own (后, 里, 机, 系, 叶, 龙, 发, 摄; 德,
 * 黑 and 个, met in Japanese names and older writing; 范, a surname in both) are left out. 泽 is read as 沢, the form
 * of 金沢 and of Japanese writing today; 澤, which Japanese names still use, is no entry, so it finds itself only.
 */
const PAIRS =
  '连連访訪问問团団协協长長际際辽遼宁寧赵趙华華东東经経济済贸貿观観业業术術乐楽语語说説读読书書图図馆館览覧开開关関' +
  '缔締结結约約调調记記录録传伝统統艺芸验験运運动動竞競儿児银銀铁鉄电電车車飞飛广広报報环環卫衛疗療农農渔漁产産样様' +
  '题題议議员員选選举挙务務处処对対应応总総领領门門苏蘇韩韓时時间間见見过過为為庆慶纪紀节節欢歓谈談讲講师師剧劇场場' +
  '职職专専护護实実习習训訓练練备備项項续続扩拡资資线線轮輪园園亲親爱愛仪儀县県厅庁岛島滨浜乡郷镇鎮阳陽尔爾陕陝围囲' +
  '绘絵丝糸织織纺紡办弁侨僑进進戏戯杂雑灾災马馬赛賽气気热熱汉漢词詞们們两両级級组組设設计計规規质質网網络絡视視频頻' +
  '确確认認证証识識闻聞闭閉阅閲队隊阵陣阶階陆陸陈陳险険邮郵邻隣刘劉张張杨楊吴呉孙孫罗羅郑鄭谢謝许許冯馮邓鄧萧蕭卢盧' +
  '谭譚贾賈韦韋邹鄒闫閻谊誼贺賀宾賓赠贈让譲请請换換鸟鳥鱼魚龟亀泽沢软軟';

const TO_JAPANESE: ReadonlyMap<string, string> = (() => {
  const chars = Array.from(PAIRS);
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) if (chars[i] !== chars[i + 1]) map.set(chars[i]!, chars[i + 1]!);
  return map;
})();

/** Every simplified character of the table, with its Japanese form. */
export function simplifiedPairs(): [string, string][] {
  return [...TO_JAPANESE];
}

/** `text` with each listed simplified character written in its Japanese form (大连 访问 → 大連 訪問); others unchanged. */
export function japaneseForms(text: string): string {
  let out = '';
  for (const c of text) out += TO_JAPANESE.get(c) ?? c;
  return out;
}
