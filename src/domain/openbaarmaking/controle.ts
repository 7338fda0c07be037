import { componenten, voldoet, type Bereik, type Eis, type Grens, type Lpmodel, type Lpoplosser, type Lprij } from './intervallen.js';

/**
 * The fast check of a suppression pattern: which withheld values the attacker might narrow or
 * pin down. It may only err on the safe side — a value it passes is protected — so it works
 * with *witnesses*: tables that agree with everything published (feasible points of the
 * attacker's linear system). A `<5` value is protected when witnesses show it at both ends of
 * the range the `<5` markers alone allow; another withheld value when two witnesses differ.
 *
 * Witnesses come cheap, in three steps, each only for the values the step before left open:
 * 1. a few linear programs over each whole component (push all `<5` values up, then down);
 *    their average is the *reference point*, a feasible table inside the polytope;
 * 2. per area (cluster) of a large component, small linear programs over the withheld values
 *    within two relations of it, every other withheld value held at the reference point (a
 *    restriction of the attacker's system, so what it shows feasible is feasible);
 * 3. the exact linear programs over the whole component, for what is still open.
 * Only (3) can declare a value unprotected, so a failure is real, not an artefact of (2).
 *
 * Nothing here reads a withheld `<5` value: the programs see only what is published, and
 * the reference point of a value withheld later (a secondary cell, always 5 or more) is its
 * own value, which is no secret of a `<5` cell. So the verdicts, and the pattern built on
 * them, are the same whatever value 1–4 a `<5` cell holds (replay tells nothing).
 *
 * Witnesses stay valid when further cells are withheld (the old table still agrees with
 * everything then published), so a value that passed once is never checked again.
 */
export interface Variabele {
  /** stable across rounds: the cell and the count */
  readonly sleutel: string;
  /** cells of one area, institution or location form one cluster (step 2) */
  readonly cluster: string;
  /** its real value, used only as the reference point of a value withheld after round one (a secondary cell) */
  readonly eigenWaarde: number;
  readonly primair: boolean;
}

const EPS = 1e-6;
/** step 2 looks at most this many withheld values around an area */
const MAX_OMGEVING = 400;
/** a component of at most this many withheld values goes straight to step 3 (its programs are as cheap as step 2's) */
const KLEIN = 2000;
/** step 3 is skipped for a component with more open values than this (they count as failing: the safe side), to bound the time */
const MAX_EXACT = 5000;

export interface Controlestatistiek {
  globaal: number;
  lokaal: number;
  exact: number;
}

export class Controle {
  private readonly getuige = new Map<string, Bereik>();
  private readonly referentie = new Map<string, number>();
  private readonly geslaagd = new Set<string>();
  readonly statistiek: Controlestatistiek = { globaal: 0, lokaal: 0, exact: 0 };

  constructor(private readonly oplosser: Lpoplosser) {}

  /**
   * Witnesses found elsewhere (the shifts of `verschuiving.ts`: each a feasible table). With
   * them the real table is the reference point of every value: it is feasible too, and only the
   * exact programs (step 3) declare a value unprotected, so the verdicts do not depend on it.
   */
  neemGetuigen(getuigen: ReadonlyMap<string, Bereik>): void {
    this.echteReferentie = true;
    for (const [k, b] of getuigen) {
      this.noteer(k, b.min);
      this.noteer(k, b.max);
    }
  }

  private echteReferentie = false;

