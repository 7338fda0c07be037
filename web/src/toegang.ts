import type { Static } from '@sinclair/typebox';
import { useEffect, useState, type FormEvent } from 'react';
import type { AuditAntwoord, PersonenAntwoord, RechtenAntwoord } from '../../src/server/schemasToegang';
import { ApiFout } from './api';
import { useSessie } from './sessie';

/**
 * Access in the web app: what the user may do comes from the server's one policy
 * (GET /api/v1/rechten); pages for person data and the audit trail ask it and show only what
 * it allows (the API refuses regardless). Person searches are POSTs with a JSON body, so no
 * identifier ever lands in a URL, the history or a server log.
 */
export type Rechten = Static<typeof RechtenAntwoord>;
export type Personen = Static<typeof PersonenAntwoord>;
export type Auditrecords = Static<typeof AuditAntwoord>;

async function fout(r: Response): Promise<ApiFout> {
  let detail = `De server antwoordde met status ${r.status}.`;
  try {
    detail = ((await r.json()) as { detail?: string }).detail ?? detail;
  } catch {
    // not a problem document
  }
  return new ApiFout(r.status, detail);
}

/**
 * A search is a POST, and the server asks the session's CSRF token on every POST (a search
 * writes an audit record): without it a logged-in search answers 403.
 */
const kop = (csrfToken: string | undefined, accept: string): Record<string, string> => ({
  'content-type': 'application/json', accept, ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
});

export async function stuur<T>(url: string, body: object, csrfToken?: string): Promise<T> {
  const r = await fetch(url, { method: 'POST', headers: kop(csrfToken, 'application/json'), body: JSON.stringify(body) });
  if (!r.ok) throw await fout(r);
  return (await r.json()) as T;
}

/** The same search as CSV, saved as a file (the export is audited like the JSON answer). */
export async function bewaarCsv(url: string, body: object, bestand: string, csrfToken?: string): Promise<void> {
  const r = await fetch(`${url}?formaat=csv`, { method: 'POST', headers: kop(csrfToken, 'text/csv'), body: JSON.stringify(body) });
  if (!r.ok) throw await fout(r);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await r.blob());
  a.download = bestand;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function useRechten(): Rechten | null | ApiFout {
  const [rechten, zet] = useState<Rechten | null | ApiFout>(null);
  useEffect(() => {
    fetch('/api/v1/rechten', { headers: { accept: 'application/json' } })
      .then(async (r) => (r.ok ? zet((await r.json()) as Rechten) : zet(await fout(r))))
      .catch(() => zet(new ApiFout(0, 'De server is niet bereikbaar.')));
  }, []);
  return rechten;
}

/**
 * A paged search by POST (person data, audit trail): the answer, the page shown, an error
 * message and whether a request is under way. `zoek(p)` asks for page p of the body `body(p)`.
 */
export function useZoekopdracht<T>(pad: string, body: (pagina: number) => object) {
  const csrfToken = useSessie().sessie?.csrfToken;
  const [pagina, zetPagina] = useState(1);
  const [antwoord, zetAntwoord] = useState<T | null>(null);
  const [melding, zetMelding] = useState<string | null>(null);
  const [bezig, zetBezig] = useState(false);
  const zoek = async (p: number) => {
    zetBezig(true);
    zetMelding(null);
    try {
      zetAntwoord(await stuur<T>(pad, body(p), csrfToken));
      zetPagina(p);
    } catch (e) {
      zetAntwoord(null);
      zetMelding((e as Error).message);
    } finally {
      zetBezig(false);
    }
  };
  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    void zoek(1);
  };
  return { pagina, antwoord, melding, zetMelding, bezig, zoek, verstuur, csrfToken };
}
