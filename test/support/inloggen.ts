import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * Logging in through the API with `inject`, and the cookie and CSRF token a browser would
 * then send along (tests of issue 8).
 */
export interface Sessie {
  cookie: string;
  csrf: string;
  antwoord: LightMyRequestResponse;
}

export function sessiecookie(r: LightMyRequestResponse): string | null {
  const c = r.cookies.find((k) => k.name === 'binnenboord_sessie');
  return c && c.value !== '' ? c.value : null;
}

export async function login(app: FastifyInstance, gebruikersnaam: string, wachtwoord: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/sessie/_inloggen', payload: { gebruikersnaam, wachtwoord } });
}

export async function logIn(app: FastifyInstance, gebruikersnaam: string, wachtwoord: string): Promise<Sessie> {
  const r = await login(app, gebruikersnaam, wachtwoord);
  if (r.statusCode !== 200) throw new Error(`inloggen ${gebruikersnaam}: ${r.statusCode} ${r.body}`);
  const cookie = sessiecookie(r);
  if (!cookie) throw new Error('geen sessiecookie');
  return { cookie, csrf: r.json().csrfToken, antwoord: r };
}

export function metSessie(s: Sessie, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: `binnenboord_sessie=${s.cookie}`, 'x-csrf-token': s.csrf, ...extra };
}

export function alleenCookie(s: Sessie): Record<string, string> {
  return { cookie: `binnenboord_sessie=${s.cookie}` };
}
