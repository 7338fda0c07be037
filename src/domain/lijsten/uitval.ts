import { CATEGORIEEN, type Categorie } from '../telling/startpopulatie.js';
import { percentage } from '../telling/cijfers.js';

/**
 * `uitval` as a figure per category (lijsten.md): persons on uitval / persons on startset
 * × 100, two decimals (the count's rounding, telling.md "Figures"). Exact here; openbaarmaking
 * control (telling.md) is applied wherever it is shown without access to personal data.
 */
export interface Uitvalcijfer {
  /** a category, or `totaal` */
  readonly categorie: Categorie | 'totaal';
  readonly startset: number;
  readonly uitval: number;
  /** '' when the start set is empty */
  readonly percentage: string;
}

export function uitvalcijfers(
  startsetPerCategorie: ReadonlyMap<string, number>, uitvalPerCategorie: ReadonlyMap<string, number>,
): Uitvalcijfer[] {
  return perCategorie(startsetPerCategorie, uitvalPerCategorie, true);
}

/**
 * The figures per category and in total; `uitvalBinnenStartset`: uitval above the start set of a
 * category is an error (the whole country), else allowed (a scope: uitvalBinnenScope.ts).
 */
export function perCategorie(
  startsetPerCategorie: ReadonlyMap<string, number>, uitvalPerCategorie: ReadonlyMap<string, number>, uitvalBinnenStartset: boolean,
): Uitvalcijfer[] {
  for (const c of [...startsetPerCategorie.keys(), ...uitvalPerCategorie.keys()]) {
    if (!(CATEGORIEEN as readonly string[]).includes(c)) throw new Error(`onbekende categorie '${c}' in de startset`);
  }
  let startset = 0;
  let uitval = 0;
  const uit: Uitvalcijfer[] = CATEGORIEEN.map((categorie) => {
    const s = startsetPerCategorie.get(categorie) ?? 0;
    const u = uitvalPerCategorie.get(categorie) ?? 0;
    if (uitvalBinnenStartset && u > s) throw new Error(`uitval ${u} is groter dan de startset ${s} in categorie ${categorie}`);
    startset += s;
    uitval += u;
    return { categorie, startset: s, uitval: u, percentage: percentage(u, s) };
  });
  uit.push({ categorie: 'totaal', startset, uitval, percentage: percentage(uitval, startset) });
  return uit;
}
