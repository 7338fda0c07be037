import type { Static } from '@sinclair/typebox';
import type { Importverslag, LeerlingenAntwoord, MeldingenAntwoord, NieuweMelding, Verzuimmelding } from '../../src/server/schemasVerzuim';

/**
 * The absence pages' requests (issue 10): JSON or CSV bodies by POST/PATCH with the session's
 * CSRF token, and errors that keep the API's reason per field (`invalidParams`), so a form can
 * put each message beside its own field.
 */
export type Leerlingen = Static<typeof LeerlingenAntwoord>;
export type Leerling = Leerlingen['leerlingen'][number];
export type Meldingen = Static<typeof MeldingenAntwoord>;
export type Melding = Static<typeof Verzuimmelding>;
export type NieuweMeldingInvoer = Static<typeof NieuweMelding>;
export type Verslag = Static<typeof Importverslag>;

export class Verzoekfout extends Error {
  constructor(readonly status: number, message: string, readonly perVeld: Readonly<Record<string, string[]>> = {}) {
    super(message);
  }
}

export async function verzoek<T>(methode: 'POST' | 'PATCH', url: string, csrf: string | undefined, body: unknown, csv = false): Promise<T> {
  const r = await fetch(url, {
    method: methode,
    headers: { accept: 'application/json', 'content-type': csv ? 'text/csv' : 'application/json', 'x-csrf-token': csrf ?? '' },
    body: csv ? (body as string) : JSON.stringify(body),
  });
  if (r.ok) return (await r.json()) as T;
  let detail = `De server antwoordde met status ${r.status}.`;
  const perVeld: Record<string, string[]> = {};
  try {
    const p = (await r.json()) as { detail?: string; invalidParams?: { name: string; reason: string }[] };
    detail = p.detail ?? detail;
    for (const f of p.invalidParams ?? []) (perVeld[f.name] ??= []).push(f.reason);
  } catch {
    // not a problem document
  }
  throw new Verzoekfout(r.status, detail, perVeld);
}

export const SOORTNAAM: Readonly<Record<string, string>> = {
  '16u4w': '16 uur in 4 weken (16u4w)', lrv: 'langdurig relatief verzuim (lrv)', rmc: 'RMC, 18–22 jaar (rmc)',
  luxe: 'luxe verzuim (luxe)', overig: 'overig, onder de drempels (overig)',
};
export const STATUSNAAM: Readonly<Record<string, string>> = {
  'in-behandeling': 'in behandeling', afgesloten: 'afgesloten', 'ter-kennisneming-aangenomen': 'ter kennisneming aangenomen',
};
export const ACTIENAAM: Readonly<Record<string, string>> = {
  'gesprek-leerling-en-ouders': 'gesprek met leerling en ouders', waarschuwing: 'waarschuwing', halt: 'HALT',
  'proces-verbaal': 'proces-verbaal', 'verwijzing-zorg': 'verwijzing naar zorg',
};
export const REDENNAAM: Readonly<Record<string, string>> = {
  'terug-naar-school': 'terug naar school', 'uitgeschreven-andere-opleiding': 'uitgeschreven: andere opleiding',
  'uitgeschreven-werk': 'uitgeschreven: werk', 'uitgeschreven-overig': 'uitgeschreven: overig', overleden: 'overleden',
  'geen-verzuim-langdurig-ziek': 'geen verzuim: langdurig ziek', 'geen-verzuim-geoorloofd-afwezig': 'geen verzuim: geoorloofd afwezig',
};

export function leerlingnaam(l: { voornamen: string | null; voorvoegsel: string | null; geslachtsnaam: string | null } | undefined): string {
  if (!l) return '';
  const naam = [l.voornamen, l.voorvoegsel, l.geslachtsnaam].filter(Boolean).join(' ');
  return naam || '(naam onbekend)';
}
