import { findPlaceNames } from '../storage/place-name.repository.js';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Exporter } from '../exports/exporter.js';
import type { Store } from '../storage/database.js';
import { loadOrganizationDecisions } from '../storage/knowledge.repository.js';
import { findPartnerships } from '../storage/partnership.repository.js';
import { eventPublications, exporterFor, exportOne, type ExportSettings } from './export.service.js';
import { storeGeneration } from './generation.service.js';
import { listPartnershipTotals } from './record.service.js';
import type { PartnershipTotals } from '../domain/partnership.js';

const FOLDER_PREFIX = 'koryu-downloads-';

/**
 * A new folder in `parent` for this process's download files (`koryu-downloads-PID-…`), after removing the
 * folders there of processes that are no longer running: a server stopped without its shutdown (killed, or the
 * machine restarted) leaves its files, a whole record in every format, behind.
 */
export function downloadsFolder(parent: string): string {
  for (const name of readdirSync(parent)) {
    const pid = new RegExp(`^${FOLDER_PREFIX}(\\d+)-`).exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(parent, name), { recursive: true, force: true });
  }
  return mkdtempSync(join(parent, `${FOLDER_PREFIX}${process.pid}-`));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A download of the whole record, made and kept as a file. */
export interface DownloadFile {
  exporter: Exporter;
  path: string;
  bytes: number;
  /** The store's generation the file holds: its snapshot's (the generation asked for, or a later one). */
  generation: number;
  /** A strong ETag naming this file alone: its bytes never change, and no other file of this server has it. */
  etag: string;
}

export interface RecordDownloadsOptions {
  /** Partnerships read at a time for a format written in parts; 50 unless given (tests make it small). */
  batch?: number;
  /**
   * How long a reader waits for a file being made again after a change before it is given the format's last file
   * instead; STALE_AFTER_MS unless given. A reader of a format never made waits for it.
   */
  staleAfterMs?: number;
}

/**
 * How long a reader waits for a whole-record file made again after a change. One city's record takes well under
 * a second, so its readers always get the record as it is; a country's workbook takes a minute or more, and its
 * readers get the file from before the change meanwhile rather than a connection that hangs (and that a proxy in
 * front of the server may cut).
 */
export const STALE_AFTER_MS = 5000;

/**
 * The downloads of the whole record (every format), each made once per generation of the store and kept as a file
 * in `dir`, so that a second reader, and every one after, gets the file without the record being read again. At a
 * country's scale the record is a million events: read whole, one export took 10–27 s and 1.1–2.1 GB.
 *
 * - Every format but the Atom feed (its 50 newest events, exportFeed) is written reading `batch` partnerships at a
 *   time: CSV, text and JSON-LD partnership by partnership, the workbook sheet by sheet, koryu/1 in three passes.
 *   Their memory does not grow with the record: read whole, the workbook of a million events ran the server out of
 *   memory, and the JSON-LD did not fit in a string.
 * - One file is made at a time, whatever its format: readers of several formats at once do not each hold a record.
 * - Readers of the same file while it is made wait for that one, for `staleAfterMs` at most when the format has a
 *   file of an earlier generation: they are given that one then. A file that cannot be made is tried again on the
 *   next request; its readers get the earlier file, or the failure when there is none.
 * - A format's files of older generations are removed once a newer one of that format is made (a reader still
 *   sending one keeps it open).
 */
export class RecordDownloads {
  private readonly files = new Map<string, { generation: number; format: string; file: Promise<DownloadFile> }>();
  /** Per format, its newest file made. */
  private readonly latest = new Map<string, DownloadFile>();
  /** The key in `files` of each file made, by its path. */
  private readonly keys = new Map<string, string>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly batch: number;
  private readonly staleAfterMs: number;
  /** Files made so far, and the most made at once (tests read them). */
  readonly made = { files: 0, mostAtOnce: 0 };
  private making = 0;
  /** Names this instance's files apart from another's in the same folder. */
  private readonly prefix = randomBytes(4).toString('hex');

