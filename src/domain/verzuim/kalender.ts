import type { Datum } from '../datum.js';

/**
 * Calendar arithmetic on ISO dates for the absence rules. Computed in UTC so that no
 * time zone can shift a day (see `src/domain/datum.ts` for why dates are strings).
 */
const DAG_MS = 86_400_000;

function naarMs(datum: Datum): number {
  return Date.UTC(Number(datum.slice(0, 4)), Number(datum.slice(5, 7)) - 1, Number(datum.slice(8, 10)));
}

function vanMs(ms: number): Datum {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `datum` plus `n` calendar days (n may be negative). */
export function plusDagen(datum: Datum, n: number): Datum {
  return vanMs(naarMs(datum) + n * DAG_MS);
}

/** Calendar days from `van` to `tot` (0 when equal, negative when `tot` is earlier). */
export function dagenTussen(van: Datum, tot: Datum): number {
  return Math.round((naarMs(tot) - naarMs(van)) / DAG_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdag(datum: Datum): number {
  const d = new Date(naarMs(datum)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function isWeekend(datum: Datum): boolean {
  return weekdag(datum) >= 6;
}

/** The Monday of the (ISO) week that holds `datum`. */
export function maandagVan(datum: Datum): Datum {
  return plusDagen(datum, 1 - weekdag(datum));
}
