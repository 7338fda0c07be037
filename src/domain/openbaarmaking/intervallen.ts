import { DREMPEL } from '../openbaarmaking.js';

/**
 * The attacker's calculation: for every withheld value, how far it can range given
 * everything published. A linear system over the withheld values only (published values are
 * constants), split into connected components; per component a linear program is minimised
 * and maximised per variable. Every solution found is a witness for all variables at once,
 * so a variable whose required range is already witnessed needs no program of its own.
 *
 * The solver is a parameter (`Lpoplosser`): the domain stays free of I/O, and the service
 * and the tests pass HiGHS (`src/publicatie/highs.ts`).
 */
export interface Lpmodel {
  /** optimum of `richting` (1 minimise, -1 maximise) of variable `kolom`: the values of all variables, or null when unbounded */
  optimaliseer(kolom: number, richting: 1 | -1): Float64Array | null;
  /** optimum of `richting` of Σ `kosten[k]`·x[k] over the variables in `kosten` (the others cost 0) */
  optimaliseerSom(kosten: ReadonlyMap<number, number>, richting: 1 | -1): Float64Array | null;
  sluit(): void;
}

export interface Lpoplosser {
  /** a model with bounds per variable and rows `onder ≤ Σ coef·x ≤ boven` */
  model(grenzen: readonly Grens[], rijen: readonly Lprij[]): Lpmodel;
}

export interface Grens {
  readonly onder: number;
  readonly boven: number;
}

export interface Lprij {
  readonly kolommen: readonly number[];
  readonly coef: readonly number[];
  readonly onder: number;
  readonly boven: number;
}

/**
 * What must hold for a variable: a `<5` value must still reach both ends of what the `<5`
 * markers alone allow (`{ onder, boven }`, within 1–4: see `basisbereik` in patroon.ts); any
 * other withheld value must not be pinned to one number (`'niet-vast'`). A value that is not
 * published at all (folded, `'gevouwen'`) must not be pinned to a value of 1–4: pinned to 0 (0 is
 * shown anyway) or to 5 or more (what DUO's rule would show anyway) tells no small count.
 * `'vrij'` asks nothing.
 */
export type Eis = { readonly onder: number; readonly boven: number } | 'niet-vast' | 'vrij' | 'gevouwen';

export interface Bereik {
  min: number;
  max: number;
}

const EPS = 1e-6;

/** Connected components of the variables through the rows. */
export function componenten(n: number, rijen: readonly Lprij[]): number[][] {
  const ouder = Array.from({ length: n }, (_, i) => i);
  const wortel = (i: number): number => {
    while (ouder[i] !== i) {
      ouder[i] = ouder[ouder[i]!]!;
      i = ouder[i]!;
    }
    return i;
  };
  for (const r of rijen) for (let k = 1; k < r.kolommen.length; k += 1) ouder[wortel(r.kolommen[k]!)] = wortel(r.kolommen[0]!);
  const groepen = new Map<number, number[]>();
  for (let i = 0; i < n; i += 1) {
    const w = wortel(i);
    const g = groepen.get(w);
    if (g) g.push(i);
    else groepen.set(w, [i]);
  }
  return [...groepen.values()];
}

/**
 * Checks every variable against its requirement and returns those that fail, with the range
 * found so far (`exact`: compute the full min and max of every variable instead of stopping
 * when the requirement is witnessed; for reporting).
 */
