/** What a staff upload route receives; each has its own size limit. */
export type UploadKind = 'photo' | 'document';

/** Why a photo is refused; the views say it in the reader's language. */
export type PhotoProblem = 'empty' | 'tooLarge' | 'notAnImage' | 'unreadable' | 'polyglot';
