import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../../db/accounts.js';
import { STARTPAGINA } from '../../domain/toegang/inloggen.js';
import type { Gebruiker } from '../../domain/toegang/rollen.js';
import type { InlogOpties } from './opties.js';

/**
 * The session cookie: an opaque random token (256 bits) naming a row in `sessie` by its
 * sha256. HTTP-only (no script reads it), Secure, SameSite=Strict (never sent on a request
 * started by another site), path /api/v1 (static files never carry it), and without
 * Max-Age: it goes when the browser closes, and the server ends it earlier (idle, absolute,
 * logout, blocked).
 */
export const SESSIECOOKIE = 'binnenboord_sessie';
export const SESSIECOOKIE_PAD = '/api/v1';
/** The CSRF header every state-changing request with a session cookie must carry. */
export const CSRF_HEADER = 'x-csrf-token';

export function zetSessiecookie(reply: FastifyReply, token: string, opties: InlogOpties): void {
  reply.setCookie(SESSIECOOKIE, token, { httpOnly: true, secure: opties.veiligeCookie, sameSite: 'strict', path: SESSIECOOKIE_PAD });
}

export function wisSessiecookie(reply: FastifyReply, opties: InlogOpties): void {
  reply.clearCookie(SESSIECOOKIE, { httpOnly: true, secure: opties.veiligeCookie, sameSite: 'strict', path: SESSIECOOKIE_PAD });
}

export function alsGebruiker(account: Pick<Account, 'id' | 'weergavenaam' | 'rol' | 'scope'>, soort: Gebruiker['soort']): Gebruiker {
  return { accountId: account.id, weergavenaam: account.weergavenaam, rol: account.rol, scope: account.scope, soort };
}

/** The answer of GET /api/v1/sessie (and of logging in). */
export function sessieAntwoord(request: FastifyRequest, opties: InlogOpties) {
  const g = request.gebruiker;
  const inlogmethoden = opties.oidc ? ['wachtwoord', 'oidc'] : ['wachtwoord'];
  if (!g) return { ingelogd: false, inlogmethoden };
  return {
    ingelogd: true,
    inlogmethoden,
    gebruiker: { weergavenaam: g.weergavenaam, rol: g.rol, scope: g.scope, soort: g.soort },
    startpagina: STARTPAGINA[g.rol],
    ...(request.sessie ? { csrfToken: request.sessie.csrfToken, inactiefMinuten: opties.inactiefMinuten } : {}),
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** the session behind request.gebruiker, when it came from the session cookie */
    sessie: { tokenHash: string; csrfToken: string } | null;
  }
  interface FastifyContextConfig {
    /** true: a state change that needs no CSRF token (logging in: no session yet, JSON only) */
    csrfVrij?: boolean;
  }
}
