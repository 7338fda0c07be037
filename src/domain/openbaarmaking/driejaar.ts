import { Controle, type Variabele } from './controle.js';
import { aanvallersmodel, basisbereikLp, isPrimair, type Basisbereik, type Stand } from './patroon.js';
import { TALLEN, type Publicatietabel, type Relatie, type Tabelcel, type Tal } from './tabel.js';
import { GEVOUWEN, PRIMAIR, SECUNDAIR, ZICHTBAAR } from './verschuiving.js';
import type { Eis, Lpoplosser } from './intervallen.js';

/**
 * The three-year figure of a municipality (issue 11, "small areas"; docs/openbaarmaking.md,
 * "Driejaarscijfer"): its start population and vsv'ers summed over three consecutive school
 * years, each year's figure from that year's final count run. Where a municipality's single years
 * are mostly `<5`, the sum often is not.
 *
 * A published sum is one more relation a reader knows, `driejaar(g) = jaar₁(g) + jaar₂(g) + jaar₃(g)`,
 * across three runs whose patterns were each made safe alone. So the three-year cells get a
 * pattern of their own, checked on the three runs' area tables together (nation → regions →
 * municipalities, with every relation of each run; institutions have no relation to areas) plus
 * these sums, by the same attacker's programs (`controle.ts`):
 *
 * 1. a sum of 1–4 is `<5` (DUO's rule); 0 and 5 or more are shown;
 * 2. what is asked of each yearly value is what its own run asked: reach both ends of what that
 *    run's `<5` markers allow (a three-year `<5` over two yearly `<5` values would otherwise
 *    narrow them by DUO's rule itself), and no withheld value pinned;
 * 3. while a value fails, the three-year figures within its reach are withheld (`x`), then not
 *    published at all ("niet uitgesplitst"): first the municipality's own, then its region's, then
 *    all. With every three-year figure unpublished the system is the three runs side by side, each
 *    already safe, so this ends.
 *
 * Every decision reads the structure, the classes of the sums (0, 1–4, more) and the exact
 * programs' verdicts over what is published, never a `<5` value: replaying it tells nothing.
 */
export interface Jaarpublicatie {
  readonly tabel: Publicatietabel;
  readonly stand: Record<Tal, Uint8Array>;
}

/** The cells of the three-year figures in the combined table have this dimension. */
export const DRIEJAAR = 'driejaar';

/** `jaarVan` of a three-year cell */
export const DRIEJAARCEL = 3;

const GEBIED = new Set(['landelijk', 'rmc', 'gemeente']);
const MAX_RONDES = 200;

export interface Driejaarmodel {
  /** the three runs' area cells side by side, then one three-year cell per municipality */
  readonly tabel: Publicatietabel;
  readonly stand: Record<Tal, Uint8Array>;
  /** what is asked of each `<5` value (rule 2) */
  readonly basis: Basisbereik;
  /** municipality → its three-year cell */
  readonly driejaarcel: ReadonlyMap<string, number>;
  /** per cell: the municipalities whose three-year figures are within its reach, nearest first (null: all) */
  readonly bereik: readonly (readonly (readonly string[] | null)[])[];
  /** per cell: the run it comes from (0–2), or DRIEJAARCEL */
  readonly jaarVan: Uint8Array;
}

/**
 * The municipalities that get a three-year figure: those with a total in each of the three runs,
 * by code; per municipality the cell of that total in each run (its parts).
 */
export function driejaardelen(jaren: readonly Pick<Jaarpublicatie, 'tabel'>[]): Map<string, number[]> {
  const perJaar = jaren.map((j) => new Map(j.tabel.cellen.flatMap((c, i) => (c.niveau === 'gemeente' && c.dimensie === 'totaal' ? [[c.gebied, i] as const] : []))));
  return new Map([...perJaar[0]!.keys()].filter((g) => perJaar.every((m) => m.has(g))).sort().map((g) => [g, perJaar.map((m) => m.get(g)!)]));
}

/**
 * The attacker's view of a window: the three runs' area tables with their patterns, and the
 * three-year figures with `driejaarstand` (municipality → the stand of each count; absent: DUO's
 * rule alone). Used by the pattern below and by the attacker test.
 */
