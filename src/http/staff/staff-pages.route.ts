import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { diffFields, type EditableItem, type FieldChange, type ItemKind } from '../../domain/editing.js';
import { can, type Action } from '../../domain/policies.js';
import { KoryuError } from '../../errors.js';
import { EditConflictError, EditRejectedError } from '../../services/edit.errors.js';
import { createItem, deletedItems, editItem, existingItems, getItem, getPartnershipForStaff, historyEntry, historyOf, listPartnershipsForStaff, removeItem, restoreVersion } from '../../services/editing.service.js';
import { moveEventWithinYear } from '../../services/event-order.service.js';
import { ImportPreviewStaleError, type ImportPreviews } from '../../services/import-preview.service.js';
import { ImportRefusedError } from '../../services/import.service.js';
import { PhotoRejectedError, storePhoto } from '../../services/photo.service.js';
import type { Store } from '../../storage/database.js';
import type { PhotoFiles } from '../../storage/photo.files.js';
import { isLocale, LOCALES, negotiateLocale } from '../../views/i18n/locale.js';
import { localHref, type PageContext } from '../../views/page-context.js';
import { renderPage } from '../../views/render.js';
import { HistoryPage } from '../../views/staff/history.page.js';
import { ImportPage, refusalText } from '../../views/staff/import.page.js';
import { ItemEditPage } from '../../views/staff/item-edit.page.js';
import { PartnershipEditPage } from '../../views/staff/partnership-edit.page.js';
import { StaffHomePage } from '../../views/staff/staff-home.page.js';
import { UploadRefusedPage } from '../../views/staff/upload-refused.page.js';
import { FieldList } from '../../views/staff/item-forms.js';
import type { StaffView } from '../../views/staff/staff-parts.js';
import { requirePermission } from '../auth/guard.js';
import { wantsHtml } from '../auth/wants-html.js';
import { pageRoute, queryString, type PageSite } from '../page-route.js';
import { asItem, eventFromForm, partnershipFromForm, recordFromForm, translationsFromForm, versionOf } from './staff-forms.js';
import { formFields, formFile, isFileTooLarge, malformedUpload, registerMultipartForms, requireDocuments } from './multipart-form.js';
import { isTooManyFiles, limitOf, MAX_FILES, megabytes, refuseOversizedUploads, uploadKindOf, UploadTooLargeError } from './upload-limit.js';
import { photoRefusal, tooManyFiles, uploadTooLarge } from '../../views/staff/upload.messages.js';
import { STAFF } from '../../views/staff/staff.messages.js';
import { pathId } from '../path-id.js';

export interface StaffPagesDeps {
  store: Store;
  photos: PhotoFiles;
  previews: ImportPreviews;
  maxPhotoBytes: number;
  maxDocumentBytes: number;
}

const PLURAL = { partnership: 'partnerships', event: 'events', record: 'records' } as const;
const KIND_OF: Readonly<Record<string, ItemKind>> = { partnerships: 'partnership', events: 'event', records: 'record' };
const DONE = ['saved', 'deleted', 'restored'] as const;
type Query = Record<string, string | string[] | undefined>;
type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Query }>;

const actor = (request: FastifyRequest) => ({ name: request.user!.name });

/**
 * The page a form's answer stands for, which its language links lead to (a GET address): the item a form edits or
 * deletes, the import page for the import's forms, and the staff start page for a new item or a restore.
 */
export function pageShownAfter(formPath: string, params: Record<string, string>): string {
  const path = formPath.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
  if (path.startsWith('/staff/import')) return '/staff/import';
  const item = /^\/staff\/(partnerships|events|records)\/[^/]+/.exec(path);
  return item && !path.startsWith('/staff/history') ? item[0] : '/staff/record';
}

/** The events a photo record's history links to, named as the record's form names them (`2006 夏市長が来訪… (#12)`), for those that still exist. */
async function linkedEventLabels(store: Store, entries: readonly { changes: readonly FieldChange[] }[]): Promise<Map<number, string>> {
  const ids = new Set(entries.flatMap((e) => e.changes.filter((c) => c.field === 'eventId').flatMap((c) => [c.before, c.after])).filter((v): v is number => typeof v === 'number'));
  return new Map((await existingItems(store, 'event', ids)).map((e) => [e.id, `${e.year} ${e.text} (#${e.id})`]));
}

