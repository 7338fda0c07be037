import { DREMPEL } from '../openbaarmaking.js';
import { TALLEN, type Publicatietabel, type Tal } from './tabel.js';

/**
 * Secondary suppression by *shifts* (the hypercube idea of τ-ARGUS, on this table's structure),
 * with a certificate of protection that needs no linear program.
 *
 * A shift moves persons between cells so that every published sum stays what it is: "one more
 * in municipality a, category b, one fewer in category b'; one fewer in a sibling municipality
 * a' in b, one more there in b'" (a rectangle), or "one person of profile p moved from a' to a"
 * (for a total). Its vector δ (+1/−1 per cell it changes, the sums above the two units and the
 * two categories included) satisfies every relation of the table; `verschuivingVan` builds it
 * from the structure and then checks it against every relation it touches, so a mistake in the
 * structure can only reject a shift, never certify a wrong one.
 *
 * When every cell a shift changes is withheld, the tables `echt + d·δ` agree with everything
 * published for every d that keeps the changed cells within what a reader knows of them (`<5`:
 * 1–4; withheld on top of that: 5 or more; vsv ≤ start population). Such a table is a *witness*:
 * a feasible point of the attacker's linear system, so the attacker's interval of each changed
 * cell is at least as wide as the witnesses show. `getuigen` computes those ranges.
 *
 * The choice (`Verschuiver`) never reads a `<5` value: it looks at which cells are `<5`, 0 or
 * shown, at the structure, and at the values of shown cells (a cell with room is preferred). So
 * replaying it with another value 1–4 in a `<5` cell gives the same shifts. The certificate does
 * read real values; it only decides which cells still need the attacker's exact programs
 * (controle.ts), and a cell it passes would pass those too.
 */

export const ZICHTBAAR = 0;
export const PRIMAIR = 1;
export const SECUNDAIR = 2;
/**
 * Not published at all ("niet uitgesplitst"): the last step of the repair folds a breakdown of a
 * unit whose values stay narrowed with everything around them withheld. A reader knows nothing of
 * such a cell but that it is 0 or more (its class is not shown either: 0, 1–4 and more alike).
 */
export const GEVOUWEN = 3;

/** the largest step a witness needs: from 1 to 4 or back */
const STAP = DREMPEL - 2;
/** A withheld count is known to be ≥ 5; from 5 + 3 on it leaves a `<5` neighbour the whole range 1–4. */
export const RUIM = DREMPEL + STAP;

export interface Verschuiving {
  /** the count that shifts (where both counts of a cell are `<5`, each gets its own shift, and witnesses combine the two) */
  readonly tal: Tal;
  readonly cellen: readonly number[];
  readonly tekens: readonly number[];
  /** the `<5` cell it was chosen for */
  readonly doel: number;
}

/** The structure of the table that shifts are built from: units (areas, institutions, locations) and their breakdown nodes. */
export interface Structuur {
  readonly eenheidVan: Int32Array;
  readonly eenheden: readonly {
    readonly sleutel: string;
    readonly niveau: string;
    ouder: number;
    readonly kinderen: number[];
    /** node (`dimensie|waarde`) → cell */
    readonly cellen: Map<string, number>;
  }[];
  /** node → its parent nodes (categorie → sector and totaal, sector → totaal, …) */
  readonly knoopOuders: ReadonlyMap<string, readonly string[]>;
  /** per cell and count: the relations it is a member of */
  readonly relVan: Record<Tal, readonly (readonly number[])[]>;
}

const TOTAAL = 'totaal|totaal';

