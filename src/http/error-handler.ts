import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { KoryuError, type ErrorCode } from '../errors.js';

const STATUS: Readonly<Record<ErrorCode, number>> = {
  ImportRejected: 422,
  DocumentNotFound: 404,
  NotADocument: 400,
  UsageError: 400,
  PartnershipNotFound: 404,
  EventNotFound: 404,
  ConfigInvalid: 500,
  StoreUnavailable: 503,
  MigrationFailed: 500,
  PdfUnavailable: 503,
  OrganizationNotFound: 404,
  RecordNotFound: 404,
};

/** The one place where errors become HTTP responses; details of unexpected errors are logged, never shown. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof KoryuError) {
    if (STATUS[error.code] >= 500) request.log.error({ err: error }, error.code);
    void reply.status(STATUS[error.code]).type('text/plain; charset=utf-8').send(`${error.code}: ${error.message}`);
    return;
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 500;
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  void reply.status(status).type('text/plain; charset=utf-8').send(status >= 500 ? 'Internal error' : error.message);
}
