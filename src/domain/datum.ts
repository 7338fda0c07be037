/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`).
 *
 * Why strings: reference dates such as 1 October are calendar days, not instants.
 * A JS `Date` carries a time zone and can shift a day; ISO strings with four-digit
 * years compare correctly as plain strings and round-trip through PostgreSQL `date`.
 */
export type Datum = string;

const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is an existing calendar date in `YYYY-MM-DD` form (so not 2019-02-29). */
export function isGeldigeDatum(s: string): boolean {
  const m = ISO_DATUM.exec(s);
  if (!m) return false;
  const jaar = Number(m[1]);
  const maand = Number(m[2]);
  const dag = Number(m[3]);
  if (jaar < 1 || maand < 1 || maand > 12 || dag < 1) return false;
  return dag <= dagenInMaand(jaar, maand);
}

export function isSchrikkeljaar(jaar: number): boolean {
  return (jaar % 4 === 0 && jaar % 100 !== 0) || jaar % 400 === 0;
}

function dagenInMaand(jaar: number, maand: number): number {
  if (maand === 2) return isSchrikkeljaar(jaar) ? 29 : 28;
  return [4, 6, 9, 11].includes(maand) ? 30 : 31;
}

/** Age in whole years on `peildatum`: the number of birthdays reached on or before that day. */
export function leeftijdOp(geboortedatum: Datum, peildatum: Datum): number {
  // ISO dates: the year is the first four characters, and month-day compares as text.
  const leeftijd = Number(peildatum.slice(0, 4)) - Number(geboortedatum.slice(0, 4));
  return peildatum.slice(5) < geboortedatum.slice(5) ? leeftijd - 1 : leeftijd;
}

/** A period `[vanaf, tot]` with both ends inclusive; `tot` null means open-ended. */
export function bevat(vanaf: Datum, tot: Datum | null, dag: Datum): boolean {
  return vanaf <= dag && (tot === null || dag <= tot);
}
