import { join } from 'node:path';
import { leesReferentieCsv } from '../referentie/referentiedata.js';

/**
 * Every published vsv figure the generator is calibrated against, in one place, each with
 * its source. Nothing else in src/generator holds a published number: the model parameters
 * (parameters.ts) are tuned so that the real count reproduces these.
 *
 * The regional 2016-2017 percentages (source S3) live in the reference data folder
 * (referentiedata/data) and are read from there at run time, by `leesRegionalePercentages` below.
 */
export interface Bron {
  readonly id: string;
  readonly omschrijving: string;
  readonly url?: string;
}

export const BRONNEN = {
  DUO_LANDELIJK: {
    id: 'ocwincijfers-landelijk',
    omschrijving: 'OCW in cijfers, "Landelijke vsv cijfers" (DUO-brontabel): aantal nieuwe vsv\'ers en vsv-% per schooljaar',
    url: 'https://www.ocwincijfers.nl/sectoren/onderwijs-algemeen/leerlingen-en-studenten/voortijdig-schoolverlaters/landelijke-vsv-cijfers/',
  },
  DUO_MBO: {
    id: 'ocwincijfers-mbo',
    omschrijving: 'OCW in cijfers, "Aantal en aandeel nieuwe vsv\'ers per jaar (vanuit het mbo)"; startpopulatie mbo 2016-2017: 394.486',
    url: 'https://www.ocwincijfers.nl/begroten-en-verantwoorden/middelbaar-beroepsonderwijs/subdoel-verminderen-uitval/aantal-en-aandeel-nieuwe-vsvers-per-jaar-vanuit-het-mbo',
  },
  KAMERBRIEF_2021_2022: {
    id: 'kamerbrief-2023',
    omschrijving: 'Kamerbrief van minister Dijkgraaf (voorjaar 2023) over vsv 2021-2022, zoals aangehaald in de projectissue ("ruim 30.000")',
    url: 'https://www.bd.nl/politiek/kamer-na-ziekte-rutte-alsnog-in-debat-over-stikstof-en-onvrede~a18cb16d8/',
  },
  KAMERBRIEF_2020_2021: {
    id: 'kamerbrief-2022',
    omschrijving: 'Kamerbrief van minister Dijkgraaf (maart 2022): 24.385 vsv\'ers in 2020-2021',
    url: 'https://www.nd.nl/varia/varia/1114181/dijkgraaf-vorig-jaar-ruim-1600-meer-vroegtijdige-schoolverlaters',
  },
  VO_2018_2019: {
    id: 'vosabb-2020',
    omschrijving: 'VOS/ABB naar de Kamerbrief over 2018-2019: vo 2017-2018 "ruim 4700" (0,50%), 2018-2019 "ruim 4500" (0,49%)',
    url: 'https://www.vosabb.nl/minder-voortijdig-schoolverlaters-in-voortgezet-onderwijs/',
  },
  ISSUE: {
    id: 'issue',
    omschrijving: 'De projectissue "A realistic national dataset, calibrated to the published vsv figures" (cijfers van DUO/OCW; '
      + 'niet alle opnieuw tegen het origineel gecontroleerd)',
  },
  BRIEF_2014: {
    id: 'kamerbrief-2014',
    omschrijving: 'Kamerbrief vsv van OCW (2014, "seed letter"), uitgesloten groepen in 2012-2013, zoals aangehaald in de projectissue',
  },
  S1: { id: 'S1', omschrijving: 'referentiedata vsv_figures_collected.csv, bron S1 (VSV-Verkenner, landelijk 2012-2013 per sector)', url: 'http://vsvverkenner.nl/landelijk.php' },
  S3: {
    id: 'S3',
    omschrijving: 'referentiedata vsv_figures_collected.csv, bron S3 (onderwijsincijfers.nl, vsv-% per RMC-regio 2016-2017, regio\'s 1-24)',
    url: 'https://www.onderwijsincijfers.nl/kengetallen/onderwijs-algemeen/leerlingen-en-studenten/prestaties-voortijdig-schoolverlaten/vsv-in-de-rmc-regios',
  },
} as const satisfies Record<string, Bron>;

/** One published national figure: a count and/or a percentage, with its source. */
export interface Cijfer {
  readonly aantal: number | null;
  readonly percentage: number | null;
  readonly bron: Bron;
}

export interface LandelijkJaar {
  readonly schooljaar: string;
  readonly totaal: Cijfer;
  readonly mbo: Cijfer | null;
  readonly vo: Cijfer | null;
}

const c = (aantal: number | null, percentage: number | null, bron: Bron): Cijfer => ({ aantal, percentage, bron });

