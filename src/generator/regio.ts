import { RIJNMOND_2015_2016 } from './gepubliceerd.js';

/**
 * Regional differences in dropout. Each municipality gets a multiplier on every dropout
 * probability, so that the regional vsv percentages follow the published 2016-2017 figures
 * (S3, regions 1–24) and the big cities lie above average (CBS: the four big cities 3.4%
 * against 2.2% nationally in 2017/'18, larger municipalities above smaller ones).
 * The multipliers average 1 over the young population, so the national level is set by
 * the calibration in parameters.ts alone.
 */

/**
 * Regions without a published figure in the shared data (25–39): an assumption, not a
 * published number. Chosen near the national 1.75%, higher for the urban regions.
 */
export const AANGENOMEN_REGIOPERCENTAGES: Readonly<Record<string, number>> = {
  '25': 1.6, '26': 1.6, '27': 1.7, '28': 2.2, '29': RIJNMOND_2015_2016.percentage, '30': 1.8, '31': 1.5,
  '32': 1.6, '33': 1.5, '34': 1.7, '35': 1.8, '36': 1.4, '37': 1.6, '38': 1.5, '39': 1.8,
};

/** The four big cities: Amsterdam, Rotterdam, 's-Gravenhage, Utrecht. */
export const G4 = new Set(['GM0363', 'GM0599', 'GM0518', 'GM0344']);
const FACTOR_G4 = 1.35;
const FACTOR_GROTE_GEMEENTE = 1.12;
const GROTE_GEMEENTE = 100_000;

interface GemeenteLike { readonly code: string; readonly rmc: string; readonly jong: number; readonly inwoners: number }

export function regioFactoren(gemeenten: readonly GemeenteLike[], gepubliceerd: ReadonlyMap<string, number>): Map<string, number> {
  const percentageVan = (rmc: string) => gepubliceerd.get(rmc) ?? AANGENOMEN_REGIOPERCENTAGES[rmc] ?? 1.75;
  const stad = (g: GemeenteLike) => (G4.has(g.code) ? FACTOR_G4 : g.inwoners >= GROTE_GEMEENTE ? FACTOR_GROTE_GEMEENTE : 1);

  // Within a region the city factors are rescaled so that the region keeps its own level.
  const perRegio = new Map<string, GemeenteLike[]>();
  for (const g of gemeenten) perRegio.set(g.rmc, [...(perRegio.get(g.rmc) ?? []), g]);
  const ruw = new Map<string, number>();
  for (const [rmc, lijst] of perRegio) {
    const gewicht = lijst.reduce((s, g) => s + g.jong, 0);
    const gemiddeldeStad = lijst.reduce((s, g) => s + g.jong * stad(g), 0) / Math.max(1, gewicht);
    for (const g of lijst) ruw.set(g.code, (percentageVan(rmc) * stad(g)) / gemiddeldeStad);
  }
  const totaal = gemeenten.reduce((s, g) => s + g.jong, 0);
  const gemiddelde = gemeenten.reduce((s, g) => s + g.jong * ruw.get(g.code)!, 0) / totaal;
  return new Map([...ruw].map(([code, p]) => [code, p / gemiddelde]));
}
