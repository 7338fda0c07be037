import { join } from 'node:path';
import { GEMEENTEN_BESTAND, instellingRijen, leesReferentieCsv, rmcIndelingRijen, VESTIGINGEN_BESTAND } from '../referentie/referentiedata.js';
import { leesRegionalePercentages } from './gepubliceerd.js';
import { maakSynthetischeInstellingen, type Instelling, type SynthetischeInstellingen } from './instellingen.js';
import { Gewogen } from './prng.js';
import { regioFactoren } from './regio.js';

/**
 * The real world the synthetic persons live in, read once from the reference data folder:
 * municipalities with their young population and PC4 areas, vo/vso school locations with
 * their offer and pupil counts, Dutch names, and the synthetic mbo/ho institutions placed
 * on that map. Everything here is fixed for a run; only persons are generated.
 */
export interface Gemeente {
  readonly index: number;
  readonly code: string;
  readonly naam: string;
  /** RMC region, today's numbering (40/41, not 14) */
  readonly rmc: string;
  readonly rmcNaam: string;
  readonly provincie: string;
  readonly inwoners: number;
  /** CBS 2021 estimate of persons aged 12–23 (PROVENANCE.md): the weight for where persons live */
  readonly jong: number;
  readonly pc4: Gewogen<string>;
  lat: number;
  lon: number;
  /** dropout multiplier of the region and municipality (regio.ts) */
  risico: number;
}

/** A vo or vso location of the reference data (vo_vso_vestigingen.csv). */
export interface VoLocatie {
  readonly brin: string;
  readonly vestiging: string;
  readonly gemeente: number;
  readonly rmc: string;
  readonly vbo: boolean;
  readonly mavo: boolean;
  readonly havo: boolean;
  readonly vwo: boolean;
  readonly pro: boolean;
  readonly vso: boolean;
  readonly leerlingen: number;
}

/** What a vo pupil needs a location to offer. */
export type VoAanbod = 'vbo' | 'mavo' | 'havo' | 'vwo' | 'pro' | 'vso';
export const VO_AANBOD: readonly VoAanbod[] = ['vbo', 'mavo', 'havo', 'vwo', 'pro', 'vso'];

export interface Naam { readonly voorvoegsel: string; readonly geslachtsnaam: string }

export interface Wereld {
  readonly gemeenten: readonly Gemeente[];
  readonly woonplaats: Gewogen<Gemeente>;
  readonly gemeentenPerRmc: ReadonlyMap<string, readonly Gemeente[]>;
  /** per municipality and offer: the locations in that municipality, or null */
  readonly voInGemeente: readonly (Readonly<Record<VoAanbod, Gewogen<VoLocatie> | null>>)[];
  /** per RMC region and offer: the locations in the region, or null */
  readonly voInRegio: ReadonlyMap<string, Readonly<Record<VoAanbod, Gewogen<VoLocatie> | null>>>;
  readonly voLandelijk: Readonly<Record<VoAanbod, Gewogen<VoLocatie>>>;
  readonly voornamen: (geboortejaar: number, geslacht: 'm' | 'f') => Gewogen<string>;
  readonly achternamen: Gewogen<Naam>;
  readonly instellingen: SynthetischeInstellingen;
  /** instellingen.csv and rmc_indeling.csv rows (without header) */
  readonly referentieInstellingen: readonly string[];
  readonly rmcIndeling: readonly string[];
  /** the real BRIN codes of the reference data, to prove the synthetic ones never collide */
  readonly echteBrins: ReadonlySet<string>;
}

const getal = (s: string | undefined): number => {
  const n = Number(s);
  return Number.isFinite(n) ? n : 0;
};

/** Pupil count of a location; blank for 226 locations, which get a typical size. */
const TYPISCHE_LOCATIEGROOTTE = 350;

