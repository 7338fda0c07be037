import type { Categorie } from './telling/startpopulatie.js';

/**
 * Performance norms (prestatienormen) per category: the maximum vsv percentage an
 * institution may have in a convenant year. Source: the 2012 regulations (BWBR0031387 for
 * vo; BWBR0031390 Bijlage A for mbo). Later years are added as data, in this table.
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
 * A norm is met when the institution's vsv percentage in the category is at most the norm.
 * Compared on integers (vsv × 10000 ≤ norm × 100 × start population) so that no rounding
 * of the shown percentage decides.
 */
export function beoordeelNorm(schooljaar: string, categorie: string, vsv: number, startpopulatie: number): Normoordeel {
  const norm = normVoor(schooljaar, categorie);
  if (norm === null || startpopulatie === 0) return 'geen-norm';
  return vsv * 10000 <= Math.round(norm * 100) * startpopulatie ? 'gehaald' : 'niet-gehaald';
}
