import type { Static } from '@sinclair/typebox';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessieAntwoord } from '../../src/server/auth/schemas';
import { leesFout } from './api';

/**
 * Who is logged in, for every page: read once from GET /api/v1/sessie (never cached: it
 * changes on login and logout), with logging in, logging out, and `verstuur` for every state
 * change, which sends the session's CSRF token in X-CSRF-Token.
 */
export type Sessie = Static<typeof SessieAntwoord>;

interface SessieContext {
  sessie: Sessie | null;
  logIn(gebruikersnaam: string, wachtwoord: string): Promise<Sessie>;
  logUit(): Promise<void>;
  verstuur<T>(methode: 'POST' | 'PATCH', url: string, body?: unknown): Promise<T>;
}

const Context = createContext<SessieContext | null>(null);

async function haalSessie(): Promise<Sessie> {
  const r = await fetch('/api/v1/sessie', { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!r.ok) throw await leesFout(r);
  return (await r.json()) as Sessie;
}

export function SessieProvider({ children }: { children: ReactNode }) {
  const [sessie, zetSessie] = useState<Sessie | null>(null);
  useEffect(() => {
    haalSessie().then(zetSessie, () => zetSessie({ ingelogd: false, inlogmethoden: ['wachtwoord'] }));
  }, []);

  const logIn = useCallback(async (gebruikersnaam: string, wachtwoord: string) => {
    const r = await fetch('/api/v1/sessie/_inloggen', {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ gebruikersnaam, wachtwoord }),
    });
    if (!r.ok) throw await leesFout(r);
    const nieuw = (await r.json()) as Sessie;
    zetSessie(nieuw);
    return nieuw;
  }, []);

  const verstuur = useCallback(async <T,>(methode: 'POST' | 'PATCH', url: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json', 'x-csrf-token': sessie?.csrfToken ?? '' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(url, { method: methode, headers, body: body === undefined ? null : JSON.stringify(body) });
    if (!r.ok) {
      // The session ended on the server (idle, blocked): show the page as it now is.
      if (r.status === 401) haalSessie().then(zetSessie, () => {});
      throw await leesFout(r);
    }
    return (r.status === 204 ? undefined : await r.json()) as T;
  }, [sessie]);

  const logUit = useCallback(async () => {
    await verstuur<void>('POST', '/api/v1/sessie/_uitloggen').catch(() => {});
    zetSessie(await haalSessie().catch(() => ({ ingelogd: false, inlogmethoden: ['wachtwoord' as const] })));
  }, [verstuur]);

  const waarde = useMemo(() => ({ sessie, logIn, logUit, verstuur }), [sessie, logIn, logUit, verstuur]);
  return <Context.Provider value={waarde}>{children}</Context.Provider>;
}

export function useSessie(): SessieContext {
  const c = useContext(Context);
  if (!c) throw new Error('useSessie buiten SessieProvider');
  return c;
}

export const ROLNAAM: Readonly<Record<string, string>> = {
  rmc: 'RMC', leerplicht: 'leerplicht', school: 'school', analist: 'analist', beheer: 'beheer', privacy: 'privacy',
};

export function scopeNaam(scope: { soort: string; code?: string }): string {
  switch (scope.soort) {
    case 'rmc-regio': return `RMC-regio ${scope.code}`;
    case 'gemeente': return `gemeente ${scope.code}`;
    case 'brin': return `instelling ${scope.code}`;
    default: return 'landelijk';
  }
}
