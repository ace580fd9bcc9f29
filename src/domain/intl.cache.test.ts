import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateTimeFormat, numberFormat, pluralRules, relativeTimeFormat } from './intl.cache.js';
import { countOf, pluralForm } from './plural.js';

test('a formatter is made once per locale and options, and given back after', () => {
  assert.equal(pluralRules('en'), pluralRules('en'));
  assert.equal(numberFormat('ja', { style: 'percent' }), numberFormat('ja', { style: 'percent' }));
  assert.equal(dateTimeFormat('ja', { year: 'numeric', timeZone: 'UTC' }), dateTimeFormat('ja', { year: 'numeric', timeZone: 'UTC' }));
  assert.equal(relativeTimeFormat('ja', { numeric: 'auto' }), relativeTimeFormat('ja', { numeric: 'auto' }));
});

test('another locale, other options or another kind of formatter is another formatter', () => {
  assert.notEqual(pluralRules('en'), pluralRules('fr'));
  assert.notEqual(pluralRules('en'), pluralRules('en', { type: 'ordinal' }));
  assert.notEqual(numberFormat('ja'), numberFormat('ja', { style: 'percent' }));
  assert.notEqual(numberFormat('en') as object, pluralRules('en') as object);
  assert.equal(pluralRules('en-GB', { type: 'ordinal' }).select(2), 'two');
  assert.equal(pluralRules('en').select(2), 'other');
  assert.equal(numberFormat('ja', { style: 'percent', maximumFractionDigits: 0 }).format(0.25), '25%');
  assert.equal(numberFormat('ja').format(0.25), '0.25');
});

test('formatting with a kept formatter gives what a new one gives', () => {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  for (const locale of ['ja', 'en-GB', 'zh-Hans-CN']) {
    const date = new Date(Date.UTC(2019, 4, 1));
    assert.equal(dateTimeFormat(locale, options).format(date), new Intl.DateTimeFormat(locale, options).format(date));
  }
  assert.equal(relativeTimeFormat('ja', { numeric: 'auto' }).format(-1, 'day'), '昨日');
});

test('plural forms and counts read the kept rules', () => {
  assert.equal(pluralForm('en', 1, { one: 'event', other: 'events' }), 'event');
  assert.equal(pluralForm('en', 0, { one: 'event', other: 'events' }), 'events');
  assert.equal(countOf(1234, 'event', 'events'), '1,234 events');
  assert.equal(countOf(1, 'year', 'years'), '1 year');
});
