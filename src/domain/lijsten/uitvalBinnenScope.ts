import { perCategorie, type Uitvalcijfer } from './uitval.js';

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
  return perCategorie(startsetPerCategorie, uitvalPerCategorie, false);
}
