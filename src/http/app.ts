import Fastify, { type FastifyInstance } from 'fastify';
import { h } from 'preact';
import { KoryuError } from '../errors.js';
import { exportRecord, listPartnerships } from '../services/record.service.js';
import type { Store } from '../storage/database.js';
import { HomePage } from '../views/home.page.js';
import { renderPage } from '../views/render.js';
import { TimelinePage } from '../views/timeline.page.js';
import { handleError } from './error-handler.js';

export interface AppDeps {
  store: Store;
  home: string;
  logger?: boolean;
}

const HTML = 'text/html; charset=utf-8';

/** The web application; tests drive it in-process with `app.inject`. */
export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({ logger: deps.logger ?? false });
  app.setErrorHandler(handleError);

  app.get('/healthz', async () => ({ ok: true }));

  app.get('/', async (_request, reply) => {
    const partnerships = await listPartnerships(deps.store, { home: deps.home });
    return reply.type(HTML).send(renderPage(h(HomePage, { home: deps.home, partnerships })));
  });

  app.get<{ Params: { id: string } }>('/partnerships/:id', async (request, reply) => {
    const id = Number(request.params.id);
    const partnership = (await listPartnerships(deps.store)).find((p) => p.id === id);
    if (!partnership) throw new KoryuError('PartnershipNotFound', 'No such partnership.');
    return reply.type(HTML).send(renderPage(h(TimelinePage, { partnership })));
  });

  app.get('/export.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(await exportRecord(deps.store, 'json')));

  return app;
}