export async function laadWereld(gedeeld: string): Promise<Wereld> {
  const data = (b: string) => leesReferentieCsv(join(gedeeld, 'data', b));
  const [gemRijen, pc4Rijen, leeftijdRijen, voRijen, voornaamRijen, achternaamRijen] = await Promise.all([
    data(GEMEENTEN_BESTAND), data('nl_pc4_gemeente_2025.csv'), data('nl_pc4_population_by_age_2021.csv'),
    data(VESTIGINGEN_BESTAND), data('nl_first_names_top100_per_birth_year_1880_2014.csv'),
    data('nl_surnames_top1000_2007.csv'),
  ]);

  // PC4 within a municipality, weighted by its population aged 10–24 (CBS 2021); PC4s
  // newer than that table get a small weight so that they still occur.
  const jongPerPc4 = new Map(leeftijdRijen.map((r) => [r.pc4!, getal(r.age_10_14) + getal(r.age_15_19) + getal(r.age_20_24)]));
  const pc4PerGemeente = new Map<string, { pc4: string[]; w: number[] }>();
  for (const r of pc4Rijen) {
    const e = pc4PerGemeente.get(r.gemeente_code!) ?? { pc4: [], w: [] };
    e.pc4.push(r.pc4!);
    e.w.push(Math.max(jongPerPc4.get(r.pc4!) ?? 0, 5));
    pc4PerGemeente.set(r.gemeente_code!, e);
  }

  const gemeenten: Gemeente[] = gemRijen.map((r, index) => {
    const p = pc4PerGemeente.get(r.gemeente_code!);
    if (!p) throw new Error(`gemeente ${r.gemeente_code} heeft geen PC4 in nl_pc4_gemeente_2025.csv`);
    return {
      index, code: r.gemeente_code!, naam: r.gemeente_name!, rmc: r.rmc_code!, rmcNaam: r.rmc_name!, provincie: r.province_name!,
      inwoners: getal(r.population_2021), jong: getal(r.population_12_23_2021_estimate),
      pc4: new Gewogen(p.pc4, p.w), lat: NaN, lon: NaN, risico: 1,
    };
  });
  const perCode = new Map(gemeenten.map((g) => [g.code, g]));
  const gemeentenPerRmc = new Map<string, Gemeente[]>();
  for (const g of gemeenten) gemeentenPerRmc.set(g.rmc, [...(gemeentenPerRmc.get(g.rmc) ?? []), g]);

  const vo: VoLocatie[] = [];
  const coord = new Map<number, { lat: number; lon: number; n: number }>();
  for (const r of voRijen) {
    const g = perCode.get(r.gemeente_code!);
    if (!g) continue;
    const lat = Number(r.lat);
    const lon = Number(r.lon);
    if (Number.isFinite(lat) && Number.isFinite(lon) && lat !== 0) {
      const c = coord.get(g.index) ?? { lat: 0, lon: 0, n: 0 };
      coord.set(g.index, { lat: c.lat + lat, lon: c.lon + lon, n: c.n + 1 });
    }
    // Bridge-year-only locations get no pupils of their own: a pupil's school is chosen by
    // the track they end up in, and such a location offers none.
    if (r.is_brugjaar_only === '1') continue;
    const vsoLocatie = r.is_vso === '1' || r.is_so_vso_combined === '1';
    vo.push({
      brin: r.brin!, vestiging: r.vestigingscode!.slice(4), gemeente: g.index, rmc: g.rmc,
      vbo: !vsoLocatie && r.is_vbo === '1', mavo: !vsoLocatie && r.is_mavo === '1',
      havo: !vsoLocatie && r.is_havo === '1', vwo: !vsoLocatie && r.is_vwo === '1',
      pro: !vsoLocatie && r.is_pro === '1', vso: vsoLocatie,
      leerlingen: r.student_count ? getal(r.student_count) || TYPISCHE_LOCATIEGROOTTE : TYPISCHE_LOCATIEGROOTTE,
    });
  }
  plaatsGemeenten(gemeenten, coord, gemeentenPerRmc);

  const groepeer = (lijst: readonly VoLocatie[]): Record<VoAanbod, Gewogen<VoLocatie> | null> => {
    const uit = {} as Record<VoAanbod, Gewogen<VoLocatie> | null>;
    for (const a of VO_AANBOD) {
      const met = lijst.filter((l) => l[a]);
      uit[a] = met.length ? new Gewogen(met, met.map((l) => l.leerlingen)) : null;
    }
    return uit;
  };
  const voInGemeente = gemeenten.map((g) => groepeer(vo.filter((l) => l.gemeente === g.index)));
  const voInRegio = new Map([...gemeentenPerRmc.keys()].map((rmc) => [rmc, groepeer(vo.filter((l) => l.rmc === rmc))]));
  const landelijk = groepeer(vo);
  for (const a of VO_AANBOD) if (!landelijk[a]) throw new Error(`geen enkele vo-locatie biedt ${a}`);

  const voornamen = maakVoornamen(voornaamRijen);
  const achternamen = new Gewogen(
    achternaamRijen.map((r) => splitsAchternaam(r.sort_name!)),
    achternaamRijen.map((r) => getal(r.count_2007)));

  const percentages = await leesRegionalePercentages(gedeeld);
  const factoren = regioFactoren(gemeenten, percentages);
  for (const g of gemeenten) g.risico = factoren.get(g.code) ?? 1;

  const echteBrins = new Set(vo.map((l) => l.brin));
  for (const r of voRijen) echteBrins.add(r.brin!);
  const instellingen = maakSynthetischeInstellingen(gemeenten, gemeentenPerRmc);
  for (const i of instellingen.alle) {
    if (echteBrins.has(i.brin)) throw new Error(`synthetische BRIN ${i.brin} bestaat echt; kies een ander patroon`);
  }

  return {
    gemeenten,
    woonplaats: new Gewogen(gemeenten, gemeenten.map((g) => g.jong)),
    gemeentenPerRmc,
    voInGemeente,
    voInRegio,
    voLandelijk: landelijk as Record<VoAanbod, Gewogen<VoLocatie>>,
    voornamen,
    achternamen,
    instellingen,
    referentieInstellingen: await instellingRijen(gedeeld),
    rmcIndeling: await rmcIndelingRijen(gedeeld),
    echteBrins,
  };
}

