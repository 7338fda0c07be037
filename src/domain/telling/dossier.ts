import type { Datum } from '../datum.js';

/**
 * Everything the count needs to know about one person: their registrations from the
 * delivery files, as stored. The count reads a dossier per person and decides by the
 * rules in this folder; it never reads anything else.
 */
export interface Inschrijving {
  readonly inschrijvingId: string;
  readonly brin: string;
  readonly vestiging: string;
  readonly onderwijstype: string;
  readonly leerjaar: number | null;
  readonly niveau: number | null;
  readonly leerweg: string | null;
  readonly nieuwkomer: boolean;
  readonly begindatum: Datum;
  readonly einddatum: Datum | null;
}

export interface Gebeurtenis {
  readonly soort: 'overlijden' | 'emigratie' | 'immigratie';
  readonly datum: Datum;
}

export interface Vrijstelling {
  readonly grond: string;
  readonly vanaf: Datum;
  readonly tot: Datum | null;
}

export interface Diploma {
  readonly soort: string;
  readonly datum: Datum;
  readonly brin: string | null;
}

export interface Werk {
  readonly vanaf: Datum;
  readonly tot: Datum | null;
  /** contractual hours per week as delivered, e.g. `12` or `7.5` */
  readonly urenPerWeek: string;
}

export interface Verblijf {
  readonly gemeenteCode: string;
  readonly postcode: string | null;
  readonly vanaf: Datum;
  readonly tot: Datum | null;
}

export interface Dossier {
  readonly persoonId: string;
  /** null when no row of personen.csv was delivered for this person */
  readonly geboortedatum: Datum | null;
  readonly geslacht: string | null;
  readonly inschrijvingen: readonly Inschrijving[];
  readonly gebeurtenissen: readonly Gebeurtenis[];
  readonly vrijstellingen: readonly Vrijstelling[];
  readonly diplomas: readonly Diploma[];
  readonly werk: readonly Werk[];
  readonly verblijf: readonly Verblijf[];
}

/** A dossier with no registrations, to build on in tests and in the explain command. */
export function leegDossier(persoonId: string, geboortedatum: Datum | null): Dossier {
  return {
    persoonId, geboortedatum, geslacht: null,
    inschrijvingen: [], gebeurtenissen: [], vrijstellingen: [], diplomas: [], werk: [], verblijf: [],
  };
}