export function structuurVan(tabel: Publicatietabel): Structuur {
  const { cellen } = tabel;
  const eenheidIndex = new Map<string, number>();
  const eenheden: { sleutel: string; niveau: string; ouder: number; kinderen: number[]; cellen: Map<string, number> }[] = [];
  const eenheidVan = new Int32Array(cellen.length);
  cellen.forEach((c, i) => {
    const k = `${c.niveau}|${c.gebied}`;
    let e = eenheidIndex.get(k);
    if (e === undefined) {
      e = eenheden.push({ sleutel: k, niveau: c.niveau, ouder: -1, kinderen: [], cellen: new Map() }) - 1;
      eenheidIndex.set(k, e);
    }
    eenheidVan[i] = e;
    eenheden[e]!.cellen.set(`${c.dimensie}|${c.waarde}`, i);
  });
  const knoop = (i: number) => `${cellen[i]!.dimensie}|${cellen[i]!.waarde}`;
  const ouders = new Map<string, Set<string>>();
  const alle = [...tabel.relaties.startpopulatie, ...tabel.relaties.vsv, ...tabel.nietGeldig.map((n) => n.relatie)];
  for (const r of alle) {
    const eg = eenheidVan[r.geheel]!;
    for (const d of r.delen) {
      const ed = eenheidVan[d]!;
      if (ed !== eg) {
        const e = eenheden[ed]!;
        if (e.ouder === -1) {
          e.ouder = eg;
          eenheden[eg]!.kinderen.push(ed);
        }
      } else {
        const k = knoop(d);
        let s = ouders.get(k);
        if (!s) ouders.set(k, (s = new Set()));
        s.add(knoop(r.geheel));
      }
    }
  }
  const relVan = {} as Record<Tal, number[][]>;
  for (const tal of TALLEN) {
    relVan[tal] = cellen.map(() => []);
    tabel.relaties[tal].forEach((r, ri) => { for (const c of [r.geheel, ...r.delen]) relVan[tal][c]!.push(ri); });
  }
  return { eenheidVan, eenheden, knoopOuders: new Map([...ouders].map(([k, s]) => [k, [...s].sort()])), relVan };
}

function voorouders(s: Structuur, knoop: string): Set<string> {
  const uit = new Set<string>([knoop]);
  const rand = [knoop];
  while (rand.length > 0) {
    for (const o of s.knoopOuders.get(rand.pop()!) ?? []) if (!uit.has(o)) { uit.add(o); rand.push(o); }
  }
  return uit;
}

/**
 * The vector of a shift: +1 for unit `a` and its ancestors below the lowest common ancestor with
 * `aAnder`, −1 for `aAnder`'s side (no `aAnder`: `a` and all its ancestors), times the node
 * coefficients. Null when it breaks a relation of `tal` (the structure did not foresee it).
 */
export function verschuivingVan(
  tabel: Publicatietabel, s: Structuur, tal: Tal, a: number, aAnder: number | null, knoopteken: ReadonlyMap<string, number>,
): { cellen: number[]; tekens: number[] } | null {
  const pad = (e: number) => { const p: number[] = []; for (let u = e; u !== -1; u = s.eenheden[u]!.ouder) p.push(u); return p; };
  const padA = pad(a);
  const padB = aAnder === null ? [] : pad(aAnder);
  const gedeeld = new Set(padB.filter((u) => padA.includes(u)));
  const eenheidteken = new Map<number, number>();
  for (const u of padA) if (!gedeeld.has(u)) eenheidteken.set(u, 1);
  for (const u of padB) if (!gedeeld.has(u)) eenheidteken.set(u, -1);
  const delta = new Map<number, number>();
  for (const [u, eu] of eenheidteken) {
    for (const [k, ek] of knoopteken) {
      const c = s.eenheden[u]!.cellen.get(k);
      if (c !== undefined) delta.set(c, eu * ek);
    }
  }
  if (delta.size === 0) return null;
  // Every relation it touches must still add up.
  const relaties = tabel.relaties[tal];
  const gezien = new Set<number>();
  for (const c of delta.keys()) {
    for (const ri of s.relVan[tal][c]!) {
      if (gezien.has(ri)) continue;
      gezien.add(ri);
      const r = relaties[ri]!;
      let som = -(delta.get(r.geheel) ?? 0);
      for (const d of r.delen) som += delta.get(d) ?? 0;
      if (som !== 0) return null;
    }
  }
  return { cellen: [...delta.keys()], tekens: [...delta.values()] };
}

