import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { deletePartnership, savePartnership } from './partnership.repository.js';
import { findPlaceNames, isKnownPlace, listPlaces, mergePlaceNames, savePlaceName } from './place-name.repository.js';
import { buildPartnership } from './test-factories.js';

describeOnEachStore('place names', (open) => {
  it('keeps one set of names per place, whatever the number of partnerships naming it', async () => {
    const store = await open();
    try {
      await savePartnership(store.db, buildPartnership(), null);
      await savePartnership(store.db, buildPartnership({ partner: 'ナンシー市', kind: '姉妹都市' }), null);
      await savePartnership(store.db, buildPartnership({ home: '富山市' }), null);
      assert.equal(await savePlaceName(store.db, '金沢市', { en: 'Kanazawa', zh: '金泽市' }, 'honyaku'), true);
      assert.equal(await savePlaceName(store.db, '大連市', { en: 'Dalian' }, 'honyaku'), true);
      assert.deepEqual(
        [...(await findPlaceNames(store.db))],
        [
          ['大連市', { en: 'Dalian' }],
          ['金沢市', { en: 'Kanazawa', zh: '金泽市' }],
        ],
      );
      const places = await listPlaces(store.db);
      assert.deepEqual(
        places.map((p) => [p.name, p.home, p.partner, p.translations, p.updatedBy]),
        [
          ['ナンシー市', false, true, {}, null],
          ['大連市', false, true, { en: 'Dalian' }, 'honyaku'],
          ['富山市', true, false, {}, null],
          ['金沢市', true, false, { en: 'Kanazawa', zh: '金泽市' }, 'honyaku'],
        ],
      );
      assert.match(places[3]?.updatedAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
      assert.deepEqual(
        await Promise.all(['ナンシー市', '富山市', '架空市'].map((n) => isKnownPlace(store.db, n))),
        [true, true, false],
      );
    } finally {
      await store.close();
    }
  });

  it('replaces the whole set on the staff page: a locale left out is removed, the same set changes nothing', async () => {
    const store = await open();
    try {
      await savePlaceName(store.db, '大連市', { en: 'Dalian', zh: '大连市' }, 'a');
      assert.equal(await savePlaceName(store.db, '大連市', { en: 'Dalian', zh: '大连市' }, 'b'), false);
      assert.equal((await listPlaces(store.db))[0]?.updatedBy, 'a');
      assert.equal(await savePlaceName(store.db, '大連市', { zh: '大连' }, 'b'), true);
      assert.deepEqual((await findPlaceNames(store.db)).get('大連市'), { zh: '大连' });
      assert.equal(await savePlaceName(store.db, '大連市', {}, 'b'), true);
      assert.equal((await findPlaceNames(store.db)).size, 0);
    } finally {
      await store.close();
    }
  });

  it('merges an import: each locale given replaces the stored one, the rest stay; a deleted partnership leaves its names listed last', async () => {
    const store = await open();
    try {
      await savePartnership(store.db, buildPartnership(), null);
      await savePlaceName(store.db, '大連市', { en: 'Dalian', zh: '大连市' }, 'a');
      const changed = await mergePlaceNames(store.db, new Map([['大連市', { en: 'Dalian City' }], ['金沢市', { en: 'Kanazawa', zh: '金泽市' }]]));
      assert.equal(changed, 3);
      assert.equal(await mergePlaceNames(store.db, new Map([['金沢市', { en: 'Kanazawa' }]])), 0);
      assert.deepEqual((await findPlaceNames(store.db)).get('大連市'), { en: 'Dalian City', zh: '大连市' });
      await deletePartnership(store.db, '金沢市', '大連市');
      const places = await listPlaces(store.db);
      assert.deepEqual(places.map((p) => [p.name, p.home || p.partner]), [['大連市', false], ['金沢市', false]]);
      assert.equal(places[1]?.updatedBy, null);
      assert.equal(await isKnownPlace(store.db, '金沢市'), true, 'a place with names stays known, so staff can clear them');
    } finally {
      await store.close();
    }
  });
});
