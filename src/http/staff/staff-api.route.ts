import '../route-docs.js';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { diffFields, type FieldsOf, type HistoryEntry, type ItemKind } from '../../domain/editing.js';
import { KoryuError } from '../../errors.js';
import { EditConflictError, EditRejectedError } from '../../services/edit.errors.js';
import {
  createItem,
  deletedItems,
  editItem,
  getItem,
  getPartnershipForStaff,
  historyOf,
  listPartnershipsForStaff,
  removeItem,
  restoreVersion,
} from '../../services/editing.service.js';
import type { Store } from '../../storage/database.js';
import { handleError, statusOfCode } from '../error-handler.js';
import { can } from '../../domain/policies.js';
import { requirePermission } from '../auth/guard.js';
import '../auth/request-user.js';
import * as S from './staff.schemas.js';
import { ImportPreviewStaleError } from '../../services/import-preview.service.js';

export interface StaffApiDeps {
  store: Store;
  home: string;
}

const KINDS = { partnerships: 'partnership', events: 'event', records: 'record' } as const;
const ITEM_SCHEMA = { partnership: S.partnershipItem, event: S.eventItem, record: S.recordItem } as const;
const CREATE_BODY = { partnership: S.createPartnershipBody, event: S.createEventBody, record: S.createRecordBody } as const;
const PATCH_BODY = { partnership: S.patchPartnershipBody, event: S.patchEventBody, record: S.patchRecordBody } as const;
const NAME = { partnership: 'partnership', event: 'event', record: 'photo record' } as const;
const errors = { 400: S.errorBody, 401: S.errorBody, 403: S.errorBody, 404: S.errorBody, 409: S.errorBody, 422: S.errorBody };

const readDrafts = { preHandler: requirePermission('draft:read') };
const editRecord = { preHandler: requirePermission('record:edit') };

/** The signed-in user; the route's guard has let the request through, so there is one. */
export function actorOf(request: FastifyRequest): { name: string } {
  return { name: request.user!.name };
}

/** Errors of the JSON API as JSON: `{ code, message }`, with the stored item on a conflict and the problems of a refused edit. */
export function answerApiError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof KoryuError) {
    void reply.status(statusOfCode(error.code)).send({
      error: error.code,
      code: error.code,
      message: error.message,
      ...(error instanceof EditConflictError ? { current: error.current } : {}),
      ...(error instanceof EditRejectedError ? { problems: error.problems } : {}),
      ...(error instanceof ImportPreviewStaleError ? { preview: error.preview } : {}),
    });
    return;
  }
  if ('validation' in error && error.validation) {
    void reply.status(400).send({ error: 'UsageError', code: 'UsageError', message: error.message });
    return;
  }
  handleError(error, request, reply);
}

export function withChanges(entries: readonly HistoryEntry[]) {
  return entries.map((e) => ({ ...e, changes: diffFields(e.before, e.after) }));
}