  constructor(
    private readonly store: Store,
    private readonly settings: ExportSettings,
    private readonly dir: string,
    options: RecordDownloadsOptions = {},
  ) {
    this.batch = Math.max(1, options.batch ?? 50);
    this.staleAfterMs = Math.max(0, options.staleAfterMs ?? STALE_AFTER_MS);
  }

  /**
   * The whole record in `format` (a known export format): the file kept for the store's generation, else one made
   * now, or the format's last file when the new one takes longer than `staleAfterMs` or fails.
   */
  async file(format: string): Promise<DownloadFile> {
    const exporter = exporterFor(format);
    const generation = await storeGeneration(this.store);
    const earlier = this.latest.get(exporter.format);
    // A file read from a snapshot taken at this generation or later holds the record as it is.
    if (earlier && earlier.generation >= generation) return earlier;
    const key = `${generation}.${exporter.format}`;
    let file = this.files.get(key)?.file;
    if (!file) {
      const made = this.enqueue(() => this.make(exporter, `${this.prefix}-${generation}-${exporter.format}`));
      this.files.set(key, { generation, format: exporter.format, file: made });
      made.then(
        (f) => this.keepNewest(f, generation, key),
        () => this.files.delete(key), // a failed file is made again on the next request
      );
      file = made;
    }
    if (!earlier) return file;
    let timer: NodeJS.Timeout | undefined;
    const stale = new Promise<DownloadFile>((resolve) => (timer = setTimeout(() => resolve(earlier), this.staleAfterMs)));
    try {
      return await Promise.race([file.catch(() => earlier), stale]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The whole record in `format` as its file, opened before a newer file can replace it: the caller reads it (the
   * whole, or a range) through `handle`, and closes it. A file gone from the disk (a cleaner of the temporary folder
   * took it, or a newer file replaced it) is looked up again.
   */
  async read(format: string): Promise<{ file: DownloadFile; handle: FileHandle }> {
    for (let attempt = 1; ; attempt++) {
      const file = await this.file(format);
      try {
        return { file, handle: await open(file.path, 'r') };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt === 3) throw error;
        this.forget(file.path);
      }
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Makes the file `name` (unique to this instance while it is kept) in `exporter`'s format. */
  private async make(exporter: Exporter, name: string): Promise<DownloadFile> {
    this.making += 1;
    this.made.mostAtOnce = Math.max(this.made.mostAtOnce, this.making);
    try {
      const path = join(this.dir, `${name}.${exporter.extension}`);
      const { bytes, generation } = await writeRecordFile(this.store, exporter, this.settings, path, this.batch);
      this.made.files += 1;
      return { exporter, path, bytes, generation, etag: await contentTag(exporter.format, path) };
    } finally {
      this.making -= 1;
    }
  }

  /**
   * Keeps `made` (asked for at generation `asked`, under `key`) as its format's newest file unless a newer one is
   * kept, and drops the format's files asked for earlier from the disk, never the newest. Two files asked for
   * across a write may both hold the later generation: the second replaces the first.
   */
  private keepNewest(made: DownloadFile, asked: number, key: string): void {
    const format = made.exporter.format;
    this.keys.set(made.path, key);
    if ((this.latest.get(format)?.generation ?? -1) <= made.generation) this.latest.set(format, made);
    for (const [other, kept] of this.files) {
      if (kept.format !== format || kept.generation >= asked) continue;
      this.files.delete(other);
      void kept.file
        .then((f) => {
          if (this.latest.get(format)?.path === f.path) return;
          this.keys.delete(f.path);
          return rm(f.path, { force: true });
        })
        .catch(() => undefined);
    }
  }

  /** Forgets a file gone from the disk: it is made again on the next request. */
  private forget(path: string): void {
    for (const [format, f] of this.latest) if (f.path === path) this.latest.delete(format);
    const key = this.keys.get(path);
    if (key !== undefined) this.files.delete(key);
    this.keys.delete(path);
  }
}

/**
 * The whole record (its published partnerships) in `exporter`'s format, written to `path` (through a partial file
 * renamed when complete, removed on failure), reading `batch` partnerships at a time when the format has parts
 * or a stream, else reading it whole. Every part is read from one snapshot of the store: an edit saved while the
 * file is written (a minute, for a country's workbook) is in none of it. Gives the file's size in bytes and the
 * store's generation it holds.
 */
export async function writeRecordFile(store: Store, exporter: Exporter, settings: ExportSettings, path: string, batch = 50): Promise<{ bytes: number; generation: number }> {
  const partial = `${path}.partial`;
  try {
    const generation = await store.snapshot(async (reader) => {
      if (exporter.parts || exporter.stream) await writeStreamed(reader, exporter, settings, partial, Math.max(1, batch));
      else {
        const { body } = await exportOne(reader, exporter.format, {}, settings);
        await writeFile(partial, body);
      }
      return storeGeneration(reader);
    });
    await rename(partial, path);
    return { bytes: (await stat(path)).size, generation };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * A file's ETag from its bytes: a file made again with the same bytes (after a restart, or a write that changed
 * nothing this format holds) keeps its tag, so a harvester asking with it gets a 304 instead of the file again.
 */
async function contentTag(format: string, path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `"${format}-${hash.digest('base64url').slice(0, 22)}"`;
}

/**
 * The partnerships of `headings` in order, read `batch` at a time, each batch with its events' ids and publication
 * times when the format reads them (two formats of seven; looking them up is a query per 500 events).
 */
async function* batches(store: Store, headings: readonly PartnershipTotals[], batch: number, publications: boolean) {
  for (let start = 0; start < headings.length; start += batch) {
    const slice = headings.slice(start, start + batch);
    const read = new Map((await findPartnerships(store.db, { ids: slice.map((h) => h.id) })).map((p) => [p.id, p]));
    // Read from one snapshot, every heading's partnership is there; leaving out any missing one costs nothing.
    const partnerships = slice.flatMap((h, i) => (read.has(h.id) ? [{ p: read.get(h.id)!, index: start + i }] : []));
    yield { partnerships, events: publications ? await eventPublications(store, partnerships.map((x) => x.p)) : undefined };
  }
}

async function writeStreamed(store: Store, exporter: Exporter, settings: ExportSettings, path: string, batch: number): Promise<void> {
  const headings = await listPartnershipTotals(store);
  const base = { ...settings, decisions: await loadOrganizationDecisions(store.db), names: await findPlaceNames(store.db) };
  const out = createWriteStream(path);
  const failed = new Promise<never>((_resolve, reject) => out.once('error', reject));
  failed.catch(() => undefined); // raced below; an error while nothing waits on it must not go unhandled
  const finished = Promise.race([once(out, 'finish'), failed]);
  finished.catch(() => undefined);
  try {
    if (exporter.parts) {
      const writer = exporter.parts(base);
      const write = async (text: string) => {
        if (text !== '' && !out.write(text)) await Promise.race([once(out, 'drain'), failed]);
      };
      await write(writer.head(headings));
      for await (const { partnerships, events } of batches(store, headings, batch, exporter.publications === true)) {
        const context = { ...base, ...(events ? { events } : {}) };
        for (const { p, index } of partnerships) await write(writer.part(p, index, context));
      }
      await write(writer.tail());
      out.end();
    } else {
      const read = async function* () {
        for await (const { partnerships } of batches(store, headings, batch, exporter.publications === true)) yield partnerships.map((x) => x.p);
      };
      await Promise.race([exporter.stream!(out, headings, read, base), failed]);
    }
    await finished;
  } finally {
    out.destroy();
  }
}
