/** Staff roles, from the most to the least trusted. */
export const ROLES = ['admin', 'editor', 'translator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A staff account as the application sees it; the password hash never leaves storage and the services. */
export interface Account {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
  updatedAt: string;
}

/** The account behind a request's session. */
export interface SessionUser {
  id: number;
  name: string;
  role: Role;
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;
export const MAX_NAME_LENGTH = 64;

/**
 * An account name in its stored form (NFKC, so full-width ＡＢＣ and ABC are one name), or null when it is not
 * acceptable: 1–64 letters, digits, `.`, `_`, `-`, not starting with a punctuation mark.
 */
export function normalizeAccountName(raw: string): string | null {
  const name = raw.normalize('NFKC').trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return null;
  return /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(name) ? name : null;
}

/** Why a password is not acceptable, or null when it is. Only its length is checked; its content is the person's. */
export function passwordProblem(password: string): 'tooShort' | 'tooLong' | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (length > MAX_PASSWORD_LENGTH) return 'tooLong';
  return null;
}
