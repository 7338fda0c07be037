/**
 * Who holds a dossier (opvolging.md, "Case work"; issue 9 item 2): the RMC region of the
 * person's residence from 18, the municipality of residence (leerplicht) under 18, both on the
 * peildatum of the latest list the person is on. Pure. docs/opvolging.md, "Dossiers".
 */
export const MEERDERJARIG = 18;

export type Eigenaar = { readonly soort: 'rmc-regio' | 'gemeente'; readonly code: string };

export function eigenaarVan(leeftijd: number, gemeenteCode: string, rmcCode: string): Eigenaar {
  return leeftijd >= MEERDERJARIG ? { soort: 'rmc-regio', code: rmcCode } : { soort: 'gemeente', code: gemeenteCode };
}
