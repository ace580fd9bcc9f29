/** The fields an exchange belongs to; an event may belong to several. */
export const EXCHANGE_FIELDS = [
  'education',
  'culture',
  'sports',
  'economy',
  'government',
  'disaster',
  'health',
  'youth',
  'academic',
] as const;
export type ExchangeField = (typeof EXCHANGE_FIELDS)[number];

export function isExchangeField(v: unknown): v is ExchangeField {
  return typeof v === 'string' && (EXCHANGE_FIELDS as readonly string[]).includes(v);
}

/** The words that suggest each field in an event's text. */
const FIELD_WORDS: Readonly<Record<ExchangeField, readonly string[]>> = {
  education: ['教育', '教員', '教職員', '教師', '学校', '高校', '英語', '研修', '学院'],
  culture: ['芸術', '芸能', '美術', '水墨画', 'アート', '文化', 'まつり', '祭', 'ファッション', '美大', '金沢の日'],
  sports: ['マラソン', '卓球', 'スポーツ', '選手', 'チアリーダー', '競技'],
  economy: ['経済', '貿易', 'ビジネス', '商談', '企業', '友誼集団', '産業'],
  government: ['市長', '副市長', '市議会', '議会', '外事', '都市協定', '名誉市民', '市民局', '対外友好協会', '人民代表', '表敬', 'サミット'],
  disaster: ['防災', '地震', '災害'],
  health: ['医療', 'マスク', 'コロナ', '感染', '保健', '病院'],
  youth: ['青少年', '学生', '高校', '生徒', '子ども', 'ジュニア', 'チアリーダー'],
  academic: ['大学', '学術', '研究', '図書', '高専', '工業大'],
};

/** Every field word by its first UTF-16 unit, with the fields it suggests as bits (1 << index in EXCHANGE_FIELDS). */
const WORDS_BY_FIRST_UNIT = (() => {
  const bits = new Map<string, number>();
  EXCHANGE_FIELDS.forEach((field, i) => {
    for (const word of FIELD_WORDS[field]) bits.set(word, (bits.get(word) ?? 0) | (1 << i));
  });
  // Keyed by the unit's number: reading the text's characters as strings would make one for every place.
  const byFirst = new Map<number, { word: string; fields: number }[]>();
  for (const [word, fields] of bits) byFirst.set(word.charCodeAt(0), [...(byFirst.get(word.charCodeAt(0)) ?? []), { word, fields }]);
  return byFirst;
})();

/**
 * The fields an event's text suggests, in the order of EXCHANGE_FIELDS; none when no word of any field appears.
 * One pass over the text: at each place only the words beginning with its character are tried.
 */
export function suggestFields(text: string): ExchangeField[] {
  const normalized = text.normalize('NFKC');
  let found = 0;
  for (let i = 0; i < normalized.length; i++) {
    const words = WORDS_BY_FIRST_UNIT.get(normalized.charCodeAt(i));
    if (words) for (const { word, fields } of words) if (normalized.startsWith(word, i)) found |= fields;
  }
  return found === 0 ? [] : EXCHANGE_FIELDS.filter((_, i) => (found & (1 << i)) !== 0);
}

/** The words that suggest `field`, as listed. */
export function fieldWords(field: ExchangeField): readonly string[] {
  return FIELD_WORDS[field];
}
