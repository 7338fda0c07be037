import { percentage } from '../telling/cijfers.js';
import { CATEGORIEEN } from '../telling/startpopulatie.js';
import type { Uitvalcijfer } from './uitval.js';

/**
 * `uitval` per category within a scope (a region, municipality or school): persons on uitval /
 * persons on startset × 100, two decimals, as `uitvalcijfers`. Within a scope the two counts
 * rest on different dates: startset on the count's T0 (residence then, primary enrolment),
 * uitval on d (residence now, last funded enrolment); someone who moved into the region after
 * T0 can be on uitval without being in the region's startset. So here, unlike for the whole
 * country, uitval may exceed the startset (the percentage then exceeds 100) instead of being an
 * error. Documented in docs/rules/lijsten-uitval.md.
 */
export function uitvalcijfersBinnenScope(
  startsetPerCategorie: ReadonlyMap<string, number>, uitvalPerCategorie: ReadonlyMap<string, number>,
): Uitvalcijfer[] {
  for (const c of [...startsetPerCategorie.keys(), ...uitvalPerCategorie.keys()]) {
    if (!(CATEGORIEEN as readonly string[]).includes(c)) throw new Error(`onbekende categorie '${c}' in de startset`);
  }
  let startset = 0;
  let uitval = 0;
  const uit: Uitvalcijfer[] = CATEGORIEEN.map((categorie) => {
    const s = startsetPerCategorie.get(categorie) ?? 0;
    const u = uitvalPerCategorie.get(categorie) ?? 0;
    startset += s;
    uitval += u;
    return { categorie, startset: s, uitval: u, percentage: percentage(u, s) };
  });
  uit.push({ categorie: 'totaal', startset, uitval, percentage: percentage(uitval, startset) });
  return uit;
}
