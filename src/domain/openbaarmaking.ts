import { percentage } from './telling/cijfers.js';

/**
 * Disclosure control for published figures (telling.md, "Disclosure control"): DUO's rule.
 * Without access to personal data a count of 1 to 4 is shown as `<5`, never its value, and
 * a percentage resting on fewer than 5 vsv'ers is not shown. Counts of 0 are shown.
 *
 * Access is a parameter, so that a later login can give an entitled user the exact values
 * through the very same function; every caller states the access level explicitly.
 */
export type Toegang = 'openbaar' | 'gerechtigd';

export const AFGESCHERMD = '<5' as const;

/** The smallest count that is shown as is: DUO's threshold. */
export const DREMPEL = 5;

export type Aantal = number | typeof AFGESCHERMD;

export interface GepubliceerdCijfer {
  /** null: withheld by secondary suppression (see `afschermingsreden`); only a cell of a breakdown */
  readonly startpopulatie: Aantal | null;
  readonly vsv: Aantal | null;
  /** two decimals, e.g. `25.00`; null when hidden or when there is no start population */
  readonly percentage: string | null;
  /** true when any part of this figure was withheld */
  readonly afgeschermd: boolean;
  /** only present when a count is null: why it is not shown */
  readonly afschermingsreden?: typeof SECUNDAIR_AFGESCHERMD | typeof NIET_UITGESPLITST;
}

export function publiceerAantal(aantal: number, toegang: Toegang): Aantal {
  if (toegang === 'gerechtigd') return aantal;
  return aantal >= 1 && aantal < DREMPEL ? AFGESCHERMD : aantal;
}

/**
 * The percentage is hidden whenever it rests on fewer than 5 vsv'ers, including 0: the rule
 * names the number of vsv'ers, not the start population, so 0 of 3 is as revealing as 1 of 3.
 */
export function publiceerPercentage(vsv: number, startpopulatie: number, toegang: Toegang): string | null {
  if (startpopulatie === 0) return null;
  if (toegang === 'openbaar' && vsv < DREMPEL) return null;
  return percentage(vsv, startpopulatie);
}

/**
 * The published form of a figure. `secundair` (from `secundaireAfscherming`) says which
 * counts of a cell of a breakdown are withheld to protect another cell: those become null,
 * and then the percentage is withheld too, since with the other count it would give the
 * withheld one back.
 */
export function publiceerCijfer(
  cijfer: { startpopulatie: number; vsv: number }, toegang: Toegang, secundair: Celafscherming = NIET_SECUNDAIR,
): GepubliceerdCijfer {
  if (toegang === 'openbaar' && secundair.gevouwen) {
    return { startpopulatie: null, vsv: null, percentage: null, afgeschermd: true, afschermingsreden: NIET_UITGESPLITST };
  }
  const aanvullend = toegang === 'openbaar' && (secundair.startpopulatie || secundair.vsv);
  const startpopulatie = aanvullend && secundair.startpopulatie ? null : publiceerAantal(cijfer.startpopulatie, toegang);
  const vsv = aanvullend && secundair.vsv ? null : publiceerAantal(cijfer.vsv, toegang);
  const pct = aanvullend ? null : publiceerPercentage(cijfer.vsv, cijfer.startpopulatie, toegang);
  const afgeschermd = startpopulatie !== cijfer.startpopulatie || vsv !== cijfer.vsv
    || (pct === null && cijfer.startpopulatie > 0);
  return aanvullend
    ? { startpopulatie, vsv, percentage: pct, afgeschermd, afschermingsreden: SECUNDAIR_AFGESCHERMD }
    : { startpopulatie, vsv, percentage: pct, afgeschermd };
}

/**
 * Anything derived from a hidden percentage (such as whether a norm was met) would reveal
 * part of it, so it is withheld together with the percentage.
 */
export function publiceerAfgeleide<T>(waarde: T, cijfer: GepubliceerdCijfer): T | typeof AFGESCHERMD_OORDEEL {
  return cijfer.percentage === null ? AFGESCHERMD_OORDEEL : waarde;
}

export const AFGESCHERMD_OORDEEL = 'afgeschermd' as const;

// ----------------------------------------------------------------------------- secondary suppression

/**
 * Secondary (complementary) suppression: an addition to DUO's rule, not in telling.md. Which
 * further counts are withheld is decided once per stored run (and per school year of the public
 * absence figures) over every cell the API can publish (`openbaarmaking/patroon.ts`,
 * docs/openbaarmaking.md); here only how such a count looks: null with `afschermingsreden`, never
 * a number, and the percentage withheld with it.
 */
export const SECUNDAIR_AFGESCHERMD = 'secundair afgeschermd' as const;

/** Per count of a cell: true when it is withheld to protect another cell (secondary suppression). */
export interface Celafscherming {
  readonly startpopulatie: boolean;
  readonly vsv: boolean;
  /** the cell is not published at all, whatever its counts (a folded breakdown): both counts null */
  readonly gevouwen?: boolean;
}

/** Why a folded cell shows nothing: its breakdown is not published (docs/openbaarmaking.md). */
export const NIET_UITGESPLITST = 'niet uitgesplitst' as const;

export const NIET_SECUNDAIR: Celafscherming = Object.freeze({ startpopulatie: false, vsv: false });
