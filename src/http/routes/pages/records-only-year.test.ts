import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importDocuments } from '../../../services/import.service.js';
import { listPartnerships } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { openSqliteStore } from '../../../storage/sqlite/connect.js';
import { buildApp } from '../../app.js';
import type { PdfRenderer } from '../../pdf-renderer.js';

/**
 * Sister-city exchanges of Toyama with Qinhuangdao: 2022 marked as a year without exchange, 2024 holding only a
 * photo record (an exchange recorded by its photo alone), unmarked.
 */
const DOCUMENT = {
  format: 'koryu/1',
  partnerships: [
    {
      partner: '秦皇島市',
      kind: '友好都市',
      affiliatedOn: '1981-05-20',
      noExchangeYears: [2022],
      events: [
        { year: 2019, direction: 'dispatch', text: '青少年交流団を派遣' },
        { year: 2023, direction: 'reception', text: '秦皇島市訪問団が来訪' },
      ],
      records: [{ year: 2024, caption: '友好提携記念植樹の様子', event: null }],
    },
  ],
};

/** The cells of the year's first row of a timeline table, without their markup. */
function yearRow(html: string, year: number): string {
  const row = new RegExp(`<tr[^>]*>\\s*<th scope="row"[^>]*>(?:(?!</tr>)[\\s\\S])*?${year}(?:(?!</tr>)[\\s\\S])*</tr>`).exec(html)?.[0];
  assert.ok(row, `a row for ${year}`);
  return row.replace(/<[^>]+>/g, '');
}

describe('a year holding only photo records is not a year without exchange', () => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let id: number;
  const rendered: string[] = [];
  const pdf: PdfRenderer = {
    async render(html) {
      rendered.push(html);
      return Buffer.from('%PDF-1.4 fake');
    },
    async close() {},
  };
  before(async () => {
    store = await openSqliteStore(':memory:');
    await importDocuments(store, [{ name: 'toyama.json', bytes: Buffer.from(JSON.stringify(DOCUMENT)) }], { home: '富山市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '富山市', pdf });
    id = (await listPartnerships(store, { partner: '秦皇島市' }))[0]!.id;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('the API says 2024 is not marked', async () => {
    const years = (await app.inject(`/api/partnerships/${id}/years`)).json() as { items?: unknown[] } | unknown[];
    const list = (Array.isArray(years) ? years : (years.items ?? [])) as { year: number; noExchange: boolean; records: number }[];
    assert.deepEqual(list.find((y) => y.year === 2024), { year: 2024, noExchange: false, events: 0, records: 1 });
  });

  for (const [locale, none, only] of [
    ['ja', '交流なし', '交流の記録のみ'],
    ['en', 'No exchange', 'Photo records only'],
    ['zh', '无交流', '仅有交流记录'],
  ] as const) {
    it(`the ${locale} timeline says 2022 has no exchange and that 2024 has photo records only, linking them`, async () => {
      const html = (await app.inject(`/${locale}/partnerships/${id}`)).body;
      assert.ok(yearRow(html, 2022).includes(none), yearRow(html, 2022));
      const row2024 = yearRow(html, 2024);
      assert.ok(!row2024.includes(none), row2024);
      assert.ok(row2024.includes(only), row2024);
      assert.match(html, /<tr id="y2024">[\s\S]*?<a href="#r\d+">/);
    });

    it(`the ${locale} print view and its PDF and yearbook say likewise`, async () => {
      rendered.length = 0;
      const pages = [
        (await app.inject(`/${locale}/partnerships/${id}/print`)).body,
        ((await app.inject(`/${locale}/partnerships/${id}.pdf`)).statusCode, rendered.pop()!),
        ((await app.inject(`/${locale}/partnerships/${id}/yearbook.pdf`)).statusCode, rendered.pop()!),
      ];
      for (const html of pages) {
        assert.ok(yearRow(html, 2022).includes(none));
        assert.ok(!yearRow(html, 2024).includes(none), yearRow(html, 2024));
        assert.ok(yearRow(html, 2024).includes(only), yearRow(html, 2024));
      }
    });
  }

  it('the text export marks 2022 only, and gives 2024 in the photo records', async () => {
    const text = (await app.inject(`/partnerships/${id}/downloads/text`)).body;
    assert.match(text, /^2022年[^\n]*\t—\t—$/m);
    assert.doesNotMatch(text, /^2024年[^\n]*\t—/m);
    assert.match(text, /友好提携記念植樹の様子/);
  });
});
