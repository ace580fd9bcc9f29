import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isUnchanged, type Partnership, type StoredPartnership } from '../domain/partnership.js';
import type { Store } from './database.js';
import { readGeneration } from './generation.repository.js';
import { listImports, recordImport } from './import.repository.js';
import { migrateToLatest } from './migrate.js';
import {
  countStore,
  deletePartnership,
  findPartnership,
  findPartnershipNames,
  findPartnerships,
  savePartnership,
} from './partnership.repository.js';
import { buildEvents, buildPartnership, buildRecords } from './test-factories.js';

/** The partnership as it was given: ids and update time dropped. */
function plain(p: StoredPartnership | undefined): Partnership {
  assert.ok(p, 'partnership should be stored');
  const { id: _id, updatedAt: _updatedAt, events, records, ...rest } = p;
  return {
    ...rest,
    events: events.map(({ id: _e, ...e }) => e),
    records: records.map(({ id: _r, ...r }) => r),
  };
}

/**
 * The behaviour every store must show, whatever database is behind it. `open` must return a store on
 * the same (initially empty) database each time it is called.
 */
export function runStoreContract(label: string, open: () => Promise<Store>): void {
  describe(`store contract: ${label}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
    });
    after(async () => {
      await store?.close();
    });

    it('runs migrations once: opening again finds the schema current', async () => {
      const again = await open();
      try {
        assert.deepEqual(await migrateToLatest(again.db, again.capabilities), []);
        assert.equal(again.kind, store.kind);
        await savePartnership(again.db, buildPartnership({ home: '移行確認市' }), null);
        assert.ok(await findPartnership(store.db, '移行確認市', '大連市'), 'both stores see the same database');
      } finally {
        await again.close();
      }
    });

    it('finds a saved partnership exactly as it was given', async () => {
      const p = buildPartnership();
      const summary = await savePartnership(store.db, p, 'kanazawa-dalian.txt');
      assert.deepEqual(summary, {
        home: '金沢市',
        partner: '大連市',
        created: true,
        detailsChanged: false,
        added: { events: 7, records: 3, years: 1 },
        changed: { events: 0, records: 0, years: 0 },
        removed: { events: 0, records: 0, years: 0 },
      });
      const found = await findPartnership(store.db, '金沢市', '大連市');
      assert.deepEqual(plain(found), p);
      assert.equal(typeof found?.id, 'number');
      assert.ok(found?.events.every((e) => typeof e.id === 'number'));
      assert.match(found?.updatedAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
    });

    it('keeps Japanese text, nulls, month dates and all four directions', async () => {
      const found = await findPartnership(store.db, '金沢市', '大連市');
      assert.ok(found);
      assert.deepEqual(new Set(found.events.map((e) => e.direction)), new Set(['dispatch', 'reception', 'mutual', 'unknown']));
      assert.equal(found.events[1]?.text, '夏市長が来訪し友好交流と協力に関する合意書に署名【友好交流都市協定を締結】');
      assert.deepEqual(
        found.events.map((e) => e.date),
        [null, '2006-11-24', '2007-05', null, '2016-08-03', null, null],
      );
      assert.equal(found.events[6]?.line, null);
      assert.deepEqual(found.records[2], { ...buildRecords()[2], id: found.records[2]?.id });

      const bare = buildPartnership({ home: '富山市', partner: '秦皇島市', kind: '友好都市', affiliatedOn: null, noExchangeYears: [], records: [] });
      await savePartnership(store.db, bare, null);
      assert.deepEqual(plain(await findPartnership(store.db, '富山市', '秦皇島市')), bare);
    });

    it('keeps record links to their events', async () => {
      const found = await findPartnership(store.db, '金沢市', '大連市');
      assert.ok(found);
      assert.deepEqual(found.records.map((r) => r.event), [1, 4, null]);
      assert.equal(found.events[found.records[1]!.event!]?.text, buildEvents()[4]?.text);
    });

    it('changes nothing when the same partnership is saved again', async () => {
      const before = await findPartnership(store.db, '金沢市', '大連市');
      const summary = await savePartnership(store.db, buildPartnership(), 'kanazawa-dalian-copy.txt');
      assert.ok(isUnchanged(summary), JSON.stringify(summary));
      assert.deepEqual(await findPartnership(store.db, '金沢市', '大連市'), before);
    });

    it('applies a corrected version in place, keeping ids', async () => {
      const before = await findPartnership(store.db, '金沢市', '大連市');
      assert.ok(before);
      const events = buildEvents();
      events[3] = { ...events[3]!, text: '遼寧師範大学訪問団が来訪し金沢大学を視察' };
      events.splice(6, 1); // 2019 市長が訪問 removed
      events.push({ year: 2021, date: '2021-11-24', direction: 'mutual', text: 'オンラインで友好交流15周年記念式典を開催', line: 40 });
      const records = buildRecords();
      records[1] = { ...records[1]!, event: 5 };
      const corrected = buildPartnership({ events, records, noExchangeYears: [2020, 2022] });

      const summary = await savePartnership(store.db, corrected, 'kanazawa-dalian-2.txt');
      assert.deepEqual(summary, {
        home: '金沢市',
        partner: '大連市',
        created: false,
        detailsChanged: false,
        added: { events: 1, records: 0, years: 1 },
        changed: { events: 1, records: 1, years: 0 },
        removed: { events: 1, records: 0, years: 0 },
        removedItems: [{ kind: 'event', year: 2019, text: '市長が訪問' }],
        // The relinked record reads as before: a change, but none a reader sees in the list.
        changedItems: [
          {
            kind: 'event',
            before: { year: 2007, date: null, direction: 'reception', text: '遼寧師範大学訪問団が来訪' },
            after: { year: 2007, date: null, direction: 'reception', text: '遼寧師範大学訪問団が来訪し金沢大学を視察' },
          },
        ],
      });

      const after = await findPartnership(store.db, '金沢市', '大連市');
      assert.ok(after);
      assert.deepEqual(plain(after), corrected);
      assert.equal(after.id, before.id);
      assert.deepEqual(
        after.events.slice(0, 6).map((e) => e.id),
        before.events.slice(0, 6).map((e) => e.id),
        'kept and changed events keep their ids',
      );
      assert.ok(!before.events.some((e) => e.id === after.events[6]?.id), 'the added event has a new id');
      assert.deepEqual(after.records.map((r) => r.id), before.records.map((r) => r.id));
      assert.ok(after.updatedAt >= before.updatedAt);
      assert.notEqual(after.updatedAt, before.updatedAt);

      const details = await savePartnership(store.db, { ...corrected, kind: '友好都市' }, null);
      assert.equal(details.detailsChanged, true);
      assert.deepEqual(details.details, { before: { kind: corrected.kind, affiliatedOn: corrected.affiliatedOn }, after: { kind: '友好都市', affiliatedOn: corrected.affiliatedOn } });
      assert.ok(!isUnchanged(details));
      await savePartnership(store.db, corrected, null);
    });

    it('keeps the stored kind and affiliation date a document leaves out, and takes those it gives', async () => {
      const stored = buildPartnership({ home: '金沢市', partner: '蘇州市', kind: '友好交流都市', affiliatedOn: '1981-06-04', noExchangeYears: [], records: [] });
      await savePartnership(store.db, stored, null);
      const silent = await savePartnership(store.db, { ...stored, kind: '', affiliatedOn: null }, null);
      assert.equal(silent.detailsChanged, false);
      assert.equal(silent.details, undefined);
      assert.ok(isUnchanged(silent));
      let now = (await findPartnership(store.db, '金沢市', '蘇州市'))!;
      assert.equal(now.kind, '友好交流都市');
      assert.equal(now.affiliatedOn, '1981-06-04');

      const dated = await savePartnership(store.db, { ...stored, kind: '', affiliatedOn: '1981-06-05' }, null);
      assert.equal(dated.detailsChanged, true);
      assert.deepEqual(dated.details, { before: { kind: '友好交流都市', affiliatedOn: '1981-06-04' }, after: { kind: '友好交流都市', affiliatedOn: '1981-06-05' } });
      now = (await findPartnership(store.db, '金沢市', '蘇州市'))!;
      assert.equal(now.affiliatedOn, '1981-06-05');
      assert.equal(now.kind, '友好交流都市');
      await deletePartnership(store.db, '金沢市', '蘇州市');

      // Created from a document that names no kind (a sheet without 種別): the default kind.
      assert.equal((await savePartnership(store.db, { ...stored, kind: '' }, null)).created, true);
      assert.equal((await findPartnership(store.db, '金沢市', '蘇州市'))?.kind, '交流都市');
      await deletePartnership(store.db, '金沢市', '蘇州市');
    });

    it('keeps two homes with the same partner apart', async () => {
      const other = buildPartnership({ home: '北九州市', kind: '友好都市', affiliatedOn: '1979-05-01', noExchangeYears: [] });
      await savePartnership(store.db, other, null);
      const kanazawa = await findPartnership(store.db, '金沢市', '大連市');
      const kitakyushu = await findPartnership(store.db, '北九州市', '大連市');
      assert.equal(kanazawa?.kind, '友好交流都市');
      assert.deepEqual(plain(kitakyushu), other);
      assert.notEqual(kanazawa?.id, kitakyushu?.id);
      const dalian = await findPartnerships(store.db, { partner: '大連市' });
      assert.deepEqual(dalian.map((p) => p.home), ['北九州市', '移行確認市', '金沢市']);
      const all = await findPartnerships(store.db);
      const keys = all.map((p) => [p.home, p.partner]);
      assert.deepEqual(keys, [...keys].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : 1)));
    });

    it('names the published partnerships of every home but one, in the record\'s order, without their events', async () => {
      await savePartnership(store.db, buildPartnership({ home: '下書き市' }), null);
      await store.db.updateTable('partnerships').set({ status: 'draft' }).where('home', '=', '下書き市').execute();
      try {
        const names = (await findPartnerships(store.db)).map((p) => ({ id: p.id, home: p.home, partner: p.partner, kind: p.kind }));
        const others = await findPartnershipNames(store.db, { exceptHome: '金沢市' });
        assert.deepEqual(others, names.filter((p) => p.home !== '金沢市'), 'the published ones, in the order findPartnerships gives');
        assert.ok(others.some((p) => p.home === '北九州市' && p.kind === '友好都市'));
        assert.ok(!others.some((p) => p.home === '金沢市' || p.home === '下書き市'), 'not the home left out, no draft');
        assert.deepEqual(await findPartnershipNames(store.db), names);
        assert.deepEqual(await findPartnershipNames(store.db, { exceptHome: '無い市' }), names);
      } finally {
        await deletePartnership(store.db, '下書き市', '大連市');
      }
    });

    it('leaves nothing behind when a transaction is rolled back', async () => {
      const countsBefore = await countStore(store.db);
      await assert.rejects(
        store.transaction(async (trx) => {
          await savePartnership(trx, buildPartnership({ home: '高岡市', partner: '錦州市' }), null);
          assert.ok(await findPartnership(trx, '高岡市', '錦州市'));
          throw new Error('abort on purpose');
        }),
        /abort on purpose/,
      );
      assert.equal(await findPartnership(store.db, '高岡市', '錦州市'), undefined);
      assert.deepEqual(await countStore(store.db), countsBefore);
    });

    it('reads one moment in a snapshot while a write commits beside it, and refuses writes through it', async () => {
      await store.transaction((trx) => savePartnership(trx, buildPartnership({ home: '小松市', partner: '蘇州市' }), null));
      const generation = await readGeneration(store.db);
      const countsBefore = await countStore(store.db);
      const seen = await store.snapshot(async (reader) => {
        // Committed after the snapshot began and before it read anything: not in it.
        await store.transaction(async (trx) => {
          assert.equal(await deletePartnership(trx, '小松市', '蘇州市'), true);
          await savePartnership(trx, buildPartnership({ home: '小松市', partner: '天津市' }), null);
        });
        assert.equal(await findPartnership(store.db, '小松市', '蘇州市'), undefined, 'the store itself sees the write');
        await assert.rejects(reader.transaction(async () => 'never'), /only reads/);
        const read = {
          kept: await findPartnership(reader.db, '小松市', '蘇州市'),
          added: await findPartnership(reader.db, '小松市', '天津市'),
          counts: await countStore(reader.db),
          generation: await readGeneration(reader.db),
          nested: await reader.snapshot(async (again) => (again === reader ? 'the same reader' : 'another')),
        };
        // Last: on PostgreSQL the refused write ends the snapshot's transaction.
        await assert.rejects(savePartnership(reader.db, buildPartnership({ home: '小松市', partner: '揚州市' }), null));
        return read;
      });
      assert.ok(seen.kept, 'the deleted partnership is still in the snapshot');
      assert.equal(seen.kept.events.length, 7);
      assert.equal(seen.added, undefined);
      assert.deepEqual(seen.counts, countsBefore);
      assert.equal(seen.generation, generation);
      assert.equal(seen.nested, 'the same reader');
      assert.equal(await findPartnership(store.db, '小松市', '揚州市'), undefined, 'nothing was written through the snapshot');
      assert.ok(await findPartnership(store.db, '小松市', '天津市'));
      assert.ok((await readGeneration(store.db)) > generation);
    });

    it('ends a snapshot whose function fails, and reads on', async () => {
      await assert.rejects(
        store.snapshot(async (reader) => {
          await countStore(reader.db);
          throw new Error('failed on purpose');
        }),
        /failed on purpose/,
      );
      await store.transaction((trx) => savePartnership(trx, buildPartnership({ home: '七尾市', partner: '金泉市' }), null));
      assert.ok(await store.snapshot((reader) => findPartnership(reader.db, '七尾市', '金泉市')), 'a new snapshot sees what was written since');
      // Work the function left running reads nothing once the snapshot has ended.
      let left: Store | undefined;
      await store.snapshot(async (reader) => void (left = reader));
      await assert.rejects(countStore(left!.db), /snapshot of the store has ended/);
      assert.ok(await findPartnership(store.db, '七尾市', '金泉市'));
    });

    it('counts with numbers', async () => {
      const before = await countStore(store.db);
      for (const value of Object.values(before)) assert.equal(typeof value, 'number');
      await savePartnership(store.db, buildPartnership({ home: '七尾市', partner: '金山市' }), null);
      const after = await countStore(store.db);
      assert.deepEqual(after, {
        partnerships: before.partnerships + 1,
        events: before.events + 7,
        records: before.records + 3,
      });
    });

    it('deletes a partnership with its events, records and years', async () => {
      const before = await countStore(store.db);
      assert.equal(await deletePartnership(store.db, '七尾市', '金山市'), true);
      assert.equal(await deletePartnership(store.db, '七尾市', '金山市'), false);
      assert.equal(await findPartnership(store.db, '七尾市', '金山市'), undefined);
      assert.deepEqual(await countStore(store.db), {
        partnerships: before.partnerships - 1,
        events: before.events - 7,
        records: before.records - 3,
      });
      // The no-exchange marks went too: a new partnership of the same name starts empty.
      await savePartnership(store.db, buildPartnership({ home: '七尾市', partner: '金山市', noExchangeYears: [], events: [], records: [] }), null);
      assert.deepEqual((await findPartnership(store.db, '七尾市', '金山市'))?.noExchangeYears, []);
    });

    it('logs imports, newest first, with numeric counts', async () => {
      const summary = await savePartnership(store.db, buildPartnership({ home: '小松市', partner: '済寧市' }), 'komatsu-jining.txt');
      await recordImport(store.db, 'kanazawa-dalian.txt', { ...summary, home: '金沢市', partner: '大連市' });
      const entry = await recordImport(store.db, 'komatsu-jining.txt', summary);
      const imports = await listImports(store.db);
      assert.equal(imports[0]?.id, entry.id);
      assert.deepEqual(imports[0], {
        id: entry.id,
        source: 'komatsu-jining.txt',
        home: '小松市',
        partner: '済寧市',
        importedAt: entry.importedAt,
        added: { events: 7, records: 3 },
        changed: { events: 0, records: 0 },
        removed: { events: 0, records: 0 },
        actor: null,
        undoes: null,
        undoneBy: null,
      });
      assert.equal((await listImports(store.db, { limit: 1 })).length, 1);
      const web = await recordImport(store.db, 'kanazawa-dalian.xlsx', { ...summary, home: '金沢市', partner: '大連市' }, 'sato');
      assert.deepEqual(
        (await listImports(store.db, { home: '金沢市', partner: '大連市' })).map((i) => [i.source, i.actor]),
        [['kanazawa-dalian.xlsx', 'sato'], ['kanazawa-dalian.txt', null]],
        'one partnership’s imports, newest first, with who made them',
      );
      assert.equal((await listImports(store.db, { home: '金沢市', partner: '大連市', limit: 1 }))[0]?.id, web.id);
    });

    it('rejects a record linked to an event that does not exist', async () => {
      const records = [{ year: 2006, caption: '存在しない行事', event: 99, line: null }];
      await assert.rejects(savePartnership(store.db, buildPartnership({ home: '白山市', records }), null), RangeError);
      assert.equal(await findPartnership(store.db, '白山市', '大連市'), undefined);
    });

    it('keeps an exchange whose direction alone was corrected (its id, translations and photo link), and does not pair unrelated ones', async () => {
      const home = '小松市';
      const events = buildEvents();
      events[4] = { ...events[4]!, translations: { en: 'Mayor Yamano visited and signed the agreement' } };
      await savePartnership(store.db, buildPartnership({ home, events }), null);
      const before = await findPartnership(store.db, home, '大連市');
      assert.ok(before);

      // A re-import (no translations given) in which 2016 派遣 became 受入, and 2019's exchange was replaced by another.
      const corrected = buildEvents();
      corrected[4] = { ...corrected[4]!, direction: 'reception' };
      corrected[6] = { year: 2019, date: null, direction: 'unknown', text: '大連国際マラソン大会に市民ランナーを派遣', line: null };
      const summary = await savePartnership(store.db, buildPartnership({ home, events: corrected }), 'komatsu-dalian.txt');
      assert.deepEqual([summary.added, summary.changed, summary.removed], [
        { events: 1, records: 0, years: 0 },
        { events: 1, records: 0, years: 0 },
        { events: 1, records: 0, years: 0 },
      ]);
      assert.deepEqual(summary.removedItems, [{ kind: 'event', year: 2019, text: '市長が訪問' }]);

      const after = await findPartnership(store.db, home, '大連市');
      assert.ok(after);
      assert.equal(after.events[4]?.id, before.events[4]?.id);
      assert.equal(after.events[4]?.direction, 'reception');
      assert.deepEqual(after.events[4]?.translations, { en: 'Mayor Yamano visited and signed the agreement' });
      assert.deepEqual(after.records.map((r) => [r.id, r.event]), before.records.map((r) => [r.id, r.event]));
      assert.notEqual(after.events[6]?.id, before.events[6]?.id);
      assert.equal(await deletePartnership(store.db, home, '大連市'), true);
    });

    describe('translations of event texts and captions', () => {
      const home = '加賀市';
      /** The Kanazawa–Dalian partnership under another home, with translations on two events and one record. */
      const translated = (): Partnership => {
        const events = buildEvents();
        events[0] = { ...events[0]!, translations: { en: 'A delegation of the city English training visited', zh: '市英语教育研修派遣团访问' } };
        events[4] = { ...events[4]!, translations: { zh: '山野市长访问并签署《关于进一步发展友好交流的协议书》' } };
        const records = buildRecords();
        records[1] = { ...records[1]!, translations: { en: 'Mayor Yamano visits Dalian' } };
        return buildPartnership({ home, events, records });
      };
      const rowsOf = async (kind: 'event' | 'record', ids: readonly number[]) =>
        store.db.selectFrom('translations').select(['item_id', 'locale', 'text']).where('item_kind', '=', kind).where('item_id', 'in', ids).execute();

      it('round-trips through save and find, set only on items that have any', async () => {
        const p = translated();
        await savePartnership(store.db, p, null);
        const found = await findPartnership(store.db, home, '大連市');
        assert.deepEqual(plain(found), p);
        assert.ok(found && !('translations' in found.events[1]!) && !('translations' in found.records[0]!));
        assert.deepEqual(Object.keys(found.events[0]!.translations ?? {}), ['en', 'zh']);
        // Other homes' items are not given them.
        assert.ok((await findPartnership(store.db, '金沢市', '大連市'))?.events.every((e) => !('translations' in e)));
      });

      it('keeps stored translations when saved again without them, as a re-import does', async () => {
        const before = await findPartnership(store.db, home, '大連市');
        const summary = await savePartnership(store.db, buildPartnership({ home }), 'kaga-dalian.txt');
        assert.ok(isUnchanged(summary), JSON.stringify(summary));
        assert.deepEqual(await findPartnership(store.db, home, '大連市'), before);

        // An edited event keeps its id, and with it its translations when none are given.
        const events = buildEvents();
        events[0] = { ...events[0]!, text: '市英語教育研修参加派遣団が大連を訪問' };
        const edited = await savePartnership(store.db, buildPartnership({ home, events }), null);
        assert.deepEqual(edited.changed, { events: 1, records: 0, years: 0 });
        const after = await findPartnership(store.db, home, '大連市');
        assert.equal(after?.events[0]?.id, before?.events[0]?.id);
        assert.deepEqual(after?.events[0]?.translations, translated().events[0]!.translations);
        await savePartnership(store.db, buildPartnership({ home }), null);
      });

      it('counts other translations as a change of the item, keeping its id', async () => {
        const before = await findPartnership(store.db, home, '大連市');
        assert.ok(before);
        const p = translated();
        p.events[0] = { ...p.events[0]!, translations: { en: 'The city English training delegation visited', zh: p.events[0]!.translations!.zh! } };
        p.events[4] = { ...p.events[4]!, translations: {} }; // an empty set removes them
        p.records[1] = { ...p.records[1]!, translations: { en: 'Mayor Yamano visits Dalian', zh: '山野市长访问大连市' } };
        const summary = await savePartnership(store.db, p, null);
        assert.deepEqual(summary.changed, { events: 2, records: 1, years: 0 });
        assert.deepEqual([summary.added, summary.removed], [{ events: 0, records: 0, years: 0 }, { events: 0, records: 0, years: 0 }]);

        const after = await findPartnership(store.db, home, '大連市');
        assert.ok(after);
        assert.deepEqual(after.events.map((e) => e.id), before.events.map((e) => e.id));
        assert.deepEqual(after.records.map((r) => r.id), before.records.map((r) => r.id));
        assert.equal(after.events[0]?.translations?.en, 'The city English training delegation visited');
        assert.ok(!('translations' in after.events[4]!));
        assert.deepEqual(after.records[1]?.translations, { en: 'Mayor Yamano visits Dalian', zh: '山野市长访问大连市' });
        assert.notEqual(after.updatedAt, before.updatedAt);
        assert.deepEqual(await rowsOf('event', [after.events[4]!.id]), []);

        // The same translations given again are no change.
        assert.ok(isUnchanged(await savePartnership(store.db, p, null)));
      });

      it('removes the translations of removed events and records, and of a deleted partnership', async () => {
        const before = await findPartnership(store.db, home, '大連市');
        assert.ok(before);
        const p = translated();
        p.events.splice(0, 1);
        p.records.splice(1, 1);
        p.records[0] = { ...p.records[0]!, event: 0 };
        const summary = await savePartnership(store.db, p, null);
        assert.deepEqual([summary.removed.events, summary.removed.records], [1, 1]);
        assert.deepEqual(await rowsOf('event', [before.events[0]!.id]), []);
        assert.deepEqual(await rowsOf('record', [before.records[1]!.id]), []);

        const after = await findPartnership(store.db, home, '大連市');
        assert.ok(after);
        assert.equal((await rowsOf('event', after.events.map((e) => e.id))).length, 1, 'the translation of the event kept');
        assert.equal(await deletePartnership(store.db, home, '大連市'), true);
        assert.deepEqual(await rowsOf('event', after.events.map((e) => e.id)), []);
        assert.deepEqual(await rowsOf('record', after.records.map((r) => r.id)), []);
      });
    });
  });
}
