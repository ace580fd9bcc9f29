/**
 * Hostile strings for the XSS tests: markup that would run script, or load or change something, if any page put
 * it into HTML without escaping, in each context a page has: element content, attribute values (quoted either
 * way or unquoted), URLs, SVG, CSS, and the text inside <title>, <textarea> and <script>. Each payload is unique and
 * calls alert (or confirm, prompt) with its own number, so that a dialog names the payload that ran.
 */

const VECTORS: ((n: number) => string)[] = [
  (n) => `<script>alert(${n})</script>`,
  (n) => `<img src=x onerror=alert(${n})>`,
  (n) => `<img src="x" onerror="alert(${n})">`,
  (n) => `<svg onload=alert(${n})>`,
  (n) => `<svg><script>alert(${n})</script></svg>`,
  (n) => `<svg><animate onbegin=alert(${n}) attributeName=x dur=1s>`,
  (n) => `<svg><a xlink:href="javascript:alert(${n})"><text x="20" y="20">xss</text></a></svg>`,
  (n) => `<math><mtext><table><mglyph><style><img src=x onerror=alert(${n})>`,
  (n) => `<body onload=alert(${n})>`,
  (n) => `<iframe src="javascript:alert(${n})"></iframe>`,
  (n) => `<iframe srcdoc="<script>alert(${n})</script>"></iframe>`,
  (n) => `<object data="javascript:alert(${n})"></object>`,
  (n) => `<embed src="javascript:alert(${n})">`,
  (n) => `<a href="javascript:alert(${n})">link</a>`,
  (n) => `<a href="JaVaScRiPt:alert(${n})">link</a>`,
  (n) => `<a href="&#106;avascript:alert(${n})">link</a>`,
  (n) => `<a href="data:text/html,<script>alert(${n})</script>">link</a>`,
  (n) => `javascript:alert(${n})`,
  (n) => `<form action="javascript:alert(${n})"><button>go</button></form>`,
  (n) => `<button formaction="javascript:alert(${n})">go</button>`,
  (n) => `<input autofocus onfocus=alert(${n})>`,
  (n) => `<details open ontoggle=alert(${n})>`,
  (n) => `<video><source onerror=alert(${n})></video>`,
  (n) => `<audio src=x onerror=alert(${n})>`,
  (n) => `<marquee onstart=alert(${n})>`,
  (n) => `<div style="background:url(javascript:alert(${n}))">x</div>`,
  (n) => `<div style="width:expression(alert(${n}))">x</div>`,
  (n) => `<style>@import 'javascript:alert(${n})';</style>`,
  (n) => `<style>*{background:url("x" ) } body{background:url(/xss-${n})}</style>`,
  (n) => `<link rel=stylesheet href="data:text/css,body{background:url(/xss-${n})}">`,
  (n) => `<meta http-equiv="refresh" content="0;url=javascript:alert(${n})">`,
  (n) => `<base href="javascript:alert(${n})//">`,
  (n) => `<xss-probe id=xss-${n} onclick=alert(${n})>x</xss-probe>`,
  (n) => `<scr<script>ipt>alert(${n})</scr</script>ipt>`,
  (n) => `<<script>alert(${n});//<</script>`,
  (n) => `<img src=x:alert(alt) onerror=eval(src) alt=${n}>`,
  (n) => `<noscript><p title="</noscript><img src=x onerror=alert(${n})>">`,
];

/** How a payload breaks out of where it might be put: nothing, a double- or single-quoted attribute, or an element that holds raw text. */
const ESCAPES = ['', '"><', "'><", '</title><', '</textarea><', '</script><', '--><', '</style><'];

export function xssCorpus(): string[] {
  const corpus: string[] = [];
  let n = 1;
  for (const escape of ESCAPES) {
    for (const vector of VECTORS) {
      // Every vector plain; the other ways out once for every third vector, which keeps the corpus near 140.
      if (escape !== '' && (n % 3 !== 0 && escape !== '"><')) {
        n++;
        continue;
      }
      const body = vector(n);
      corpus.push(escape === '' ? body : `${escape.replace(/<$/, '')}${body}`);
      n++;
    }
  }
  return corpus;
}

/**
 * In the page: every element or attribute a payload could have added. A page of Koryu has no inline event handler,
 * no frame, object or embed, no <base> or refreshing <meta>, no script but its own files, no javascript: or
 * data:text/html address; anything of that kind was injected.
 */
export function injectedInDom(): string[] {
  // Runs in the page: no helper functions, since only this function's own source is sent there.
  const found: string[] = [];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'xss-probe', 'math', 'marquee', 'video', 'audio', 'details', 'noscript'].includes(tag)) found.push(el.outerHTML.slice(0, 160));
    if (tag === 'script' && !(el.getAttribute('src') ?? '').startsWith('/assets/')) found.push(el.outerHTML.slice(0, 160));
    if (tag === 'meta' && el.hasAttribute('http-equiv')) found.push(el.outerHTML.slice(0, 160));
    // The page's own links: its style sheet, its other languages and (in the head only) its canonical address.
    const ownLink = ['stylesheet', 'alternate'].includes(el.getAttribute('rel') ?? '') || (el.getAttribute('rel') === 'canonical' && el.parentElement?.tagName === 'HEAD');
    if (tag === 'style' || (tag === 'link' && !ownLink)) found.push(el.outerHTML.slice(0, 160));
    if (tag === 'link' && (el.getAttribute('href') ?? '').startsWith('data:')) found.push(el.outerHTML.slice(0, 160));
    for (const a of Array.from(el.attributes)) {
      const value = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (a.name.startsWith('on') || a.name === 'srcdoc' || a.name === 'formaction' || a.name === 'autofocus') found.push(el.outerHTML.slice(0, 160));
      else if (/^(javascript|vbscript):|^data:text\/html/.test(value) && ['href', 'src', 'action', 'data', 'xlink:href', 'formaction', 'content'].includes(a.name)) found.push(el.outerHTML.slice(0, 160));
      else if (a.name === 'id' && value.startsWith('xss-')) found.push(el.outerHTML.slice(0, 160));
    }
  }
  return [...new Set(found)];
}
