import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { RowCounter } from '../../test/support/row-counter.js';
import { importSampleAndCorpus } from '../../test/support/sample-and-corpus.js';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { LICENCE_PRESETS } from '../domain/licence.js';
import { homesNamed, writeAtom } from '../exports/atom.js';
import type { Store } from '../storage/database.js';
import { eventPublications, exportFeed, exportOne, type ExportSettings } from './export.service.js';
import { importDocuments } from './import.service.js';
import { listPartnerships } from './record.service.js';

const settings: ExportSettings = { licence: { ...LICENCE_PRESETS['cc-by-4.0']!, attribution: '金沢市' }, siteUrl: 'https://koryu.example/', generatedAt: '2026-11-27T00:00:00.000Z' };

/** The feed as writeAtom makes it from the whole record: what exportFeed must give without reading it. */
async function feedOfWholeRecord(store: Store): Promise<string> {
  const partnerships = await listPartnerships(store);
  return writeAtom(partnerships, { ...settings, events: await eventPublications(store, partnerships) });
}

describeOnEachStore('the Atom feed of the whole record (exportFeed)', (openFresh) => {
  let store: Store;
  let allEvents = 0;
  before(async () => {
    store = await openFresh();
    await importSampleAndCorpus(store, { partnerships: 4, years: 20, seed: 'feed' });
    allEvents = (await listPartnerships(store)).reduce((n, p) => n + p.events.length, 0);
  });
  after(async () => store?.close());

  it('is the feed of the whole record, read from the partnerships of its newest events alone', async () => {
    const counter = new RowCounter();
    const counted: Store = { ...store, db: store.db.withPlugin(counter) };
    const feed = await exportFeed(counted, settings);
    assert.equal(feed, await feedOfWholeRecord(store));
    assert.equal((feed.match(/<entry>/g) ?? []).length, 50);
    // Imported together, the events share a time: the newest are the last ids, all in one partnership, which is
    // read with its events' publication times, beside the 50 newest and the homes.
    const partnerships = await listPartnerships(store);
    const newestId = Math.max(...partnerships.flatMap((p) => p.events.map((e) => e.id)));
    const last = partnerships.find((p) => p.events.some((e) => e.id === newestId))!;
    const bound = 2 * (last.events.length + last.records.length + last.noExchangeYears.length) + 50 + 20;
    assert.ok(bound < allEvents, `${bound} of ${allEvents}`);
    assert.ok(counter.rows <= bound, `${counter.rows} rows read for ${allEvents} events (at most ${bound})`);
  });

  it('orders by publication time, then id, leaves drafts and draft partnerships out, and names every home in its title', async () => {
    const partnerships = await listPartnerships(store);
    assert.equal(partnerships.length, 5);
    const [a, b, c, d, e] = partnerships as [(typeof partnerships)[number], (typeof partnerships)[number], (typeof partnerships)[number], (typeof partnerships)[number], (typeof partnerships)[number]];
    const set = async (id: number, createdAt: string, status: 'draft' | 'published' = 'published') =>
      store.db.updateTable('events').set({ created_at: createdAt, status }).where('id', '=', id).execute();
    // The 50 newest: 40 of A (two sharing a time), 9 of B, and the 50th, alone of its partnership, in D. Newer
    // still: a draft event of C, and an event of E, which becomes a draft partnership. Counting either would push
    // D's event out of the 50 read, and the feed would differ from the whole record's.
    for (const [i, event] of a.events.slice(0, 40).entries()) await set(event.id, `2030-01-01T01:${String(Math.min(i, 38)).padStart(2, '0')}:00.000Z`);
    for (const [i, event] of b.events.slice(0, 9).entries()) await set(event.id, `2030-01-01T00:${String(30 + i).padStart(2, '0')}:00.000Z`);
    await set(d.events[0]!.id, '2030-01-01T00:10:00.000Z');
    await set(c.events[0]!.id, '2030-01-02T00:00:00.000Z', 'draft');
    await set(e.events[0]!.id, '2030-01-02T00:00:00.000Z');
    await store.db.updateTable('partnerships').set({ status: 'draft' }).where('id', '=', e.id).execute();
    await store.transaction(async () => {}); // a write: the feed kept is of the generation before
    const feed = await exportFeed(store, settings);
    assert.equal(feed, await feedOfWholeRecord(store));
    const entryIds = [...feed.matchAll(/<id>https:\/\/koryu\.example\/events\/(\d+)<\/id>/g)].map((m) => Number(m[1]));
    assert.equal(entryIds.length, 50);
    assert.equal(entryIds.at(-1), d.events[0]!.id);
    assert.deepEqual(entryIds.slice(0, 2), [a.events[39]!.id, a.events[38]!.id], 'a tie of time: the larger id first');
    assert.ok(!entryIds.includes(c.events[0]!.id) && !entryIds.includes(e.events[0]!.id));
    const homes = [...new Set((await listPartnerships(store)).map((p) => p.home))];
    assert.ok(homes.length >= 2);
    assert.ok(feed.includes(`<title>${homesNamed(homes)} 国際交流の記録：新着の交流</title>`));
  });

  it('is kept while the store is unchanged, and made again after a write', async () => {
    const first = await exportFeed(store, settings);
    const [newest] = await store.db.selectFrom('events').select('id').where('status', '=', 'published').orderBy('id').limit(1).execute();
    await store.db.updateTable('events').set({ created_at: '2031-01-01T00:00:00.000Z' }).where('id', '=', newest!.id).execute();
    assert.equal(await exportFeed(store, settings), first, 'a change outside a write transaction is not seen until the next write');
    await store.transaction(async () => {});
    const again = await exportFeed(store, settings);
    assert.notEqual(again, first);
    assert.equal(again, await feedOfWholeRecord(store));
  });

  it('is what the whole record’s atom download gives', async () => {
    const { body } = await exportOne(store, 'atom', {}, settings);
    assert.equal(body, await feedOfWholeRecord(store));
  });
});

