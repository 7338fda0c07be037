import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { referentiedataMap } from '../config.js';
import { controleerReferentiedata } from '../referentie/referentiedata.js';
import { minimalCsvLine } from './csv.js';
import { dag, iso, teldatum, type Dag } from './dagen.js';
import { instellingRegels } from './instellingen.js';
import { Levensloop, type Venster } from './levensloop.js';
import { cohortOmvang } from './parameters.js';
import { maakPersoon } from './persoon.js';
import { Prng } from './prng.js';
import { Bestandsschrijver } from './schrijver.js';
import { laadWereld, type Wereld } from './wereld.js';

/**
 * `binnenboord genereer`: one delivery folder (levering.md) with a synthetic national
 * population, person by person. Each person has a random stream derived from the seed and
 * the person's number, so the output is byte-identical for the same options, and no person
 * is kept in memory after being written.
 */
export interface Generatoropties {
  readonly uitvoer: string;
  /** 1 = the whole country */
  readonly schaal: number;
  readonly zaad: number;
  /** first and last school year, by first calendar year (2016 = 2016-2017) */
  readonly van: number;
  readonly tot: number;
  readonly voortgang?: (melding: string) => void;
  /** the reference data folder; by default `referentiedataMap()` */
  readonly gedeeld?: string;
}

export interface Generatorverslag {
  readonly map: string;
  /** persons simulated, and those written (persons whose schooling ended before the window are left out) */
  readonly gesimuleerd: number;
  readonly personen: number;
  readonly rijen: Readonly<Record<string, number>>;
  readonly seconden: number;
  readonly dataEinde: string;
}

/** Cohorts of vo entrants from this many years before the first school year (persons up to ~23 then). */
const COHORTEN_VOORAF = 11;

export const BESTANDSKOPPEN = {
  'personen.csv': ['persoon_id', 'geboortedatum', 'geslacht', 'voornamen', 'voorvoegsel', 'geslachtsnaam'],
  'verblijf.csv': ['persoon_id', 'gemeente_code', 'postcode', 'vanaf', 'tot'],
  'brp_gebeurtenissen.csv': ['persoon_id', 'soort', 'datum'],
  'instellingen.csv': ['brin', 'vestiging', 'naam', 'gemeente_code', 'soort'],
  'inschrijvingen.csv': ['inschrijving_id', 'persoon_id', 'brin', 'vestiging', 'onderwijstype', 'leerjaar', 'niveau', 'leerweg', 'crebo', 'nieuwkomer', 'begindatum', 'einddatum'],
  'diplomas.csv': ['persoon_id', 'soort', 'datum', 'brin'],
  'vrijstellingen.csv': ['persoon_id', 'grond', 'vanaf', 'tot'],
  'werk.csv': ['persoon_id', 'vanaf', 'tot', 'uren_per_week'],
  'rmc_indeling.csv': ['gemeente_code', 'gemeente_naam', 'rmc_code', 'rmc_naam', 'schooljaar_vanaf', 'schooljaar_tot'],
} as const;
export type Bestand = keyof typeof BESTANDSKOPPEN;

/** The school cohorts (year of entering vo) of a run, with their size at this scale. */
export function cohorten(opties: Pick<Generatoropties, 'schaal' | 'van' | 'tot'>): { cohort: number; aantal: number }[] {
  const uit: { cohort: number; aantal: number }[] = [];
  for (let cohort = opties.van - COHORTEN_VOORAF; cohort <= opties.tot + 1; cohort += 1) {
    uit.push({ cohort, aantal: Math.round(opties.schaal * cohortOmvang(cohort - 12.25)) });
  }
  return uit;
}

export function venster(van: number, tot: number): Venster {
  return { eersteJaar: van, laatsteJaar: tot, dataEinde: dag(tot + 1, 12, 31) };
}

