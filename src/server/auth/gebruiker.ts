import type { Gebruiker } from '../../domain/toegang/rollen.js';

/**
 * Who is asking (contract of issue 8): set by the auth plugin's `onRequest` hook from the
 * session cookie or an API key; `null` is anonymous. The policy hook reads it.
 */
declare module 'fastify' {
  interface FastifyRequest {
    gebruiker: Gebruiker | null;
  }
}

export type { Gebruiker };
