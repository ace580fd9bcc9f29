import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PARTNER_FACET_SIZE, shownPartners } from './search.page.js';

const facet = (counts: number[]) => counts.map((count, i) => ({ partner: `P${String(i).padStart(3, '0')}`, count }));

test('the partner facet lists every partner city while there are few', () => {
  const few = facet([3, 1, 2]);
  assert.deepEqual(shownPartners(few, undefined), { shown: few, hidden: 0 });
  const exactly = facet(Array.from({ length: PARTNER_FACET_SIZE }, () => 1));
  assert.equal(shownPartners(exactly, undefined).hidden, 0);
});

test('the partner facet keeps the cities with the most matches, in its own order, and counts the rest', () => {
  const many = facet([1, 9, 1, 7, 8, 1, 1]);
  const { shown, hidden } = shownPartners(many, undefined, 3);
  assert.deepEqual(shown.map((p) => p.partner), ['P001', 'P003', 'P004']);
  assert.equal(hidden, 4);
  // Ties go to the earlier entry of the facet.
  assert.deepEqual(shownPartners(facet([2, 2, 2, 2]), undefined, 2).shown.map((p) => p.partner), ['P000', 'P001']);
});

test('the selected partner city stays listed, so its filter can be removed', () => {
  const many = facet([1, 9, 1, 7, 8, 1, 1]);
  const { shown, hidden } = shownPartners(many, 'P006', 3);
  assert.deepEqual(shown.map((p) => p.partner), ['P001', 'P003', 'P004', 'P006']);
  assert.equal(hidden, 3);
});
