/**
 * Calendar days as integers (days since 1970-01-01). Why integers: a life is simulated
 * with thousands of date comparisons and additions per person; ISO strings are made only
 * when a row is written, from a cache.
 */
export type Dag = number;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil): plain arithmetic, no Date. */
export function dag(jaar: number, maand: number, dagVanMaand: number): Dag {
  const y = maand <= 2 ? jaar - 1 : jaar;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (maand + (maand > 2 ? -3 : 9)) + 2) / 5) + dagVanMaand - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month and day of a day, packed as yyyymmdd; from a table for the years lives are simulated in. */
const TABEL_BEGIN = dag(1970, 1, 1);
const TABEL_LENGTE = dag(2060, 1, 1) - TABEL_BEGIN;
const TABEL = new Int32Array(TABEL_LENGTE);
for (let i = 0; i < TABEL_LENGTE; i += 1) TABEL[i] = reken(TABEL_BEGIN + i);

export function jmd(d: Dag): number {
  const i = d - TABEL_BEGIN;
  return i >= 0 && i < TABEL_LENGTE ? TABEL[i]! : reken(d);
}

/** civil_from_days (Howard Hinnant). */
function reken(d: Dag): number {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dagVanMaand = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const maand = mp < 10 ? mp + 3 : mp - 9;
  const jaar = yoe + era * 400 + (maand <= 2 ? 1 : 0);
  return jaar * 10000 + maand * 100 + dagVanMaand;
}

const cache = new Map<Dag, string>();

/** `YYYY-MM-DD` of a day; cached because the same few thousand days recur in every file. */
export function iso(d: Dag): string {
  let s = cache.get(d);
  if (s === undefined) {
    const x = jmd(d);
    const mmdd = x % 10000;
    s = `${Math.floor(x / 10000)}-${String(Math.floor(mmdd / 100)).padStart(2, '0')}-${String(mmdd % 100).padStart(2, '0')}`;
    if (cache.size < 200_000) cache.set(d, s);
  }
  return s;
}

export function jaarVan(d: Dag): number {
  return Math.floor(jmd(d) / 10000);
}

/** Age in whole years on day `op` (birthdays reached on or before that day), as telling.md. */
export function leeftijd(geboren: Dag, op: Dag): number {
  const g = jmd(geboren);
  const p = jmd(op);
  return Math.floor(p / 10000) - Math.floor(g / 10000) - (p % 10000 < g % 10000 ? 1 : 0);
}

/** Start of school year `jaar` (1 August): the day enrolments of a new leerjaar begin. */
export const schooljaarBegin = (jaar: number): Dag => dag(jaar, 8, 1);
/** End of school year `jaar` (31 July of the next calendar year). */
export const schooljaarEinde = (jaar: number): Dag => dag(jaar + 1, 7, 31);
/** T0 of school year `jaar` (telling.md): 1 October. */
export const teldatum = (jaar: number): Dag => dag(jaar, 10, 1);