/** The staff pages (server-rendered forms that work without JavaScript) in ja/en/zh. */
export async function registerStaffPages(app: FastifyInstance, site: PageSite, deps: StaffPagesDeps): Promise<void> {
  const { store } = deps;
  const maxPhotoMb = Math.round(deps.maxPhotoBytes / 1048576);
  await app.register(async (scope) => {
    await registerMultipartForms(scope, Math.max(deps.maxPhotoBytes, deps.maxDocumentBytes) + 1);
    refuseOversizedUploads(scope, deps);
    const read = { preHandler: requirePermission('draft:read') };
    const view = (ctx: PageContext, request: FastifyRequest, reply: FastifyReply, extra: Partial<StaffView> = {}): StaffView => {
      void reply.header('cache-control', 'no-store');
      const done = queryString((request.query ?? {}) as Query, 'done');
      const may = { edit: can(request.user, 'record:edit'), translate: can(request.user, 'translation:edit') };
      // The year a saved exchange took the 交流なし mark from (see go), said beside 保存しました.
      const unmarked = queryString((request.query ?? {}) as Query, 'unmarked');
      const unmarkedYear = unmarked !== undefined && /^\d{4}$/.test(unmarked) ? Number(unmarked) : undefined;
      return { ctx, csrf: reply.generateCsrf(), done: DONE.find((d) => d === done), may, ...(unmarkedYear === undefined ? {} : { unmarkedYear }), ...extra };
    };

    pageRoute(scope, site, '/staff/record', async (ctx, request, reply) =>
      renderPage(h(StaffHomePage, { view: view(ctx, request, reply), partnerships: await listPartnershipsForStaff(store), deleted: await deletedItems(store) })), read);

    const partnershipPage = async (ctx: PageContext, request: FastifyRequest, reply: FastifyReply, id: number, extra: Partial<StaffView> = {}, form?: EditableItem<'partnership'>) => {
      const { partnership, events, records } = await getPartnershipForStaff(store, id);
      return renderPage(h(PartnershipEditPage, { view: view(ctx, request, reply, extra), partnership, form: form ?? partnership, events, records, maxPhotoMb }));
    };
    pageRoute<{ id: string }>(scope, site, '/staff/partnerships/:id', (ctx, request, reply) => partnershipPage(ctx, request, reply, pathId(request.params.id)), read);

    const itemPage = async (ctx: PageContext, request: FastifyRequest, reply: FastifyReply, kind: 'event' | 'record', id: number, extra: Partial<StaffView> = {}, form?: EditableItem<'event'> | EditableItem<'record'>) => {
      const item = await getItem(store, kind, id);
      const { partnership, events } = await getPartnershipForStaff(store, item.partnershipId);
      return renderPage(h(ItemEditPage, { view: view(ctx, request, reply, extra), kind, item, form: form ?? item, partnership, events, maxPhotoMb }));
    };
    pageRoute<{ id: string }>(scope, site, '/staff/events/:id', (ctx, request, reply) => itemPage(ctx, request, reply, 'event', pathId(request.params.id)), read);
    pageRoute<{ id: string }>(scope, site, '/staff/records/:id', (ctx, request, reply) => itemPage(ctx, request, reply, 'record', pathId(request.params.id)), read);

    const historyPage = async (ctx: PageContext, request: FastifyRequest, reply: FastifyReply, kind: ItemKind, id: number, extra: Partial<StaffView> = {}) => {
      const entries = (await historyOf(store, kind, id)).map((e) => ({ ...e, changes: diffFields(e.before, e.after) }));
      const latest = (entries[0]?.after ?? entries[0]?.before ?? {}) as { text?: string; caption?: string; partner?: string };
      const eventLabels = kind === 'record' ? await linkedEventLabels(store, entries) : undefined;
      const plural = PLURAL[kind];
      return renderPage(h(HistoryPage, { view: view(ctx, request, reply, extra), kind, itemId: id, label: latest.text ?? latest.caption ?? latest.partner ?? `#${id}`, backPath: `/staff/${plural}/${id}`, entries, eventLabels }));
    };
    for (const plural of Object.keys(KIND_OF)) {
      pageRoute<{ id: string }>(scope, site, `/staff/${plural}/:id/history`, async (ctx, request, reply) => {
        return historyPage(ctx, request, reply, KIND_OF[plural]!, pathId(request.params.id));
      }, read);
    }

    pageRoute(scope, site, '/staff/import', async (ctx, request, reply) => renderPage(h(ImportPage, { view: view(ctx, request, reply) })), { preHandler: requirePermission('record:edit') });

      /** The item an edit form was sent for, or undefined when someone deleted it meanwhile. */
      async function findItemForForm(kind: 'event' | 'record', id: number): Promise<EditableItem<'event'> | EditableItem<'record'> | undefined> {
        try {
          return await getItem(store, kind, id);
        } catch (error) {
          if (error instanceof KoryuError && error.code === 'ItemNotFound') return undefined;
          throw error;
        }
      }

      /** The answer to an edit of an item someone deleted meanwhile: nothing saved, and what was entered shown to copy. */
      function itemGone(ctx: PageContext, request: FastifyRequest, reply: FastifyReply, kind: 'event' | 'record', f: Record<string, string>): Promise<string> {
        const t = STAFF[ctx.locale];
        const entered = kind === 'event' ? { text: f.text ?? '', translations: translationsFromForm(f) } : { caption: f.caption ?? '', translations: translationsFromForm(f) };
        reply.status(404);
        return (async () =>
          renderPage(h(StaffHomePage, {
            view: view(ctx, request, reply, { error: t.itemGoneBody, kept: h(FieldList, { fields: entered, locale: ctx.locale, kind }) }),
            partnerships: await listPartnershipsForStaff(store),
            deleted: await deletedItems(store),
          })))();
      }

    /** A form's POST at `path` and under each language prefix; answers a page (e.g. the form again) or redirects. */
    const form = (path: string, handler: (ctx: PageContext, request: Req, reply: FastifyReply) => Promise<string | void>, permission: Action = 'record:edit') => {
      for (const prefix of ['', ...LOCALES.map((l) => `/${l}`)]) {
        scope.post<{ Params: Record<string, string>; Querystring: Query }>(`${prefix}${path}`, { preHandler: requirePermission(permission) }, async (request, reply) => {
          const locale = prefix === '' ? negotiateLocale(request.headers['accept-language']) : prefix.slice(1);
          const ctx: PageContext = { locale: isLocale(locale) ? locale : 'ja', explicitLocale: prefix !== '', path: pageShownAfter(path, request.params), query: '', home: site.home, assetVersion: site.assetVersion };
          const page = await handler(ctx, request, reply);
          if (page === undefined) return reply;
          return reply.type('text/html; charset=utf-8').send(page);
        });
      }
    };
    const go = (reply: FastifyReply, ctx: PageContext, path: string, done: (typeof DONE)[number], unmarked?: number) =>
      reply.redirect(`${localHref(ctx, path)}?done=${done}${unmarked === undefined ? '' : `&unmarked=${unmarked}`}`, 303);
    /**
     * The year a saved exchange took the 交流なし mark from (the service takes it away: editing.service.ts), given
     * the partnership's marked years before the save; undefined when it took none.
     */
    const unmarkedBy = (marked: readonly number[], saved: { year: number } | undefined) => (saved !== undefined && marked.includes(saved.year) ? saved.year : undefined);
    const markedYears = async (partnershipId: number) => {
      try {
        return (await getItem(store, 'partnership', partnershipId)).noExchangeYears;
      } catch {
        return [];
      }
    };
    /** Runs an edit; a refusal renders the form again (422 or 409) with the user's entries. */
    const attempt = async (ctx: PageContext, reply: FastifyReply, run: () => Promise<void>, again: (extra: Partial<StaffView>, useStored: boolean) => Promise<string>): Promise<string | void> => {
      try {
        await run();
      } catch (error) {
        if (error instanceof EditConflictError) {
          reply.status(409);
          const { id: _i, version: _v, updatedAt: _u, ...fields } = error.current;
          // Who made the newer version, and when: its history's newest entry (none for an item stored before history).
          const [last] = await historyOf(store, error.kind, error.current.id).catch(() => []);
          const by = last && last.version === error.current.version ? { by: last.actor, at: last.at } : {};
          return again({ conflict: { version: error.current.version, yours: 0, fields: h(FieldList, { fields, locale: ctx.locale, kind: error.kind }), ...by } }, false);
        }
        if (error instanceof EditRejectedError) return reply.status(422), again({ problems: error.problems }, false);
        if (error instanceof PhotoRejectedError) return reply.status(422), again({ error: photoRefusal(ctx.locale, error.problem, megabytes(deps.maxPhotoBytes)) }, false);
        if (error instanceof KoryuError && error.code === 'EditRejected') return reply.status(422), again({ error: error.message }, false);
        throw error;
      }
    };

    form('/staff/partnerships', async (ctx, request, reply) => {
      const fields = partnershipFromForm(formFields(request), site.home);
      try {
        const created = await createItem(store, 'partnership', fields, actor(request));
        return go(reply, ctx, `/staff/partnerships/${created.id}`, 'saved');
      } catch (error) {
        if (!(error instanceof EditRejectedError)) throw error;
        reply.status(422);
        const entered = { form: 'np', fields: formFields(request) };
        return renderPage(h(StaffHomePage, { view: view(ctx, request, reply, { problems: error.problems, entered }), partnerships: await listPartnershipsForStaff(store), deleted: await deletedItems(store) }));
      }
    });
    form('/staff/partnerships/:id', async (ctx, request, reply) => {
      const id = pathId(request.params.id);
      const f = formFields(request);
      const fields = partnershipFromForm(f, site.home);
      return attempt(ctx, reply, async () => void (await editItem(store, 'partnership', id, fields, versionOf(f), actor(request))), async (extra) => {
        const stored = await getItem(store, 'partnership', id);
        return partnershipPage(ctx, request, reply, id, { ...withYours(extra, versionOf(f)), entered: { form: 'p', fields: f } }, asItem(fields, stored));
      }).then((page) => page ?? go(reply, ctx, `/staff/partnerships/${id}`, 'saved'));
    });
    for (const kind of ['event', 'record'] as const) {
      form(`/staff/${PLURAL[kind]}`, async (ctx, request, reply) => {
        const f = formFields(request);
        const partnershipId = pathId(f.partnershipId);
        let created: EditableItem<'event'> | EditableItem<'record'> | undefined;
        const marked = kind === 'event' ? await markedYears(partnershipId) : [];
        const page = await attempt(ctx, reply, async () => {
          const photo = kind === 'record' ? await photoOf(request) : null;
          const fields = kind === 'event' ? eventFromForm(f, partnershipId) : recordFromForm(f, partnershipId, photo);
          created = await createItem(store, kind, fields, actor(request));
        }, (extra) => partnershipPage(ctx, request, reply, partnershipId, { ...extra, entered: { form: kind === 'event' ? 'new-ev' : 'new-rec', fields: f } }));
        return page ?? go(reply, ctx, `/staff/${PLURAL[kind]}/${created?.id ?? 0}`, 'saved', unmarkedBy(marked, created));
      });
      // A translator's form sends the translations alone: the other fields are shown, not editable.
      form(`/staff/${PLURAL[kind]}/:id`, async (ctx, request, reply) => {
        const id = pathId(request.params.id);
        const f = formFields(request);
        const stored = await findItemForForm(kind, id);
        if (!stored) return itemGone(ctx, request, reply, kind, f);
        const translating = !can(request.user, 'record:edit');
        const storedPhoto = kind === 'record' ? (stored as EditableItem<'record'>).photo : null;
        const fromForm = (photo: string | null) => (kind === 'event' ? eventFromForm(f, stored.partnershipId) : recordFromForm(f, stored.partnershipId, photo));
        // What the user entered, kept for the form if the edit is refused (a rejected photo included).
        let entered = (translating ? { ...stored, translations: translationsFromForm(f) } : asItem(fromForm(storedPhoto) as never, stored as never)) as EditableItem<'event'> | EditableItem<'record'>;
        const marked = kind === 'event' ? await markedYears(stored.partnershipId) : [];
        let saved: EditableItem<'event'> | EditableItem<'record'> | undefined;
        const page = await attempt(ctx, reply, async () => {
          if (translating) {
            saved = await editItem(store, kind, id, { translations: translationsFromForm(f) }, versionOf(f), actor(request));
            return;
          }
          // A new file replaces the photo; without one, "remove the photo" takes it off the record (its history keeps it).
          const photo = kind === 'record' ? ((await photoOf(request)) ?? (f.removePhoto === 'on' ? null : storedPhoto)) : null;
          const fields = fromForm(photo);
          entered = asItem(fields as never, stored as never) as EditableItem<'event'> | EditableItem<'record'>;
          saved = await editItem(store, kind, id, fields, versionOf(f), actor(request));
        }, async (extra) => {
          const now = await getItem(store, kind, id);
          const typedIn = { form: kind === 'event' ? 'ev' : 'rec', fields: f };
          return itemPage(ctx, request, reply, kind, id, { ...withYours(extra, versionOf(f)), entered: typedIn }, { ...entered, version: now.version });
        });
        return page ?? go(reply, ctx, `/staff/${PLURAL[kind]}/${id}`, 'saved', unmarkedBy(marked, saved));
      }, 'translation:edit');
    }
    // An undated exchange moved one place up or down within its year, from the partnership's page (its order column).
    form('/staff/events/:id/move', async (ctx, request, reply) => {
      const id = pathId(request.params.id);
      const f = formFields(request);
      const stored = await getItem(store, 'event', id);
      const step = f.step === 'up' ? -1 : 1;
      const back = `/staff/partnerships/${stored.partnershipId}`;
      const page = await attempt(ctx, reply, async () => void (await moveEventWithinYear(store, id, step, versionOf(f), actor(request))), (extra) =>
        partnershipPage(ctx, request, reply, stored.partnershipId, withYours(extra, versionOf(f))));
      return page ?? reply.redirect(`${localHref(ctx, back)}?done=saved#order-${id}`, 303);
    });
    for (const kind of ['partnership', 'event', 'record'] as const) {
      form(`/staff/${PLURAL[kind]}/:id/delete`, async (ctx, request, reply) => {
        const id = pathId(request.params.id);
        const f = formFields(request);
        const stored = await getItem(store, kind, id);
        const back = kind === 'partnership' ? '/staff/record' : `/staff/partnerships/${(stored as { partnershipId?: number }).partnershipId}`;
        const page = await attempt(ctx, reply, () => removeItem(store, kind, id, versionOf(f), actor(request)), (extra) =>
          kind === 'partnership' ? partnershipPage(ctx, request, reply, id, withYours(extra, versionOf(f))) : itemPage(ctx, request, reply, kind, id, withYours(extra, versionOf(f))));
        return page ?? go(reply, ctx, back, 'deleted');
      });
    }
    form('/staff/history/:id/restore', async (ctx, request, reply) => {
      let item: EditableItem<ItemKind> | undefined;
      // The version the history page showed as current: a restore made on a stale page is a conflict, not an overwrite.
      const shown = formFields(request).version;
      const expected = shown !== undefined && /^[1-9]\d{0,8}$/.test(shown) ? Number(shown) : undefined;
      let conflict: EditConflictError | undefined;
      // An exchange restored into a year marked 交流なし takes the mark away: said as after a save.
      const restoring = await historyEntry(store, pathId(request.params.id));
      const marked = restoring?.kind === 'event' ? await markedYears(restoring.partnershipId) : [];
      const page = await attempt(
        ctx,
        reply,
        async () => {
          try {
            // A translator restores the translations alone (translation:edit); an editor the whole version.
            const part = can(request.user, 'record:edit') ? 'whole' : 'translations';
            item = await restoreVersion(store, pathId(request.params.id), actor(request), expected, part);
          } catch (error) {
            if (error instanceof EditConflictError) conflict = error;
            throw error;
          }
        },
        async (extra) =>
          conflict
            ? historyPage(ctx, request, reply, conflict.kind, conflict.current.id, { error: STAFF[ctx.locale].restoreConflict })
            : renderPage(h(StaffHomePage, { view: view(ctx, request, reply, extra), partnerships: await listPartnershipsForStaff(store), deleted: await deletedItems(store) })),
      );
      if (page !== undefined || item === undefined) return page;
      const kind = 'partnershipId' in item && !('partner' in item) ? ('caption' in item ? 'record' : 'event') : 'partnership';
      return go(reply, ctx, `/staff/${PLURAL[kind]}/${item.id}`, 'restored', kind === 'event' ? unmarkedBy(marked, item as EditableItem<'event'>) : undefined);
    }, 'translation:edit');
    form('/staff/import/preview', async (ctx, request, reply) => {
      // Every chosen file, read together as `koryu import` reads its files (FILE.csv with FILE.photos.csv).
      const docs = requireDocuments(request, deps.maxDocumentBytes);
      const options = { home: site.home, maxDocumentBytes: deps.maxDocumentBytes };
      const preview = await deps.previews.preview(store, docs, options, actor(request).name);
      return renderPage(h(ImportPage, { view: view(ctx, request, reply), preview }));
    });
    form('/staff/import', async (ctx, request, reply) => {
      try {
        const report = await deps.previews.confirm(store, formFields(request).token ?? '', { home: site.home, maxDocumentBytes: deps.maxDocumentBytes }, actor(request).name);
        return renderPage(h(ImportPage, { view: view(ctx, request, reply), summary: report.changes }));
      } catch (error) {
        if (error instanceof ImportPreviewStaleError) {
          reply.status(409);
          return renderPage(h(ImportPage, { view: view(ctx, request, reply), preview: error.preview, error: STAFF[ctx.locale].previewStale }));
        }
        if (!(error instanceof KoryuError)) throw error;
        reply.status(error.code === 'ItemNotFound' ? 410 : 422);
        // An expired preview is told in the page's language; an import refused names its document's line.
        const message =
          error.code === 'ItemNotFound' ? STAFF[ctx.locale].previewGone : error instanceof ImportRefusedError ? refusalText(STAFF[ctx.locale], error.refusal) : error.message;
        return renderPage(h(ImportPage, { view: view(ctx, request, reply), error: message }));
      }
    });

    scope.setErrorHandler((error, request, reply) => {
      const kind = uploadKindOf(request);
      if (kind && (error instanceof UploadTooLargeError || isFileTooLarge(error) || isTooManyFiles(error))) {
        const prefix = /^\/(ja|en|zh)\//.exec(request.url)?.[1];
        const locale = prefix !== undefined && isLocale(prefix) ? prefix : negotiateLocale(request.headers['accept-language']);
        const said = isTooManyFiles(error) ? tooManyFiles(locale, kind, MAX_FILES[kind]) : uploadTooLarge(locale, kind, megabytes(limitOf(kind, deps)));
        if (!wantsHtml(request)) return reply.status(413).type('text/plain; charset=utf-8').send(`UploadTooLarge: ${said}`);
        // A browser gets a page it can go back from: the form's page, for a photo the record's or the start page.
        const path = request.url.replace(/^\/(ja|en|zh)(?=\/)/, '').split('?')[0]!;
        const back = kind === 'document' ? '/staff/import' : /^\/staff\/records\/\d+$/.test(path) ? path : '/staff/record';
        const ctx: PageContext = { locale, explicitLocale: prefix !== undefined, path: back, query: '', home: site.home, assetVersion: site.assetVersion };
        return reply.status(413).type('text/html; charset=utf-8').send(renderPage(h(UploadRefusedPage, { ctx, reason: said, back })));
      }
      throw malformedUpload(error, request) ?? error;
    });
  });

  async function photoOf(request: FastifyRequest): Promise<string | null> {
    const file = formFile(request);
    return file ? storePhoto(deps.photos, file.bytes, deps.maxPhotoBytes) : null;
  }
}

function withYours(extra: Partial<StaffView>, yours: number): Partial<StaffView> {
  return extra.conflict ? { ...extra, conflict: { ...extra.conflict, yours } } : extra;
}
