import type { Gebruiker } from '../../domain/toegang/rollen.js';

/**
 * Who is asking, on every request: set by the login plugin (`src/server/auth/`) in an
 * `onRequest` hook from the session cookie, an API key or a bearer token; `null` is
 * anonymous. The access hook (`src/server/toegang.ts`) reads it.
 */
declare module 'fastify' {
  interface FastifyRequest {
    gebruiker: Gebruiker | null;
  }
}

export type { Gebruiker };
