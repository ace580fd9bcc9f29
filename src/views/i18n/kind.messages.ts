/**
 * What a kind of partnership (提携の種類) means, for English and Chinese readers: the record keeps the kind as the
 * city writes it (姉妹都市, 友好交流都市 …) and pages show it in Japanese followed by this gloss. The one table of
 * glosses; a kind not in it is glossed by `kindGloss`'s fallback.
 */
export interface KindGloss {
  readonly en: string;
  readonly zh: string;
}

/** Kinds Japanese municipalities use, keyed as written (姊 is an older form of 姉 some documents keep). */
const KINDS: Readonly<Record<string, KindGloss>> = {
  姉妹都市: { en: 'sister city', zh: '姐妹城市' },
  姊妹都市: { en: 'sister city', zh: '姐妹城市' },
  姉妹提携都市: { en: 'sister city', zh: '姐妹城市' },
  姉妹友好都市: { en: 'sister and friendship city', zh: '姐妹友好城市' },
  友好姉妹都市: { en: 'friendship and sister city', zh: '友好姐妹城市' },
  友好都市: { en: 'friendship city', zh: '友好城市' },
  友好提携都市: { en: 'friendship city', zh: '友好城市' },
  友好交流都市: { en: 'friendship-exchange city', zh: '友好交流城市' },
  友好協力都市: { en: 'friendship-cooperation city', zh: '友好合作城市' },
  友好協定都市: { en: 'friendship-agreement city', zh: '友好协定城市' },
  交流都市: { en: 'exchange city', zh: '交流城市' },
  交流協定都市: { en: 'exchange-agreement city', zh: '交流协定城市' },
  経済交流都市: { en: 'economic exchange city', zh: '经济交流城市' },
  文化交流都市: { en: 'cultural exchange city', zh: '文化交流城市' },
  教育交流都市: { en: 'educational exchange city', zh: '教育交流城市' },
  親善都市: { en: 'goodwill city', zh: '亲善城市' },
  友好親善都市: { en: 'friendship and goodwill city', zh: '友好亲善城市' },
  パートナーシティ: { en: 'partner city', zh: '伙伴城市' },
  パートナー都市: { en: 'partner city', zh: '伙伴城市' },
  姉妹港: { en: 'sister port', zh: '姐妹港' },
  友好港: { en: 'friendship port', zh: '友好港' },
  姉妹州: { en: 'sister state', zh: '姐妹州' },
  姉妹省: { en: 'sister province', zh: '姐妹省' },
  友好省: { en: 'friendship province', zh: '友好省' },
  友好州: { en: 'friendship state', zh: '友好州' },
  友好県: { en: 'friendship prefecture', zh: '友好县' },
};

/** A kind not in the table (or none recorded): the general words, which claim nothing about its terms. */
const FALLBACK: KindGloss = { en: 'partner city', zh: '友好城市' };

/** The gloss of a kind in English or Chinese; spaces around the kind as written are ignored. */
export function kindGloss(locale: 'en' | 'zh', kind: string): string {
  return (KINDS[kind.replace(/[\s\u3000]/gu, '')] ?? FALLBACK)[locale];
}

/** True when the table knows the kind (the rest take the fallback). */
export function isKnownKind(kind: string): boolean {
  return kind.replace(/[\s\u3000]/gu, '') in KINDS;
}