type Stand = Record<Tal, Uint8Array>;

/** The national cell of each node (`dimensie|waarde`), if the table has a national unit. */
function structuurLandelijk(tabel: Publicatietabel, s: Structuur): Map<string, number> {
  const e = s.eenheden.find((x) => x.niveau === 'landelijk');
  return e ? e.cellen : new Map();
}

/**
 * Chooses shifts. `kiesAlle`: one per `<5` value (per count; witnesses combine the shifts of the
 * two counts of one cell), in a structural order (finest units first, then by key). `kies`: the
 * cheapest shift through one cell that is not yet used for it (the repair of a value the check
 * finds narrowed). Cheapest: fewest newly withheld cells, then fewest other `<5` cells in it,
 * then the most room by published figures (`ruimte`), then the cell keys. A chosen shift's cells
 * are withheld in `stand`.
 */
export class Verschuiver {
  private readonly landelijk: Map<string, number>;
  private readonly voorouderCache = new Map<string, Set<string>>();
  private readonly bladCache = new Map<number, string[]>();
  private readonly gebruikt = new Set<string>();

  constructor(
    private readonly tabel: Publicatietabel, private readonly s: Structuur, private readonly stand: Stand,
    private readonly nietKiesbaar: (c: number) => boolean,
  ) {
    this.landelijk = structuurLandelijk(tabel, s);
  }

  kiesAlle(): Verschuiving[] {
    const { cellen } = this.tabel;
    const doelen: { cel: number; tal: Tal }[] = [];
    for (const tal of TALLEN) this.stand[tal].forEach((st, c) => { if (st === PRIMAIR) doelen.push({ cel: c, tal }); });
    const sleutel = (c: number) => `${cellen[c]!.niveau}|${cellen[c]!.gebied}|${cellen[c]!.dimensie}|${cellen[c]!.waarde}`;
    doelen.sort((x, y) => this.diepte(this.s.eenheidVan[y.cel]!) - this.diepte(this.s.eenheidVan[x.cel]!)
      || (sleutel(x.cel) < sleutel(y.cel) ? -1 : sleutel(x.cel) > sleutel(y.cel) ? 1 : 0)
      || Number(x.tal === 'vsv') - Number(y.tal === 'vsv'));
    return doelen.flatMap((d) => this.kies(d.cel, d.tal) ?? []);
  }

