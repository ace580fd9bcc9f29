/**
 * The columns of Koryu's spreadsheets (CSV and XLSX): one table of events, one of photo records. The exports
 * write the first header of each column; the importer recognises every header listed, after NFKC and with
 * spaces removed, so a sheet typed by hand with the same (or English) headings reads too.
 */
export const EVENT_COLUMNS = [
  { key: 'no', headers: ['No.', 'No', '番号', '#'] },
  { key: 'home', headers: ['自治体', 'home', '本市'] },
  { key: 'partner', headers: ['相手都市', 'partner', '交流先', '相手先'] },
  { key: 'kind', headers: ['提携種別', 'kind', '種別'] },
  { key: 'affiliatedOn', headers: ['提携日', 'affiliatedon', '提携年月日'] },
  { key: 'year', headers: ['年（西暦）', '年', '西暦', 'year', '西暦年'] },
  { key: 'era', headers: ['和暦', 'erayear', '年（和暦）', '元号'] },
  // Read as the year only when no year or 和暦 column is given (a sheet typed by hand headed 年度,月日,区分,内容).
  { key: 'fiscalYear', headers: ['年度', 'fiscalyear', '年度（和暦）', '年度（西暦）', '和暦年度'] },
  { key: 'date', headers: ['日付', 'date', '年月日', '月日'] },
  { key: 'direction', headers: ['区分コード', 'direction', 'directioncode'] },
  { key: 'directionLabel', headers: ['区分', '派遣・受入', '派遣/受入', '方向'] },
  { key: 'text', headers: ['交流内容', 'event', 'text', '内容', '交流事業'] },
  { key: 'en', headers: ['交流内容（英語）', 'event(en)', 'english'] },
  { key: 'zh', headers: ['交流内容（中国語）', 'event(zh)', 'chinese'] },
  { key: 'records', headers: ['交流の記録（写真）', 'photorecords', '写真'] },
  { key: 'licence', headers: ['利用条件', 'licence', 'license'] },
  // The stored event's id, as in /events/ID, /api/events/ID and the JSON-LD and Atom ids: written last, so the
  // columns before it keep their places. The importer links photo records by it when they give no 交流 No.
  { key: 'id', headers: ['ID', 'eventid', '交流ID'] },
] as const;

export const RECORD_COLUMNS = [
  { key: 'home', headers: ['自治体', 'home', '本市'] },
  { key: 'partner', headers: ['相手都市', 'partner', '交流先', '相手先'] },
  { key: 'kind', headers: ['提携種別', 'kind', '種別'] },
  { key: 'year', headers: ['年（西暦）', '年', '西暦', 'year', '西暦年'] },
  { key: 'era', headers: ['和暦', 'erayear', '年（和暦）', '元号'] },
  { key: 'caption', headers: ['写真説明', 'caption', '説明', 'キャプション'] },
  { key: 'en', headers: ['写真説明（英語）', 'caption(en)', 'english'] },
  { key: 'zh', headers: ['写真説明（中国語）', 'caption(zh)', 'chinese'] },
  { key: 'event', headers: ['交流 No.', '交流No.', 'eventno.', 'eventno'] },
  { key: 'eventText', headers: ['関連する交流', 'event'] },
  { key: 'licence', headers: ['利用条件', 'licence', 'license'] },
  // The stored id of the event it shows (the event table's ID).
  { key: 'eventId', headers: ['交流ID', 'eventid'] },
] as const;

export type EventColumnKey = (typeof EVENT_COLUMNS)[number]['key'];
export type RecordColumnKey = (typeof RECORD_COLUMNS)[number]['key'];

/** The direction code a spreadsheet row uses for a year marked as having no exchange. */
export const NO_EXCHANGE_CODE = 'none';
export const NO_EXCHANGE_LABEL = '交流なし';
/** Captions of an event's photo records share its cell, one per line. */
export const RECORDS_SEPARATOR = '\n';
/** Names of the sheets of the XLSX export that are not partnerships. */
export const RECORDS_SHEET = '交流の記録';
export const LICENCE_SHEET = '利用条件';

/** A header cell as compared: NFKC, no white space, lower case. */
export function headerKey(cell: string): string {
  return cell.normalize('NFKC').replace(/\s/g, '').toLowerCase();
}
