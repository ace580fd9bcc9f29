/** The cookie holding the session token; its value is known only to the browser (the store keeps its hash). */
export const SESSION_COOKIE = 'koryu_session';
/** The cookie holding the signed CSRF secret (@fastify/csrf-protection). */
export const CSRF_COOKIE = '_csrf';
/** Where forms put the CSRF token. */
export const CSRF_FIELD = '_csrf';
/** Where JSON calls put the CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

/** HttpOnly, SameSite=Lax, whole site; Secure whenever the request came over HTTPS (through a trusted proxy too). */
export const COOKIE_OPTIONS = { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' } as const;
