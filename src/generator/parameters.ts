/**
 * The knobs of the life model. Probabilities are per school year unless stated. The
 * dropout probabilities (uitval) and the year factors are the calibration: they were tuned
 * until the real count (src/telling via `binnenboord kalibratie`) reproduced the published
 * figures of gepubliceerd.ts; docs/generator.md has the resulting table. The other numbers
 * are plausible shares of Dutch school careers, rounded, not published figures.
 */

/**
 * Size of a birth cohort (persons who live in the Netherlands at some point before 18),
 * interpolated between the 2021 CBS five-year age groups of the shared data
 * (nl_pc4_population_by_age_2021.csv): age 5–9 ≈ 180k per year, 10–14 ≈ 191k, 15–19 ≈ 206k.
 * The 20–24 group (221k) is inflated by students who came from abroad after school age,
 * so older cohorts are held at the 15–19 level.
 */
export const COHORTPUNTEN: readonly (readonly [geboortejaar: number, omvang: number])[] = [
  [2003.5, 206_300], [2008.5, 190_800], [2013.5, 180_000],
];

export function cohortOmvang(geboortejaar: number): number {
  const p = COHORTPUNTEN;
  if (geboortejaar <= p[0]![0]) return p[0]![1];
  for (let i = 1; i < p.length; i += 1) {
    const [j1, o1] = p[i - 1]!;
    const [j2, o2] = p[i]!;
    if (geboortejaar <= j2) return o1 + ((o2 - o1) * (geboortejaar - j1)) / (j2 - j1);
  }
  return p[p.length - 1]![1];
}

export const GESLACHT = { M: 0.5105, V: 0.4893, X: 0.0001, onbekend: 0.0001 };

/** Share of a cohort born abroad, arriving at a uniformly drawn age before 18. */
export const IMMIGRANTEN = 0.09;
/** Entering vo a year early / a year late (primary school). */
export const VO_INSTROOM_VERSCHUIVING = { eerder: 0.02, later: 0.07 };

/** Where a pupil goes at 12, as a share of the cohort. */
export const SPOOR = {
  pro: 0.03,
  vso: 0.032,
  internationaal: 0.005,
  'vmbo-bb': 0.085,
  'vmbo-kb': 0.105,
  'vmbo-gl': 0.024,
  'vmbo-tl': 0.205,
  havo: 0.262,
  vwo: 0.252,
};
export type Spoor = keyof typeof SPOOR;
export type VoSpoor = 'vmbo-bb' | 'vmbo-kb' | 'vmbo-gl' | 'vmbo-tl' | 'havo' | 'vwo';

export const VO_DUUR: Readonly<Record<VoSpoor, number>> = { 'vmbo-bb': 4, 'vmbo-kb': 4, 'vmbo-gl': 4, 'vmbo-tl': 4, havo: 5, vwo: 6 };

export const VO = {
  /** first year in a mixed bridge class (vo-brugjaar) */
  brugjaar: 0.55,
  /** of those, a second bridge year */
  tweedeBrugjaar: 0.3,
  /** a pupil chooses a school in the own municipality when one offers the track */
  schoolInEigenGemeente: 0.7,
  zittenblijven: { onderbouw: 0.03, bovenbouw: 0.05 },
  /** per year in leerjaar 1–3: move down one track (vwo→havo, havo→vmbo-tl, tl→kb) */
  afstromen: { vwo: 0.035, havo: 0.04, 'vmbo-tl': 0.01 },
  /** exam failed in the final year */
  gezakt: { vmbo: 0.05, havo: 0.12, vwo: 0.09 },
  /** after failing: repeat the year, else vavo (havo/vwo) or mbo (vmbo); the rest leaves */
  naZakken: { overdoen: 0.58, vavo: 0.3, mbo: 0.08 },
  /** switch to mbo during havo 4/5 or vmbo 3/4 (not a dropout: a new enrolment follows) */
  overstapNaarMbo: { havo: 0.03, vmbo: 0.01 },
  /** of the havo/vwo pupils who switch, the share that goes to vavo rather than mbo 4 */
  overstapVavo: 0.35,
};