  /** The variables (indices) that fail their requirement after all three steps. */
  controleer(variabelen: readonly Variabele[], grenzen: readonly Grens[], eisen: readonly Eis[], rijen: readonly Lprij[]): number[] {
    const n = variabelen.length;
    const rijenVan: number[][] = Array.from({ length: n }, () => []);
    rijen.forEach((r, ri) => { for (const k of r.kolommen) rijenVan[k]!.push(ri); });
    const comps = componenten(n, rijen);

    // Step 1, for components with values that have no reference point yet (the first round).
    for (const comp of comps) {
      const nieuw = comp.filter((v) => !this.referentie.has(variabelen[v]!.sleutel));
      if (nieuw.length === 0) continue;
      if (nieuw.length < comp.length || this.echteReferentie) {
        // a value withheld after round one: its own value keeps the reference point feasible
        for (const v of nieuw) this.zetReferentie(variabelen[v]!, variabelen[v]!.eigenWaarde);
        continue;
      }
      this.globaal(comp, variabelen, grenzen, rijen, rijenVan);
    }

    const open = () => variabelen.flatMap((v, i) => (this.geslaagd.has(v.sleutel) || this.toetsGetuige(v, eisen[i]!) ? [] : [i]));

    // Step 2: small programs around each area with open values, in components too large for the
    // exact programs to be cheap (in a small one, an institution with its locations, the area's
    // surroundings are the whole component: step 3 solves the same programs without a restriction).
    const compGrootte = new Int32Array(n);
    for (const comp of comps) for (const v of comp) compGrootte[v] = comp.length;
    const perCluster = new Map<string, number[]>();
    for (const v of open()) {
      if (compGrootte[v]! <= KLEIN) continue;
      const c = variabelen[v]!.cluster;
      const l = perCluster.get(c);
      if (l) l.push(v);
      else perCluster.set(c, [v]);
    }
    for (const leden of perCluster.values()) {
      const omgeving = this.omgeving(leden, rijen, rijenVan);
      this.los(omgeving, leden, variabelen, grenzen, eisen, rijen, rijenVan, 'lokaal');
    }

    // Step 3: exact programs over the whole component.
    const nogOpen = new Set(open());
    const falen: number[] = [];
    for (const comp of comps) {
      const leden = comp.filter((v) => nogOpen.has(v));
      if (leden.length === 0) continue;
      if (leden.length > MAX_EXACT) {
        falen.push(...leden);
        continue;
      }
      this.los(comp, leden, variabelen, grenzen, eisen, rijen, rijenVan, 'exact');
      for (const v of leden) if (!this.toetsGetuige(variabelen[v]!, eisen[v]!, true)) falen.push(v);
    }
    return falen;
  }

  private zetReferentie(v: Variabele, w: number) {
    this.referentie.set(v.sleutel, w);
    this.noteer(v.sleutel, w);
  }

  private noteer(sleutel: string, w: number) {
    const b = this.getuige.get(sleutel);
    if (!b) this.getuige.set(sleutel, { min: w, max: w });
    else {
      if (w < b.min) b.min = w;
      if (w > b.max) b.max = w;
    }
  }

  /** `exact`: the value's range is the attacker's whole range (both ends solved by the exact programs). */
  private toetsGetuige(v: Variabele, eis: Eis, exact = false): boolean {
    const b = this.getuige.get(v.sleutel);
    const ok = eis === 'vrij' || (b !== undefined && voldoet(b, eis, exact));
    // a folded value pinned to 0 (or to 5 or more) may lose that when more is withheld: checked again next time
    if (ok && (eis !== 'gevouwen' || voldoet(b!, eis))) this.geslaagd.add(v.sleutel);
    return ok;
  }

  /** Step 1: push the `<5` values up and down over the whole component; the average is the reference point. */
  private globaal(comp: readonly number[], variabelen: readonly Variabele[], grenzen: readonly Grens[], rijen: readonly Lprij[], rijenVan: readonly number[][]) {
    const eigen = new Set(comp.flatMap((v) => rijenVan[v]!));
    if (eigen.size === 0) {
      // no relation: the bounds are all a reader has
      for (const v of comp) {
        const g = grenzen[v]!;
        const boven = Number.isFinite(g.boven) ? g.boven : g.onder + 1;
        this.noteer(variabelen[v]!.sleutel, g.onder);
        this.noteer(variabelen[v]!.sleutel, boven);
        this.referentie.set(variabelen[v]!.sleutel, (g.onder + boven) / 2);
      }
      return;
    }
    const { model, lokaal } = this.bouw(comp, grenzen, rijen, [...eigen], () => 0);
    try {
      const primair = new Map(comp.flatMap((v) => (variabelen[v]!.primair ? [[lokaal.get(v)!, 1] as [number, number]] : [])));
      const alles = new Map(comp.map((v) => [lokaal.get(v)!, 1] as [number, number]));
      const punten: Float64Array[] = [];
      for (const [kosten, richting] of [[alles, 1], [primair, -1], [primair, 1]] as const) {
        if (kosten.size === 0) continue;
        this.statistiek.globaal += 1;
        const p = model.optimaliseerSom(kosten, richting);
        if (p) punten.push(p);
      }
      comp.forEach((v, i) => {
        for (const p of punten) this.noteer(variabelen[v]!.sleutel, p[i]!);
        this.referentie.set(variabelen[v]!.sleutel, punten.reduce((t, p) => t + p[i]!, 0) / punten.length);
      });
    } finally {
      model.sluit();
    }
  }