export function toets(
  grenzen: readonly Grens[], eisen: readonly Eis[], rijen: readonly Lprij[], oplosser: Lpoplosser, exact = false,
  geheugen?: { sleutels: readonly string[]; uitkomsten: Map<string, readonly boolean[]> },
  /** ranges of earlier calls (`exact`), per component with the same variables, bounds and rows */
  bereikGeheugen?: { sleutels: readonly string[]; bereik: Map<string, readonly Bereik[]> },
): { falen: number[]; bereik: Bereik[] } {
  const bereik: Bereik[] = grenzen.map(() => ({ min: Infinity, max: -Infinity }));
  const falen: number[] = [];
  const perRij = componenten(grenzen.length, rijen);
  const rijVan = new Map<number, Lprij[]>();
  const compVan = new Int32Array(grenzen.length);
  perRij.forEach((c, ci) => { for (const v of c) compVan[v] = ci; });
  for (const r of rijen) {
    const ci = r.kolommen.length > 0 ? compVan[r.kolommen[0]!]! : -1;
    if (ci < 0) continue;
    const l = rijVan.get(ci);
    if (l) l.push(r);
    else rijVan.set(ci, [r]);
  }
  perRij.forEach((comp, ci) => {
    // The same withheld values make the same program (a row's constants change only when one
    // of its members is withheld, and then that member joins the component): reuse the verdict.
    const sleutel = geheugen ? comp.map((v) => geheugen.sleutels[v]).join(',') : '';
    const bekend = geheugen?.uitkomsten.get(sleutel);
    if (bekend) {
      comp.forEach((v, i) => { if (!bekend[i]) falen.push(v); });
      return;
    }
    const lokaal = new Map(comp.map((v, i) => [v, i]));
    const eigenRijen = (rijVan.get(ci) ?? []).map((r) => ({ ...r, kolommen: r.kolommen.map((k) => lokaal.get(k)!) }));
    if (eigenRijen.length === 0) {
      // No relation: the bounds are all a reader has.
      for (const v of comp) {
        bereik[v] = { min: grenzen[v]!.onder, max: grenzen[v]!.boven };
        if (!voldoet(bereik[v]!, eisen[v]!, true)) falen.push(v);
      }
      geheugen?.uitkomsten.set(sleutel, comp.map((v) => voldoet(bereik[v]!, eisen[v]!, true)));
      return;
    }
    const bereikSleutel = bereikGeheugen && exact
      ? JSON.stringify([comp.map((v) => bereikGeheugen.sleutels[v]), comp.map((v) => grenzen[v]), eigenRijen]) : '';
    const eerder = bereikGeheugen?.bereik.get(bereikSleutel);
    if (eerder) {
      comp.forEach((v, i) => {
        bereik[v] = { ...eerder[i]! };
        if (!voldoet(bereik[v]!, eisen[v]!, true)) falen.push(v);
      });
      return;
    }
    const model = oplosser.model(comp.map((v) => grenzen[v]!), eigenRijen);
    try {
      const noteer = (oplossing: Float64Array | null, i: number, richting: 1 | -1) => {
        if (!oplossing) {
          if (richting === 1) bereik[comp[i]!]!.min = -Infinity;
          else bereik[comp[i]!]!.max = Infinity;
          return;
        }
        oplossing.forEach((w, j) => {
          const b = bereik[comp[j]!]!;
          if (w < b.min) b.min = w;
          if (w > b.max) b.max = w;
        });
      };
      comp.forEach((v, i) => {
        const b = bereik[v]!;
        const g = grenzen[v]!;
        // A witness at the value's own bound is that end of its range: no program can go past it.
        if ((exact || !minGenoeg(b, eisen[v]!)) && !(b.min <= g.onder + EPS)) noteer(model.optimaliseer(i, 1), i, 1);
        if ((exact || !voldoet(b, eisen[v]!)) && !(b.max >= g.boven - EPS)) noteer(model.optimaliseer(i, -1), i, -1);
      });
    } finally {
      model.sluit();
    }
    for (const v of comp) if (!voldoet(bereik[v]!, eisen[v]!, true)) falen.push(v);
    geheugen?.uitkomsten.set(sleutel, comp.map((v) => voldoet(bereik[v]!, eisen[v]!, true)));
    if (bereikGeheugen && exact) bereikGeheugen.bereik.set(bereikSleutel, comp.map((v) => ({ ...bereik[v]! })));
  });
  return { falen, bereik };
}

function minGenoeg(b: Bereik, eis: Eis): boolean {
  if (eis === 'vrij') return true;
  if (eis === 'gevouwen') return false;
  return eis === 'niet-vast' ? b.max - b.min > EPS : b.min <= eis.onder + EPS;
}

/**
 * `exact`: `b` is the attacker's whole range (both ends solved), not a range witnesses show
 * within it. Only then may a folded value pass by being known as 0 or as 5 or more: those do
 * not carry over from a part of the range to the whole.
 */
export function voldoet(b: Bereik, eis: Eis, exact = false): boolean {
  if (eis === 'vrij') return true;
  if (eis === 'gevouwen') return b.max - b.min > EPS || (exact && (b.max <= EPS || b.min >= DREMPEL - EPS));
  return eis === 'niet-vast' ? b.max - b.min > EPS : b.min <= eis.onder + EPS && b.max >= eis.boven - EPS;
}
