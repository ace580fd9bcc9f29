import type { Browser } from 'playwright-core';

/** Turns a whole HTML page into an A4 PDF. */
export interface PdfRenderer {
  /**
   * `html` is rendered as given (it must carry its styles inline); `baseUrl` is where its relative URLs point.
   * Only requests to that origin are let through, and scripts do not run.
   */
  render(html: string, baseUrl: string): Promise<Buffer>;
  /** Closes the browser, for shutdown; renders after this fail. */
  close(): Promise<void>;
}

export interface PdfRendererOptions {
  /** The Chromium executable (KORYU_CHROMIUM). Never downloaded. */
  executablePath: string;
  /** Pages rendered at once; further requests wait. */
  concurrency?: number;
  /** Longest time one render may take, in ms. */
  timeoutMs?: number;
}

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The address, under baseUrl, at which the page is shown to the browser (answered by the renderer itself). */
const PAGE_NAME = 'koryu-pdf-page.html';
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; font-src 'self' data:",
};

/* Page numbers at the foot of every page. The template is outside the page's styles, so it sets its own. */
const FOOTER = `<div style="width:100%;font-size:8pt;color:#444;text-align:center;font-family:'Noto Sans CJK JP',sans-serif;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

/**
 * One headless Chromium for the whole process, started on the first render (so a server that never makes a PDF
 * never starts it) and started again if it dies. Each render has its own page (and context), closed afterwards.
 */
export function createPdfRenderer(options: PdfRendererOptions): PdfRenderer {
  const concurrency = options.concurrency ?? 2;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let browser: Promise<Browser> | undefined;
  let closed = false;
  let running = 0;
  const waiting: (() => void)[] = [];

  function getBrowser(): Promise<Browser> {
    if (!browser) {
      // playwright-core is large (some 90 MiB resident): loaded with the first PDF, not when the server starts.
      const launching = import('playwright-core').then(({ chromium }) => chromium.launch({
          executablePath: options.executablePath,
          args: LAUNCH_ARGS,
          timeout: timeoutMs,
          // The server decides what a signal does (koryu serve waits for the requests under way, then closes this
          // renderer): Playwright's own handlers would close the browser at once, or exit on SIGINT.
          handleSIGINT: false,
          handleSIGTERM: false,
          handleSIGHUP: false,
        }));
      browser = launching;
      launching.then(
        (b) => b.on('disconnected', () => {
          if (browser === launching) browser = undefined;
        }),
        () => {
          if (browser === launching) browser = undefined;
        },
      );
    }
    return browser;
  }

  async function slot(): Promise<() => void> {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    return () => {
      running--;
      waiting.shift()?.();
    };
  }

  return {
    async render(html, baseUrl) {
      if (closed) throw new Error('The PDF renderer is closed.');
      const release = await slot();
      try {
        const origin = new URL(baseUrl).origin;
        const page = await (await getBrowser()).newPage({ javaScriptEnabled: false });
        try {
          page.setDefaultTimeout(timeoutMs);
          // The page is given the origin of baseUrl by answering a navigation to it with `html` here, in the
          // browser: the request never reaches the server. With setContent the document was about:blank, an opaque
          // origin, and the photos (served with Cross-Origin-Resource-Policy: same-origin) were fetched but never
          // drawn. The page's own policy lets it load images and fonts from that origin and nothing else.
          const pageUrl = new URL(PAGE_NAME, baseUrl).href;
          await page.route('**/*', (route) => {
            const url = route.request().url();
            if (url === pageUrl) return route.fulfill({ status: 200, headers: PAGE_HEADERS, body: html });
            return new URL(url).origin === origin ? route.continue() : route.abort();
          });
          // 'load' waits for every image of the page (none is lazy: see print.page.tsx).
          await page.goto(pageUrl, { waitUntil: 'load' });
          await page.emulateMedia({ media: 'print' });
          return await page.pdf({
            format: 'A4',
            printBackground: true,
            displayHeaderFooter: true,
            headerTemplate: '<span></span>',
            footerTemplate: FOOTER,
            margin: { top: '15mm', right: '12mm', bottom: '18mm', left: '12mm' },
          });
        } finally {
          await page.close().catch(() => {});
        }
      } finally {
        release();
      }
    },
    async close() {
      closed = true;
      const b = browser;
      browser = undefined;
      if (b) await (await b.catch(() => undefined))?.close();
    },
  };
}