  /**
   * The cheapest unused shift of `tal` through `doel`, chosen and withheld; null when there is
   * none. `nieuw`: it must withhold at least one more cell (a repair: shifts over withheld cells
   * only add nothing the attacker's programs do not already see).
   */
  kies(doel: number, tal: Tal, nieuw = false): Verschuiving | null {
    const { s } = this;
    const cellen = this.tabel.cellen;
    const u = s.eenheidVan[doel]!;
    const n = `${cellen[doel]!.dimensie}|${cellen[doel]!.waarde}`;
    const onder = new Set(this.bladenOnder(u));
    // The other unit's cell at the target's node must be able to move (it takes the opposite
    // change); a unit below the target carries its change down (a location has no sector cells:
    // then its categories do).
    const kanSchuiven = (e: number) => { const c = s.eenheden[e]!.cellen.get(n); return c === undefined ? e !== u && onder.has(e) : this.toelaatbaar(tal, c) !== null; };
    let wortel = u;
    while (s.eenheden[wortel]!.ouder !== -1) wortel = s.eenheden[wortel]!.ouder;
    // The other unit: none, or one outside `u` — siblings first (fewer sums change), then further away.
    const ouder = s.eenheden[u]!.ouder;
    const dichtbijAlle = ouder === -1 ? [] : s.eenheden[ouder]!.kinderen.filter((k) => k !== u).flatMap((k) => this.bladenOnder(k));
    const dichtbijSet = new Set(dichtbijAlle);
    const verderAlle = this.bladenOnder(wortel).filter((b) => !onder.has(b) && !dichtbijSet.has(b));

    const moetNieuw = nieuw;
    let beste: { v: Verschuiving; kosten: number[] } | null = null;
    const probeer = (a: number, aAnder: number | null, knoopteken: Map<string, number>) => {
      const vector = verschuivingVan(this.tabel, s, tal, a, aAnder, knoopteken);
      if (!vector || !vector.cellen.includes(doel)) return;
      const { cellen: vc, tekens } = vector;
      if (this.gebruikt.has(`${tal}:${doel}:${[...vc].sort((x, y) => x - y).join()}`)) return;
      let nieuw = 0;
      let anderePrimair = 0;
      let ruimte = 0;
      for (const c of vc) {
        const k = this.toelaatbaar(tal, c);
        if (k === null) return;
        nieuw += k;
        if (k === 1) ruimte -= this.ruimte(tal, c);
        if (c !== doel && this.stand[tal][c] === PRIMAIR) anderePrimair += 1;
      }
      if (moetNieuw && nieuw === 0) return;
      const kosten = [nieuw, anderePrimair, ruimte];
      if (beste === null || vergelijk(kosten, beste.kosten, vc, beste.v.cellen) < 0) beste = { v: { tal, cellen: vc, tekens, doel }, kosten };
    };
    // Cells with room first, then any shown cell that is not 0; near units before far ones.
    zoek: for (const drempel of [RUIM, 1]) {
      this.drempel = drempel;
      const kandidaatA = [...onder].filter(kanSchuiven);
      // at most MAX_PARTNERS other units each (the first in the table's order): enough for a
      // cheap shift, and the search no longer grows with the country (a region's municipalities)
      const dichtbij = eerste(dichtbijAlle, kanSchuiven, MAX_PARTNERS);
      const verder = eerste(verderAlle, kanSchuiven, MAX_PARTNERS);
      for (const kring of [[null as number | null, ...dichtbij], verder]) {
        for (const a of kandidaatA) {
          const vormen = this.knoopVormen(a, n);
          for (const aAnder of kring) for (const vorm of vormen) probeer(a, aAnder, vorm);
        }
        if (beste) break zoek;
      }
    }
    if (beste === null) return null;
    const v: Verschuiving = (beste as { v: Verschuiving }).v;
    this.gebruikt.add(`${tal}:${doel}:${[...v.cellen].sort((x, y) => x - y).join()}`);
    for (const c of v.cellen) if (this.stand[tal][c] === ZICHTBAAR) this.stand[tal][c] = SECUNDAIR;
    return v;
  }

  /**
   * May this cell be in a shift? `<5` or withheld: yes (cost 0). Shown 0: no (0 is published).
   * Shown otherwise: yes (it becomes withheld: cost 1) unless it must stay visible, and in the
   * first pass only with room (`RUIM`, and vsv ≤ start population kept over ±3). This reads the
   * value of a cell that is about to be withheld (never a `<5` one): a replay can tell that such
   * a cell is at least `RUIM` (docs/openbaarmaking.md, limits).
   */
  private drempel = RUIM;
  private toelaatbaar(tal: Tal, c: number): number | null {
    if (this.stand[tal][c] !== ZICHTBAAR) return 0;
    const cel = this.tabel.cellen[c]!;
    if (cel[tal] === 0 || this.nietKiesbaar(c) || cel[tal] < this.drempel) return null;
    if (this.drempel > 1) {
      if (tal === 'vsv' && this.stand.startpopulatie[c] !== PRIMAIR && cel.vsv + STAP > cel.startpopulatie) return null;
      if (tal === 'startpopulatie' && cel.startpopulatie - STAP < (this.stand.vsv[c] === PRIMAIR ? DREMPEL - 1 : cel.vsv)) return null;
    }
    return 1;
  }

