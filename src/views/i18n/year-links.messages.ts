import type { Messages } from './messages.js';

/** The search page's line for a query that is a year (2019, 令和元年): `{year}` is the year with its era label. */
export const YEAR_LINKS: Messages<'lead' | 'none' | 'label'> = {
  ja: {
    lead: '{year}の交流を見る：',
    none: '{year}の交流は記録されていません。',
    label: 'その年の交流',
  },
  en: {
    lead: 'See the exchanges of {year}:',
    none: 'No exchanges are recorded in {year}.',
    label: 'The exchanges of that year',
  },
  zh: {
    lead: '查看{year}的交流：',
    none: '记录中没有{year}的交流。',
    label: '该年的交流',
  },
};
