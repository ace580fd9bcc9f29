import type { Messages } from './messages.js';

/** The yearbook's cover; the city names stay as recorded (Japanese). */
export const YEARBOOK: Messages<'title' | 'subtitle' | 'affiliated' | 'span' | 'counts' | 'publisher' | 'licence' | 'made'> = {
  ja: {
    title: '年表と写真で見る{home}と{partner}の交流の歩み',
    subtitle: '{kind}',
    affiliated: '提携：{date}',
    span: '{first}年〜{last}年',
    counts: '交流 {events}件・交流の記録 {records}件',
    publisher: '発行：{attribution}',
    licence: '利用条件：{licence}',
    made: '{date} 作成',
  },
  en: {
    title: 'The exchanges of {home} and {partner} in timeline and photographs',
    subtitle: '{kind} (partner city)',
    affiliated: 'Affiliated on {date}',
    span: '{first}–{last}',
    counts: '{events} exchanges, {records} photo records',
    publisher: 'Published by {attribution}',
    licence: 'Terms of use: {licence}',
    made: 'Made on {date}',
  },
  zh: {
    title: '年表与照片中的{home}与{partner}交流历程',
    subtitle: '{kind}（友好城市）',
    affiliated: '缔结日期：{date}',
    span: '{first}年至{last}年',
    counts: '交流{events}项、交流记录{records}项',
    publisher: '发行：{attribution}',
    licence: '使用条件：{licence}',
    made: '{date} 制作',
  },
};