export function driejaarmodel(
  jaren: readonly Jaarpublicatie[], oplosser: Lpoplosser, driejaarstand: ReadonlyMap<string, Record<Tal, Stand>> = new Map(),
): Driejaarmodel {
  if (jaren.length !== 3) throw new Error(`een driejaarscijfer telt drie jaren, niet ${jaren.length}`);
  const cellen: Tabelcel[] = [];
  const relaties: Record<Tal, Relatie[]> = { startpopulatie: [], vsv: [] };
  const standen: Record<Tal, number[]> = { startpopulatie: [], vsv: [] };
  const bereik: (readonly string[] | null)[][] = [];
  const jaarVan: number[] = [];
  const regioVan = new Map<string, readonly string[]>();
  /** per run: its cell → the cell in the combined table */
  const nummers: Map<number, number>[] = [];

  jaren.forEach((jaar, j) => {
    const nummer = new Map<number, number>();
    nummers.push(nummer);
    jaar.tabel.cellen.forEach((c, i) => {
      if (!GEBIED.has(c.niveau)) return;
      const n = cellen.push(c) - 1;
      nummer.set(i, n);
      jaarVan.push(j);
      for (const tal of TALLEN) standen[tal].push(jaar.stand[tal][i]!);
    });
    // a region reaches its municipalities (from the relation 'region = Σ municipalities'); the nation, all
    const gemeentenVan = new Map<string, string[]>();
    for (const r of [...jaar.tabel.relaties.startpopulatie, ...jaar.tabel.relaties.vsv]) {
      const geheel = jaar.tabel.cellen[r.geheel]!;
      if (geheel.niveau !== 'rmc' || geheel.dimensie !== 'totaal') continue;
      const delen = r.delen.map((d) => jaar.tabel.cellen[d]!);
      if (delen.every((d) => d.niveau === 'gemeente')) gemeentenVan.set(geheel.gebied, delen.map((d) => d.gebied));
    }
    for (const l of gemeentenVan.values()) for (const g of l) if (!regioVan.has(g)) regioVan.set(g, l);
    for (const [i, n] of nummer) {
      const c = jaar.tabel.cellen[i]!;
      bereik[n] = c.niveau === 'gemeente' ? [[c.gebied], regioVan.get(c.gebied) ?? [], null]
        : c.niveau === 'rmc' ? [gemeentenVan.get(c.gebied) ?? [], null] : [null];
    }
    for (const tal of TALLEN) {
      for (const r of jaar.tabel.relaties[tal]) {
        if (![r.geheel, ...r.delen].every((l) => nummer.has(l))) continue;
        relaties[tal].push({ geheel: nummer.get(r.geheel)!, delen: r.delen.map((d) => nummer.get(d)!), soort: `jaar ${j + 1}: ${r.soort}` });
      }
    }
  });
  const jaarcellen = cellen.length;

  // One three-year cell per municipality with a total in each of the three runs.
  const driejaarcel = new Map<string, number>();
  for (const [g, perJaar] of driejaardelen(jaren)) {
    const delen = perJaar.map((i, j) => nummers[j]!.get(i)!);
    const som = (tal: Tal) => delen.reduce((s, d) => s + cellen[d]![tal], 0);
    const c = cellen.push({ niveau: 'gemeente', gebied: g, dimensie: DRIEJAAR, waarde: 'totaal', startpopulatie: som('startpopulatie'), vsv: som('vsv') }) - 1;
    driejaarcel.set(g, c);
    jaarVan.push(DRIEJAARCEL);
    bereik[c] = [[g], regioVan.get(g) ?? [], null];
    for (const tal of TALLEN) {
      standen[tal].push(driejaarstand.get(g)?.[tal] ?? (isPrimair(cellen[c]![tal]) ? PRIMAIR : ZICHTBAAR));
      relaties[tal].push({ geheel: c, delen, soort: `gemeente ${g}: driejaar = Σ jaren` });
    }
  }
  const tabel: Publicatietabel = { cellen, relaties, nietGeldig: [] };
  const stand: Record<Tal, Uint8Array> = { startpopulatie: Uint8Array.from(standen.startpopulatie), vsv: Uint8Array.from(standen.vsv) };

  // Rule 2: a yearly value keeps what its own run asked of it (the three runs alone: the same
  // baseline as each run's, as the runs share no relation); a three-year value, what the markers
  // of the whole window allow.
  const alleen = { cellen: cellen.slice(0, jaarcellen), relaties: { startpopulatie: relaties.startpopulatie.filter((r) => r.geheel < jaarcellen), vsv: relaties.vsv.filter((r) => r.geheel < jaarcellen) }, nietGeldig: [] };
  const perJaar = basisbereikLp(alleen, { startpopulatie: stand.startpopulatie.slice(0, jaarcellen), vsv: stand.vsv.slice(0, jaarcellen) }, oplosser);
  const samen = basisbereikLp(tabel, stand, oplosser);
  const basis = {} as Basisbereik;
  for (const tal of TALLEN) basis[tal] = samen[tal].map((b, c) => (c < jaarcellen ? perJaar[tal][c]! : b));
  return { tabel, stand, basis, driejaarcel, bereik, jaarVan: Uint8Array.from(jaarVan) };
}

