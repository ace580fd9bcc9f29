import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupByHome, type PartnershipName } from './record-homes.js';

const named = (id: number, home: string, partner: string): PartnershipName => ({ id, home, partner, kind: '友好都市' });

test('groups partnerships by home, homes and partners in Japanese collation order', () => {
  const grouped = groupByHome([
    named(1, '富山市', '大連市'),
    named(2, '札幌市', '瀋陽市'),
    named(3, '富山市', 'ダーラム市'),
    named(4, '青森市', 'ケムニッツ市'),
    named(5, '札幌市', 'ポートランド市'),
  ]);
  assert.deepEqual(grouped.map((g) => g.home), ['札幌市', '青森市', '富山市']);
  assert.deepEqual(grouped.map((g) => g.partnerships.map((p) => p.id)), [[5, 2], [4], [3, 1]]);
});

test('gives nothing for no partnerships', () => {
  assert.deepEqual(groupByHome([]), []);
});