/** What follows a vo diploma. Whatever is left after the listed shares: no further education. */
export const NA_VMBO: Readonly<Record<'vmbo-bb' | 'vmbo-kb' | 'vmbo-gl' | 'vmbo-tl', Readonly<Record<string, number>>>> = {
  'vmbo-bb': { 'mbo-1': 0.04, 'mbo-2': 0.8, 'mbo-3': 0.135 },
  'vmbo-kb': { 'mbo-2': 0.27, 'mbo-3': 0.53, 'mbo-4': 0.185 },
  'vmbo-gl': { 'mbo-2': 0.06, 'mbo-3': 0.3, 'mbo-4': 0.62 },
  'vmbo-tl': { havo: 0.12, 'mbo-2': 0.04, 'mbo-3': 0.22, 'mbo-4': 0.605 },
};
export const NA_HAVO = { ho: 0.76, 'mbo-4': 0.1, vwo: 0.04 };
export const NA_VWO = { ho: 0.88 };

/** Nominal length of an mbo programme in years, per level (level 4: 3 or 4 years). */
export const MBO_DUUR: Readonly<Record<number, readonly number[]>> = { 1: [1], 2: [2], 3: [3, 3, 2], 4: [3, 4, 4] };

/** Share of bbl per level at entry; multiplied by the age factor. */
export const MBO_BBL: readonly number[] = [0, 0.06, 0.24, 0.17, 0.06];
export function bblLeeftijdsfactor(leeftijd: number): number {
  return leeftijd <= 16 ? 0.5 : leeftijd <= 17 ? 0.8 : leeftijd <= 19 ? 1.4 : 2.4;
}

export const MBO = {
  /** share of mbo students at the AOC / a vakinstelling rather than the ROC */
  aoc: 0.06,
  vakinstelling: 0.03,
  /** the ROC location in the own municipality when there is one */
  rocInEigenGemeente: 0.75,
  zittenblijven: 0.07,
  /** final year: diploma, given no dropout during the year */
  geslaagd: [0, 0.68, 0.86, 0.88, 0.9],
  /** after failing the final year: repeat it; otherwise leave */
  naZakkenOverdoen: 0.7,
  /** switch programme during the year (same or lower level), not a dropout */
  overstap: 0.05,
  /** after the diploma: next level / ho; the rest leaves with the diploma */
  doorstroom: [0, 0.58, 0.5, 0.3, 0.42],
  /** an entree graduate who does not continue works at least 12 hours on T1 */
  entreeMetWerk: 0.17,
};

/**
 * Dropout per school year (leaving education without returning before T1), for a person
 * at T0 in this category; multiplied by age, sex, region, year and personal risk.
 * The calibration knobs.
 */
export const UITVAL = {
  vo: { onderbouw: 0.0022, 'bovenbouw-vmbo': 0.004, 'bovenbouw-havo-vwo': 0.0022 },
  /** vmbo graduates who do not continue at all */
  vmboGeenVervolg: 0.015,
  mbo: {
    bol: [0, 0.25, 0.16, 0.065, 0.03],
    bbl: [0, 0.32, 0.14, 0.08, 0.027],
  },
  vavo: 0.05,
};

/** Age factor on dropout (age on T0). */
export function uitvalLeeftijdsfactor(sector: 'vo' | 'mbo' | 'vavo', leeftijd: number): number {
  if (sector === 'vo') return leeftijd <= 14 ? 0.5 : leeftijd === 15 ? 0.8 : leeftijd === 16 ? 1.2 : leeftijd === 17 ? 1.5 : 2;
  // Under 18 the qualification duty (kwalificatieplicht) keeps students in school: CBS
  // 2017/'18 finds 88% of all vsv'ers aged 18 or over.
  return leeftijd <= 16 ? 0.12 : leeftijd === 17 ? 0.25 : leeftijd === 18 ? 1 : leeftijd === 19 ? 1.25 : leeftijd === 20 ? 1.45 : 1.6;
}
export const UITVAL_GESLACHT = { M: 1.18, V: 0.8 };

