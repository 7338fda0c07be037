import { bevat, leeftijdOp } from '../datum.js';
import { ONDERWIJSTYPEN, VMBO_TYPEN } from '../onderwijs.js';
import type { Schooljaar } from '../schooljaar.js';
import type { Dossier, Inschrijving } from './dossier.js';

/**
 * A — the start population (telling.md, section A).
 * Source: Regeling regionale aanpak vsv en prestatiesubsidie vo, art. 2 (BWBR0031387),
 * Regeling prestatiebox mbo, Bijlage A (BWBR0031390). Documented in docs/rules/startpopulatie.md.
 */
export const CATEGORIEEN = [
  'vo-onderbouw', 'vo-bovenbouw-vmbo', 'vo-bovenbouw-havo-vwo', 'mbo-1', 'mbo-2', 'mbo-3-4', 'vavo',
] as const;
export type Categorie = (typeof CATEGORIEEN)[number];

export const SECTOREN = ['vo', 'mbo', 'vavo'] as const;
export type Sector = (typeof SECTOREN)[number];

/** The age from which a person is outside the start population: "younger than 22 on T0". */
export const LEEFTIJDSGRENS = 22;

/**
 * Category of an enrolment, or null when its kind of education never makes a person
 * part of the start population (pro, vso, English stream, IB, ho, non-funded, dji…).
 *
 * The table in telling.md gives the usual years; a year above them (vmbo 5, havo 6)
 * does not exist in Dutch education but the format allows leerjaar up to 6. We read the
 * table as "onderbouw up to year 2 (vmbo) or 3 (havo/vwo), bovenbouw above", the most
 * natural reading (see docs/rules/categorie.md).
 */
export function categorieVan(ins: Inschrijving): Categorie | null {
  const { onderwijstype: type, leerjaar } = ins;
  if (type === 'vo-brugjaar') return 'vo-onderbouw';
  if (VMBO_TYPEN.includes(type as never)) {
    return leerjaar !== null && leerjaar <= 2 ? 'vo-onderbouw' : 'vo-bovenbouw-vmbo';
  }
  if (type === 'havo' || type === 'vwo') {
    return leerjaar !== null && leerjaar <= 3 ? 'vo-onderbouw' : 'vo-bovenbouw-havo-vwo';
  }
  if (type === 'mbo') {
    if (ins.niveau === 1) return 'mbo-1';
    if (ins.niveau === 2) return 'mbo-2';
    if (ins.niveau === 3 || ins.niveau === 4) return 'mbo-3-4';
    return null; // the import refuses mbo without a level, so this does not occur
  }
  if (type === 'vavo') return 'vavo';
  return null;
}

/**
 * The kinds of education that can put a person in the start population (those with a
 * category for some leerjaar/level). The count's SQL reads only persons with such an
 * enrolment on T0: a superset filter, derived from categorieVan so it cannot drift from it.
 */
export const TELBARE_ONDERWIJSTYPEN: readonly string[] = ONDERWIJSTYPEN.filter((onderwijstype) =>
  [1, 2, 3, 4].some((n) => categorieVan({
    inschrijvingId: '', brin: '', vestiging: '', onderwijstype, leerjaar: n, niveau: n, leerweg: null,
    nieuwkomer: false, begindatum: '', einddatum: null,
  }) !== null));

export function sectorVan(categorie: Categorie): Sector {
  if (categorie.startsWith('vo-')) return 'vo';
  if (categorie.startsWith('mbo-')) return 'mbo';
  return 'vavo';
}

const SECTORPRIORITEIT: Record<Sector, number> = { vo: 0, mbo: 1, vavo: 2 };

export interface TelbareInschrijving {
  readonly inschrijving: Inschrijving;
  readonly categorie: Categorie;
  readonly sector: Sector;
}

/**
 * The order that picks the primary enrolment: sector vo before mbo before vavo, then the
 * highest mbo level, then the earliest begindatum, then the smallest inschrijving_id
 * (compared by character code, as identifiers are ASCII).
 */
export function vergelijkVoorrang(a: TelbareInschrijving, b: TelbareInschrijving): number {
  const sector = SECTORPRIORITEIT[a.sector] - SECTORPRIORITEIT[b.sector];
  if (sector !== 0) return sector;
  // "then the highest mbo level": a level delivered on a vo or vavo row does not count.
  if (a.sector === 'mbo') {
    const niveau = (b.inschrijving.niveau ?? 0) - (a.inschrijving.niveau ?? 0);
    if (niveau !== 0) return niveau;
  }
  if (a.inschrijving.begindatum !== b.inschrijving.begindatum) {
    return a.inschrijving.begindatum < b.inschrijving.begindatum ? -1 : 1;
  }
  const ia = a.inschrijving.inschrijvingId;
  const ib = b.inschrijving.inschrijvingId;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/** The enrolments on T0 that make a person part of the start population, best first. */
export function telbareInschrijvingenOpT0(dossier: Dossier, jaar: Schooljaar): TelbareInschrijving[] {
  const telbaar: TelbareInschrijving[] = [];
  for (const ins of dossier.inschrijvingen) {
    if (ins.nieuwkomer) continue;
    if (!bevat(ins.begindatum, ins.einddatum, jaar.t0)) continue;
    const categorie = categorieVan(ins);
    if (categorie === null) continue;
    telbaar.push({ inschrijving: ins, categorie, sector: sectorVan(categorie) });
  }
  return telbaar.sort(vergelijkVoorrang);
}

export type StartpopulatieUitkomst =
  | {
      readonly inStartpopulatie: true;
      readonly leeftijd: number;
      /** all qualifying enrolments on T0, best first; the first is the primary enrolment */
      readonly telbaar: readonly TelbareInschrijving[];
    }
  | {
      readonly inStartpopulatie: false;
      readonly waarom: 'geen-telbare-inschrijving' | 'te-oud' | 'geboortedatum-onbekend';
      readonly leeftijd: number | null;
    };

export function bepaalStartpopulatie(dossier: Dossier, jaar: Schooljaar): StartpopulatieUitkomst {
  const telbaar = telbareInschrijvingenOpT0(dossier, jaar);
  if (telbaar.length === 0) {
    const leeftijd = dossier.geboortedatum ? leeftijdOp(dossier.geboortedatum, jaar.t0) : null;
    return { inStartpopulatie: false, waarom: 'geen-telbare-inschrijving', leeftijd };
  }
  if (dossier.geboortedatum === null) return { inStartpopulatie: false, waarom: 'geboortedatum-onbekend', leeftijd: null };
  const leeftijd = leeftijdOp(dossier.geboortedatum, jaar.t0);
  if (leeftijd >= LEEFTIJDSGRENS) return { inStartpopulatie: false, waarom: 'te-oud', leeftijd };
  return { inStartpopulatie: true, leeftijd, telbaar };
}

/**
 * Per institution (BRIN) the enrolment under which the person counts there: the first of
 * that BRIN's qualifying enrolments by the same order (telling.md, section A).
 */
export function inschrijvingPerInstelling(telbaar: readonly TelbareInschrijving[]): TelbareInschrijving[] {
  const gezien = new Set<string>();
  const perInstelling: TelbareInschrijving[] = [];
  for (const t of telbaar) {
    if (gezien.has(t.inschrijving.brin)) continue;
    gezien.add(t.inschrijving.brin);
    perInstelling.push(t);
  }
  return perInstelling;
}
