/**
 * Calendar days as integers (days since 1970-01-01). Why integers: a life is simulated
 * with thousands of date comparisons and additions per person; ISO strings are made only
 * when a row is written, from a cache.
 */
export type Dag = number;

const MS_PER_DAG = 86_400_000;

export function dag(jaar: number, maand: number, dagVanMaand: number): Dag {
  return Math.round(Date.UTC(jaar, maand - 1, dagVanMaand) / MS_PER_DAG);
}

const cache = new Map<Dag, string>();

/** `YYYY-MM-DD` of a day; cached because the same few thousand days recur in every file. */
export function iso(d: Dag): string {
  let s = cache.get(d);
  if (s === undefined) {
    s = new Date(d * MS_PER_DAG).toISOString().slice(0, 10);
    if (cache.size < 100_000) cache.set(d, s);
  }
  return s;
}

export function jaarVan(d: Dag): number {
  return new Date(d * MS_PER_DAG).getUTCFullYear();
}

/** Age in whole years on day `op` (birthdays reached on or before that day), as telling.md. */
export function leeftijd(geboren: Dag, op: Dag): number {
  const g = new Date(geboren * MS_PER_DAG);
  const p = new Date(op * MS_PER_DAG);
  let l = p.getUTCFullYear() - g.getUTCFullYear();
  const gm = g.getUTCMonth();
  const pm = p.getUTCMonth();
  if (pm < gm || (pm === gm && p.getUTCDate() < g.getUTCDate())) l -= 1;
  return l;
}

/** Start of school year `jaar` (1 August): the day enrolments of a new leerjaar begin. */
export const schooljaarBegin = (jaar: number): Dag => dag(jaar, 8, 1);
/** End of school year `jaar` (31 July of the next calendar year). */
export const schooljaarEinde = (jaar: number): Dag => dag(jaar + 1, 7, 31);
/** T0 of school year `jaar` (telling.md): 1 October. */
export const teldatum = (jaar: number): Dag => dag(jaar, 10, 1);
