import type { Datum } from '../datum.js';
import { plusDagen } from './kalender.js';
import type { Meldingstatus } from './status.js';

/**
 * Overdue handling (docs/rules/verzuim-achterstand.md; issue 10 item 4): a report that is
 * `in-behandeling` and has had no action for more than a set number of weeks appears on the
 * officer's worklist as overdue. "Since" is the later of the day the report arrived and the
 * day of its last action: a report filed last week is not overdue even if the absence is old.
 * A report taken for information (`ter-kennisneming-aangenomen`) or closed is never overdue.
 */
export const STANDAARD_ACHTERSTAND_WEKEN = 4;

/** The last day that still counts as recent: activity on or after it keeps a report off the overdue list. */
export function achterstandsgrens(vandaag: Datum, weken: number): Datum {
  return plusDagen(vandaag, -7 * weken);
}

export function isAchterstallig(
  m: { status: Meldingstatus; ontvangen: Datum; laatsteActie: Datum | null },
  vandaag: Datum, weken: number,
): boolean {
  if (m.status !== 'in-behandeling') return false;
  const sinds = m.laatsteActie !== null && m.laatsteActie > m.ontvangen ? m.laatsteActie : m.ontvangen;
  return sinds < achterstandsgrens(vandaag, weken);
}

/**
 * The share of reports filed late (docs/rules/verzuim-tijdigheid.md), per school: among the
 * reports that have a deadline and whose timeliness could be decided (`tijdig`, `te-laat`).
 * Null when there are none: no figure rather than 0 %.
 */
export function aandeelTeLaat(tijdig: number, teLaat: number): number | null {
  const n = tijdig + teLaat;
  return n === 0 ? null : Math.round((1000 * teLaat) / n) / 10;
}
