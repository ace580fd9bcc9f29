export type StoreErrorCode = 'StoreUnavailable' | 'MigrationFailed' | 'PartnershipNotFound';

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