describeOnEachStore('the Atom feed without the site URL (the default)', (openFresh) => {
  const sample = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url), 'utf8');
  const noSite: ExportSettings = { licence: settings.licence, generatedAt: settings.generatedAt };
  /** Each entry's id by its summary (year or date, direction, text: what tells the sample's events apart). */
  const entryIds = (feed: string) => new Map([...feed.matchAll(/<entry>[\s\S]*?<id>([^<]*)<\/id>[\s\S]*?<summary[^>]*>([^<]*)<\/summary>/g)].map((m) => [m[2]!, m[1]!]));
  let store: Store;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: Buffer.from(sample) }], { home: '金沢市', maxDocumentBytes: 1e7 });
  });
  after(async () => store?.close());

  it('names each entry by its stored event, and keeps the names when an import adds an event before them', async () => {
    const before = entryIds(await exportFeed(store, noSite));
    assert.equal(before.size, 50);
    const ids = new Set((await listPartnerships(store)).flatMap((p) => p.events.map((e) => `urn:koryu:event:${encodeURIComponent('金沢市')}:${e.id}`)));
    for (const id of before.values()) assert.ok(ids.has(id), id);

    const added = sample.replace('\t派遣\t市英語教育研修参加派遣団が訪問', '\t派遣\t友好交流都市提携記念の市民訪問団が訪問 市英語教育研修参加派遣団が訪問');
    assert.notEqual(added, sample);
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: Buffer.from(added) }], { home: '金沢市', maxDocumentBytes: 1e7 });
    const after = entryIds(await exportFeed(store, noSite));
    let kept = 0;
    for (const [summary, id] of before) {
      if (!after.has(summary)) continue;
      assert.equal(after.get(summary), id, summary);
      kept++;
    }
    assert.ok(kept >= 40, `${kept} entries in both feeds`);
  });

  it('gives every entry content (RFC 4287 §4.1.1: content or an alternate link)', async () => {
    const entries = (await exportFeed(store, noSite)).match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
    assert.equal(entries.length, 50);
    for (const entry of entries) assert.match(entry, /<content type="xhtml"><div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"><p>[^<]+<\/p>/);
  });
});
