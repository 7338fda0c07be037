import { bevat, leeftijdOp, type Datum } from '../datum.js';
import type { Schooljaar } from '../schooljaar.js';
import { gemeenteOpT0 } from '../telling/beoordeling.js';
import type { Dossier, Inschrijving } from '../telling/dossier.js';
import { UITSLUITINGSREGELS, STANDAARD_WERKURENDREMPEL, type Regelcontext, type Uitsluitingsregel } from '../telling/uitsluitingen.js';

/**
 * The terms of lijsten.md on a date d ("Terms on a date d"). Documented in
 * docs/rules/lijsten-termen.md.
 *
 * weg(d), ingeschreven(d), vrijgesteld(d) and sk(d) are the questions that the count's
 * exclusions B and C and rule `startkwalificatie` ask on T1 (telling.md), asked on d instead.
 * So they are not written twice: the count's own rules are applied with d as their check date
 * (`opPeildatum`). Those seven rules read only the check date, not the sector or the status.
 */

/** lijsten.md: the kinds of education that make a person `bekostigd(d)`. */
export const BEKOSTIGDE_ONDERWIJSTYPEN: readonly string[] = [
  'vo-brugjaar', 'vmbo-bb', 'vmbo-kb', 'vmbo-gl', 'vmbo-tl', 'havo', 'vwo',
  'vo-engelse-stroom', 'vo-ib', 'pro', 'vso', 'mbo', 'vavo',
];
const BEKOSTIGD = new Set(BEKOSTIGDE_ONDERWIJSTYPEN);

export function isBekostigd(ins: Inschrijving): boolean {
  return BEKOSTIGD.has(ins.onderwijstype);
}

/** pvsv(d): 12 ≤ leeftijd(d) < 23. */
export const MINIMUMLEEFTIJD = 12;
export const LEEFTIJDSGRENS_LIJSTEN = 23;

/**
 * The reasons why a person on an earlier list is on `herinschrijvingen`, in the contract's
 * order. The first seven are the count's rules of the same name; `leeftijd` is "turned 23".
 */
export const HERINSCHRIJFREDENEN = [
  'overleden', 'geemigreerd', 'onderwijs', 'dji', 'politie-defensie', 'vrijstelling', 'startkwalificatie', 'leeftijd',
] as const;
export type Herinschrijfreden = (typeof HERINSCHRIJFREDENEN)[number];

const REGELS: readonly Uitsluitingsregel[] = HERINSCHRIJFREDENEN.filter((c) => c !== 'leeftijd').map((code) => {
  const regel = UITSLUITINGSREGELS.find((r) => r.code === code);
  if (!regel) throw new Error(`regel ${code} ontbreekt in de telling`);
  return regel;
});

/** A "school year" whose dates are all d: the count's rules, asked on d. */
export function opPeildatum(d: Datum): Schooljaar {
  return { naam: `peildatum ${d}`, jaar: Number(d.slice(0, 4)), t0: d, t1: d, eindeVerlateStartkwalificatie: d };
}

function context(d: Datum): Regelcontext {
  // sector and status are read only by verlate-startkwalificatie and mbo1-werk, which are not used here.
  return { jaar: opPeildatum(d), sector: 'vo', opties: { status: 'voorlopig', werkurenDrempel: STANDAARD_WERKURENDREMPEL } };
}

/** leeftijd(d); null when the date of birth is unknown (then the person is on no list). */
export function leeftijd(dossier: Dossier, d: Datum): number | null {
  return dossier.geboortedatum === null ? null : leeftijdOp(dossier.geboortedatum, d);
}

/** ingeschreven(d): enrolled on d in any onderwijstype. */
export function ingeschreven(dossier: Dossier, d: Datum): boolean {
  return dossier.inschrijvingen.some((i) => bevat(i.begindatum, i.einddatum, d));
}

/** bekostigd on at least one day from `van` to `tot − 1` (both dates ISO; `tot` exclusive). */
export function bekostigdTussen(dossier: Dossier, van: Datum, totNiet: Datum): boolean {
  return dossier.inschrijvingen.some((i) => isBekostigd(i) && i.begindatum < totNiet && (i.einddatum === null || i.einddatum >= van));
}

/**
 * The first reason of HERINSCHRIJFREDENEN that holds on d, or null when none does; for a
 * person of a known age this is null exactly when pvsv(d) holds.
 */
export function redenGeenPvsv(dossier: Dossier, d: Datum): Herinschrijfreden | null {
  const ctx = context(d);
  for (const regel of REGELS) {
    if (regel.geldt(dossier, ctx)) return regel.code as Herinschrijfreden;
  }
  const l = leeftijd(dossier, d);
  if (l !== null && (l < MINIMUMLEEFTIJD || l >= LEEFTIJDSGRENS_LIJSTEN)) return 'leeftijd';
  return null;
}

/** pvsv(d): 12 ≤ leeftijd(d) < 23, not ingeschreven, not sk, not weg, not vrijgesteld. */
export function pvsv(dossier: Dossier, d: Datum): boolean {
  return leeftijd(dossier, d) !== null && redenGeenPvsv(dossier, d) === null;
}

/** Municipality of residence on d (the count's rule for T0, asked on d); null when unknown. */
export function gemeenteOp(dossier: Dossier, d: Datum): string | null {
  return gemeenteOpT0(dossier, opPeildatum(d));
}

/**
 * The last funded enrolment ending before d: the latest `einddatum`, then the smallest
 * `inschrijving_id` (compared by character code, as identifiers are ASCII).
 */
export function laatsteBekostigdeVoor(dossier: Dossier, d: Datum): Inschrijving | null {
  let gekozen: Inschrijving | null = null;
  for (const i of dossier.inschrijvingen) {
    if (!isBekostigd(i) || i.einddatum === null || i.einddatum >= d) continue;
    if (gekozen === null || i.einddatum > gekozen.einddatum!
      || (i.einddatum === gekozen.einddatum && i.inschrijvingId < gekozen.inschrijvingId)) gekozen = i;
  }
  return gekozen;
}
