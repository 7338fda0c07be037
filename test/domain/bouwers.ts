import type { Datum } from '../../src/domain/datum.js';
import { schooljaarVanaf, type Schooljaar } from '../../src/domain/schooljaar.js';
import { beoordeel, type Beoordeling, type RmcIndeling } from '../../src/domain/telling/beoordeling.js';
import {
  leegDossier, type Diploma, type Dossier, type Gebeurtenis, type Inschrijving, type Verblijf, type Vrijstelling, type Werk,
} from '../../src/domain/telling/dossier.js';
import { STANDAARD_WERKURENDREMPEL, type Telopties } from '../../src/domain/telling/uitsluitingen.js';

/**
 * Small builders for dossiers in the domain tests. A test names only what matters for the
 * boundary it proves; everything else gets a harmless default.
 */

/** The school year of the worked examples: T0 2019-10-01, T1 2020-10-01, late window to 2020-12-31. */
export const SJ_2019 = schooljaarVanaf(2019);
/** Another year, with a leap year (2024) between T0 and T1. */
export const SJ_2023 = schooljaarVanaf(2023);
/** The school years that every boundary test runs for. */
export const JAREN: readonly Schooljaar[] = [SJ_2019, SJ_2023];

export const DEFINITIEF: Telopties = { status: 'definitief', werkurenDrempel: STANDAARD_WERKURENDREMPEL };
export const VOORLOPIG: Telopties = { status: 'voorlopig', werkurenDrempel: STANDAARD_WERKURENDREMPEL };

/** An RMC table with Amsterdam (21) and Utrecht (19); every other municipality is unknown. */
export const RMC: RmcIndeling = (gemeente) => ({ GM0363: '21', GM0344: '19' } as Record<string, string>)[gemeente] ?? null;

