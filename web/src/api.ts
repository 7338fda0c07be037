import type { Static } from '@sinclair/typebox';
import { useEffect, useState } from 'react';
import type {
  CijferSchema, GemeenteAntwoord, GemeentelijstAntwoord, InstellingAntwoord, InstellingenAntwoord, KerncijfersAntwoord,
  NormCijferSchema, ReeksAntwoord, RegioAntwoord, RegiolijstAntwoord, SchooljarenAntwoord, TellingSchema, VergelijkingAntwoord,
} from '../../src/server/schemas';

/**
 * The app reads everything from the public API (/api/v1), the same figures with the same
 * openbaarmaking an integrator gets. Types come from the server's own schemas.
 */
export type Cijfer = Static<typeof CijferSchema>;
export type NormCijfer = Static<typeof NormCijferSchema>;
export type Telling = Static<typeof TellingSchema>;
export type Schooljaren = Static<typeof SchooljarenAntwoord>;
export type Reeks = Static<typeof ReeksAntwoord>;
export type Kerncijfers = Static<typeof KerncijfersAntwoord>;
export type Regiolijst = Static<typeof RegiolijstAntwoord>;
export type Regio = Static<typeof RegioAntwoord>;
export type Gemeentelijst = Static<typeof GemeentelijstAntwoord>;
export type Gemeente = Static<typeof GemeenteAntwoord>;
export type Instellingen = Static<typeof InstellingenAntwoord>;
export type Instelling = Static<typeof InstellingAntwoord>;
export type Vergelijking = Static<typeof VergelijkingAntwoord>;
/** A category of an institution with its figure against the norm, and whose norm that is. */
export type Categoriecijfer = Instelling['categorie'][number];
export type Normbasis = Instelling['normbasis'];
export interface Kaart {
  jaar: number;
  bron: string;
  objectnaam: string;
  topologie: { type: 'Topology'; objects: Record<string, unknown>; arcs: unknown[]; transform?: unknown };
}

/**
 * What went wrong, in the API's own words: its `detail`, and for a 400 the reason of every
 * invalid parameter (`invalidParams`), since the detail then only points at that list.
 */
export class ApiFout extends Error {
  constructor(readonly status: number, message: string, readonly redenen: readonly string[] = []) {
    super(message);
  }
}

/** The error of a refused request: each invalid parameter with its reason, else the problem's detail. */
export async function leesFout(r: Response): Promise<ApiFout> {
  let detail = `De server antwoordde met status ${r.status}.`;
  try {
    const p = (await r.json()) as { detail?: string; invalidParams?: { name: string; reason: string }[] };
    detail = p.invalidParams?.length ? p.invalidParams.map((f) => `${f.name}: ${f.reason}`).join('; ') : p.detail ?? detail;
  } catch {
    // not a problem document
  }
  return new ApiFout(r.status, detail);
}

interface Probleem {
  detail?: string;
  invalidParams?: { name?: string; reason?: string }[];
}

const cache = new Map<string, Promise<unknown>>();

/** GET of an API URL; answers are kept for the session, since stored runs do not change under a page. */
export function haal<T>(url: string): Promise<T> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(url, { headers: { accept: 'application/json' } }).then(async (r) => {
      if (r.ok) return r.json();
      let detail = `De server antwoordde met status ${r.status}.`;
      let redenen: string[] = [];
      try {
        const p = (await r.json()) as Probleem;
        redenen = (p.invalidParams ?? []).filter((i) => i.reason).map((i) => (i.name ? `${i.name}: ${i.reason}` : i.reason!));
        // "zie invalidParams" is for programs; a person gets the reasons themselves
        detail = redenen.length > 0 ? 'De gevraagde cijfers bestaan niet in deze vorm:' : p.detail ?? detail;
      } catch {
        // not a problem document; keep the generic message
      }
      throw new ApiFout(r.status, detail, redenen);
    });
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p as Promise<T>;
}

export type Toestand<T> = { status: 'laden' } | { status: 'klaar'; data: T } | { status: 'fout'; fout: ApiFout };

export function useApi<T>(url: string | null): Toestand<T> {
  const [toestand, zet] = useState<{ url: string | null; t: Toestand<T> }>({ url, t: { status: 'laden' } });
  useEffect(() => {
    if (!url) return;
    let actief = true;
    haal<T>(url).then(
      (data) => actief && zet({ url, t: { status: 'klaar', data } }),
      (e: unknown) => actief && zet({ url, t: { status: 'fout', fout: e instanceof ApiFout ? e : new ApiFout(0, 'De cijfers konden niet worden geladen. Controleer de verbinding en probeer het opnieuw.') } }),
    );
    return () => {
      actief = false;
    };
  }, [url]);
  return toestand.url === url ? toestand.t : { status: 'laden' };
}

/** An API URL with the query parameters that have a value. */
export function apiUrl(pad: string, query: Record<string, string | number | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `/api/v1${pad}${s ? `?${s}` : ''}`;
}

/** The same URL as a CSV download of one table. */
export function csvUrl(url: string, tabel?: string): string {
  const u = new URL(url, window.location.origin);
  u.searchParams.set('formaat', 'csv');
  if (tabel) u.searchParams.set('tabel', tabel);
  return u.pathname + u.search;
}

/** The same download in another format: `formaat=csv` or `formaat=xlsx` (an Excel workbook, a sheet per table). */
export function downloadUrl(url: string, formaat: 'csv' | 'xlsx'): string {
  const u = new URL(url, window.location.origin);
  u.searchParams.set('formaat', formaat);
  return u.pathname + u.search;
}
