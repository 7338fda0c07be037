import { SECTOREN, type Sector } from '../domain/telling/startpopulatie.js';
import type { GepubliceerdeRij } from '../publicatie/publicatie.js';
import type { Telcijfer } from './openbaarmaking.js';
import { onderdelen } from './figures.js';

/**
 * The reference lines of a comparison with institutions (GET /vergelijking): the national
 * figure of each institution's own sector ("Nederland, mbo"), since the national total of
 * all sectors is pulled down by vo's low percentages and makes every mbo school look far worse
 * than it is (issue 11, "fair comparisons").
 *
 * The sectors of an institution are the `soort` of its locations in the registration
 * (instellingen.csv: the main kind of education each offers), not read from its figures: which sectors an institution has
 * pupils in is a figure, and choosing the lines by it would say more than its published cells.
 * A `soort` that is no sector of the count (ho, vso, overig) gets no line.
 *
 * Each national sector figure is the cell of the national sector breakdown as built by
 * `onderdelen` (src/server/figures.ts) from the run's publication, so it is withheld exactly as in
 * every other answer.
 */
export function sectorenVan(soorten: readonly string[]): Sector[] {
  return SECTOREN.filter((s) => soorten.includes(s));
}

export function landelijkeSectorcijfers(
  landelijk: readonly GepubliceerdeRij[], runIds: readonly number[], sector: Sector,
): Telcijfer[] {
  return runIds.map((id) => {
    const rijen = landelijk.filter((c) => c.run_id === id);
    return onderdelen(rijen, 'sector').find((o) => o.waarde === sector)!.cijfer;
  });
}
