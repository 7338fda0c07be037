import type { Static } from '@sinclair/typebox';
import type { LijstAntwoord } from '../../src/server/schemasLijsten';
import { leesFout } from './api';
import { useSessie } from './sessie';

/**
 * Requests of the case-work pages (Maandlijsten, Dossier, Werklijst): POSTs with a JSON body
 * (no person or dossier data in a query string) that carry the session's CSRF token, and
 * downloads of the same requests as CSV or Excel (audited like the JSON answer).
 */
export type Lijst = Static<typeof LijstAntwoord>;

export function usePost() {
  const { sessie } = useSessie();
  const token = sessie?.csrfToken ?? '';
  const post = async (url: string, body: object, accept = 'application/json'): Promise<Response> => {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept, 'x-csrf-token': token }, body: JSON.stringify(body) });
    if (!r.ok) throw await leesFout(r);
    return r;
  };
  return {
    json: async <T,>(url: string, body: object): Promise<T> => {
      const r = await post(url, body);
      return (r.status === 204 ? undefined : await r.json()) as T;
    },
    download: async (url: string, body: object, formaat: 'csv' | 'xlsx', bestand: string): Promise<void> => {
      const r = await post(`${url}?formaat=${formaat}`, body, '*/*');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(await r.blob());
      a.download = bestand;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    },
  };
}

/** The months of the school years with data, newest first (a lijstjaar runs October to September). */
export function maandenVan(schooljaren: readonly string[]): string[] {
  const uit: string[] = [];
  for (const jaar of schooljaren) {
    const t = Number(jaar.slice(0, 4));
    for (let i = 0; i < 12; i += 1) {
      const m = ((9 + i) % 12) + 1;
      uit.push(`${m >= 10 ? t : t + 1}-${String(m).padStart(2, '0')}`);
    }
  }
  return [...new Set(uit)].sort().reverse();
}