/**
 * Personal risk: most persons ~1, a few much higher. A mixture, mean 1, so that
 * dropping out clusters in persons who also repeat and switch.
 */
export const RISICO = { hoog: 0.08, factorHoog: 3.6, factorLaag: 0.7826 };

/**
 * Year factors on dropout, per sector and school year (first calendar year). They carry the
 * published trend: the rise to 2018-2019, the dip of 2019-2020 (covid: exams cancelled),
 * the rise of 2021-2022. Years outside the published series keep the nearest value.
 */
export const JAARFACTOR: Readonly<Record<'vo' | 'mbo', Readonly<Record<number, number>>>> = {
  vo: { 2015: 0.967, 2016: 0.967, 2017: 1.03, 2018: 0.95, 2019: 0.87, 2020: 0.79, 2021: 0.98, 2022: 0.97, 2023: 0.97 },
  mbo: { 2015: 1.046, 2016: 1.046, 2017: 1.129, 2018: 1.253, 2019: 1.05, 2020: 1.139, 2021: 1.517, 2022: 1.591, 2023: 1.53 },
};
const JAREN = { vo: Object.keys(JAARFACTOR.vo).map(Number), mbo: Object.keys(JAARFACTOR.mbo).map(Number) };
export function jaarfactor(sector: 'vo' | 'mbo', jaar: number): number {
  const jaren = JAREN[sector];
  const j = Math.max(jaren[0]!, Math.min(jaren[jaren.length - 1]!, jaar));
  return JAARFACTOR[sector][j] ?? 1;
}

/**
 * Exits that the count excludes, per school year, for a person in the start population.
 * Set so that the national counts per reason land near the 2012-2013 figures of
 * gepubliceerd.ts (UITGESLOTEN_2012_2013).
 */
export const UITSLUITINGEN = {
  /** to recognised non-funded education (nb-vo, nb-mbo) */
  nietBekostigd: { vo: 0.0006, mbo: 0.0026 },
  vrijstelling: { vo: 0.0005, mbo: 0.00075 },
  /** defence or police training, from age 17 */
  defensiePolitie: 0.00004,
  /** custodial institution, boys 15+ mostly */
  dji: { M: 0.0006, V: 0.0001 },
  /** final-year mbo students who do not continue: diploma dated between T1 and 31 December */
  verlateDiploma: 0.0027,
  /** newcomers leaving during their first year (outside the count) */
  nieuwkomerVertrekt: 0.05,
};

export const LEVEN = {
  /** deaths per year, for every simulated year of a life (from about age 11) */
  sterfte: 0.00018,
  /** emigrations per year, under 18 / 18 and over */
  emigratie: [0.0018, 0.0035] as const,
  /** emigrants who come back later */
  terugkeer: 0.12,
  /** moves to another municipality per year, under 18 / 18 and over */
  verhuizing: [0.025, 0.075] as const,
  /** a move stays within the RMC region */
  verhuizingInRegio: 0.6,
};

/** Re-enrolment after dropping out (after T1 of the dropout year), per year out, by age. */
export function terugkeerKans(leeftijd: number, jarenUit: number): number {
  const basis = leeftijd < 18 ? 0.38 : leeftijd < 20 ? 0.22 : leeftijd < 23 ? 0.1 : 0;
  return basis * 0.6 ** Math.max(0, jarenUit - 1);
}

/** Months of a school year (Aug … Jul) when dropouts leave: peaks after autumn, January/February, year end. */
export const UITVALMAANDEN: readonly number[] = [4, 7, 7, 10, 9, 11, 10, 7, 6, 6, 9, 14];

/** Work after leaving education: chance of a job and its hours. */
export const WERK = { metStartkwalificatie: 0.75, zonder: 0.45, banenEinde: 0.3 };
