import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Request logging as a web server's access log: one line per request, written when the response has gone, with
 * the method, the URL, the client, the status and the milliseconds taken. Fastify's own controller writes two lines
 * per request (one as it arrives, one as it completes); on a cached page those writes were an eighth of the
 * server's time. Errors are logged as Fastify logs them.
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: request.url, remoteAddress: request.ip, statusCode: reply.statusCode, responseTime: round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
