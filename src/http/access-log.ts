import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { destination } from 'pino';

/**
 * Request logging as a web server's access log: one line per request, written when the response has gone, with
 * the method, the URL, the client, the status and the milliseconds taken. Fastify's own controller writes two lines
 * per request (one as it arrives, one as it completes); on a cached page those writes were an eighth of the
 * server's time. Errors are logged as Fastify logs them.
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: loggedUrl(request.url), remoteAddress: request.ip, statusCode: reply.statusCode, responseTime: round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

/**
 * A request whose client goes away before the answer is sent never completes: it gets a line of its own when the
 * client leaves ('request aborted', without a status), so that nothing the server received is missing from the log.
 */
export function logAbortedRequests(app: FastifyInstance): void {
  app.addHook('onRequestAbort', (request, done) => {
    request.log.info({ method: request.method, url: loggedUrl(request.url), remoteAddress: request.ip }, 'request aborted');
    done();
  });
}

/**
 * The URL as the log keeps it: a form's CSRF token (an upload form carries it in its address, as the body is read
 * after the check) is replaced by `…`, so that the log holds no token a reader of it could use.
 */
export function loggedUrl(url: string): string {
  return url.replace(/([?&]_csrf=)[^&#]*/g, '$1…');
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** Most bytes of log lines held before they are written, when standard output is not a terminal (below sonic-boom's 16 KiB per write). */
const LOG_BUFFER_BYTES = 8 * 1024;
/** Longest a held log line waits to be written. */
const LOG_FLUSH_MS = 1000;

/**
 * Where the server's log lines go: standard output, written as they come when it is a terminal (someone is
 * watching), and otherwise held up to 8 KiB or one second and written together, as nginx's buffered access log
 * does. Writing each line as it came cost the server about a quarter of its time on a page served from the cache.
 * What is held is written when the server stops (`koryu serve` on SIGINT or SIGTERM, a second signal included) and
 * when the process exits on an error. A process killed outright (SIGKILL, the kernel's out-of-memory killer, a
 * native crash) loses what it held: at most the last second's lines.
 */
export function logDestination(options: { terminal: boolean; /** A file instead of standard output (tests). */ file?: string }): ReturnType<typeof destination> {
  const dest = options.file ?? 1;
  return destination(options.terminal ? { dest, sync: false } : { dest, sync: false, minLength: LOG_BUFFER_BYTES, periodicFlush: LOG_FLUSH_MS });
}