  /**
   * How much room a newly withheld cell is likely to have, from published figures only: the
   * national figure of its node (the national figures stay visible). A value that is withheld
   * later must not steer the choice, or replaying it would tell something about that value.
   */
  private ruimte(tal: Tal, c: number): number {
    const cellen = this.tabel.cellen;
    const l = this.landelijk.get(`${cellen[c]!.dimensie}|${cellen[c]!.waarde}`);
    return l === undefined || this.stand[tal][l] !== ZICHTBAAR ? 0 : cellen[l]![tal];
  }

  private diepte(e: number): number {
    let d = 0;
    for (let u = this.s.eenheden[e]!.ouder; u !== -1; u = this.s.eenheden[u]!.ouder) d += 1;
    return d;
  }

  private bladenOnder(e: number): number[] {
    const k = this.s.eenheden[e]!.kinderen;
    return k.length === 0 ? [e] : k.flatMap((x) => this.bladenOnder(x));
  }

  private anc(k: string): Set<string> {
    let v = this.voorouderCache.get(k);
    if (!v) this.voorouderCache.set(k, (v = voorouders(this.s, k)));
    return v;
  }

  /** the nodes of a unit that are no sum of other nodes of it (categories, age groups, sexes) */
  private bladeren(e: number): string[] {
    let l = this.bladCache.get(e);
    if (!l) {
      const eigen = this.s.eenheden[e]!.cellen;
      const boven = new Set([...eigen.keys()].flatMap((k) => (this.s.knoopOuders.get(k) ?? []).filter((o) => eigen.has(o))));
      l = [...eigen.keys()].filter((k) => k !== TOTAAL && !boven.has(k));
      this.bladCache.set(e, l);
    }
    return l;
  }

  /** The node coefficients of the shifts through node `n` of unit `a`. */
  private knoopVormen(a: number, n: string): Map<string, number>[] {
    const families = new Map<string, string[]>();
    for (const k of this.bladeren(a)) {
      const f = k.slice(0, k.indexOf('|'));
      const l = families.get(f);
      if (l) l.push(k);
      else families.set(f, [k]);
    }
    const vormen: Map<string, number>[] = [];
    const teken = (plus: Iterable<string>, min: Iterable<string>) => {
      const m = new Map<string, number>();
      for (const k of plus) m.set(k, (m.get(k) ?? 0) + 1);
      for (const k of min) m.set(k, (m.get(k) ?? 0) - 1);
      for (const [k, w] of m) if (w === 0) m.delete(k);
      return m;
    };
    // (a) within one breakdown: b up, b' down (n above b, not above b')
    if (n !== TOTAAL) {
      for (const l of families.values()) {
        for (const b of l) {
          if (!this.anc(b).has(n)) continue;
          for (const b2 of l) if (b2 !== b && !this.anc(b2).has(n)) vormen.push(teken(this.anc(b), this.anc(b2)));
        }
      }
    }
    // (b) a whole person: one leaf of every breakdown of the total, n among their ancestors; a
    // breakdown of a part only (the learning paths of mbo) has a leaf only where that part is in
    // the profile. Profiles with two values of one breakdown (vo and mbo) are no person.
    let profielen: string[][] = [[]];
    for (const l of families.values()) {
      const vanTotaal = l.some((b) => (this.s.knoopOuders.get(b) ?? []).includes(TOTAAL));
      profielen = profielen.flatMap((p) => [...(vanTotaal ? [] : [p]), ...l.map((b) => [...p, b])]);
    }
    for (const p of profielen) {
      const alle = new Set<string>();
      for (const b of p) for (const x of this.anc(b)) alle.add(x);
      if (!alle.has(n)) continue;
      const dimensies = new Set<string>();
      let persoon = true;
      for (const x of alle) {
        if (x === TOTAAL) continue;
        const d = x.slice(0, x.indexOf('|'));
        if (dimensies.has(d)) { persoon = false; break; }
        dimensies.add(d);
      }
      if (persoon) vormen.push(teken(alle, []));
    }
    return vormen;
  }
}

