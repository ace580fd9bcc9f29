import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { addAccount } from '../../src/services/account.service.js';
import type { Store } from '../../src/storage/database.js';

/** Applies one Set-Cookie line to a cookie jar as a browser would: raw value kept, removed when expired or emptied. */
export function keepCookie(cookies: Map<string, string>, line: string): void {
  const [pair = '', ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  const expired = attributes.some((a) => {
    const [k = '', v = ''] = a.trim().split('=');
    return (k.toLowerCase() === 'max-age' && Number(v) <= 0) || (k.toLowerCase() === 'expires' && Date.parse(v) <= Date.now());
  });
  if (expired || value === '') cookies.delete(name);
  else cookies.set(name, value);
}

/**
 * A browser-like client for `app.inject`: keeps cookies between requests as a browser would (raw values, removed
 * when expired), and finds the CSRF token of a page's form. For tests of staff routes.
 */
export class HttpSession {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance) {}

  async request(options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    if (this.cookies.size > 0 && headers.cookie === undefined) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const res = await this.app.inject({ ...options, headers });
    const setCookie = res.headers['set-cookie'];
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      keepCookie(this.cookies, line);
    }
    return res;
  }

  /** The `_csrf` token of the first form on a page (GET). */
  async csrfToken(path = '/login'): Promise<string> {
    const res = await this.request({ method: 'GET', url: path, headers: { accept: 'text/html' } });
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (!token) throw new Error(`${path} (${res.statusCode}) has no form with a _csrf field`);
    return token;
  }

  /** Signs in through the login form; returns the POST's response (303 on success). */
  async login(name: string, password: string, prefix = ''): Promise<LightMyRequestResponse> {
    const token = await this.csrfToken(`${prefix}/login`);
    return this.request({
      method: 'POST',
      url: `${prefix}/login`,
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, name, password }).toString(),
    });
  }
}

/** Test-only scrypt cost: a login in a few milliseconds. */
const CHEAP_SCRYPT = { scrypt: { N: 1024, r: 8, p: 1 } };

/**
 * An editor account `editor1` in `store`, and a session of `app` logged in as it with the staff area's CSRF token:
 * what a test of a staff form needs first.
 */
export async function loggedInEditor(store: Store, app: FastifyInstance): Promise<{ session: HttpSession; csrf: string }> {
  return loggedInAs(store, app, 'editor1', 'editor');
}

/** An account `name` of `role` in `store`, and a session of `app` logged in as it with the staff area's CSRF token. */
export async function loggedInAs(store: Store, app: FastifyInstance, name: string, role: 'admin' | 'editor' | 'translator' | 'viewer'): Promise<{ session: HttpSession; csrf: string }> {
  await addAccount(store, { name, role, password: `${name}-password-1234` }, CHEAP_SCRYPT);
  const session = new HttpSession(app);
  const login = await session.login(name, `${name}-password-1234`);
  if (login.statusCode !== 303) throw new Error(`${name} could not log in: ${login.statusCode}`);
  return { session, csrf: await session.csrfToken('/staff') };
}