/** `d` plus `n` calendar days (n may be negative). */
export function plusDagen(d: Datum, n: number): Datum {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
export const dagVoor = (d: Datum): Datum => plusDagen(d, -1);
export const dagNa = (d: Datum): Datum => plusDagen(d, 1);

/** The date `jaren` years after `d` (same month and day). */
export function plusJaren(d: Datum, jaren: number): Datum {
  return `${Number(d.slice(0, 4)) + jaren}${d.slice(4)}`;
}

let volgnummer = 0;

/** An enrolment; by default mbo niveau 2 bol at 20BB-00, from 15 August of T to 31 January of T+1 (2019-2020). */
export function inschrijving(velden: Partial<Inschrijving> = {}): Inschrijving {
  volgnummer += 1;
  return {
    inschrijvingId: `I${volgnummer}`,
    brin: '20BB',
    vestiging: '00',
    onderwijstype: 'mbo',
    leerjaar: 1,
    niveau: 2,
    leerweg: 'bol',
    nieuwkomer: false,
    begindatum: '2019-08-15',
    einddatum: '2020-01-31',
    ...velden,
  };
}

/** An enrolment that runs over T0 of `jaar` and ends long before T1 (15 August T to 31 January T+1). */
export function inschrijvingOpT0(jaar: Schooljaar, velden: Partial<Inschrijving> = {}): Inschrijving {
  return inschrijving({ begindatum: `${jaar.jaar}-08-15`, einddatum: `${jaar.jaar + 1}-01-31`, ...velden });
}

/** An enrolment that runs over T1 of `jaar` only (starts after T0). */
export function inschrijvingOpT1(jaar: Schooljaar, onderwijstype: string, velden: Partial<Inschrijving> = {}): Inschrijving {
  const mbo = onderwijstype === 'mbo';
  return inschrijving({
    onderwijstype, brin: '50EE', niveau: mbo ? 2 : null, leerweg: mbo ? 'bol' : null, leerjaar: null,
    begindatum: `${jaar.jaar + 1}-08-01`, einddatum: null, ...velden,
  });
}

/** Velden of a vo enrolment (brin 10AA) of the given kind and year. */
export function vo(onderwijstype: string, leerjaar: number | null, velden: Partial<Inschrijving> = {}): Partial<Inschrijving> {
  return { onderwijstype, leerjaar, niveau: null, leerweg: null, brin: '10AA', ...velden };
}

/** Velden of an mbo enrolment (brin 20BB) of the given level. */
export function mbo(niveau: number, velden: Partial<Inschrijving> = {}): Partial<Inschrijving> {
  return { onderwijstype: 'mbo', niveau, leerweg: 'bol', leerjaar: 1, brin: '20BB', ...velden };
}

/** Velden of a vavo enrolment (brin 21BC). */
export function vavo(velden: Partial<Inschrijving> = {}): Partial<Inschrijving> {
  return { onderwijstype: 'vavo', niveau: null, leerweg: null, leerjaar: null, brin: '21BC', ...velden };
}

export class DossierBouwer {
  private d: {
    persoonId: string; geboortedatum: Datum | null; geslacht: string | null;
    inschrijvingen: Inschrijving[]; gebeurtenissen: Gebeurtenis[]; vrijstellingen: Vrijstelling[];
    diplomas: Diploma[]; werk: Werk[]; verblijf: Verblijf[];
  };

  constructor(persoonId: string, geboortedatum: Datum | null) {
    const leeg = leegDossier(persoonId, geboortedatum);
    this.d = {
      ...leeg, inschrijvingen: [], gebeurtenissen: [], vrijstellingen: [], diplomas: [], werk: [], verblijf: [],
    };
  }

  geslacht(g: string | null): this { this.d.geslacht = g; return this; }
  geboren(datum: Datum | null): this { this.d.geboortedatum = datum; return this; }
  met(...inschrijvingen: Inschrijving[]): this { this.d.inschrijvingen.push(...inschrijvingen); return this; }
  gebeurtenis(soort: Gebeurtenis['soort'], datum: Datum): this { this.d.gebeurtenissen.push({ soort, datum }); return this; }
  overleden(datum: Datum): this { return this.gebeurtenis('overlijden', datum); }
  geemigreerd(datum: Datum): this { return this.gebeurtenis('emigratie', datum); }
  geimmigreerd(datum: Datum): this { return this.gebeurtenis('immigratie', datum); }
  vrijstelling(grond: string, vanaf: Datum, tot: Datum | null = null): this { this.d.vrijstellingen.push({ grond, vanaf, tot }); return this; }
  diploma(soort: string, datum: Datum, brin: string | null = null): this { this.d.diplomas.push({ soort, datum, brin }); return this; }
  werk(urenPerWeek: string, vanaf: Datum, tot: Datum | null = null): this { this.d.werk.push({ urenPerWeek, vanaf, tot }); return this; }
  woont(gemeenteCode: string, vanaf: Datum, tot: Datum | null = null, postcode: string | null = null): this {
    this.d.verblijf.push({ gemeenteCode, postcode, vanaf, tot });
    return this;
  }

  bouw(): Dossier {
    return {
      ...this.d,
      inschrijvingen: [...this.d.inschrijvingen], gebeurtenissen: [...this.d.gebeurtenissen],
      vrijstellingen: [...this.d.vrijstellingen], diplomas: [...this.d.diplomas], werk: [...this.d.werk], verblijf: [...this.d.verblijf],
    };
  }
}

/** A bare dossier: no registrations at all. */
export function dossier(persoonId = 'P1', geboortedatum: Datum | null = '2002-03-14'): DossierBouwer {
  return new DossierBouwer(persoonId, geboortedatum);
}

/**
 * A member of the start population of `jaar`: 17 on T0, living in Amsterdam, with one
 * qualifying enrolment (by default mbo niveau 2) that runs over T0 and ends on 31 January T+1,
 * and nothing else: without further registrations this person is a vsv'er.
 */
export function deelnemer(jaar: Schooljaar, velden: Partial<Inschrijving> = {}, persoonId = 'P1'): DossierBouwer {
  return new DossierBouwer(persoonId, `${jaar.jaar - 17}-03-14`)
    .woont('GM0363', '2000-01-01')
    .met(inschrijvingOpT0(jaar, velden));
}

/** The whole assessment; fails the test when the person is outside the start population. */
export function beoordeling(d: Dossier, jaar: Schooljaar, opties: Telopties = DEFINITIEF, rmc: RmcIndeling = RMC): Beoordeling {
  const u = beoordeel(d, jaar, opties, rmc);
  if (!u.inStartpopulatie) throw new Error(`${d.persoonId} valt buiten de startpopulatie (${u.waarom})`);
  return u.beoordeling;
}

/** The reason under the primary enrolment (national and regional figures). */
export function reden(d: Dossier | DossierBouwer, jaar: Schooljaar, opties: Telopties = DEFINITIEF): string {
  const dos = d instanceof DossierBouwer ? d.bouw() : d;
  return beoordeling(dos, jaar, opties).primair.reden;
}

/** Whether the person is in the start population, or why not. */
export function startpopulatie(d: Dossier | DossierBouwer, jaar: Schooljaar): string {
  const dos = d instanceof DossierBouwer ? d.bouw() : d;
  const u = beoordeel(dos, jaar, DEFINITIEF, RMC);
  return u.inStartpopulatie ? 'in' : u.waarom;
}
