import type { Datum } from '../datum.js';
import { ONBEKEND, type RmcIndeling } from '../telling/beoordeling.js';
import type { Dossier, Inschrijving } from '../telling/dossier.js';
import type { Lijstsoort } from './lijsten.js';
import { gemeenteOp, laatsteBekostigdeVoor, leeftijd } from './termen.js';

/**
 * What a row of a list carries (lijsten.md, end of "The lists for month M"): for the person on
 * d their municipality of residence (`onbekend` if unknown), its RMC region for the lijstjaar
 * (`onbekend` if unknown) and leeftijd(d); and the last funded enrolment ending before d.
 */
export interface Lijstrij {
  readonly persoonId: string;
  readonly gemeenteCode: string;
  readonly rmcCode: string;
  readonly leeftijd: number;
  /** the last funded enrolment ending before d; null only if there is none */
  readonly inschrijving: Inschrijving | null;
  /** only on herinschrijvingen */
  readonly reden: string | null;
}

export function lijstrij(dossier: Dossier, d: Datum, rmc: RmcIndeling, reden: string | null = null): Lijstrij {
  const l = leeftijd(dossier, d);
  if (l === null) throw new Error('een persoon zonder geboortedatum staat op geen lijst');
  const gemeente = gemeenteOp(dossier, d);
  return {
    persoonId: dossier.persoonId,
    gemeenteCode: gemeente ?? ONBEKEND,
    rmcCode: (gemeente && rmc(gemeente)) ?? ONBEKEND,
    leeftijd: l,
    inschrijving: laatsteBekostigdeVoor(dossier, d),
    reden,
  };
}

/**
 * "Who sees which rows" (lijsten.md). A scope keeps the rows whose own column says so: an RMC
 * region its `rmc_code`, a municipality its `gemeente_code`, a school its `brin`. On the lists
 * from registrations these are the residence on d and the last funded enrolment; on `startset`
 * and `verlate-startkwalificatie` they are the count's (residence on its T0, primary enrolment),
 * as every column of those rows is (our reading: docs/rules/lijsten-inzage.md).
 */
export type Scope =
  | { readonly soort: 'landelijk' }
  | { readonly soort: 'rmc'; readonly code: string }
  | { readonly soort: 'gemeente'; readonly code: string }
  | { readonly soort: 'brin'; readonly code: string };

/** A school sees only these lists (and on them only its own enrolment data). */
export const LIJSTEN_VOOR_SCHOOL: readonly Lijstsoort[] = ['uitschrijvingen', 'herinschrijvingen', 'startset'];

export function magLijstZien(scope: Scope, soort: Lijstsoort): boolean {
  return scope.soort !== 'brin' || LIJSTEN_VOOR_SCHOOL.includes(soort);
}

export type Scopekolom = 'rmc_code' | 'gemeente_code' | 'brin';

/** The column of a row that decides whether the scope sees it; null: every row. */
export function scopekolom(scope: Scope): Scopekolom | null {
  switch (scope.soort) {
    case 'landelijk': return null;
    case 'rmc': return 'rmc_code';
    case 'gemeente': return 'gemeente_code';
    case 'brin': return 'brin';
  }
}
