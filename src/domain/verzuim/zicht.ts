import type { Rol } from '../toegang/rollen.js';

/**
 * What each role sees of an absence report (opvolging.md: "The school sees the status and
 * the contact person of its own reports, never the case notes"). The school gets the report
 * as it filed it in outline, its status, timeliness and contact person; never the handling
 * (actions, history, closing reason and remark) nor where the pupil lives. Leerplicht and RMC
 * see everything of the reports routed to them.
 */
export const VERZUIMVELDEN_SCHOOL = [
  'meldingId', 'soort', 'bron', 'brin', 'vestiging', 'meldingsdatum', 'startdatum', 'einddatum', 'leerling',
  'status', 'contactpersoon', 'tijdigheid', 'uiterlijkeMeldingsdatum', 'teLaat', 'ontvangenOp',
] as const;

export const VERZUIMVELDEN_BEHANDELAAR = [
  ...VERZUIMVELDEN_SCHOOL, 'lesplaats', 'verzuimDagen', 'verzuimUren', 'alleLessenGemist', 'vermoedelijkeReden',
  'ondernomenActie', 'gemeenteGevraagdTeHandelen', 'redenNietHandelen', 'melder', 'telefoonLeerlingOfOuder',
  'verblijfadres', 'verblijfGemeenteCode', 'behandelaar', 'gemeenteCode', 'rmcCode', 'afsluitreden',
  'afsluitopmerking', 'achterstallig', 'laatsteActie', 'acties', 'statuswijzigingen',
] as const;

export type Verzuimveld = (typeof VERZUIMVELDEN_BEHANDELAAR)[number];

export function verzuimveldenVoor(rol: Rol): readonly Verzuimveld[] {
  if (rol === 'school') return VERZUIMVELDEN_SCHOOL;
  if (rol === 'leerplicht' || rol === 'rmc') return VERZUIMVELDEN_BEHANDELAAR;
  return [];
}

/** Keeps only the fields of the role; a field not listed is dropped, never passed on by default. */
export function beperkTot<T extends Record<string, unknown>>(rij: T, velden: readonly string[]): Partial<T> {
  const uit: Partial<T> = {};
  for (const v of velden) if (v in rij) (uit as Record<string, unknown>)[v] = rij[v];
  return uit;
}
