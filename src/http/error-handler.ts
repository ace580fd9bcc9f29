import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { KoryuError, type ErrorCode } from '../errors.js';
import { isApiUrl } from './api-url.js';

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
  NotAuthenticated: 401,
  NotAuthorized: 403,
  CsrfRejected: 403,
  AccountInvalid: 400,
  AccountExists: 409,
  AccountNotFound: 404,
  PasswordIncorrect: 400,
  ItemNotFound: 404,
  EditConflict: 409,
  ImportPreviewStale: 409,
  ImportNotFound: 404,
  ImportNotUndoable: 409,
  EditRejected: 422,
  PhotoRejected: 422,
  UploadTooLarge: 413,
  OrganizationNotFound: 404,
  RecordNotFound: 404,
  PublishFailed: 500,
};

/** The HTTP status of an error code, for edges (such as the JSON API) that answer in their own shape. */
export function statusOfCode(code: ErrorCode): number {
  return STATUS[code];
}

/** The one place where errors become HTTP responses; details of unexpected errors are logged, never shown. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if ('code' in error && typeof error.code === 'string' && error.code.startsWith('FST_CSRF_')) {
    error = new KoryuError('CsrfRejected', 'The form or request carried no valid CSRF token (it may have expired). Reload the page and try again.');
  }
  if (error instanceof KoryuError) {
    if (STATUS[error.code] >= 500) request.log.error({ err: error }, error.code);
    void reply.status(STATUS[error.code]);
    const page = request.server.authErrorPage?.(request, error);
    if (page !== undefined) void reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page);
    else if (wantsJson(request)) void reply.type('application/json; charset=utf-8').send({ error: error.code, message: error.message });
    else void reply.type('text/plain; charset=utf-8').send(`${error.code}: ${error.message}`);
    return;
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 500;
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  const message = status >= 500 ? 'Internal error' : error.message;
  void reply.status(status);
  if (wantsJson(request)) void reply.type('application/json; charset=utf-8').send({ error: frameworkCode(status), message });
  else void reply.type('text/plain; charset=utf-8').send(message);
}

/** A route nobody declared: JSON for the API and JSON callers, the not-found page for a browser, plain text otherwise. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): void {
  // The address is not echoed: it is the caller's text.
  const message = 'Nothing is served at this address.';
  void reply.status(404);
  const page = request.server.authErrorPage?.(request, 'routeNotFound');
  if (page !== undefined) void reply.type('text/html; charset=utf-8').send(page);
  else if (wantsJson(request)) void reply.type('application/json; charset=utf-8').send({ error: frameworkCode(404), message });
  else void reply.type('text/plain; charset=utf-8').send(message);
}

/**
 * The stable code of a refusal the framework makes before any Koryu code runs (a request that fails its route's
 * schema, an unknown route, an oversized body).
 */
export function frameworkCode(status: number): 'RouteNotFound' | 'RequestTooLarge' | 'UsageError' | 'InternalError' {
  if (status === 404) return 'RouteNotFound';
  // A body (413), an address (414) or headers (431) past the limits.
  if (status === 413 || status === 414 || status === 431) return 'RequestTooLarge';
  return status >= 500 ? 'InternalError' : 'UsageError';
}

/** The API (`/api/…`) and JSON callers (Accept naming application/json but not text/html) get `{ error: CODE, message }`. */
function wantsJson(request: FastifyRequest): boolean {
  if (isApiUrl(request.url)) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}
