import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SECURITY_HEADERS } from './security.js';

const NUL = /%00|\u0000/;

/**
 * Refuses addresses holding a NUL (%00) with 400 before any route runs: no page has a use for one, and PostgreSQL
 * cannot hold it in text, so it would otherwise reach the store only to fail there.
 */
export function registerUrlGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (NUL.test(request.url)) return reply.status(400).type('text/plain; charset=utf-8').send('Bad request: the address holds a NUL character.');
  });
}

/**
 * Fastify's own refusals made before routing (an address that is not valid percent-encoding, an over-long
 * parameter): no hook runs for them, so the security headers are set here, and the address is not echoed back.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const message = 'Bad request: the address is not valid.';
  void reply.status(status).headers(SECURITY_HEADERS);
  // The API answers in JSON with its error code, whatever went wrong.
  if (request.url.startsWith('/api/')) void reply.type('application/json; charset=utf-8').send(JSON.stringify({ error: 'UsageError', code: 'UsageError', message }));
  else void reply.type('text/plain; charset=utf-8').send(message);
}
