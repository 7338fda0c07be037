import { STARTKWALIFICATIES } from '../onderwijs.js';
import type { Schooljaar } from '../schooljaar.js';
import type { Bron } from '../telling/bronnen.js';
import type { Diploma, Dossier } from '../telling/dossier.js';
import { LIJSTEN_MD, RMC_WETTEN } from './bronnen.js';
import {
  isEersteMaand, lijstjaar, maandenTotEnMet, peildatum, vorigeMaand, vorigePeildatum, type Maand,
} from './maand.js';
import { bekostigdTussen, pvsv, redenGeenPvsv, type Herinschrijfreden } from './termen.js';

/**
 * The six monthly lists of lijsten.md ("The lists for month M"), each a named rule with its
 * source. Pure: the lists from registrations decide on a person's dossier; `startset` and
 * `verlate-startkwalificatie` decide on a row of a stored count. One page per list in
 * docs/rules/lijsten-<soort>.md.
 */
export const LIJSTSOORTEN = [
  'uitschrijvingen', 'werkvoorraad', 'herinschrijvingen', 'startset', 'uitval', 'verlate-startkwalificatie',
] as const;
export type Lijstsoort = (typeof LIJSTSOORTEN)[number];

export function isLijstsoort(tekst: string): tekst is Lijstsoort {
  return (LIJSTSOORTEN as readonly string[]).includes(tekst);
}

export interface Lijstregel {
  readonly soort: Lijstsoort;
  /** DUO's list that this one follows */
  readonly duo: string;
  readonly titel: string;
  readonly bronnen: readonly Bron[];
}

export const LIJSTREGELS: Readonly<Record<Lijstsoort, Lijstregel>> = {
  uitschrijvingen: {
    soort: 'uitschrijvingen', duo: 'A01',
    titel: 'pvsv(d) en bekostigd ingeschreven op minstens één dag van p tot en met d − 1: de laatste bekostigde inschrijving ging de vorige maand verloren',
    bronnen: [LIJSTEN_MD, RMC_WETTEN],
  },
  werkvoorraad: {
    soort: 'werkvoorraad', duo: 'A04',
    titel: 'pvsv(d) en op uitschrijvingen van een maand van hetzelfde lijstjaar tot en met M',
    bronnen: [LIJSTEN_MD, RMC_WETTEN],
  },
  herinschrijvingen: {
    soort: 'herinschrijvingen', duo: 'A02',
    titel: 'op de werkvoorraad van M − 1 (hetzelfde lijstjaar; leeg in de eerste maand) en niet meer pvsv(d), met de eerste reden',
    bronnen: [LIJSTEN_MD, RMC_WETTEN],
  },
  startset: {
    soort: 'startset', duo: 'A05',
    titel: 'de startpopulatie van het lijstjaar (telling.md A), met de categorie van de primaire inschrijving',
    bronnen: [LIJSTEN_MD],
  },
  uitval: {
    soort: 'uitval', duo: 'A06',
    titel: 'op de startset en op de werkvoorraad van M',
    bronnen: [LIJSTEN_MD],
  },
  'verlate-startkwalificatie': {
    soort: 'verlate-startkwalificatie', duo: 'A07',
    titel: 'in de definitieve telling van het vorige lijstjaar met reden verlate-startkwalificatie, en dat diploma vóór d',
    bronnen: [LIJSTEN_MD],
  },
};

/** uitschrijvingen(M): pvsv(d) and bekostigd on at least one day from p to d − 1. */
export function opUitschrijvingen(dossier: Dossier, m: Maand): boolean {
  const d = peildatum(m);
  // the cheap term first: pvsv asks the count's seven rules (bench/lijsten.ts, "regels")
  return bekostigdTussen(dossier, vorigePeildatum(m), d) && pvsv(dossier, d);
}

/** werkvoorraad(M): pvsv(d) and on uitschrijvingen of some month of the same lijstjaar up to and including M. */
export function opWerkvoorraad(dossier: Dossier, m: Maand): boolean {
  return pvsv(dossier, peildatum(m)) && maandenTotEnMet(m).some((x) => opUitschrijvingen(dossier, x));
}

/**
 * herinschrijvingen(M): on werkvoorraad of M − 1 (same lijstjaar; none in the first month),
 * and not pvsv(d). Returns the reason, or null when the person is not on the list.
 */
export function herinschrijfreden(dossier: Dossier, m: Maand): Herinschrijfreden | null {
  if (isEersteMaand(m)) return null;
  if (!opWerkvoorraad(dossier, vorigeMaand(m))) return null;
  return redenGeenPvsv(dossier, peildatum(m));
}

export interface Maandlijsten {
  readonly uitschrijvingen: boolean;
  readonly werkvoorraad: boolean;
  /** the reason on herinschrijvingen, or null when not on it */
  readonly herinschrijving: Herinschrijfreden | null;
}

/**
 * The three lists from registrations for one person and month at once: the same rules as
 * above, with uitschrijvingen of each month of the lijstjaar decided once.
 */
export function bepaalMaandlijsten(dossier: Dossier, m: Maand): Maandlijsten {
  const maanden = maandenTotEnMet(m);
  const uit = maanden.map((x) => opUitschrijvingen(dossier, x));
  const d = peildatum(m);
  const redenNu = redenGeenPvsv(dossier, d);
  const pvsvNu = redenNu === null && dossier.geboortedatum !== null;
  const werkvoorraad = pvsvNu && uit.includes(true);
  let herinschrijving: Herinschrijfreden | null = null;
  if (!isEersteMaand(m) && !pvsvNu && dossier.geboortedatum !== null) {
    const vorige = vorigeMaand(m);
    const opWerkvoorraadVorige = pvsv(dossier, peildatum(vorige)) && uit.slice(0, -1).includes(true);
    if (opWerkvoorraadVorige) herinschrijving = redenNu;
  }
  return { uitschrijvingen: uit[uit.length - 1]!, werkvoorraad, herinschrijving };
}

/** uitval(M): on startset and on werkvoorraad of M. */
export function opUitval(opStartset: boolean, opWerkvoorraadVanM: boolean): boolean {
  return opStartset && opWerkvoorraadVanM;
}

/**
 * verlate-startkwalificatie(M): in the previous lijstjaar's definitive count with reason
 * `verlate-startkwalificatie`, with that diploma (a startkwalificatie dated after the count's
 * T1 and on or before 31 December of T+1) dated before d.
 */
export function opVerlateStartkwalificatie(
  reden: string, diplomas: readonly Diploma[], vorigJaar: Schooljaar, m: Maand,
): boolean {
  if (reden !== 'verlate-startkwalificatie') return false;
  const d = peildatum(m);
  return diplomas.some((dip) => STARTKWALIFICATIES.has(dip.soort)
    && dip.datum > vorigJaar.t1 && dip.datum <= vorigJaar.eindeVerlateStartkwalificatie && dip.datum < d);
}

/** The school year whose count gives `startset` for month M: the lijstjaar's own (our reading). */
export function startsetSchooljaar(m: Maand): Schooljaar {
  return lijstjaar(m);
}