/** New vsv'ers per school year, national: total, mbo and (where published) vo. */
export const LANDELIJK: readonly LandelijkJaar[] = [
  { schooljaar: '2016-2017', totaal: c(23_744, 1.75, BRONNEN.DUO_LANDELIJK), mbo: c(18_574, 4.71, BRONNEN.DUO_MBO), vo: null },
  { schooljaar: '2017-2018', totaal: c(25_848, 1.91, BRONNEN.DUO_LANDELIJK), mbo: c(20_263, 5.09, BRONNEN.DUO_MBO), vo: c(4_700, 0.5, BRONNEN.VO_2018_2019) },
  { schooljaar: '2018-2019', totaal: c(26_894, 2.01, BRONNEN.DUO_LANDELIJK), mbo: c(21_734, 5.4, BRONNEN.DUO_MBO), vo: c(4_539, 0.49, BRONNEN.ISSUE) },
  // OCW in cijfers' mbo page later gives 18,539 (4.60%) for 2019-2020; the landelijke page and the issue 18,512.
  { schooljaar: '2019-2020', totaal: c(22_785, 1.72, BRONNEN.DUO_LANDELIJK), mbo: c(18_512, 4.59, BRONNEN.DUO_LANDELIJK), vo: c(3_607, 0.36, BRONNEN.ISSUE) },
  { schooljaar: '2020-2021', totaal: c(24_385, 1.87, BRONNEN.KAMERBRIEF_2020_2021), mbo: c(20_303, 4.99, BRONNEN.DUO_MBO), vo: null },
  { schooljaar: '2021-2022', totaal: c(30_242, null, BRONNEN.KAMERBRIEF_2021_2022), mbo: c(25_217, 6.35, BRONNEN.DUO_MBO), vo: null },
  { schooljaar: '2022-2023', totaal: c(30_246, null, BRONNEN.ISSUE), mbo: null, vo: null },
];

/** mbo start population 2016-2017 (OCW in cijfers, mbo page). */
export const MBO_STARTPOPULATIE_2016_2017 = c(394_486, null, BRONNEN.DUO_MBO);

export type Leerweg = 'bol' | 'bbl';

/** vsv % in mbo by level (1–4) and learning path, 2016-2017 (issue; DUO). */
export const MBO_NIVEAU_LEERWEG_2016_2017: { readonly bron: Bron; readonly percentages: Readonly<Record<Leerweg, readonly [number, number, number, number]>> } = {
  bron: BRONNEN.ISSUE,
  percentages: { bol: [25.89, 8.58, 3.43, 2.88], bbl: [30.32, 9.17, 3.08, 3.17] },
};

/**
 * Groups excluded from the count nationally in 2012-2013 (seed letter 2014): persons of the
 * start population who left without a startkwalificatie but are not counted, per reason.
 */
export const UITGESLOTEN_2012_2013 = {
  bron: BRONNEN.BRIEF_2014,
  /** to recognised non-funded education (nb-vo, nb-mbo): counted under reason `onderwijs` */
  nietBekostigd: 1_799,
  /** entree diploma and a job of 12+ hours: reason `mbo1-werk` */
  entreeMetWerk: 1_158,
  /** exemptions 5a/5b/5c/15: reason `vrijstelling` */
  vrijstelling: 754,
  /** first-year newcomers: outside the start population altogether */
  nieuwkomers: 351,
  /** startkwalificatie between T1 and 31 December: reason `verlate-startkwalificatie` */
  verlateStartkwalificatie: 122,
  /** defence or police training: reason `politie-defensie` */
  defensiePolitie: 23,
} as const;

/** Regional extremes 2016-2017 named in the issue (also in S3): Zuid-West Friesland and Agglomeratie Amsterdam. */
export const REGIONALE_UITERSTEN_2016_2017 = { laagste: { rmc: '05', percentage: 1.04 }, hoogste: { rmc: '21', percentage: 2.41 }, bron: BRONNEN.S3 };

/** Landelijk 2012-2013 per sector (S1), read from the reference data. */
export interface SectorCijfer { readonly sector: string; readonly deelnemers: number; readonly vsv: number }

/** The old code 14 (Arnhem/Nijmegen) in S3 stands for today's 40 and 41. */
const OUDE_REGIO_14 = ['40', '41'];

/**
 * vsv % per RMC region in 2016-2017 (S3, regions 1–24 only), keyed by today's region code,
 * read from `data/vsv_figures_collected.csv` of the reference data folder.
 */
export async function leesRegionalePercentages(gedeeld: string): Promise<Map<string, number>> {
  const rijen = await leesReferentieCsv(join(gedeeld, 'data', 'vsv_figures_collected.csv'));
  const uit = new Map<string, number>();
  for (const r of rijen) {
    if (r.source_id !== 'S3' || r.school_year !== '2016-2017' || r.segment !== 'total') continue;
    const p = Number(r.vsv_percentage);
    if (!Number.isFinite(p)) continue;
    for (const code of r.area_code === '14' ? OUDE_REGIO_14 : [r.area_code!]) uit.set(code, p);
  }
  return uit;
}

/**
 * Rijnmond (RMC 29), provisional 2015-2016: 2.4% (2,320 vsv'ers), from a regional news report
 * of the ministry's provisional figures. S3 stops at region 24; this is the only published
 * figure for a region above 24 that we have.
 */
export const RIJNMOND_2015_2016 = {
  rmc: '29', percentage: 2.4, aantal: 2_320,
  bron: { id: 'rijnmond-2017', omschrijving: 'RTV Rijnmond (feb. 2017) naar voorlopige OCW-cijfers 2015-2016', url: 'http://www.rijnmond.nl/nieuws/152003/Steeds-minder-jongeren-stoppen-voortijdig-met-school' } as Bron,
};

/** National 2012-2013 by sector (S1), from the reference data: the vo/mbo/vavo balance of the measurement method. */
export async function leesSectoren2012(gedeeld: string): Promise<SectorCijfer[]> {
  const rijen = await leesReferentieCsv(join(gedeeld, 'data', 'vsv_figures_collected.csv'));
  return rijen
    .filter((r) => r.source_id === 'S1' && r.school_year === '2012-2013' && r.segment !== 'total')
    .map((r) => ({ sector: r.segment!, deelnemers: Number(r.participants), vsv: Number(r.vsv_count) }));
}
