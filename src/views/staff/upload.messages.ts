import type { Diagnostic, DiagnosticCode, Severity } from '../../domain/diagnostic.js';
import { eraLabel } from '../../domain/era.js';
import type { PhotoProblem, UploadKind } from '../../domain/upload.js';
import type { Locale } from '../i18n/locale.js';
import { format, type Messages } from '../i18n/messages.js';

type Key = `photo_${PhotoProblem}` | `tooLarge_${UploadKind}` | `tooMany_${UploadKind}` | 'nothingStored' | `severity_${Severity}`;

/** Refusals of uploads (photos, documents) and the words around the web import's diagnostics. */
export const UPLOAD: Messages<Key> = {
  ja: {
    photo_empty: 'ファイルが空です。',
    photo_tooLarge: '写真が上限の{mb}を超えています。',
    photo_notAnImage: 'JPEG・PNG・WebPの画像ではありません（ファイル名ではなく中身で判断しています）。iPhoneの写真（HEIC）は、写真アプリでJPEGとして書き出すか（メールで送る・「ファイル」に保存するなど）、設定 > カメラ > フォーマット を「互換性優先」にして撮った写真を選んでください。',
    photo_unreadable: '画像の形式で始まっていますが、画像として読み取れません。',
    photo_polyglot: '画像以外のデータ（画像の終わりより後のデータや、中に埋め込まれたマークアップ）が含まれています。',
    tooLarge_photo: '写真が上限の{mb}を超えています。',
    tooLarge_document: '文書が上限の{mb}を超えています。',
    tooMany_photo: '写真は一度に1枚だけ送れます。',
    tooMany_document: '一度に取り込める文書は{count}個までです。',
    nothingStored: '何も保存していません。',
    severity_error: 'エラー',
    severity_warning: '警告',
    severity_info: 'お知らせ',
  },
  en: {
    photo_empty: 'The file is empty.',
    photo_tooLarge: 'The photo is larger than the limit of {mb}.',
    photo_notAnImage: 'The file is not a JPEG, PNG or WebP image (judged by its content, not its name). For an iPhone photo (HEIC), export it as JPEG (mail it, or save it to Files), or set Settings > Camera > Formats to “Most Compatible” and take the photo again.',
    photo_unreadable: 'The file starts like an image but cannot be read as one.',
    photo_polyglot: 'The file holds more than an image (data after its end, or markup inside it).',
    tooLarge_photo: 'The photo is larger than the limit of {mb}.',
    tooLarge_document: 'The document is larger than the limit of {mb}.',
    tooMany_photo: 'Only one photo can be sent at a time.',
    tooMany_document: 'At most {count} documents can be imported at once.',
    nothingStored: 'Nothing was stored.',
    severity_error: 'Error',
    severity_warning: 'Warning',
    severity_info: 'Note',
  },
  zh: {
    photo_empty: '文件是空的。',
    photo_tooLarge: '照片超过了{mb}的上限。',
    photo_notAnImage: '该文件不是JPEG、PNG或WebP图像（根据文件内容而非文件名判断）。iPhone照片（HEIC）请导出为JPEG（通过邮件发送或存储到“文件”等），或将“设置 > 相机 > 格式”设为“兼容性最佳”后重新拍摄。',
    photo_unreadable: '该文件开头像图像，但无法作为图像读取。',
    photo_polyglot: '该文件除图像外还含有其他数据（图像结尾之后的数据，或嵌入其中的标记）。',
    tooLarge_photo: '照片超过了{mb}的上限。',
    tooLarge_document: '文档超过了{mb}的上限。',
    tooMany_photo: '一次只能发送一张照片。',
    tooMany_document: '一次最多可导入{count}个文档。',
    nothingStored: '未保存任何内容。',
    severity_error: '错误',
    severity_warning: '警告',
    severity_info: '提示',
  },
};

/** The values a diagnostic's message names (Diagnostic.params); empty when it names none. */
type Params = Readonly<Record<string, string | number>>;
/** A sentence, or one made of the diagnostic's values (which may be missing: then a sentence without them). */
type Sentence = string | ((p: Params) => string);

