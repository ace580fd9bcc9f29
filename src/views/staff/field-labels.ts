import { isDirection } from '../../domain/direction.js';
import { MAX_NAME, MAX_TEXT, type EditProblem, type ItemKind } from '../../domain/editing.js';
import { dateTimeFormat } from '../../domain/intl.cache.js';
import { COMMON } from '../i18n/common.messages.js';
import type { Locale } from '../i18n/locale.js';
import { format } from '../i18n/messages.js';
import { STAFF } from './staff.messages.js';

const NAMES = new Set(['home', 'partner', 'kind']);

/** A field of an item as the staff pages name it (内容（日本語）, not `text`); an unknown field keeps its name. */
export function fieldLabel(locale: Locale, field: string, kind?: ItemKind): string {
  const t = STAFF[locale];
  const labels: Record<string, string> = {
    partner: t.partner,
    kind: t.kind,
    affiliatedOn: t.affiliatedOn,
    noExchangeYears: t.noExchangeYears,
    status: t.status,
    year: t.year,
    date: t.date,
    direction: t.direction,
    text: t.textJa,
    caption: t.captionJa,
    translations: `${t.translationEn} / ${t.translationZh}`,
    'translations.en': kind === 'event' ? t.textEn : kind === 'record' ? t.captionEn : t.translationEn,
    'translations.zh': kind === 'event' ? t.textZh : kind === 'record' ? t.captionZh : t.translationZh,
    eventId: t.event,
    photo: t.photo,
    partnershipId: t.partnershipIdField,
  };
  return labels[field] ?? field;
}

/** A field's value as staff read it: 公開 for `published`, 派遣 for `dispatch`, translations by language, — for none. */
export function fieldValue(locale: Locale, field: string, value: unknown): string {
  const t = STAFF[locale];
  if (value === undefined || value === null || value === '') return t.none;
  if (field === 'status') return value === 'published' ? t.published : value === 'draft' ? t.draft : String(value);
  if (field === 'direction' && typeof value === 'string' && isDirection(value)) return COMMON[locale][value];
  if (field === 'eventId' || field === 'partnershipId') return `#${String(value)}`;
  if (field === 'translations' && typeof value === 'object') {
    const { en, zh } = value as { en?: string; zh?: string };
    const parts = [en ? `${t.translationEn}: ${en}` : '', zh ? `${t.translationZh}: ${zh}` : ''].filter((p) => p !== '');
    return parts.length > 0 ? parts.join(' / ') : t.none;
  }
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : t.none;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A refused edit's problem as one line: the field's label and what to do (長すぎます says the limit). */
export function problemText(locale: Locale, p: EditProblem, kind?: ItemKind): string {
  const t = STAFF[locale];
  const what = p.problem === 'tooLong' ? format(t.tooLongLimit, { max: NAMES.has(p.field) ? MAX_NAME : MAX_TEXT }) : t[`problem_${p.problem}`];
  return p.field === '' ? what : `${fieldLabel(locale, p.field, kind)}: ${what}`;
}

/**
 * An ISO instant as staff read a time, in Japan's time (the division's) whatever the server's time zone, to the
 * minute: 2026年11月28日 13:05 in Japanese and Chinese, 2026-11-28 13:05 in English.
 */
export function japanDateTime(locale: Locale, iso: string): string {
  const [date, time] = japanTime(iso).split(' ') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return locale === 'en' ? `${date} ${time.slice(0, 5)}` : `${y}年${m}月${d}日 ${time.slice(0, 5)}`;
}

/** An ISO instant as Japan's local time (the division's), `2026-11-27 18:05:09`, whatever the server's time zone. */
export function japanTime(iso: string): string {
  const parts = dateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}
