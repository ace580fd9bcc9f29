import { keepCookie } from './http-session.js';

/**
 * A browser-like client for a real Koryu server over HTTP (fetch): keeps cookies, signs in through the login
 * form and sends the CSRF token on every state-changing request, as the staff pages' scripts would.
 */
export class HttpClient {
  private readonly cookies = new Map<string, string>();
  private csrf: string | undefined;

  constructor(private readonly base: string) {}

  async request(method: string, path: string, options: { json?: unknown; form?: Record<string, string>; accept?: string } = {}): Promise<{ status: number; body: string; json<T = Record<string, unknown>>(): T }> {
    const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && method !== 'HEAD' && this.csrf !== undefined) headers['x-csrf-token'] = this.csrf;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    }
    const res = await fetch(this.base + path, { method, headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) keepCookie(this.cookies, line);
    const text = await res.text();
    return { status: res.status, body: text, json: <T>() => JSON.parse(text) as T };
  }

  /** Signs in through /login (its form's CSRF token), then reads the token of /staff's form for JSON calls. */
  async signIn(name: string, password: string): Promise<void> {
    const form = await this.request('GET', '/en/login', { accept: 'text/html' });
    const token = csrfOf(form.body);
    const res = await this.request('POST', '/en/login', { accept: 'text/html', form: { _csrf: token, name, password } });
    if (res.status !== 303) throw new Error(`sign-in of ${name} answered ${res.status}: ${res.body.slice(0, 200)}`);
    this.csrf = csrfOf((await this.request('GET', '/en/staff', { accept: 'text/html' })).body);
  }
}

function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the page has no form with a _csrf field');
  return token;
}
