import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PageRefusal, RefusedRequest } from './auth/auth-error.js';
import { frameworkCode } from './error-handler.js';
import { SECURITY_HEADERS } from './security.js';
import { isApiUrl } from './api-url.js';

const NUL = /%00|\u0000/;

/**
 * Refuses addresses holding a NUL (%00) with 400 before any route runs: no page has a use for one, and PostgreSQL
 * cannot hold it in text, so it would otherwise reach the store only to fail there.
 */
export function registerUrlGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!NUL.test(request.url)) return;
    const { type, body } = refusal(request.server, request, 400, 'badRequest', 'Bad request: the address holds a NUL character.');
    return reply.status(400).type(type).send(body);
  });
}

/**
 * How a refusal made before any route is answered: under /api the documented JSON (`{ error: CODE, message }`,
 * frameworkCode), to a browser the refusal page in its language (views/auth-error.page.tsx), else the message as text.
 */
function refusal(app: FastifyInstance, request: RefusedRequest, status: number, kind: Exclude<PageRefusal, 'routeNotFound'>, message: string): { type: string; body: string } {
  if (isApiUrl(request.url)) return { type: 'application/json; charset=utf-8', body: JSON.stringify({ error: frameworkCode(status), message }) };
  const page = app.authErrorPage?.(request, kind);
  if (page !== undefined) return { type: 'text/html; charset=utf-8', body: page };
  return { type: 'text/plain; charset=utf-8', body: message };
}

/**
 * Fastify's own refusals made before routing (an address that is not valid percent-encoding, an over-long
 * parameter): no hook runs for them, so the security headers are set here, and the address is not echoed back.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const message = status === 414 || status === 431 ? 'The address is too long.' : 'Bad request: the address is not valid.';
  const { type, body } = refusal(request.server, request, status, status === 414 || status === 431 ? 'tooLarge' : 'badRequest', message);
  void reply.status(status).headers(SECURITY_HEADERS).type(type).send(body);
}

/**
 * Node's own refusals of a connection's request, made before Fastify sees one: headers (the address among them)
 * past the server's limit get 431, any other unreadable request 400, answered as refusal() does from what the
 * request's bytes say of its address and Accept headers. Fastify's default answered JSON without a stable code.
 */
export function answerClientError(this: FastifyInstance, error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const request = requestOfBytes(Buffer.isBuffer(error.rawPacket) ? error.rawPacket : undefined);
  const message = status === 431 ? 'The address or the headers are too long.' : status === 408 ? 'The request took too long to arrive.' : 'Bad request.';
  const { type, body } = refusal(this, request, status, status === 431 ? 'tooLarge' : 'badRequest', message);
  const headers = { ...SECURITY_HEADERS, 'content-type': type, 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

/** The address and the Accept headers of a request's first bytes (as far as they go), for answering its refusal. */
function requestOfBytes(raw: Buffer | undefined): RefusedRequest {
  const text = raw ? raw.subarray(0, 64 * 1024).toString('latin1') : '';
  const url = /^[A-Z]+ (\/\S*)/.exec(text)?.[1] ?? '/';
  const header = (name: string) => new RegExp(`\r\n${name}:[ \t]*([^\r\n]*)`, 'i').exec(text)?.[1];
  const accept = header('accept');
  const language = header('accept-language');
  return { url, headers: { ...(accept !== undefined ? { accept } : {}), ...(language !== undefined ? { 'accept-language': language } : {}) } };
}