/**
 * A municipality's position is the mean of its school locations; the 55 without a school
 * take the mean of their region. Used only to send students to a nearby mbo or ho.
 */
function plaatsGemeenten(gemeenten: Gemeente[], coord: Map<number, { lat: number; lon: number; n: number }>, perRmc: Map<string, Gemeente[]>): void {
  for (const g of gemeenten) {
    const c = coord.get(g.index);
    if (c) {
      g.lat = c.lat / c.n;
      g.lon = c.lon / c.n;
    }
  }
  for (const lijst of perRmc.values()) {
    const bekend = lijst.filter((g) => Number.isFinite(g.lat));
    const lat = bekend.reduce((s, g) => s + g.lat, 0) / Math.max(1, bekend.length);
    const lon = bekend.reduce((s, g) => s + g.lon, 0) / Math.max(1, bekend.length);
    for (const g of lijst) {
      if (!Number.isFinite(g.lat)) {
        g.lat = bekend.length ? lat : 52.1;
        g.lon = bekend.length ? lon : 5.3;
      }
    }
  }
}

/** Distance in km (equirectangular: good enough within the Netherlands). */
export function afstandKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const x = (b.lon - a.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180)) * 111.32;
  const y = (b.lat - a.lat) * 110.57;
  return Math.sqrt(x * x + y * y);
}

/** "Jong, de" → voorvoegsel "de", geslachtsnaam "Jong"; the source writes "Hart, ' t" for 't Hart. */
export function splitsAchternaam(sorteernaam: string): Naam {
  const komma = sorteernaam.indexOf(',');
  if (komma < 0) return { voorvoegsel: '', geslachtsnaam: sorteernaam.trim() };
  const voorvoegsel = sorteernaam.slice(komma + 1).trim().replace(/' t\b/, "'t");
  return { voorvoegsel, geslachtsnaam: sorteernaam.slice(0, komma).trim() };
}

/** First names per birth year and sex; after the last year in the data (2014) that year's list is used. */
function maakVoornamen(rijen: readonly Record<string, string>[]): Wereld['voornamen'] {
  const lijsten = new Map<string, { namen: string[]; aantallen: number[] }>();
  let laatste = 0;
  let eerste = Infinity;
  for (const r of rijen) {
    const jaar = Number(r.birth_year);
    laatste = Math.max(laatste, jaar);
    eerste = Math.min(eerste, jaar);
    const sleutel = `${jaar}${r.sex}`;
    const l = lijsten.get(sleutel) ?? { namen: [], aantallen: [] };
    l.namen.push(r.first_name!);
    l.aantallen.push(getal(r.count));
    lijsten.set(sleutel, l);
  }
  const gewogen = new Map<string, Gewogen<string>>();
  return (geboortejaar, geslacht) => {
    const jaar = Math.max(eerste, Math.min(laatste, geboortejaar));
    const sleutel = `${jaar}${geslacht}`;
    let g = gewogen.get(sleutel);
    if (!g) {
      const l = lijsten.get(sleutel);
      if (!l) throw new Error(`geen voornamen voor ${jaar} ${geslacht}`);
      g = new Gewogen(l.namen, l.aantallen);
      gewogen.set(sleutel, g);
    }
    return g;
  };
}

export type { Instelling };
