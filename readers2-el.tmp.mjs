import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
const [,, url, width, out, sel] = process.argv;
const c = await b.newContext({ viewport: { width: Number(width), height: 900 } });
const p = await c.newPage();
await p.goto(url);
const box = await p.locator(sel).first().boundingBox();
await p.screenshot({ path: out, fullPage: true, clip: { x: 0, y: box.y, width: Number(width), height: Math.min(box.height, 800) } });
await b.close();
