import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { countingRows, RowCounter } from '../../test/support/row-counter.js';
import { importSampleAndCorpus } from '../../test/support/sample-and-corpus.js';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { LICENCE_PRESETS } from '../domain/licence.js';
import { EXPORTERS } from '../exports/exporters.js';
import type { Store } from '../storage/database.js';
import { downloadsFolder, RecordDownloads, writeRecordFile, type DownloadFile } from './downloads.service.js';
import { exporterFor, exportOne, type ExportSettings } from './export.service.js';
import type { Exporter } from '../exports/exporter.js';
import type { Partnership, StoredPartnership } from '../domain/partnership.js';
import { deletePartnership } from '../storage/partnership.repository.js';
import { addOrganizationAlias, confirmOrganization, loadKnowledge, rejectOrganization } from './knowledge.service.js';
import { listPartnerships } from './record.service.js';

const settings: ExportSettings = {
  licence: { ...LICENCE_PRESETS['cc-by-4.0']!, attribution: '金沢市' },
  siteUrl: 'https://koryu.example/',
  generatedAt: '2026-11-27T00:00:00.000Z',
};

it('a new downloads folder removes the folders of processes no longer running, and keeps those of running ones', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'koryu-downloads-parent-'));
  try {
    const child = spawn(process.execPath, ['-e', '']);
    await once(child, 'exit');
    const stale = join(parent, `koryu-downloads-${child.pid}-abc`);
    const running = join(parent, `koryu-downloads-${process.pid}-def`);
    const other = join(parent, 'koryu-downloads-notes');
    for (const d of [stale, running, other]) mkdirSync(d);
    writeFileSync(join(stale, 'left.csv'), 'a whole record');
    const made = downloadsFolder(parent);
    assert.ok(made.startsWith(join(parent, `koryu-downloads-${process.pid}-`)));
    assert.deepEqual(readdirSync(parent).sort(), [made, running, other].map((d) => d.slice(parent.length + 1)).sort());
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

describeOnEachStore('downloads of the whole record (RecordDownloads)', (openFresh) => {
  let store: Store;
  let dir: string;
  let largestPartnership = 0;
  let allEvents = 0;
  before(async () => {
    store = await openFresh();
    dir = mkdtempSync(join(tmpdir(), 'koryu-downloads-test-'));
    await importSampleAndCorpus(store, { partnerships: 6, years: 12, seed: 'downloads' });
    // The editors' decisions shape koryu/1's organisations and agreements: one of each kind.
    const organizations = (await loadKnowledge(store)).organizations.filter((o) => o.kind === 'organization');
    assert.ok(organizations.length >= 4);
    await confirmOrganization(store, '教育プラザ富樫');
    await rejectOrganization(store, organizations[1]!.name);
    await addOrganizationAlias(store, organizations[3]!.name, organizations[2]!.name);
    const partnerships = await listPartnerships(store);
    largestPartnership = Math.max(...partnerships.map((p) => p.events.length));
    allEvents = partnerships.reduce((n, p) => n + p.events.length, 0);
  });
  after(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `fn` on a store of its own holding a small corpus, with a folder of its own for the files; both removed after. */
  const withOwnRecord = async (corpus: { partnerships: number; years: number; seed: string }, fn: (fresh: Store, own: string) => Promise<void>) => {
    const own = mkdtempSync(join(tmpdir(), 'koryu-downloads-test-'));
    const fresh = await openFresh();
    try {
      await importSampleAndCorpus(fresh, corpus);
      await fn(fresh, own);
    } finally {
      await fresh.close();
      rmSync(own, { recursive: true, force: true });
    }
  };

  for (const exporter of EXPORTERS.filter((e) => e.format !== 'xlsx')) {
    it(`the ${exporter.format} file is the export of the record read whole${exporter.parts || exporter.stream ? ', written reading two partnerships at a time' : ''}`, async () => {
      const counter = new RowCounter();
      const downloads = new RecordDownloads(countingRows(store, counter), settings, dir, { batch: 2 });
      const file = await downloads.file(exporter.format);
      const { body } = await exportOne(store, exporter.format, {}, settings);
      assert.equal(readFileSync(file.path, 'utf8'), body);
      assert.equal(file.bytes, Buffer.byteLength(body as string));
      assert.equal(file.exporter, exporter);
      // Written in parts, no query returns more than two partnerships' events; the record holds far more.
      assert.ok(counter.rows > 0, 'the reads are counted');
      if (exporter.parts || exporter.stream) assert.ok(counter.largest <= 2 * largestPartnership && 2 * largestPartnership < allEvents, `${counter.largest} rows in one query`);
    });
  }

  it('the workbook file, written sheet by sheet, holds what the workbook made whole holds', async () => {
    const counter = new RowCounter();
    const file = await new RecordDownloads(countingRows(store, counter), settings, dir, { batch: 2 }).file('xlsx');
    assert.ok(counter.largest > 0 && counter.largest <= 2 * largestPartnership, `${counter.largest} rows in one query`);
    const { default: excel } = await import('exceljs');
    const load = async (bytes: Uint8Array) => {
      const wb = new excel.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      return wb;
    };
    const streamed = await load(readFileSync(file.path));
    const whole = await load((await exportOne(store, 'xlsx', {}, settings)).body as Uint8Array);
    assert.equal(streamed.worksheets.length, (await listPartnerships(store)).length + 2); // and the photo records, the terms
    assert.deepEqual(streamed.worksheets.map((ws) => ws.name), whole.worksheets.map((ws) => ws.name));
    assert.equal(streamed.creator, 'Koryu');
    assert.equal(streamed.created.toISOString(), settings.generatedAt);
    for (const [i, ws] of streamed.worksheets.entries()) {
      const other = whole.worksheets[i]!;
      const values = (sheet: typeof ws) => sheet.getSheetValues().map((row) => (Array.isArray(row) ? row.map((v) => v ?? null) : row));
      assert.deepEqual(values(ws), values(other), ws.name);
      assert.deepEqual(ws.columns.map((c) => c.width), other.columns.map((c) => c.width), `${ws.name} widths`);
      assert.deepEqual(ws.views, other.views, `${ws.name} views`);
      assert.deepEqual(ws.autoFilter, other.autoFilter, `${ws.name} filter`);
      for (let c = 1; c <= ws.columnCount; c++) {
        assert.deepEqual(ws.getCell(1, c).font, other.getCell(1, c).font, `${ws.name} header ${c}`);
        assert.deepEqual(ws.getCell(2, c).alignment, other.getCell(2, c).alignment, `${ws.name} column ${c}`);
      }
    }
  });

  it('the files of an empty record are its exports too', async () => {
    const empty = await openFresh();
    try {
      const downloads = new RecordDownloads(empty, settings, dir);
      for (const exporter of EXPORTERS.filter((e) => e.format !== 'xlsx')) {
        assert.equal(readFileSync((await downloads.file(exporter.format)).path, 'utf8'), (await exportOne(empty, exporter.format, {}, settings)).body, exporter.format);
      }
    } finally {
      await empty.close();
    }
  });

  it('makes each file once while the store is unchanged, one at a time, and a new one after a write, removing the format’s old one', async () => {
    const own = mkdtempSync(join(tmpdir(), 'koryu-downloads-test-'));
    try {
      const downloads = new RecordDownloads(store, settings, own, { batch: 3 });
      const [a, b, c, t] = await Promise.all([downloads.file('csv'), downloads.file('csv'), downloads.file('jsonld'), downloads.file('text')]);
      assert.equal(a, b, 'readers of the same file while it is made share it');
      assert.equal(downloads.made.files, 3);
      assert.equal(downloads.made.mostAtOnce, 1, 'one file is made at a time');
      assert.equal(await downloads.file('csv'), a, 'kept');
      assert.equal(downloads.made.files, 3);

      await store.db.updateTable('events').set({ text: '書き換えた交流' }).where('id', '=', (await listPartnerships(store))[0]!.events[0]!.id).execute();
      await store.transaction(async () => {}); // the write advances the generation
      const again = await downloads.file('csv');
      assert.notEqual(again.path, a.path);
      assert.ok(readFileSync(again.path, 'utf8').includes('書き換えた交流'));
      assert.equal(downloads.made.files, 4);
      assert.equal(again.generation, a.generation + 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(!existsSync(a.path), `${a.path} is removed`);
      // The other formats' files stay until theirs are made again: a reader waiting too long for one is given it.
      assert.deepEqual(readdirSync(own).sort(), [again, c, t].map((f) => f.path.slice(own.length + 1)).sort());
      const text = await downloads.file('text');
      assert.notEqual(text.path, t.path);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(readdirSync(own).sort(), [again, c, text].map((f) => f.path.slice(own.length + 1)).sort());
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('gives a reader the format’s last file when the file made again after a write takes longer than staleAfterMs, or fails', async () => {
    await withOwnRecord({ partnerships: 2, years: 3, seed: 'stale' }, async (fresh, own) => {
      // The store's snapshots, and with them the making of every file, wait for the gate when it is shut.
      let gate: Promise<void> = Promise.resolve();
      let open = () => {};
      const shut = () => (gate = new Promise((resolve) => (open = resolve)));
      let failNext = false;
      const gated: Store = {
        ...fresh,
        snapshot: async (fn) => {
          await gate;
          if (failNext) {
            failNext = false;
            throw new Error('failed on purpose');
          }
          return fresh.snapshot(fn);
        },
      };
      const downloads = new RecordDownloads(gated, settings, own, { staleAfterMs: 30 });
      const settled = async <T,>(promise: Promise<T>, ms: number) => Promise.race([promise.then(() => 'settled'), new Promise((resolve) => setTimeout(() => resolve('waiting'), ms))]);

      // A format never made: its reader waits for it, however long.
      shut();
      const first = downloads.file('csv');
      assert.equal(await settled(first, 200), 'waiting');
      open();
      const before = await first;

      const event = (await listPartnerships(fresh))[0]!.events[0]!;
      await fresh.transaction((trx) => trx.updateTable('events').set({ text: '書き換えた交流' }).where('id', '=', event.id).execute());
      shut();
      const asked = downloads.file('csv');
      assert.equal(await settled(asked, 1000), 'settled', 'the reader is not kept waiting for the new file');
      const stale = await asked;
      assert.equal(stale, before, 'the file from before the write, after 30 ms');
      assert.ok(!readFileSync(stale.path, 'utf8').includes('書き換えた交流'));
      open();
      // Once made, the new file is given at once, and the old one removed.
      const madeSince = async (old: DownloadFile) => {
        let file = await downloads.file('csv');
        for (let i = 0; i < 100 && file === old; i++) file = await new Promise((resolve) => setTimeout(resolve, 20)).then(() => downloads.file('csv'));
        return file;
      };
      const now = await madeSince(before);
      assert.equal(now.generation, before.generation + 1);
      assert.ok(readFileSync(now.path, 'utf8').includes('書き換えた交流'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(!existsSync(before.path));

      // A file that cannot be made: its reader gets the last one at once, and the next request tries again.
      await fresh.transaction((trx) => trx.updateTable('events').set({ text: 'もう一度書き換えた交流' }).where('id', '=', event.id).execute());
      failNext = true;
      assert.equal(await downloads.file('csv'), now);
      const retried = await madeSince(now);
      assert.equal(retried.generation, now.generation + 1);
      assert.ok(readFileSync(retried.path, 'utf8').includes('もう一度書き換えた交流'));
      assert.equal(downloads.made.files, 3);
    });
  });

  it('keeps the second of two files asked for across a write that both hold the later generation, on the disk', async () => {
    await withOwnRecord({ partnerships: 2, years: 3, seed: 'twice' }, async (fresh, own) => {
      let open = () => {};
      const gate = new Promise<void>((resolve) => (open = resolve));
      const gated: Store = { ...fresh, snapshot: async (fn) => gate.then(() => fresh.snapshot(fn)) };
      const downloads = new RecordDownloads(gated, settings, own);
      const first = downloads.file('csv');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await fresh.transaction(async () => {}); // a write: the second file is asked for at the next generation
      const second = downloads.file('csv');
      await new Promise((resolve) => setTimeout(resolve, 20));
      open();
      const [a, b] = await Promise.all([first, second]);
      assert.equal(a.generation, b.generation, 'both read their snapshots after the write');
      assert.notEqual(a.path, b.path);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const kept = await downloads.file('csv');
      assert.equal(kept, b);
      assert.ok(existsSync(kept.path), 'the file given is on the disk');
      assert.ok(!existsSync(a.path));
      assert.deepEqual(readdirSync(own), [b.path.slice(own.length + 1)]);
    });
  });

  it('tags a file by its bytes: a file made again with the same bytes (after a restart) keeps its ETag, another gets a new one', async () => {
    const first = mkdtempSync(join(tmpdir(), 'koryu-downloads-test-'));
    const second = mkdtempSync(join(tmpdir(), 'koryu-downloads-test-'));
    try {
      const before = await new RecordDownloads(store, settings, first).file('json');
      const restarted = await new RecordDownloads(store, settings, second).file('json');
      assert.notEqual(restarted.path, before.path);
      assert.equal(restarted.etag, before.etag);
      const csv = await new RecordDownloads(store, settings, second).file('csv');
      assert.notEqual(csv.etag, before.etag);
      const event = (await listPartnerships(store))[0]!.events[1]!;
      await store.db.updateTable('events').set({ text: `${event.text}（改）` }).where('id', '=', event.id).execute();
      await store.transaction(async () => {});
      assert.notEqual((await new RecordDownloads(store, settings, first).file('json')).etag, before.etag);
    } finally {
      rmSync(first, { recursive: true, force: true });
      rmSync(second, { recursive: true, force: true });
    }
  });

  it('reads a file as a stream, and makes it again when it is gone from the disk', async () => {
    const downloads = new RecordDownloads(store, settings, dir);
    const expected = (await exportOne(store, 'text', {}, settings)).body;
    const text = async () => {
      const { file, handle } = await downloads.read('text');
      const stream = handle.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return { file, body: Buffer.concat(chunks).toString() };
    };
    const first = await text();
    assert.equal(first.body, expected);
    assert.equal(first.file.bytes, Buffer.byteLength(expected));
    rmSync(first.file.path); // as a cleaner of the temporary folder would
    const again = await text();
    assert.equal(again.body, expected);
    assert.equal(downloads.made.files, 2);
  });

  it('writes a file from one snapshot of the store: an edit saved while it is written is in none of it', async () => {
    await withOwnRecord({ partnerships: 3, years: 3, seed: 'snapshot' }, async (fresh, own) => {
      const before = await listPartnerships(fresh);
      assert.ok(before.length >= 3);
      const [, deleted, rewritten] = before as [StoredPartnership, StoredPartnership, StoredPartnership];
      const lineOf = (p: Partnership) => `${p.home} ${p.partner}: ${p.events.map((e) => e.text).join(' / ')}`;
      // A format that reads the record one partnership at a time, and that saves an edit after the first.
      const editing: Exporter = {
        ...exporterFor('text'),
        parts: undefined,
        async stream(out, _headings, read) {
          let batches = 0;
          for await (const partnerships of read()) {
            // After the first partnership is read, before the one deleted and the one rewritten are.
            if (batches++ === 0) {
              await fresh.transaction(async (trx) => {
                await deletePartnership(trx, deleted.home, deleted.partner);
                await trx.updateTable('events').set({ text: '書き換えた交流' }).where('id', '=', rewritten.events[0]!.id).execute();
              });
            }
            for (const p of partnerships) out.write(`${lineOf(p)}\n`);
          }
          out.end();
        },
      };
      const path = join(own, 'record.txt');
      await writeRecordFile(fresh, editing, settings, path, 1);
      assert.equal(readFileSync(path, 'utf8'), before.map((p) => `${lineOf(p)}\n`).join(''));
      const now = await listPartnerships(fresh);
      assert.equal(now.length, before.length - 1, 'the edit was saved meanwhile');
      assert.ok(now.some((p) => p.events[0]?.text === '書き換えた交流'));
    });
  });

  it('a file that cannot be made leaves no partial file and is tried again on the next request', async () => {
    const own = mkdtempSync(join(tmpdir(), 'koryu-downloads-test-'));
    const downloads = new RecordDownloads(store, settings, join(own, 'missing'));
    try {
      await assert.rejects(downloads.file('csv'), /ENOENT/);
      assert.equal(downloads.made.files, 0);
      assert.deepEqual(readdirSync(own), []);
      mkdirSync(join(own, 'missing'));
      const file = await downloads.file('csv');
      assert.equal(readFileSync(file.path, 'utf8'), (await exportOne(store, 'csv', {}, settings)).body);
      assert.deepEqual(readdirSync(join(own, 'missing')), [file.path.slice(join(own, 'missing').length + 1)], 'no partial file is left');
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