  /** The withheld values within two relations of `leden`, nearest first, at most MAX_OMGEVING. */
  private omgeving(leden: readonly number[], rijen: readonly Lprij[], rijenVan: readonly number[][]): number[] {
    const gezien = new Set(leden);
    let rand = [...leden];
    for (let stap = 0; stap < 2 && gezien.size < MAX_OMGEVING; stap += 1) {
      const volgende: number[] = [];
      for (const v of rand) {
        for (const ri of rijenVan[v]!) {
          for (const k of rijen[ri]!.kolommen) {
            if (gezien.size >= MAX_OMGEVING) break;
            if (!gezien.has(k)) {
              gezien.add(k);
              volgende.push(k);
            }
          }
        }
      }
      rand = volgende;
    }
    return [...gezien];
  }

  /** Min and max of each open value of `leden` over the values `vrij`, the rest held at the reference point. */
  private los(
    vrij: readonly number[], leden: readonly number[], variabelen: readonly Variabele[], grenzen: readonly Grens[], eisen: readonly Eis[],
    rijen: readonly Lprij[], rijenVan: readonly number[][], stap: 'lokaal' | 'exact',
  ) {
    const rijset = new Set(vrij.flatMap((v) => rijenVan[v]!));
    const { model, lokaal } = this.bouw(vrij, grenzen, rijen, [...rijset], (k) => this.referentie.get(variabelen[k]!.sleutel)!);
    try {
      for (const v of leden) {
        const sleutel = variabelen[v]!.sleutel;
        for (const richting of [1, -1] as const) {
          if (this.toetsGetuige(variabelen[v]!, eisen[v]!)) break;
          const b = this.getuige.get(sleutel)!;
          const eis = eisen[v]!;
          // the end still missing: the low one (or any other value) when minimising, the high one when maximising
          // a folded value: both ends exactly (see `voldoet`)
          const nodig = eis === 'vrij' ? false : eis === 'niet-vast' || eis === 'gevouwen' ? true : richting === 1 ? b.min > eis.onder + EPS : b.max < eis.boven - EPS;
          if (!nodig) continue;
          // a witness at the value's own bound is that end of its range exactly: no program can go past it
          const g = grenzen[v]!;
          if (richting === 1 ? b.min <= g.onder + EPS : b.max >= g.boven - EPS) continue;
          this.statistiek[stap] += 1;
          let p: Float64Array | null;
          try {
            p = model.optimaliseer(lokaal.get(v)!, richting);
          } catch (fout) {
            // A restriction at a fractional reference point can be infeasible within the
            // solver's tolerance: it then shows nothing, and step 3 decides.
            if (stap === 'lokaal') break;
            throw fout;
          }
          if (!p) {
            this.noteer(sleutel, richting === 1 ? -Infinity : Infinity);
            continue;
          }
          vrij.forEach((w, i) => this.noteer(variabelen[w]!.sleutel, p[i]!));
        }
      }
    } finally {
      model.sluit();
    }
  }

  /** A model over `vrij`, every other variable in the rows fixed at `vast(k)`. */
  private bouw(vrij: readonly number[], grenzen: readonly Grens[], rijen: readonly Lprij[], rijnummers: readonly number[], vast: (k: number) => number): { model: Lpmodel; lokaal: Map<number, number> } {
    const lokaal = new Map(vrij.map((v, i) => [v, i]));
    const eigen: Lprij[] = [];
    for (const ri of rijnummers) {
      const r = rijen[ri]!;
      const kolommen: number[] = [];
      const coef: number[] = [];
      let rest = 0;
      r.kolommen.forEach((k, j) => {
        const l = lokaal.get(k);
        if (l === undefined) rest += r.coef[j]! * vast(k);
        else {
          kolommen.push(l);
          coef.push(r.coef[j]!);
        }
      });
      if (kolommen.length > 0) eigen.push({ kolommen, coef, onder: r.onder - rest, boven: r.boven - rest });
    }
    return { model: this.oplosser.model(vrij.map((v) => grenzen[v]!), eigen), lokaal };
  }
}
