import type { Messages } from './messages.js';

/** What the public pages say about places named in the reader's language (the search's hint). */
export const PLACE: Messages<'searchHint'> = {
  ja: { searchHint: '検索した語句は次の提携先の名前です：{places}' },
  en: { searchHint: 'What you searched for names a partner city; its exchanges: {places}' },
  zh: { searchHint: '您搜索的词语是以下友好城市的名称，查看其交流：{places}' },
};