export async function genereer(opties: Generatoropties): Promise<Generatorverslag> {
  if (!(opties.schaal > 0)) throw new Error(`schaal ${opties.schaal} moet groter zijn dan 0`);
  if (opties.tot < opties.van) throw new Error('--tot ligt vóór --van');
  const gedeeld = opties.gedeeld ?? referentiedataMap();
  controleerReferentiedata(gedeeld);
  const start = performance.now();
  const wereld = await laadWereld(gedeeld);
  await mkdir(opties.uitvoer, { recursive: true });
  const schrijvers = Object.fromEntries(
    (Object.keys(BESTANDSKOPPEN) as Bestand[]).map((b) => [b, new Bestandsschrijver(join(opties.uitvoer, b), BESTANDSKOPPEN[b])]),
  ) as Record<Bestand, Bestandsschrijver>;

  for (const regel of wereld.referentieInstellingen) schrijvers['instellingen.csv'].schrijf(regel);
  for (const regel of instellingRegels(wereld.instellingen)) schrijvers['instellingen.csv'].schrijf(regel);
  for (const regel of wereld.rmcIndeling) schrijvers['rmc_indeling.csv'].schrijf(regel);

  let personen = 0;
  let laatsteMelding = performance.now();
  const alle = Object.values(schrijvers);
  const totaal = cohorten(opties).reduce((s, c) => s + c.aantal, 0);
  let nummer = 0;
  for (const leven of levens(opties, wereld, (n) => { nummer = n; })) {
    if (leven) {
      schrijfLeven(leven, schrijvers);
      personen += 1;
    }
    if ((nummer & 1023) === 0) {
      for (const s of alle) if (s.vol) await s.leeg();
      const nu = performance.now();
      if (opties.voortgang && nu - laatsteMelding > 2000) {
        laatsteMelding = nu;
        const tempo = nummer / ((nu - start) / 1000);
        opties.voortgang(`genereer: ${nummer.toLocaleString('nl-NL')} van ${totaal.toLocaleString('nl-NL')} personen `
          + `(${Math.floor((100 * nummer) / totaal)}%), ${Math.round(tempo).toLocaleString('nl-NL')} personen/s`);
      }
    }
  }
  const v = venster(opties.van, opties.tot);
  await Promise.all(alle.map((s) => s.sluit()));
  const rijen = Object.fromEntries((Object.keys(schrijvers) as Bestand[]).map((b) => [b, schrijvers[b].rijen]));
  return { map: opties.uitvoer, gesimuleerd: totaal, personen, rijen, seconden: (performance.now() - start) / 1000, dataEinde: iso(v.dataEinde) };
}

/**
 * Every person of the run in order, simulated; null for a person whose schooling ended
 * before the first school year (left out of the delivery). `teller` gets the number of
 * persons simulated so far.
 */
export function* levens(opties: Pick<Generatoropties, 'schaal' | 'van' | 'tot' | 'zaad'>, wereld: Wereld, teller?: (n: number) => void): Generator<Levensloop | null> {
  const v = venster(opties.van, opties.tot);
  const relevantVanaf = teldatum(opties.van);
  let nummer = 0;
  for (const { cohort, aantal } of cohorten(opties)) {
    for (let i = 0; i < aantal; i += 1) {
      const r = Prng.voor(opties.zaad, nummer);
      const persoon = maakPersoon(r, wereld, opties.zaad, nummer, cohort);
      const leven = new Levensloop(r, persoon, wereld, v).leef();
      nummer += 1;
      teller?.(nummer);
      yield leven.isRelevantVanaf(relevantVanaf) ? leven : null;
    }
  }
}

const datum = (d: Dag | null): string => (d === null ? '' : iso(d));

function schrijfLeven(l: Levensloop, s: Record<Bestand, Bestandsschrijver>): void {
  const p = l.p;
  const id = p.id;
  s['personen.csv'].schrijf(minimalCsvLine([id, iso(p.geboren), p.geslacht, p.voornamen, p.voorvoegsel, p.geslachtsnaam]));
  for (const v of l.verblijf) s['verblijf.csv'].schrijf(`${id},${v.gemeente.code},${v.pc4},${iso(v.vanaf)},${datum(v.tot)}\n`);
  for (const g of [...l.gebeurtenissen].sort((a, b) => a.datum - b.datum)) s['brp_gebeurtenissen.csv'].schrijf(`${id},${g.soort},${iso(g.datum)}\n`);
  for (const i of l.inschrijvingen) {
    s['inschrijvingen.csv'].schrijf(`${i.id},${id},${i.brin},${i.vestiging},${i.onderwijstype},${i.leerjaar ?? ''},${i.niveau ?? ''},`
      + `${i.leerweg ?? ''},${i.crebo ?? ''},${i.nieuwkomer ? 'ja' : 'nee'},${iso(i.begin)},${datum(i.eind)}\n`);
  }
  for (const d of [...l.diplomas].sort((a, b) => a.datum - b.datum)) s['diplomas.csv'].schrijf(`${id},${d.soort},${iso(d.datum)},${d.brin ?? ''}\n`);
  for (const v of l.vrijstellingen) s['vrijstellingen.csv'].schrijf(`${id},${v.grond},${iso(v.vanaf)},${datum(v.tot)}\n`);
  for (const w of [...l.werk].sort((a, b) => a.vanaf - b.vanaf)) s['werk.csv'].schrijf(`${id},${iso(w.vanaf)},${datum(w.tot)},${w.uren}\n`);
}

export type { Wereld };
