import { KoryuError } from '../errors.js';

export type StoreErrorCode = 'StoreUnavailable' | 'MigrationFailed' | 'PartnershipNotFound';

/** A failure of the store, carrying one of Koryu's stable codes so that every edge maps it like any other error. */
export class StoreError extends KoryuError {
  override readonly name = 'StoreError';

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
