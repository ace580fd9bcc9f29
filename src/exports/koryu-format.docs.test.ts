// docs/format.md against the code: the keys koryu/1's writers write, and the affiliation date every reader takes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { checkPartnership } from '../domain/editing.js';
import { LICENCE_PRESETS } from '../domain/licence.js';
import type { Partnership } from '../domain/partnership.js';
import { csvSheet } from '../importer/csv.read.js';
import { readKoryuJson } from '../importer/koryu-json.js';
import { parseText } from '../importer/parse-document.js';
import { readSheets } from '../importer/sheet.read.js';
import { jsonExporter } from './json.js';

const formatMd = readFileSync(new URL('../../docs/format.md', import.meta.url), 'utf8');
/** The text of a section of format.md, from its heading to the next heading of any level. */
const section = (heading: string) => {
  const at = formatMd.indexOf(`\n${heading}\n`);
  assert.ok(at >= 0, heading);
  const next = formatMd.slice(at + heading.length + 2).search(/^#{1,6} /m);
  return formatMd.slice(at, next < 0 ? undefined : at + heading.length + 2 + next);
};
/** The keys a section's tables document (`| \`key\` |` at the start of a row). */
const documentedKeys = (text: string) => new Set([...text.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!));

const licence = { ...LICENCE_PRESETS['cc-by-4.0']!, attribution: '金沢市 国際交流の記録' };
const dalian: Partnership = {
  home: '金沢市', partner: '大連市', kind: '友好交流都市', affiliatedOn: '2006-11-24', noExchangeYears: [2021], records: [],
  events: [{ year: 2006, date: null, direction: 'dispatch', text: '市長が訪問', line: null }],
};

async function streamed(): Promise<string> {
  let text = '';
  const out = new Writable({ write: (chunk, _encoding, done) => void ((text += chunk.toString()), done()) });
  await jsonExporter.stream!(out, [dalian], async function* () { yield [dalian]; }, { licence });
  return text;
}

describe('docs/format.md describes the koryu/1 the exports write', () => {
  it('documents every key of the document, the licence among them, as the export writes it (whole and streamed)', async () => {
    for (const text of [jsonExporter.write([dalian], { licence }) as string, await streamed()]) {
      const doc = JSON.parse(text) as Record<string, unknown>;
      assert.deepEqual(Object.keys(doc), ['format', 'licence', 'partnerships', 'organizations', 'diagnostics']);
      const documented = documentedKeys(section('## The document'));
      for (const key of Object.keys(doc)) assert.ok(documented.has(key), `${key} is not in format.md's table of the document`);
      const licenceKeys = documentedKeys(section('## Licence in koryu/1'));
      for (const key of Object.keys(doc.licence as object)) assert.ok(licenceKeys.has(key), `licence.${key} is not in format.md's licence table`);
    }
  });

  it('documents the place names, written whole and streamed alike, after the organisations', async () => {
    const names = new Map([['大連市', { zh: '大连市', en: 'Dalian' }], ['ナンシー市', { en: 'Nancy' }]]);
    const whole = jsonExporter.write([dalian], { names }) as string;
    let text = '';
    const out = new Writable({ write: (chunk, _encoding, done) => void ((text += chunk.toString()), done()) });
    await jsonExporter.stream!(out, [dalian], async function* () { yield [dalian]; }, { names });
    assert.equal(text, whole);
    const doc = JSON.parse(whole) as Record<string, unknown>;
    assert.deepEqual(Object.keys(doc), ['format', 'partnerships', 'organizations', 'names', 'diagnostics']);
    assert.deepEqual(JSON.stringify(doc.names), '{"大連市":{"en":"Dalian","zh":"大连市"}}', 'only the places written, en before zh');
    assert.ok(documentedKeys(section('## The document')).has('names'));
    assert.deepEqual([...documentedKeys(section('### Place names'))], ['en', 'zh']);
  });

  it('says affiliatedOn is a whole day, as the koryu/1 reader, the layouts, the sheets and the editor all take it', () => {
    const row = section('### Partnership').split('\n').find((l) => l.startsWith('| `affiliatedOn` |'))!;
    assert.match(row, /`YYYY-MM-DD`/);
    assert.doesNotMatch(row, /YYYY-MM`? passes/);
    const doc = (affiliatedOn: string) => JSON.stringify({ format: 'koryu/1', partnerships: [{ ...dalian, affiliatedOn }] });
    assert.deepEqual(readKoryuJson(doc('2006-11-24'), '金沢市').partnerships[0]?.affiliatedOn, '2006-11-24');
    assert.deepEqual(readKoryuJson(doc('2006-11'), '金沢市').diagnostics.map((d) => d.message), ['partnerships[0].affiliatedOn: must be YYYY-MM-DD or null']);
    // Nothing else stores a month alone, so an export never holds one.
    const table = (line: string) => ['友好交流都市大連市との歩み 交流年表', '', line, '', '年\t\t交流内容', '2006年 (平成18年)\t派遣\t市長が訪問', ''].join('\n');
    assert.equal(parseText(table('友好交流都市提携：2006年（平成18年）11月24日'), { home: '金沢市' }).partnerships[0]!.affiliatedOn, '2006-11-24');
    assert.equal(parseText(table('友好交流都市提携：2006年（平成18年）11月'), { home: '金沢市' }).partnerships[0]!.affiliatedOn, null);
    const sheet = (date: string) => readSheets([csvSheet('x.csv', `相手都市,提携日,年（西暦）,交流内容\r\n大連市,${date},2006,市長が訪問\r\n`)], { home: '金沢市' });
    assert.equal(sheet('2006-11-24').partnerships[0]!.affiliatedOn, '2006-11-24');
    assert.equal(sheet('2006-11').partnerships[0]!.affiliatedOn, null);
    const edit = { home: '金沢市', partner: '大連市', kind: '友好交流都市', noExchangeYears: [], status: 'published' as const };
    assert.deepEqual(checkPartnership({ ...edit, affiliatedOn: '2006-11' }), [{ field: 'affiliatedOn', problem: 'invalidDate' }]);
  });
});
