import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = new URL('../../test-artifacts/screenshots/', import.meta.url).pathname;
export const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname;

const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Null when the browser tests can run here, otherwise why not. */
export function browserUnavailable(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing (apt-get install chromium)`;
}

let shared: Promise<Browser> | undefined;

/** The one browser of this test process, closed when its tests end. Never downloaded: the system Chromium only. */
export function browser(): Promise<Browser> {
  shared ??= chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  return shared;
}

export async function closeBrowser(): Promise<void> {
  const b = shared;
  shared = undefined;
  if (b) await (await b).close();
}

/**
 * A suite of browser tests. Without Chromium it is reported as skipped with the reason, unless CI=true: then it
 * fails, since CI installs it (.ci/run).
 */
export function describeInBrowser(title: string, suite: () => void, extraCheck: () => string | null = () => null): void {
  describe(title, () => {
    const reason = browserUnavailable() ?? extraCheck();
    if (reason !== null) {
      if (process.env.CI === 'true') it('has a browser', () => assert.fail(`${reason} — required when CI=true`));
      else it('has a browser', { skip: reason }, () => {});
      return;
    }
    after(closeBrowser);
    suite();
  });
}

/** A full-page screenshot under test-artifacts/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name.replace(/[^\w.-]+/g, '_')}.png`, fullPage: true });
}
