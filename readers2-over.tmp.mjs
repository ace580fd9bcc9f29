import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
const [,, url, width] = process.argv;
const c = await b.newContext({ viewport: { width: Number(width), height: 900 } });
const p = await c.newPage();
await p.goto(url);
console.log(await p.evaluate((w) => { const out = []; for (const e of document.querySelectorAll('*')) { const r = e.getBoundingClientRect(); if (r.right > w + 0.5 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.clientWidth > 0) out.push(`${e.tagName}.${e.className} right=${Math.round(r.right)} sw=${e.scrollWidth} cw=${e.clientWidth} ${(e.textContent ?? '').slice(0, 30)}`); } return out.slice(0, 15).join('\n'); }, Number(width)));
await b.close();
