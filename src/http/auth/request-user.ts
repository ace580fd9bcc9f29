import type { SessionUser } from '../../domain/account.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, or null for an anonymous request; set for every request by registerAuth. */
    user: SessionUser | null;
  }
}

export type { SessionUser };
