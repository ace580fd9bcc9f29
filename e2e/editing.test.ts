// Staff editing through a real browser against the real program: sign in; add an event; upload a photo and attach
// it to the event; edit the same event from two sessions (the second is refused and shown the newer version);
// restore an earlier version from the history; import a document through its preview; sign out.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { seriousAxeViolations } from './support/axe.js';
import { browser, describeInBrowser, screenshot } from './support/browser.js';
import { SAMPLE, startApp, type RunningApp } from './support/server.js';

const EDITOR = { name: 'tanaka.e2e', role: 'editor', password: 'e2e editing password 2026' };
const TEXT = '大連市青少年卓球交流団が来訪';

describeInBrowser('staff editing in a browser', () => {
  let app: RunningApp;
  let first: BrowserContext;
  let second: BrowserContext;
  let dalian: number;
  let eventPath = '';
  const dir = mkdtempSync(join(tmpdir(), 'koryu-e2e-files-'));

  before(async () => {
    app = await startApp({ users: [EDITOR] });
    dalian = app.partnershipId('大連市');
    first = await (await browser()).newContext({ locale: 'en-US' });
    second = await (await browser()).newContext({ locale: 'en-US' });
    first.setDefaultTimeout(15_000);
    second.setDefaultTimeout(15_000);
  });
  after(async () => {
    await first?.close();
    await second?.close();
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${app.url}/en/login`);
    await page.getByLabel('Account name').fill(EDITOR.name);
    await page.getByLabel('Password').fill(EDITOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${app.url}/en/staff`);
    return page;
  }

  it('signs in and adds a published event, which gets its public page (screenshot en-staff-partnership.png)', async () => {
    const page = await signIn(first);
    await page.goto(`${app.url}/en/staff/partnerships/${dalian}`);
    await screenshot(page, 'en-staff-partnership');
    assert.deepEqual(await seriousAxeViolations(page), []);
    const form = page.getByRole('form', { name: 'Add an exchange' });
    await form.getByLabel('Year').fill('2025');
    await form.getByLabel('Date').fill('2025-10-03');
    await form.getByLabel('Direction').selectOption('reception');
    await form.getByLabel('Text (Japanese)').fill(TEXT);
    await form.getByLabel('Text (English)').fill('A Dalian youth table tennis delegation visited');
    await form.getByLabel('Status').selectOption('published');
    await form.getByRole('button', { name: 'Add' }).click();
    await page.waitForURL(/\/en\/staff\/events\/\d+\?done=saved$/);
    eventPath = new URL(page.url()).pathname;
    assert.match(await page.getByRole('status').innerText(), /Saved\./);
    const publicPage = await page.goto(`${app.url}/en/events/${eventPath.split('/').pop()}`);
    assert.equal(publicPage?.status(), 200, 'a published event has its public page');
    await page.close();
  });

  it('uploads a photo with GPS data as a photo record of the event; the stored photo has no EXIF', async () => {
    const photo = join(dir, 'signing.jpg');
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#a33' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'E2ECamera' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 33/1 41/1', GPSLongitudeRef: 'E', GPSLongitude: '136/1 39/1 22/1' } })
      .toBuffer();
    writeFileSync(photo, jpeg);
    const page = await first.newPage();
    await page.goto(`${app.url}/en/staff/partnerships/${dalian}`);
    const form = page.getByRole('form', { name: 'Add a photo record' });
    await form.getByLabel('Year').fill('2025');
    await form.getByLabel('Caption (Japanese)').fill('卓球交流の記念撮影');
    await form.getByLabel('Exchange shown').selectOption({ label: `2025 ${TEXT}` });
    await form.getByLabel('Photo').setInputFiles(photo);
    await form.getByRole('button', { name: 'Add' }).click();
    await page.waitForURL(/\/en\/staff\/records\/\d+\?done=saved$/);
    const src = await page.locator('img.thumb').getAttribute('src');
    assert.ok(src, 'the record shows its photo');
    const served = await page.request.get(`${app.url}${src}`);
    assert.equal(served.headers()['content-type'], 'image/jpeg');
    const meta = await sharp(await served.body()).metadata();
    assert.equal(meta.exif, undefined);
    assert.equal(await page.getByLabel('Exchange shown').inputValue(), eventPath.split('/').pop());
    await page.close();
  });

  it('refuses the second of two edits made on the same version and shows the newer one (screenshot en-staff-conflict.png)', async () => {
    const a = await first.newPage();
    const b = await signIn(second);
    await a.goto(`${app.url}${eventPath}`);
    await b.goto(`${app.url}${eventPath}`);
    await a.getByLabel('Text (Japanese)').fill(`${TEXT}し市長を表敬訪問`);
    await a.getByRole('button', { name: 'Save' }).click();
    await a.waitForURL(/done=saved/);
    await b.getByLabel('Text (Japanese)').fill(`${TEXT}（修正）`);
    await b.getByRole('button', { name: 'Save' }).click();
    const alert = b.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Someone else changed this first/);
    assert.match(await alert.innerText(), new RegExp(`${TEXT}し市長を表敬訪問`));
    assert.equal(await b.getByLabel('Text (Japanese)').inputValue(), `${TEXT}（修正）`, 'what the second person typed is kept in the form');
    await screenshot(b, 'en-staff-conflict');
    assert.deepEqual(await seriousAxeViolations(b), []);
    await a.close();
    await b.close();
  });

  it('restores the first version from the history page', async () => {
    const page = await first.newPage();
    await page.goto(`${app.url}${eventPath}/history`);
    assert.match(await page.locator('main').innerText(), /表敬訪問/);
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.getByRole('form', { name: 'Restore this version (Version 1)' }).getByRole('button').click();
    await page.waitForURL(/done=restored/);
    assert.equal(await page.getByLabel('Text (Japanese)').inputValue(), TEXT);
    await page.close();
  });

  it('imports a corrected document through the preview and shows what changed (screenshot en-staff-import.png)', async () => {
    const doc = join(dir, 'kanazawa-dalian-v2.txt');
    writeFileSync(doc, readFileSync(SAMPLE, 'utf8').replace('金沢美大訪問団が大連工大学を表敬訪問', '金沢美大訪問団が大連工業大学を表敬訪問'));
    const page = await first.newPage();
    await page.goto(`${app.url}/en/staff/import`);
    await page.getByLabel('Document', { exact: true }).setInputFiles(doc);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: 'What would be imported: kanazawa-dalian-v2.txt' }).waitFor();
    assert.match(await page.locator('main').innerText(), /金沢美大訪問団が大連工業大学を表敬訪問/);
    await screenshot(page, 'en-staff-import');
    await page.getByRole('button', { name: 'Import this' }).click();
    await page.getByRole('heading', { name: 'Imported' }).waitFor();
    // Added, changed, removed: the corrected document changes one exchange and drops one.
    assert.match(await page.getByRole('status').innerText(), /金沢市–大連市\texchanges: 0, photo records: 0\texchanges: 1, photo records: 0\texchanges: 1, photo records: 0/);
    await page.close();
  });

  it('signs out', async () => {
    const page = await first.newPage();
    await page.goto(`${app.url}/en/staff`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${app.url}/en/login?signedOut=1`);
    await page.goto(`${app.url}${eventPath}`);
    assert.match(page.url(), /\/en\/login\?next=/);
    await page.close();
  });
});
