import { percentageInHonderdsten } from './telling/cijfers.js';
import type { Categorie } from './telling/startpopulatie.js';

/**
 * Performance norms (prestatienormen) per category: the maximum vsv percentage an
 * institution may have in a convenant year. Sources: Regeling regionale aanpak vsv en
 * prestatiesubsidie vo (BWBR0031387) art. 30–32, tabel 4 (vo); Regeling prestatiebox mbo
 * (BWBR0031390) art. 13, tabel 2 (mbo). Later years are added as data, in this table.
 */
export const NORMEN: Readonly<Record<string, Partial<Record<Categorie, number>>>> = {
  '2012-2013': { 'vo-onderbouw': 1.0, 'vo-bovenbouw-vmbo': 4.0, 'vo-bovenbouw-havo-vwo': 0.5, 'mbo-1': 32.5, 'mbo-2': 13.5, 'mbo-3-4': 4.25 },
  '2013-2014': { 'vo-onderbouw': 1.0, 'vo-bovenbouw-vmbo': 4.0, 'vo-bovenbouw-havo-vwo': 0.5, 'mbo-1': 27.5, 'mbo-2': 11.5, 'mbo-3-4': 3.5 },
  '2014-2015': { 'vo-onderbouw': 1.0, 'vo-bovenbouw-vmbo': 4.0, 'vo-bovenbouw-havo-vwo': 0.5, 'mbo-1': 22.5, 'mbo-2': 10.0, 'mbo-3-4': 2.75 },
};

export function normVoor(schooljaar: string, categorie: string): number | null {
  return NORMEN[schooljaar]?.[categorie as Categorie] ?? null;
}

export type Normoordeel = 'gehaald' | 'niet-gehaald' | 'geen-norm';

/**
 * A norm is met when the institution's vsv percentage in the category, "rekenkundig afgerond
 * op twee decimalen" (BWBR0031387 art. 30–32 lid 3–4; BWBR0031390 art. 13 lid 3–4), is at most
 * the norm: 1 vsv'er of 199 is 0.5025%, rounded 0.50%, and meets a norm of 0.5%. Compared in
 * integer hundredths, with the same half-up rounding as every published percentage.
 */
export function beoordeelNorm(schooljaar: string, categorie: string, vsv: number, startpopulatie: number): Normoordeel {
  const norm = normVoor(schooljaar, categorie);
  if (norm === null || startpopulatie === 0) return 'geen-norm';
  return percentageInHonderdsten(vsv, startpopulatie) <= Math.round(norm * 100) ? 'gehaald' : 'niet-gehaald';
}