/**
 * The attacker's model of a window: `aanvallersmodel` over the combined table, except that
 * nothing is asked of a three-year figure that is not published. It is no count of its own, only
 * the sum of three yearly ones, so what a reader can work out of it is what they can work out of
 * those, and what is asked of them stands (a sum of a shown 0, a shown 0 and a `<5` pinned by the
 * markers alone is pinned too, and publishing nothing cannot change that).
 */
export function driejaaraanvallersmodel(model: Driejaarmodel, oplosser: Lpoplosser) {
  const m = aanvallersmodel(model.tabel, model.stand, oplosser, model.basis);
  const eisen: Eis[] = m.eisen.map((e, v) => (e === 'gevouwen' && model.jaarVan[m.variabelen[v]!.cel] === DRIEJAARCEL ? 'vrij' : e));
  return { ...m, eisen };
}

export interface Driejaarcijfer {
  readonly gemeente: string;
  readonly startpopulatie: number;
  readonly vsv: number;
  readonly stand: Record<Tal, Stand>;
}

export interface Driejaarpatroon {
  /** per municipality (by code) */
  readonly cijfers: readonly Driejaarcijfer[];
  readonly rondes: number;
  /** values the programs still find narrowed or pinned (the attacker test fails on any) */
  readonly onbeschermd: readonly { cel: Tabelcel; tal: Tal }[];
  readonly programmas: { globaal: number; lokaal: number; exact: number };
}

