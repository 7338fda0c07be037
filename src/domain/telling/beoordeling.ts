import { bevat } from '../datum.js';
import type { Schooljaar } from '../schooljaar.js';
import type { Dossier } from './dossier.js';
import {
  bepaalStartpopulatie, inschrijvingPerInstelling, type Categorie, type Sector, type TelbareInschrijving,
} from './startpopulatie.js';
import { bepaalReden, type Telopties } from './uitsluitingen.js';

/**
 * The count for one person: start population, primary enrolment, reason, attribution,
 * and the figures per institution (telling.md). Pure: the caller brings the dossier and
 * the RMC table of the school year.
 */
export const ONBEKEND = 'onbekend';

/** RMC region of a municipality in the school year being counted, or null if unknown. */
export type RmcIndeling = (gemeenteCode: string) => string | null;

export interface Telling {
  readonly categorie: Categorie;
  readonly sector: Sector;
  /** the mbo learning path of the enrolment (`bol`, `bbl`, `ex`); null outside mbo (docs/rules/leerweg.md) */
  readonly leerweg: Leerweg | null;
  readonly brin: string;
  readonly vestiging: string;
  readonly inschrijvingId: string;
  readonly vsv: boolean;
  readonly reden: string;
  readonly bewijs: readonly string[];
}

export interface Beoordeling {
  readonly persoonId: string;
  readonly leeftijd: number;
  readonly geslacht: string | null;
  readonly gemeenteCode: string;
  readonly rmcCode: string;
  /** under the primary enrolment: national and regional figures */
  readonly primair: Telling;
  /** one per institution (BRIN) where the person has a qualifying enrolment on T0 */
  readonly perInstelling: readonly Telling[];
}

export type Uitkomst =
  | { readonly inStartpopulatie: true; readonly beoordeling: Beoordeling }
  | { readonly inStartpopulatie: false; readonly waarom: 'geen-telbare-inschrijving' | 'te-oud' | 'geboortedatum-onbekend'; readonly leeftijd: number | null };

/**
 * Municipality of residence on T0. Where residences overlap (a registration error), the
 * one that started last is taken, as it is the most recent registration.
 */
export function gemeenteOpT0(dossier: Dossier, jaar: Schooljaar): string | null {
  let gekozen: { gemeenteCode: string; vanaf: string } | null = null;
  for (const v of dossier.verblijf) {
    if (bevat(v.vanaf, v.tot, jaar.t0) && (gekozen === null || v.vanaf > gekozen.vanaf)) gekozen = v;
  }
  return gekozen?.gemeenteCode ?? null;
}

export const LEERWEGEN = ['bol', 'bbl', 'ex'] as const;
export type Leerweg = (typeof LEERWEGEN)[number];

/**
 * The learning path an enrolment is counted under: its `leerweg` for an mbo enrolment
 * (levering.md: required for mbo, `bol`, `bbl` or `ex`); none for vo and vavo.
 */
export function leerwegVan(t: Pick<TelbareInschrijving, 'sector' | 'inschrijving'>): Leerweg | null {
  if (t.sector !== 'mbo') return null;
  const l = t.inschrijving.leerweg?.trim().toLowerCase();
  return (LEERWEGEN as readonly string[]).includes(l ?? '') ? (l as Leerweg) : null;
}

export function beoordeel(dossier: Dossier, jaar: Schooljaar, opties: Telopties, rmc: RmcIndeling): Uitkomst {
  const start = bepaalStartpopulatie(dossier, jaar);
  if (!start.inStartpopulatie) return start;

  // The reasons B and C do not depend on the sector; D does. Evaluate once per sector.
  const perSector = new Map<Sector, ReturnType<typeof bepaalReden>>();
  const telling = (t: TelbareInschrijving): Telling => {
    let reden = perSector.get(t.sector);
    if (!reden) {
      reden = bepaalReden(dossier, { jaar, sector: t.sector, opties });
      perSector.set(t.sector, reden);
    }
    return {
      categorie: t.categorie,
      sector: t.sector,
      leerweg: leerwegVan(t),
      brin: t.inschrijving.brin,
      vestiging: t.inschrijving.vestiging,
      inschrijvingId: t.inschrijving.inschrijvingId,
      vsv: reden.reden === 'vsv',
      reden: reden.reden,
      bewijs: reden.bewijs,
    };
  };

  const [eerste] = start.telbaar as [TelbareInschrijving];
  const gemeente = gemeenteOpT0(dossier, jaar);
  return {
    inStartpopulatie: true,
    beoordeling: {
      persoonId: dossier.persoonId,
      leeftijd: start.leeftijd,
      geslacht: dossier.geslacht,
      gemeenteCode: gemeente ?? ONBEKEND,
      rmcCode: (gemeente && rmc(gemeente)) ?? ONBEKEND,
      primair: telling(eerste),
      perInstelling: inschrijvingPerInstelling(start.telbaar).map(telling),
    },
  };
}