/** other units a shift is tried with, per circle (near, far), per target */
const MAX_PARTNERS = 12;

function eerste<T>(l: readonly T[], past: (x: T) => boolean, n: number): T[] {
  const uit: T[] = [];
  for (const x of l) {
    if (uit.length >= n) break;
    if (past(x)) uit.push(x);
  }
  return uit;
}

function vergelijk(a: readonly number[], b: readonly number[], ca: readonly number[], cb: readonly number[]): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
  const x = [...ca].sort((p, q) => p - q).join();
  const y = [...cb].sort((p, q) => p - q).join();
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface Getuigebereik {
  min: number;
  max: number;
}

/**
 * The range witnesses show for each withheld count (key `tal:cel`), from the chosen shifts with
 * the real values: every table `echt + d·δ` within the bounds a reader knows is a feasible point
 * of the attacker's system.
 */
export function getuigen(tabel: Publicatietabel, stand: Stand, verschuivingen: readonly Verschuiving[]): Map<string, Getuigebereik> {
  const { cellen } = tabel;
  const uit = new Map<string, Getuigebereik>();
  const noteer = (tal: Tal, c: number, w: number) => {
    const k = `${tal}:${c}`;
    const b = uit.get(k);
    if (!b) uit.set(k, { min: w, max: w });
    else { if (w < b.min) b.min = w; if (w > b.max) b.max = w; }
  };
  const grens = (tal: Tal, c: number): [number, number] =>
    (stand[tal][c] === PRIMAIR ? [1, DREMPEL - 1] : stand[tal][c] === SECUNDAIR ? [DREMPEL, Infinity]
      : stand[tal][c] === GEVOUWEN ? [0, Infinity] : [cellen[c]![tal], cellen[c]![tal]]);
  // Shifts chosen for the two counts of one cell combine: both may move at once (vsv ≤ start population).
  const groepen: Verschuiving[][] = [];
  for (const v of verschuivingen) groepen.push([v]);
  const paren = new Map<number, { sp?: Verschuiving; vsv?: Verschuiving }>();
  for (const v of verschuivingen) {
    const p = paren.get(v.doel) ?? {};
    if (v.tal === 'vsv') p.vsv = v; else p.sp = v;
    paren.set(v.doel, p);
  }
  for (const p of paren.values()) if (p.sp && p.vsv) groepen.push([p.sp, p.vsv]);
  for (const groep of groepen) {
    const sp = groep.find((v) => v.tal === 'startpopulatie');
    const vs = groep.find((v) => v.tal === 'vsv');
    const delta = new Map<number, { s: number; v: number }>();
    for (const v of groep) {
      v.cellen.forEach((c, i) => {
        const d = delta.get(c) ?? { s: 0, v: 0 };
        if (v.tal === 'vsv') d.v = v.tekens[i]!; else d.s = v.tekens[i]!;
        delta.set(c, d);
      });
    }
    const lijst = [...delta.entries()];
    for (const ds of sp ? bereik(-STAP, STAP) : [0]) {
      for (const dv of vs ? bereik(-STAP, STAP) : [0]) {
        let ok = true;
        for (const [c, d] of lijst) {
          const spw = cellen[c]!.startpopulatie + d.s * ds;
          const vsw = cellen[c]!.vsv + d.v * dv;
          const [ls, us] = grens('startpopulatie', c);
          const [lv, uv] = grens('vsv', c);
          if (spw < ls || spw > us || vsw < lv || vsw > uv || vsw > spw) { ok = false; break; }
        }
        if (!ok) continue;
        for (const [c, d] of lijst) {
          if (d.s !== 0) noteer('startpopulatie', c, cellen[c]!.startpopulatie + d.s * ds);
          if (d.v !== 0) noteer('vsv', c, cellen[c]!.vsv + d.v * dv);
        }
      }
    }
  }
  return uit;
}

function bereik(van: number, tot: number): number[] {
  const l: number[] = [];
  for (let i = van; i <= tot; i += 1) l.push(i);
  return l;
}