/** The staff JSON API under /api/staff: everything the editing pages do, with the same permissions. */
export async function registerStaffApi(app: FastifyInstance, deps: StaffApiDeps): Promise<void> {
  const { store } = deps;
  await app.register(async (api) => {
    api.setErrorHandler(answerApiError);

    api.get('/api/staff/partnerships', {
      ...readDrafts,
      schema: { summary: 'Every partnership, drafts included', tags: ['staff'], response: { 200: { type: 'array', items: S.partnershipItem }, ...errors } },
    }, async () => {
      return listPartnershipsForStaff(store);
    });

    api.get<{ Params: { id: number } }>('/api/staff/partnerships/:id/items', {
      ...readDrafts,
      schema: {
        summary: "A partnership with all its events and photo records, drafts included",
        tags: ['staff'],
        params: S.idParams,
        response: { 200: { type: 'object', properties: { partnership: S.partnershipItem, events: { type: 'array', items: S.eventItem }, records: { type: 'array', items: S.recordItem } } }, ...errors },
      },
    }, async (request) => {
      return getPartnershipForStaff(store, request.params.id);
    });

    for (const [plural, kind] of Object.entries(KINDS) as [keyof typeof KINDS, ItemKind][]) {
      const itemSchema = ITEM_SCHEMA[kind];
      api.get<{ Params: { id: number } }>(`/api/staff/${plural}/:id`, {
        ...readDrafts,
        schema: { summary: `One ${NAME[kind]} with its version, drafts included`, tags: ['staff'], params: S.idParams, response: { 200: itemSchema, ...errors } },
      }, async (request) => {
          return getItem(store, kind, request.params.id);
      });

      api.post<{ Body: Record<string, unknown> }>(`/api/staff/${plural}`, {
        ...editRecord,
        schema: { summary: `Create a ${NAME[kind]} (a draft unless status says otherwise)`, tags: ['staff'], body: CREATE_BODY[kind], response: { 201: itemSchema, ...errors } },
      }, async (request, reply) => {
        const item = await createItem(store, kind, fieldsForCreate(kind, request.body, deps.home), actorOf(request));
        return reply.status(201).send(item);
      });

      api.patch<{ Params: { id: number }; Body: { version: number } & Record<string, unknown> }>(`/api/staff/${plural}/:id`, {
        // Translators may send translations alone; the handler asks for record:edit for anything more.
        preHandler: requirePermission(kind === 'partnership' ? 'record:edit' : 'translation:edit'),
        schema: {
          summary: `Change a ${NAME[kind]}; refused with 409 when it changed since the version given`,
          description: 'Only the fields given change. A translator may change only `translations`.',
          tags: ['staff'],
          params: S.idParams,
          body: PATCH_BODY[kind],
          response: { 200: itemSchema, ...errors },
        },
      }, async (request) => {
        const { version, ...patch } = request.body;
        const onlyTranslations = kind !== 'partnership' && Object.keys(patch).every((k) => k === 'translations');
        if (!onlyTranslations && !can(request.user, 'record:edit')) {
          throw new KoryuError('NotAuthorized', `The ${request.user!.role} role may change translations only.`);
        }
        return editItem(store, kind, request.params.id, patch as Partial<FieldsOf[typeof kind]>, version, actorOf(request));
      });

      api.delete<{ Params: { id: number }; Querystring: { version: number } }>(`/api/staff/${plural}/:id`, {
        ...editRecord,
        schema: {
          summary: `Delete a ${NAME[kind]} (it can be brought back from its history)`,
          tags: ['staff'],
          params: S.idParams,
          querystring: S.versionQuery,
          response: { 204: { type: 'null' }, ...errors },
        },
      }, async (request, reply) => {
        await removeItem(store, kind, request.params.id, request.query.version, actorOf(request));
        return reply.status(204).send();
      });

      api.get<{ Params: { id: number } }>(`/api/staff/${plural}/:id/history`, {
        ...readDrafts,
        schema: { summary: `Every change of a ${NAME[kind]}, newest first, with the fields that changed`, tags: ['staff'], params: S.idParams, response: { 200: { type: 'array', items: S.historyEntry }, ...errors } },
      }, async (request) => {
          return withChanges(await historyOf(store, kind, request.params.id));
      });
    }

    // A translator restores an existing event's or record's translations alone; an editor the whole recorded state.
    api.post<{ Params: { id: number }; Body: { version?: number } }>('/api/staff/history/:id/restore', {
      preHandler: requirePermission('translation:edit'),
      schema: {
        summary: 'Restore the state a history entry recorded (a deleted item comes back under its id); a translator restores its translations alone',
        tags: ['staff'],
        params: S.idParams,
        body: { type: 'object', properties: { version: { type: 'integer', minimum: 1, description: 'The current version the restore is made on, when the item exists.' } }, additionalProperties: false },
        response: { 200: { type: 'object', additionalProperties: true, properties: { id: { type: 'integer' }, version: { type: 'integer' } } }, ...errors },
      },
    }, async (request) => {
      return restoreVersion(store, request.params.id, actorOf(request), request.body?.version, can(request.user, 'record:edit') ? 'whole' : 'translations');
    });

    api.get('/api/staff/deleted', {
      ...readDrafts,
      schema: { summary: 'Items that are deleted now, each with its last deletion', tags: ['staff'], response: { 200: { type: 'array', items: S.historyEntry }, ...errors } },
    }, async () => {
      return withChanges(await deletedItems(store));
    });
  });
}

/** The fields of a new item from a request body the schema has checked; drafts unless said otherwise. */
export function fieldsForCreate(kind: ItemKind, body: Record<string, unknown>, home: string): FieldsOf[ItemKind] {
  const status = body.status === 'published' ? 'published' : 'draft';
  if (kind === 'partnership') {
    return { home, partner: String(body.partner), kind: String(body.kind), affiliatedOn: (body.affiliatedOn as string | null) ?? null, noExchangeYears: (body.noExchangeYears as number[]) ?? [], status };
  }
  if (kind === 'event') {
    return { partnershipId: Number(body.partnershipId), year: Number(body.year), date: (body.date as string | null) ?? null, direction: body.direction as FieldsOf['event']['direction'], text: String(body.text), translations: (body.translations as object) ?? {}, status };
  }
  return { partnershipId: Number(body.partnershipId), year: Number(body.year), caption: String(body.caption), translations: (body.translations as object) ?? {}, eventId: (body.eventId as number | null) ?? null, photo: (body.photo as string | null) ?? null, status };
}