/** 2019-05-01 → 2019年5月1日, 2019-05 → 2019年5月, 2023 → 2023年: as Japanese and Chinese write a date. */
function cjkDate(iso: string | number | undefined): string {
  const [y, m, d] = String(iso ?? '').split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

/** Bytes as staff read a file's size: 10485760 → 10 MB. */
const megabytes = (n: string | number | undefined): string => `${Math.round((Number(n) / (1024 * 1024)) * 10) / 10} MB`;

/** Both sides of an era, in the page's words: 令和元年4月30日は令和の始まり（2019年5月1日）より前です。 */
function eraSentence(p: Params, words: { before: string; after: string; read: string; plain: string }): string {
  if (p.written === undefined || p.read === undefined) return words.plain;
  return format(p.side === 'before' ? words.before : words.after, { ...p, boundary: cjkDate(p.boundary) }) + format(words.read, { ...p, read: cjkDate(p.read) });
}

/** A year cell that is no year (UnparsedLine's `notAYear`, `yearCell`), naming the cell and a numeral's look-alike (ニ for 二). */
function notAYear(locale: 'ja' | 'zh', p: Params): string {
  const where = p.reason === 'yearCell' ? (locale === 'ja' ? `「${p.column ?? '年'}」の列` : `“${p.column ?? '年'}”列`) : locale === 'ja' ? '最初の列' : '第一列';
  const cell = p.cell === undefined ? '' : locale === 'ja' ? `の「${p.cell}」` : `的“${p.cell}”`;
  const look = p.lookalike === undefined ? '' : locale === 'ja' ? `「${p.lookalike}」は「${p.meant}」ではありません。` : `“${p.lookalike}”不是“${p.meant}”。`;
  // The year meant, when the look-alikes tell it (2O07年 → 2007年): suggesting 2017年 would steer staff to a wrong year.
  const meant = typeof p.meantYear === 'number' ? p.meantYear : undefined;
  if (meant !== undefined) {
    const era = eraLabel(meant);
    return locale === 'ja'
      ? `${where}${cell}が年として読み取れないため、この行は取り込みません。${look}${meant}年（${era}）のことなら、そう書いてください。`
      : `${where}${cell}无法读取为年份，此行未导入。${look}如果指的是${meant}年（${era}），请这样写。`;
  }
  return locale === 'ja'
    ? `${where}${cell}が年として読み取れないため、この行は取り込みません。${look}2017年、平成29年などと書いてください。`
    : `${where}${cell}无法读取为年份，此行未导入。${look}请写作2017年、平成29年等。`;
}

/** Why a line was not read (UnparsedLine's `reason`), for the Japanese pages: what is missing, and so what to fix. */
const UNPARSED_JA: Readonly<Record<string, string>> = {
  noYearAbove: 'この行の上に年（年の見出しや年の列）がないため、どの年の交流か分からず、取り込みません。',
  notAYear: '最初の列が年として読み取れないため、この行は取り込みません（2017年、平成29年などと書いてください）。',
  yearWithoutText: '年はありますが交流の内容がないため、この行は取り込みません。',
  dateWithoutText: '日付の後に交流の内容がないため、この行は取り込みません。',
  dateWithoutCaption: '日付の後に写真の説明がないため、この行は取り込みません。',
  dateUnreadable: '日付で始まっているようですが、日付として読み取れないため、この行は取り込みません。',
  outsideTable: '表の外にある日付付きの行のため、取り込みません。表の中に移してください。',
  strayNoneMark: '「交流なし」の印ですが、その年の見出しの下にないため、無視しました。',
  noEventText: '「交流内容」の欄が空のため、この行は取り込みません。交流のない年なら、区分に「交流なし」と書いてください。',
  noCaption: '「写真説明」の欄が空のため、この写真の記録は取り込みません。説明を書いてください。',
};

/** The same, for the Chinese pages. */
const UNPARSED_ZH: Readonly<Record<string, string>> = {
  noYearAbove: '此行上方没有年份（年份标题或年份列），无法确定属于哪一年，未导入。',
  notAYear: '第一列无法读取为年份，此行未导入（请写作2017年、平成29年等）。',
  yearWithoutText: '有年份但没有交流内容，此行未导入。',
  dateWithoutText: '日期后没有交流内容，此行未导入。',
  dateWithoutCaption: '日期后没有照片说明，此行未导入。',
  dateUnreadable: '此行似乎以日期开头，但无法读取为日期，未导入。',
  outsideTable: '这是表格外带日期的行，未导入。请将其移入表格中。',
  strayNoneMark: '这是“无交流”标记，但不在该年份的标题下，已忽略。',
  noEventText: '“交流内容”栏为空，此行未导入。如果该年没有交流，请在区分栏写“交流なし”。',
  noCaption: '“写真説明”栏为空，此照片记录未导入。请填写说明。',
};

/**
 * The importer's diagnostics by code, for the Japanese and Chinese pages. The English pages show the importer's own
 * message, which carries details (years, counts) these sentences leave to the line number and the excerpt, except
 * where a sentence says them itself from the diagnostic's params.
 */
const DIAGNOSTICS: Readonly<Record<'ja' | 'zh', Readonly<Record<DiagnosticCode, Sentence>>>> = {
  ja: {
    ImportEmpty: '文書が空です（または空白だけです）。',
    ImportBinary: (p) =>
      p.kind === 'pdf'
        ? 'PDFファイルは取り込めません。PDFを開いて文字をすべて選んでコピーし、テキストファイル（.txt）に貼り付けて保存してから、そのファイルを取り込んでください。'
        : 'テキストではなくバイナリのファイルです。',
    ImportInvalidEncoding: '文字コードを読み取れません（UTF-8、UTF-16、Shift_JISのいずれでもありません）。',
    ImportTooLarge: (p) => (p.max === undefined ? '文書が大きすぎます。' : `文書が大きすぎます（${megabytes(p.bytes)}。上限は${megabytes(p.max)}）。`),
    NothingImportable: '取り込める交流、交流なしの年、写真の記録がありません。',
    UnparsedLine: (p) =>
      p.reason === 'yearAboveUnread'
        ? `上の年（${p.unreadAt}行目）が読み取れなかったため、その年を引き継ぐこの行も取り込みません（前の年に入らないように）。`
        : p.reason === 'noSuchDate'
          ? `${cjkDate(p.date)}という日付は存在しないため、この行は取り込みません。`
          : p.reason === 'yearHeadingRest'
            ? `年の見出しを${p.year}年と読みましたが、その後の「${p.rest}」は年としても交流としても読み取れないため、取り込みません。`
            : p.reason === 'notAYear' || p.reason === 'yearCell'
              ? notAYear('ja', p)
              : (UNPARSED_JA[String(p.reason)] ?? 'この行は読み取れなかったため、取り込みません。'),
    NotAnExchange: (p) =>
      p.reason === 'background'
        ? '説明の文として読んだため、交流としては取り込みません。交流として取り込むには、行の頭に「・」を付けてください。'
        : p.reason === 'yearSentence'
          ? '年で始まる文として読んだため、交流としては取り込みません。交流として取り込むには、年だけを上の行に書いて（2023年）、その下に内容を書いてください。'
          : '交流の記録として読み取れなかったため、取り込みません。',
    UnknownDirection: '区分（派遣・受入・相互）が読み取れないため、区分なしで取り込みます。',
    ColumnNotRead: (p) =>
      p.column === undefined
        ? '取り込む対象ではない列があるため、その列の内容は取り込みませんでした。残したい内容は「交流内容」（写真の表では「写真説明」）の欄に書き加えてください。'
        : `「${p.column}」の列は取り込む対象ではないため、その列に書かれた${p.cells ?? ''}件の内容は取り込みませんでした。残したい内容は「交流内容」（写真の表では「写真説明」）の欄に書き加えてください。`,
    YearOutOfOrder: (p) =>
      p.year === undefined
        ? '年の順序が前後しています。'
        : `${p.year}年の交流が、${p.after}年（${p.afterLine}行目）より後に書かれています。${p.year}年として取り込みます。どちらかの年の書き間違いでないか確かめてください。順序が違うだけなら、直さなくてもかまいません（公開ページでは年の順に並びます）。`,
    YearMismatch: '和暦と西暦が一致しません。西暦を使いました。',
    DuplicateEvent: '同じ年に同じ交流がすでにあります。1件として取り込みます。',
    MissingPartner: '提携先の都市名がありません（「姉妹都市〇〇市との交流」のような表題、または表の「相手都市」の列が必要です）。取り込みませんでした。交流の上にそのような表題の行を入れて（表なら「相手都市」の列を加えて）、もう一度取り込んでください。',
    InvalidJson: 'koryu/1のJSONとして正しくありません。',
    LineTooLong: (p) => (p.max === undefined ? '行が長すぎます。' : `行が長すぎます（${p.length}文字。1行の上限は${p.max}文字）。`),
    TooManyEvents: (p) =>
      p.max === undefined ? '交流の件数が1回の取り込みの上限を超えています。' : `交流の件数（${p.events}件）が1回の取り込みの上限（${p.max}件）を超えています。`,
    RecordsWithoutEvents: '写真の記録だけで、交流の表がありません。両方を一緒に取り込んでください。',
    DateOutsideYear: '日付が、見出しの年の範囲外です。日付の年を使いました。',
    RowMissingCells: '表の見出しより列が少ない行です。ある内容を交流内容として取り込み、区分は文面から判断しました。',
    UnreadableDate: (p) =>
      p.reason === 'noSuchDate' ? `${cjkDate(p.date)}という日付は存在しないため、日付なしで交流を取り込みました。` : '日付として読み取れないため、日付なしで交流を取り込みました。',
    RecordLinkNotFound: (p) =>
      p.id !== undefined && p.no === undefined
        ? `写真の記録の「交流ID」（${p.id}）にあたる交流がないため、交流と結び付けずに取り込みました。`
        : `写真の記録の「交流 No.」${p.no ? `（${p.no}）` : ''}にあたる交流がないため、${p.text ? `「関連する交流」の「${p.text}」と結び付けました。` : '交流と結び付けずに取り込みました。'}`,
    RecordLinkMismatch: (p) =>
      p.no === undefined
        ? '写真の記録の「交流 No.」と「関連する交流」が別の交流を指しています。どちらかの欄を直してください。'
        : p.decided === 'text'
        ? `「交流 No.」の${p.no}は「${p.noText}」ですが、「関連する交流」は${p.year}年の別の交流「${p.text}」を指しているため、「${p.text}」と結び付けました。交流の表で番号を振り直していないか確かめ、交流 No. を直してください。`
        : p.decided === 'no'
          ? `「関連する交流」の「${p.text}」にあたる交流がないため、「交流 No.」の${p.no}（「${p.noText}」）と結び付けました。写真が別の交流のものなら、どちらかの欄を直してください。`
          : `「交流 No.」の${p.no}は「${p.noText}」ですが、「関連する交流」の「${p.text}」は${p.year ? `${p.year}年に` : ''}${p.count}件あり、どの交流か決められないため、交流と結び付けずに取り込みました。どちらかの欄を直してください。`,
    SheetNotRead: '年と交流内容（または写真説明）の見出し行がないため、このシートは読み取りませんでした。',
    ImportInvalidWorkbook: (p) =>
      p.kind === 'xls'
        ? '古い形式のExcelブック（.xls）は読み取れません。Excelで開き、「名前を付けて保存」で「Excel ブック（.xlsx）」を選んで保存してから取り込んでください。'
        : p.kind === 'docx'
          ? 'Wordの文書（.docx）は取り込めません。年表をテキスト（.txt）で保存するか、Excelのブック（.xlsx）に写してから取り込んでください。'
          : '表計算ソフトのブックとして読み取れません（壊れているか、別の種類の圧縮ファイルです）。',
    EraOutOfRange: (p) =>
      eraSentence(p, {
        before: '{written}は{era}の始まり（{boundary}）より前です。',
        after: '{written}は{era}の終わり（{boundary}）より後です。',
        read: '{read}（{readEra}）として読みました。',
        plain: '元号の期間にない日付または年です。元号の元年から数えた西暦で読みました。',
      }),
    UnreadableYearHeading: (p) =>
      `年の見出しのようですが、読み取れません${
        p.fault === 'era' ? `（「${p.written}」は元号ではありません）` : p.fault === 'letters' ? `（「${p.written}」の数字に英字が混じっています）` : p.fault === 'lookalike' ? `（「${p.written}」の「${p.lookalike}」は漢数字の「${p.meant}」ではありません）` : p.fault === 'digits' ? `（「${p.written}」は${String(p.written).length}桁で、4桁の西暦になっていません）` : p.fault === 'range' ? '（1868年から2100年までの年ではありません）' : ''
      }。このままでは下の行が前の年に入ってしまうため、文書全体を取り込みませんでした。見出しを直して（2017年、平成29年など）もう一度取り込んでください。`,
    EraYearsDisagree: (p) =>
      `${p.written ? `「${p.written}」の` : ''}二つの元号の年が別の年${p.years ? `（${p.years}年）` : ''}を指していて、西暦も書かれていないため、どちらの年か決められません。文書全体を取り込みませんでした。年を直して（2019年、平成31年（令和元年）など）もう一度取り込んでください。`,
    TableRowsUnread: '表の行（タブまたは「|」で区切られた列）のようですが、表として読める行がありません（各行の警告を参照）。行として読むと列が交流内容に混ざってしまうため、文書全体を取り込みませんでした。年の列を直して（2019年、平成31年など）もう一度取り込んでください。',
    FutureYear: (p) =>
      `${p.year ? `${p.year}年は` : 'この年は'}今年${p.thisYear ? `（${p.thisYear}年）` : ''}より後の年です。このまま取り込みますが、年の書き間違い（令和6年を令和9年と書くなど）でないか確かめ、違っていれば文書を直してください。`,
    UnreadableCsv:
      'カンマで区切られた表のようですが、最初の20行に、年の列（年、年（西暦）、西暦、和暦、年度）と交流内容の列（交流内容、内容）の見出しがある行がありません。このままでは表の列がそのまま交流内容として保存されてしまうため、取り込みませんでした。表の上に「年,区分,交流内容」のような見出しの行を入れて、もう一度取り込んでください。',
    NoExchangeYearHasEvents: (p) =>
      `${p.year ? `${p.year}年` : 'この年'}は「交流なし」と書かれていますが、交流も書かれているため、交流を取り込み、「交流なし」の印を外します。交流がなかった年なら、文書の交流の行を消してください。`,
    DirectionMismatch: (p) =>
      `「区分」${p.label ? `（${p.label}）` : ''}と「区分コード」${p.code ? `（${p.code}）` : ''}が食い違っているため、区分${p.label ? `の「${p.label}」` : ''}で取り込みました。区分コードも直すか、空欄にしてください。`,
  },
  zh: {
    ImportEmpty: '文档是空的（或只有空白）。',
    ImportBinary: (p) =>
      p.kind === 'pdf'
        ? '无法导入PDF文件。请打开PDF，全选并复制文字，粘贴到文本文件（.txt）中保存后再导入该文件。'
        : '这是二进制文件，不是文本。',
    ImportInvalidEncoding: '无法识别字符编码（不是UTF-8、UTF-16或Shift_JIS）。',
    ImportTooLarge: (p) => (p.max === undefined ? '文档过大。' : `文档过大（${megabytes(p.bytes)}，上限为${megabytes(p.max)}）。`),
    NothingImportable: '没有可导入的交流、无交流年份或照片记录。',
    UnparsedLine: (p) =>
      p.reason === 'yearAboveUnread'
        ? `上方的年份（第${p.unreadAt}行）无法读取，因此沿用该年份的此行也未导入（以免归入更早的年份）。`
        : p.reason === 'noSuchDate'
          ? `${cjkDate(p.date)}这一日期不存在，此行未导入。`
          : p.reason === 'yearHeadingRest'
            ? `年份标题已读取为${p.year}年，但其后的“${p.rest}”既不是可读取的年份也不是交流，未导入。`
            : p.reason === 'notAYear' || p.reason === 'yearCell'
              ? notAYear('zh', p)
              : (UNPARSED_ZH[String(p.reason)] ?? '无法读取此行，未导入。'),
    NotAnExchange: (p) =>
      p.reason === 'background'
        ? '此行被读作说明文字，未作为交流导入。如需作为交流导入，请在行首加上“・”。'
        : p.reason === 'yearSentence'
          ? '此行被读作以年份开头的句子，未作为交流导入。如需作为交流导入，请将年份单独写在上一行（2023年），内容写在其下。'
          : '无法识别为交流记录，未导入。',
    UnknownDirection: '无法识别类别（派遣、接待、相互），按未指定类别导入。',
    ColumnNotRead: (p) =>
      p.column === undefined
        ? '有不在导入范围内的列，该列内容未导入。需要保留的内容请补写到“交流内容”（照片表为“写真説明”）栏中。'
        : `“${p.column}”列不在导入范围内，该列中的${p.cells ?? ''}项内容未导入。需要保留的内容请补写到“交流内容”（照片表为“写真説明”）栏中。`,
    YearOutOfOrder: (p) =>
      p.year === undefined
        ? '年份顺序前后颠倒。'
        : `${p.year}年的交流写在${p.after}年（第${p.afterLine}行）之后，已按${p.year}年导入。请确认两个年份是否有误写。如果只是顺序不同，无需更正（公开页面按年份顺序排列）。`,
    YearMismatch: '日本年号与公历年份不一致，已采用公历年份。',
    DuplicateEvent: '同一年中已有相同的交流，只导入一次。',
    MissingPartner: '没有写明友好城市的名称（需要“与姉妹都市〇〇市的交流”之类的标题，或表格中的“相手都市”列），未导入。请在交流内容上方加入这样的标题行（表格则加入“相手都市”列），然后重新导入。',
    InvalidJson: '不是有效的koryu/1 JSON。',
    LineTooLong: (p) => (p.max === undefined ? '行过长。' : `行过长（${p.length}个字符，每行上限为${p.max}个字符）。`),
    TooManyEvents: (p) => (p.max === undefined ? '交流条数超过了单次导入的上限。' : `交流条数（${p.events}条）超过了单次导入的上限（${p.max}条）。`),
    RecordsWithoutEvents: '只有照片记录，没有交流表。请将两者一起导入。',
    DateOutsideYear: '日期不在其所属年份标题的范围内，已采用日期本身的年份。',
    RowMissingCells: '此行的列数少于表头，已将现有内容作为交流内容导入，类别根据文字判断。',
    UnreadableDate: (p) =>
      p.reason === 'noSuchDate' ? `${cjkDate(p.date)}这一日期不存在，该交流已在不含日期的情况下导入。` : '无法识别为日期，该交流已在不含日期的情况下导入。',
    RecordLinkNotFound: (p) =>
      p.id !== undefined && p.no === undefined
        ? `照片记录的“交流ID”（${p.id}）所指的交流不存在，已在不关联交流的情况下导入。`
        : `照片记录的“交流 No.”${p.no ? `（${p.no}）` : ''}所指的交流不存在，${p.text ? `已按“関連する交流”关联到“${p.text}”。` : '已在不关联交流的情况下导入。'}`,
    RecordLinkMismatch: (p) =>
      p.no === undefined
        ? '照片记录的“交流 No.”与“関連する交流”指向不同的交流。请更正其中一栏。'
        : p.decided === 'text'
        ? `“交流 No.”${p.no}是“${p.noText}”，但“関連する交流”指的是${p.year}年的另一项交流“${p.text}”，已关联到“${p.text}”。请确认交流表的编号是否被重新排列，并更正交流 No.。`
        : p.decided === 'no'
          ? `没有“関連する交流”所写的“${p.text}”，已按“交流 No.”${p.no}关联到“${p.noText}”。如果照片属于其他交流，请更正其中一栏。`
          : `“交流 No.”${p.no}是“${p.noText}”，而“関連する交流”的“${p.text}”${p.year ? `在${p.year}年` : ''}有${p.count}项，无法确定是哪一项，已在不关联交流的情况下导入。请更正其中一栏。`,
    SheetNotRead: '没有包含年份和交流内容（或照片说明）的表头行，未读取此工作表。',
    ImportInvalidWorkbook: (p) =>
      p.kind === 'xls'
        ? '无法读取旧格式的Excel工作簿（.xls）。请在Excel中打开，用“另存为”选择“Excel工作簿（.xlsx）”保存后再导入。'
        : p.kind === 'docx'
          ? '无法导入Word文档（.docx）。请将年表另存为文本（.txt），或复制到Excel工作簿（.xlsx）后再导入。'
          : '无法作为电子表格工作簿读取（文件已损坏，或是其他类型的压缩文件）。',
    EraOutOfRange: (p) =>
      eraSentence(p, {
        before: '{written}早于{era}的开始（{boundary}）。',
        after: '{written}晚于{era}的结束（{boundary}）。',
        read: '已按{read}（{readEra}）读取。',
        plain: '日期或年份不在该日本年号的期间内，已按从该年号元年起算的公历读取。',
      }),
    UnreadableYearHeading: (p) =>
      `此行看似年份标题，但无法读取${
        p.fault === 'era' ? `（“${p.written}”不是日本年号）` : p.fault === 'letters' ? `（“${p.written}”的数字中混有字母）` : p.fault === 'lookalike' ? `（“${p.written}”中的“${p.lookalike}”不是汉字数字“${p.meant}”）` : p.fault === 'digits' ? `（“${p.written}”是${String(p.written).length}位数，公历年份应为4位数）` : p.fault === 'range' ? '（不是1868年至2100年之间的年份）' : ''
      }。否则其下各行会被归入上一年，因此整个文档均未导入。请修改标题（如2017年、平成29年）后重新导入。`,
    EraYearsDisagree: (p) =>
      `${p.written ? `“${p.written}”中的` : ''}两个日本年号的年份指向不同的年份${p.years ? `（${p.years}年）` : ''}，且未写公历年份，无法确定是哪一年，因此整个文档均未导入。请修改年份（如2019年、平成31年（令和元年））后重新导入。`,
    TableRowsUnread: '此行看似表格行（各列以制表符或“|”分隔），但表格中没有可读取的行（请参阅各行的警告）。若按普通行读取，各列会混入交流内容，因此整个文档均未导入。请修改年份列（如2019年、平成31年）后重新导入。',
    FutureYear: (p) =>
      `${p.year ? `${p.year}年` : '此年份'}晚于今年${p.thisYear ? `（${p.thisYear}年）` : ''}。已按原样导入，请确认年份是否写错（如将令和6年写成令和9年），如有错误请修改文档。`,
    UnreadableCsv:
      '此文件看似以逗号分隔的表格，但前20行中没有一行写有年份列（年、年（西暦）、西暦、和暦、年度）和交流内容列（交流内容、内容）的表头。否则表格各列会原样作为交流内容保存，因此未导入。请在表格上方加入“年,区分,交流内容”之类的表头行后重新导入。',
    NoExchangeYearHasEvents: (p) =>
      `${p.year ? `${p.year}年` : '此年份'}标为“无交流”，但也写有交流，因此导入这些交流，并去掉“无交流”标记。如该年确无交流，请删除文档中的交流行。`,
    DirectionMismatch: (p) =>
      `“区分”${p.label ? `（${p.label}）` : ''}与“区分コード”${p.code ? `（${p.code}）` : ''}不一致，已按“区分”${p.label ? `的“${p.label}”` : ''}导入。请同时修改“区分コード”，或将其留空。`,
  },
};

/** Two sentences: English puts a space between them, Japanese and Chinese do not. */
function sentences(locale: Locale, first: string, second: string): string {
  return locale === 'en' ? `${first} ${second}` : `${first}${second}`;
}

/** A refused photo, in the reader's language; `mb` is the limit for `tooLarge`. */
export function photoRefusal(locale: Locale, problem: PhotoProblem, mb: string): string {
  const t = UPLOAD[locale];
  return sentences(locale, format(t[`photo_${problem}`], { mb }), t.nothingStored);
}

/** An upload refused for its size, in the reader's language. */
export function uploadTooLarge(locale: Locale, kind: UploadKind, mb: string): string {
  const t = UPLOAD[locale];
  return sentences(locale, format(t[`tooLarge_${kind}`], { mb }), t.nothingStored);
}

/** An upload of more files than its form takes, in the reader's language. */
export function tooManyFiles(locale: Locale, kind: UploadKind, count: number): string {
  const t = UPLOAD[locale];
  return sentences(locale, format(t[`tooMany_${kind}`], { count: String(count) }), t.nothingStored);
}

/** A diagnostic's severity and sentence in the reader's language (English: the importer's message). */
export function diagnosticText(locale: Locale, d: Diagnostic): { severity: string; message: string } {
  if (locale === 'en') return { severity: UPLOAD.en[`severity_${d.severity}`], message: d.message };
  const sentence = DIAGNOSTICS[locale][d.code];
  return { severity: UPLOAD[locale][`severity_${d.severity}`], message: typeof sentence === 'string' ? sentence : sentence(d.params ?? {}) };
}
