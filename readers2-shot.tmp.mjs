import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
const [,, url, width, out] = process.argv;
const c = await b.newContext({ viewport: { width: Number(width), height: 900 } });
const p = await c.newPage();
await p.goto(url);
const sel = process.argv[5];
console.log('scrollWidth', await p.evaluate(() => document.documentElement.scrollWidth));
if (process.argv[6]) { await p.locator(process.argv[6]).first().scrollIntoViewIfNeeded(); await p.screenshot({ path: out }); }
else await p.screenshot({ path: out, fullPage: false });
await b.close();
