import type { Diagnostic } from './domain/diagnostic.js';

/** Stable codes for every failure Koryu reports; each edge (CLI, HTTP) maps them once. */
export type ErrorCode =
  | 'ImportRejected'
  | 'DocumentNotFound'
  | 'NotADocument'
  | 'UsageError'
  | 'PartnershipNotFound'
  | 'EventNotFound'
  | 'ConfigInvalid'
  | 'StoreUnavailable'
  | 'MigrationFailed'
  | 'PdfUnavailable'
  | 'NotAuthenticated'
  | 'NotAuthorized'
  | 'CsrfRejected'
  | 'AccountInvalid'
  | 'AccountExists'
  | 'AccountNotFound'
  | 'PasswordIncorrect'
  | 'ItemNotFound'
  | 'EditConflict'
  | 'ImportPreviewStale'
  | 'ImportNotFound'
  | 'ImportNotUndoable'
  | 'EditRejected'
  | 'PhotoRejected'
  | 'UploadTooLarge'
  | 'OrganizationNotFound'
  | 'RecordNotFound'
  | 'PublishFailed';

export class KoryuError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'KoryuError';
  }
}

/**
 * Errors that come from what the user gave (bad input or usage), as opposed to failures of Koryu or the machine.
 * PartnershipNotFound is one: the CLI meets it when a `--partner` names a city the record does not hold.
 */
export function isInputError(error: unknown): boolean {
  return (
    error instanceof KoryuError &&
    [
      'ImportRejected',
      'DocumentNotFound',
      'NotADocument',
      'UsageError',
      'ConfigInvalid',
      'AccountInvalid',
      'AccountExists',
      'AccountNotFound',
      'PasswordIncorrect',
      'PartnershipNotFound',
      'ImportNotFound',
    ].includes(error.code)
  );
}
