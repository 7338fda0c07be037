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

/** The first and the last school year for which the regulations set norms (the keys of NORMEN). */
export const NORMJAREN: readonly string[] = Object.keys(NORMEN).sort();
export const LAATSTE_VASTGESTELDE_NORMJAAR = NORMJAREN[NORMJAREN.length - 1]!;

/**
 * The norm a figure of a school year is compared with, and where it comes from.
 *
 * - `vastgesteld: true`: the school year has norms of its own in NORMEN (2012-2013 t/m
 *   2014-2015): the legally set performance norm of that year ("norm van dit jaar").
 * - `vastgesteld: false`: a *referentienorm*. NORMEN has no norms after 2014-2015 (whether
 *   the later regulations set norms is not verified, see docs/rules/prestatienormen.md); for
 *   a later school year the last norm in the table (`normjaar` 2014-2015) is used as a
 *   yardstick only ("laatst vastgestelde norm (2014-2015), ter vergelijking"), so that a
 *   later figure can still be read against it. It is not a norm of the later year, and is
 *   never presented as one. Should norms of a later year be added to NORMEN, that year
 *   becomes `vastgesteld` and the reference for the years after it, without code changes.
 */
export interface Vergelijkingsnorm {
  /** the highest vsv percentage of the norm, e.g. 2.75 */
  readonly norm: number;
  /** the school year whose norm this is */
  readonly normjaar: string;
  /** true: set for this very school year; false: a reference norm of an earlier year */
  readonly vastgesteld: boolean;
}

/**
 * The norm a figure of `schooljaar` in `categorie` is compared with: the norm of that year
 * when the regulations set one, else the last norm set before it as a reference norm.
 * Null for a category without a norm (vavo, unknown categories), for years before the first
 * norm year (there is no earlier norm to refer to) and for text that is no school year.
 */
export function normVoorVergelijking(schooljaar: string, categorie: string): Vergelijkingsnorm | null {
  const n = normjaarVoor(schooljaar);
  const norm = n && normVoor(n.normjaar, categorie);
  return n && norm !== null ? { norm, ...n } : null;
}

/**
 * The norm year that applies to `schooljaar`, whatever the category: the year itself when
 * it has norms, else the last year before it that has them (reference). Null before
 * 2012-2013 and for text that is no school year.
 */
export function normjaarVoor(schooljaar: string): { normjaar: string; vastgesteld: boolean } | null {
  if (!/^\d{4}-\d{4}$/.test(schooljaar)) return null;
  // 'JJJJ-JJJJ' sorts as text in the order of the years.
  const normjaar = NORMJAREN.filter((j) => j <= schooljaar).at(-1);
  return normjaar === undefined ? null : { normjaar, vastgesteld: normjaar === schooljaar };
}

/** How the norm of a school year is described to the public (API and web app). */
export function normomschrijving(schooljaar: string): string {
  const n = normjaarVoor(schooljaar);
  if (!n) return `Voor ${schooljaar} is geen prestatienorm bekend en er is geen eerdere norm om mee te vergelijken.`;
  if (n.vastgesteld) return `Prestatienorm van ${schooljaar}, vastgesteld in de regelingen.`;
  return `Laatst vastgestelde norm (${n.normjaar}), ter vergelijking; dit is geen norm van ${schooljaar} zelf.`;
}

/**
 * The figure of `schooljaar` judged against `normVoorVergelijking`: against the norm of the
 * year itself when there is one (then the same as `beoordeelNorm`), else against the
 * reference norm. Same rounding and comparison as `beoordeelNorm`; whether the judgement was
 * made against a legally set norm is `normVoorVergelijking(…).vastgesteld`.
 */
export function beoordeelNormVoorVergelijking(schooljaar: string, categorie: string, vsv: number, startpopulatie: number): Normoordeel {
  const v = normVoorVergelijking(schooljaar, categorie);
  return v === null ? 'geen-norm' : beoordeelNorm(v.normjaar, categorie, vsv, startpopulatie);
}