export function bepaalDriejaarpatroon(jaren: readonly Jaarpublicatie[], oplosser: Lpoplosser): Driejaarpatroon {
  const model = driejaarmodel(jaren, oplosser);
  const { tabel, stand, driejaarcel } = model;
  const { cellen } = tabel;
  const controle = new Controle(oplosser);
  // The real table agrees with everything published: it is the reference point, and only the
  // exact programs declare a value unprotected (controle.ts), so no verdict depends on it.
  controle.neemGetuigen(new Map());
  const gemeenten = [...driejaarcel.keys()];
  /** the yearly cells of each three-year cell (its parts) */
  const delenVan = new Map(tabel.relaties.vsv.filter((r) => model.jaarVan[r.geheel] === DRIEJAARCEL).map((r) => [r.geheel, r.delen]));
  /** withholding a sum of shown years changes nothing: anyone can add them up */
  const verborgenDeel = (g: string, tal: Tal) => delenVan.get(driejaarcel.get(g)!)!.some((d) => stand[tal][d] !== ZICHTBAAR);
  /**
   * The changes a repair can make within a reach, by what is published only: withhold a shown
   * three-year count of the failing count (`zelfde`) or of the other (`ander`: vsv ≤ start
   * population ties them) — the largest first, as it leaves the most room; never a 0, nor a sum of
   * shown years — or publish one three-year figure not at all (`vouw`, by code).
   */
  const stap = {
    zelfde: (binnen: readonly string[], tal: Tal) => grootsteGetoonde(binnen, tal),
    ander: (binnen: readonly string[], tal: Tal) => grootsteGetoonde(binnen, tal === 'vsv' ? 'startpopulatie' : 'vsv'),
    vouw: (binnen: readonly string[]): { gemeente: string; tal: Tal | null } | null => {
      const open = binnen.find((g) => stand.vsv[driejaarcel.get(g)!] !== GEVOUWEN && TALLEN.some((tal) => verborgenDeel(g, tal)));
      return open === undefined ? null : { gemeente: open, tal: null };
    },
  };
  /**
   * In this order (reach 0 is the value's own municipality, 1 its region, 2 all; a region's value
   * starts at 1): its own sum of the same count, then a neighbour's of the same count (a yearly value
   * is narrowed through the region's sum as often as through its own), then the rest of its own,
   * then further out.
   */
  const volgorde: readonly [number, keyof typeof stap][] = [
    [0, 'zelfde'], [1, 'zelfde'], [0, 'ander'], [0, 'vouw'], [1, 'ander'], [1, 'vouw'], [2, 'zelfde'], [2, 'ander'], [2, 'vouw'],
  ];
  const grootsteGetoonde = (binnen: readonly string[], tal: Tal) => {
    const getoond = binnen.filter((g) => stand[tal][driejaarcel.get(g)!] === ZICHTBAAR && cellen[driejaarcel.get(g)!]![tal] > 0 && verborgenDeel(g, tal));
    if (getoond.length === 0) return null;
    return { gemeente: getoond.reduce((a, b) => (cellen[driejaarcel.get(b)!]![tal] > cellen[driejaarcel.get(a)!]![tal] ? b : a)), tal };
  };
  let rondes = 0;
  let onbeschermd: { cel: Tabelcel; tal: Tal }[] = [];
  for (; rondes < MAX_RONDES; rondes += 1) {
    const m = driejaaraanvallersmodel(model, oplosser);
    const variabelen: Variabele[] = m.variabelen.map(({ cel, tal }) => {
      const c = cellen[cel]!;
      // the stand is part of the key: a value withheld anew or folded is asked something else
      return { sleutel: `${tal}:${cel}:${stand[tal][cel]}`, cluster: `${model.jaarVan[cel]}|${c.niveau}|${c.gebied}`, eigenWaarde: c[tal], primair: stand[tal][cel] === PRIMAIR };
    });
    const falen = controle.controleer(variabelen, m.grenzen, m.eisen, m.rijen).map((v) => m.variabelen[v]!);
    onbeschermd = falen.map((f) => ({ cel: cellen[f.cel]!, tal: f.tal }));
    if (falen.length === 0) break;
    let veranderd = false;
    /** municipalities whose three-year figure changed this round: failures near them wait for the next check */
    const geraakt = new Set<string>();
    // Per failure the first step that can change something, at the nearest reach; a failure near
    // a change made this round waits for the next check (that change may already protect it).
    for (const f of falen) {
      const bereik = model.bereik[f.cel]!;
      // a municipality reaches itself (0), its region (1) and all (2); a region, itself (1) and all; the nation, all
      const reiken = bereik.map((binnen) => (binnen ?? gemeenten).filter((g) => driejaarcel.has(g)));
      const verschuiving = 3 - reiken.length;
      for (const [niveau, soort] of volgorde) {
        const hier = reiken[niveau - verschuiving];
        if (!hier) continue;
        if (hier.some((g) => geraakt.has(g))) break;
        const keuze = stap[soort](hier, f.tal);
        if (!keuze) continue;
        if (keuze.tal === null) for (const tal of TALLEN) stand[tal][driejaarcel.get(keuze.gemeente)!] = GEVOUWEN;
        else stand[keuze.tal][driejaarcel.get(keuze.gemeente)!] = SECUNDAIR;
        geraakt.add(keuze.gemeente);
        veranderd = true;
        break;
      }
    }
    if (!veranderd) break;
  }
  return {
    cijfers: gemeenten.map((g) => {
      const c = driejaarcel.get(g)!;
      return { gemeente: g, startpopulatie: cellen[c]!.startpopulatie, vsv: cellen[c]!.vsv, stand: { startpopulatie: stand.startpopulatie[c]! as Stand, vsv: stand.vsv[c]! as Stand } };
    }),
    rondes,
    onbeschermd,
    programmas: controle.statistiek,
  };
}
