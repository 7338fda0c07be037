import { DREMPEL } from '../openbaarmaking.js';
import { Controle, type Controlestatistiek, type Variabele } from './controle.js';
import { toets, type Bereik, type Eis, type Grens, type Lpoplosser, type Lprij } from './intervallen.js';
import { TALLEN, type Publicatietabel, type Relatie, type Tabelcel, type Tal } from './tabel.js';
import { GEVOUWEN, getuigen, PRIMAIR, RUIM, SECUNDAIR, structuurVan, Verschuiver, ZICHTBAAR, type Verschuiving } from './verschuiving.js';

export { GEVOUWEN, PRIMAIR, SECUNDAIR, ZICHTBAAR };

/**
 * One suppression pattern for a whole publication table (all cells the API can publish of
 * one run), so that no answer, and no combination of answers, gives a withheld value back.
 *
 * 1. Primary: a count of 1–4 is withheld (`<5`); 0 and 5 or more are shown (telling.md).
 * 2. Secondary, by shifts (`verschuiving.ts`): for every `<5` value one shift of persons that
 *    keeps every published sum, all of whose cells are then withheld; chosen without reading a
 *    `<5` value. The shifts are also the first witnesses of the check.
 * 3. Secondary, by structure, for what (2) could not cover: while a relation has exactly one
 *    withheld member, one more member is withheld. Which one depends only on what is published —
 *    the structure, which cells are withheld, and which visible cells are 0 (never chosen: 0 is
 *    shown) — never on a withheld value.
 * 4. Check and repair: the attacker's linear programs (`intervallen.ts`, `controle.ts`) over
 *    everything published, the relations, `<5` ⇒ 1–4, withheld on top ⇒ at least 5, and vsv ≤
 *    start population, for the values the witnesses of (2) do not already show protected. While
 *    a `<5` value cannot reach both ends of what the `<5` markers alone allow, or a withheld
 *    value is pinned to one number, a further member of one of its relations is withheld, and
 *    (3) and (4) run again.
 *
 * A value is declared unprotected only by the exact programs, which see only what is published:
 * replaying the pattern with another value 1–4 in a `<5` cell gives the same pattern.
 */
export type Stand = typeof ZICHTBAAR | typeof PRIMAIR | typeof SECUNDAIR | typeof GEVOUWEN;

export interface Patroon {
  readonly startpopulatie: Uint8Array;
  readonly vsv: Uint8Array;
  /** values the repair could not protect (the attacker test fails on any) */
  readonly onbeschermd: readonly { cel: number; tal: Tal }[];
  readonly rondes: number;
  /** how many linear programs the check solved, per step (controle.ts) */
  readonly programmas: Controlestatistiek;
}

const MAX_RONDES = 1000;

function niveaurang(c: Tabelcel): number {
  if (c.niveau === 'gemeente' || c.niveau === 'vestiging') return 0;
  if (c.niveau === 'rmc' || c.niveau === 'instelling') return 1;
  return 2;
}

export function isPrimair(n: number): boolean {
  return n >= 1 && n < DREMPEL;
}

export interface Patroonopties {
  /**
   * Use the shifts' witnesses (and the real table as reference point) so that the exact programs
   * run only for what they leave open. Off, the check reads nothing but what is published; the
   * verdicts, and so the pattern, are the same (test/api/aanvaller.test.ts shows it).
   */
  readonly getuigen?: boolean;
  /**
   * Counts whose publication is decided elsewhere and is only followed here (the vsv'ers of a
   * region in the absence figures are the region's vsv of a count run): `verborgen` are withheld
   * from the start, and none of them is ever chosen (withholding one here alone would add nothing,
   * since it is shown elsewhere).
   */
  readonly extern?: { readonly tal: Tal; readonly cel: number; readonly verborgen: boolean | 'gevouwen' }[];
  /** cells folded from the start (coarsening by a rule on the structure: `grofheid.ts`), both counts */
  readonly gevouwen?: (cel: number) => boolean;
}

export function bepaalPatroon(
  tabel: Publicatietabel, oplosser: Lpoplosser, verloop: (melding: string) => void = () => {}, opties: Patroonopties = {},
): Patroon {
  const { cellen } = tabel;
  const stand: Record<Tal, Uint8Array> = {
    startpopulatie: Uint8Array.from(cellen, (c) => (isPrimair(c.startpopulatie) ? PRIMAIR : ZICHTBAAR)),
    vsv: Uint8Array.from(cellen, (c) => (isPrimair(c.vsv) ? PRIMAIR : ZICHTBAAR)),
  };
  if (opties.gevouwen) for (const tal of TALLEN) stand[tal].forEach((_, c) => { if (opties.gevouwen!(c)) stand[tal][c] = GEVOUWEN; });
  const extern: Record<Tal, Set<number>> = { startpopulatie: new Set(), vsv: new Set() };
  for (const e of opties.extern ?? []) {
    extern[e.tal].add(e.cel);
    if (e.verborgen === 'gevouwen') stand[e.tal][e.cel] = GEVOUWEN;
    else if (e.verborgen && stand[e.tal][e.cel] === ZICHTBAAR) stand[e.tal][e.cel] = SECUNDAIR;
  }
  const leden = (tal: Tal) => tabel.relaties[tal].map((r) => [r.geheel, ...r.delen]);
  const ledenPer = { startpopulatie: leden('startpopulatie'), vsv: leden('vsv') };
  const relVan: Record<Tal, number[][]> = { startpopulatie: cellen.map(() => []), vsv: cellen.map(() => []) };
  for (const tal of TALLEN) ledenPer[tal].forEach((l, r) => { for (const c of l) relVan[tal][c]!.push(r); });
  const verborgen: Record<Tal, Int32Array> = {
    startpopulatie: Int32Array.from(ledenPer.startpopulatie, (l) => l.filter((c) => stand.startpopulatie[c] !== ZICHTBAAR).length),
    vsv: Int32Array.from(ledenPer.vsv, (l) => l.filter((c) => stand.vsv[c] !== ZICHTBAAR).length),
  };
  const sleutel = cellen.map((c) => `${c.niveau}|${c.gebied}|${c.dimensie}|${c.waarde}`);

  // The national total is always published (as DUO does): it is never chosen, so protection is
  // found below it. (The national sectors cannot be spared too: with a `<5` sector, total minus
  // the others would give it away.)
  const altijdZichtbaar = (c: number) => cellen[c]!.niveau === 'landelijk' && cellen[c]!.dimensie === 'totaal';
  const vrij = (tal: Tal, c: number) => stand[tal][c] === ZICHTBAAR && cellen[c]![tal] > 0 && !extern[tal].has(c);
  const kiesbaar = (tal: Tal, c: number) => vrij(tal, c) && !altijdZichtbaar(c);
  const enkelvoudig = (tal: Tal, c: number) => relVan[tal][c]!.filter((r) => verborgen[tal][r] === 1).length;
  /** the order of (2): part before whole, finest level, breakdown before total, ends most single-withheld relations, key */
  const beter = (tal: Tal, geheel: number | null) => (a: number, b: number) =>
    Number(a === geheel) - Number(b === geheel)
    || niveaurang(cellen[a]!) - niveaurang(cellen[b]!)
    || Number(cellen[a]!.dimensie === 'totaal') - Number(cellen[b]!.dimensie === 'totaal')
    || enkelvoudig(tal, b) - enkelvoudig(tal, a)
    || (sleutel[a]! < sleutel[b]! ? -1 : sleutel[a]! > sleutel[b]! ? 1 : 0);

  const wachtrij: Record<Tal, number[]> = { startpopulatie: [], vsv: [] };
  const verberg = (tal: Tal, c: number, waarom = '') => {
    void waarom;
    stand[tal][c] = SECUNDAIR;
    for (const r of relVan[tal][c]!) {
      verborgen[tal][r] = verborgen[tal][r]! + 1;
      wachtrij[tal].push(r);
    }
  };
  const structureel = (tal: Tal) => {
    const q = wachtrij[tal];
    while (q.length > 0) {
      const r = q.pop()!;
      if (verborgen[tal][r] !== 1) continue;
      const l = ledenPer[tal][r]!;
      const kandidaten = l.filter((c) => kiesbaar(tal, c));
      if (kandidaten.length === 0) continue;
      kandidaten.sort(beter(tal, l[0]!));
      verberg(tal, kandidaten[0]!, `structuur ${tabel.relaties[tal][r]!.soort}`);
    }
  };
  const structuur = structuurVan(tabel);
  // A shift never reaches the national figures (the headline figures stay whole): it runs between areas.
  const verschuiver = new Verschuiver(tabel, structuur, stand, (c) => cellen[c]!.niveau === 'landelijk' || extern.startpopulatie.has(c) || extern.vsv.has(c));
  const verschuivingen = verschuiver.kiesAlle();
  verloop(`${verschuivingen.length} verschuivingen gekozen`);
  for (const tal of TALLEN) {
    stand[tal].forEach((st, c) => { if (st === SECUNDAIR) for (const r of relVan[tal][c]!) verborgen[tal][r] = verborgen[tal][r]! + 1; });
    wachtrij[tal] = ledenPer[tal].map((_, r) => r);
    structureel(tal);
  }

  let rondes = 0;
  let onbeschermd: { cel: number; tal: Tal }[] = [];
  let controle = new Controle(oplosser);
  const metGetuigen = opties.getuigen ?? true;
  if (metGetuigen) controle.neemGetuigen(getuigen(tabel, stand, verschuivingen));
  const nieuwVerborgen = (tal: Tal, r: number) => ledenPer[tal][r]!.filter((c) => stand[tal][c] !== ZICHTBAAR).length;
  /** a further shift through a value the check finds narrowed; its cells are withheld as in (2) */
  const verschuif = (tal: Tal, c: number): Verschuiving | null => {
    const v = verschuiver.kies(c, tal, true);
    if (!v) return null;
    for (const x of v.cellen) if (stand[tal][x] === SECUNDAIR) for (const r of relVan[tal][x]!) { verborgen[tal][r] = nieuwVerborgen(tal, r); wachtrij[tal].push(r); }
    verschuivingen.push(v);
    if (metGetuigen) controle.neemGetuigen(getuigen(tabel, stand, verschuivingen.filter((w) => w.doel === v.doel)));
    return v;
  };
  const basisgeheugen = new Map<string, readonly Bereik[]>();
  let basis = basisbereikLp(tabel, stand, oplosser, basisgeheugen);
  /**
   * The last step, when nothing within reach can be withheld any more: fold (do not publish) the
   * breakdown of the failing value's unit ("niet uitgesplitst"), both counts, whatever their class
   * (0, `<5`, more). Already folded: the breakdowns of the units of its relations (siblings and
   * parent), then those units whole, their totals too; then a step further out, and so on. A folded cell is bounded by 0 alone and
   * asks only not to be known within 1–4 more narrowly than a `<5` (`Eis` 'gevouwen'), so folding
   * ends every failure at the latest when all is folded.
   */
  const vouw = (f: { cel: number; tal: Tal }, landelijk: boolean): number => {
    let n = 0;
    const zet = (c: number) => {
      // the national total only last; a count decided elsewhere never (it is shown there)
      if ((!landelijk && altijdZichtbaar(c)) || extern.startpopulatie.has(c) || extern.vsv.has(c)) return;
      for (const tal of TALLEN) {
        if (stand[tal][c] === GEVOUWEN) continue;
        if (stand[tal][c] === ZICHTBAAR) for (const r of relVan[tal][c]!) { verborgen[tal][r] = verborgen[tal][r]! + 1; wachtrij[tal].push(r); }
        stand[tal][c] = GEVOUWEN;
        n += 1;
      }
    };
    const eenheid = (c: number) => [...structuur.eenheden[structuur.eenheidVan[c]!]!.cellen.values()];
    const familie = (c: number) => {
      const d = cellen[c]!.dimensie;
      return eenheid(c).filter((x) => (d === 'totaal' ? cellen[x]!.dimensie !== 'totaal' : cellen[x]!.dimensie === d));
    };
    for (const c of familie(f.cel)) zet(c);
    if (n > 0) return n;
    // further out, a step at a time (through the relations of what is withheld or folded), until
    // the whole component is folded; only then does the caller turn to the national total
    let bereik = new Set<number>([f.cel]);
    for (;;) {
      const volgende = new Set<number>(bereik);
      for (const c of bereik) {
        for (const tal of TALLEN) for (const r of relVan[tal][c]!) for (const x of ledenPer[tal][r]!) if (stand[tal][x] !== ZICHTBAAR || x === c) volgende.add(x);
      }
      const leden = [...volgende].sort((a, b) => a - b);
      for (const b of leden) for (const c of familie(b)) zet(c);
      if (n > 0) return n;
      for (const b of leden) for (const c of eenheid(b)) zet(c);
      if (n > 0) return n;
      if (volgende.size === bereik.size) return 0;
      bereik = volgende;
    }
  };
  let gevouwen = false;
  // How often each value has failed a check after a repair was tried for it: the repair
  // escalates with it (see `escaleer`), so the loop always ends with nothing narrowed or pinned.
  const pogingen = new Map<string, number>();
  /**
   * Escalation for a value that failed again despite repairs (level ≥ 1): one more member that can
   * be withheld in every relation within `niveau` steps of it (a step: from a withheld member of a
   * relation to that member's other relations), else the other count of those cells; the national
   * total only with `landelijk` (after folding, `verder`). Withholding more never narrows what a
   * reader can infer; when nothing within reach is left, `vouw` takes over. Reads only the
   * structure, which cells are withheld or 0, shown values, and the verdicts of the exact programs:
   * replay-safe as the rest.
   */
  const escaleer = (f: { cel: number; tal: Tal }, niveau: number, landelijk: boolean): number => {
    let cellenSet = new Set<number>([f.cel]);
    let relaties = new Set<number>();
    for (let stap = 0; stap < niveau; stap += 1) {
      const nieuweRel = new Set<number>(relaties);
      for (const c of cellenSet) for (const r of relVan[f.tal][c]!) nieuweRel.add(r);
      const nieuweCellen = new Set<number>(cellenSet);
      for (const r of nieuweRel) for (const c of ledenPer[f.tal][r]!) if (stand[f.tal][c] !== ZICHTBAAR) nieuweCellen.add(c);
      const gegroeid = nieuweRel.size > relaties.size || nieuweCellen.size > cellenSet.size;
      relaties = nieuweRel;
      cellenSet = nieuweCellen;
      if (!gegroeid) break;
    }
    const mag = landelijk ? vrij : kiesbaar;
    // one more member per relation within reach (the one the repair prefers: with room, then the
    // order of (3)), not every member: a relation of all regions would otherwise hide them all
    const ruim = (tal: Tal) => (c: number) => cellen[c]![tal] >= RUIM;
    const voorkeur = (tal: Tal) => (a: number, b: number) => Number(ruim(tal)(b)) - Number(ruim(tal)(a))
      || (ruim(tal)(a) ? beter(tal, null)(a, b) : cellen[b]![tal] - cellen[a]![tal] || beter(tal, null)(a, b));
    const perRelatie = (tal: Tal) => {
      let n = 0;
      for (const r of [...relaties].sort((a, b) => a - b)) {
        const kandidaten = ledenPer[f.tal][r]!.filter((c) => mag(tal, c));
        if (kandidaten.length === 0) continue;
        verberg(tal, kandidaten.sort(voorkeur(tal))[0]!, `escalatie ${sleutel[f.cel]}`);
        n += 1;
      }
      return n;
    };
    const n = perRelatie(f.tal);
    if (n > 0) return n;
    return perRelatie(f.tal === 'vsv' ? 'startpopulatie' : 'vsv');
  };
  for (; rondes < MAX_RONDES; rondes += 1) {
    const falen = controleer(tabel, stand, oplosser, controle, basis);
    verloop(`ronde ${rondes}: ${falen.length} onbeschermd; programma's ${JSON.stringify(controle.statistiek)}`);
    if (falen.length === 0) {
      onbeschermd = [];
      break;
    }
    let hersteld = false;
    // One repair per relation per round: a cell withheld for one failing value often
    // protects its neighbours too, so those wait for the next check.
    const geraakt: Record<Tal, Set<number>> = { startpopulatie: new Set(), vsv: new Set() };
    const raak = (tal: Tal, c: number) => { for (const r of relVan[tal][c]!) geraakt[tal].add(r); };
    // Start populations first: a vsv value can only be as free as its start population
    // (vsv ≤ start population), so a vsv failure waits while its own cell's start population is repaired.
    const spGeraakt = new Set<number>();
    falen.sort((a, b) => Number(a.tal === 'vsv') - Number(b.tal === 'vsv'));
    for (const f of falen) {
      if ((f.tal === 'vsv' && spGeraakt.has(f.cel)) || relVan[f.tal][f.cel]!.some((r) => geraakt[f.tal].has(r))) {
        hersteld = true;
        continue;
      }
      const k = `${f.tal}:${f.cel}`;
      const poging = pogingen.get(k) ?? 0;
      pogingen.set(k, poging + 1);
      /** whole relations, further out with every failure; nothing left within reach: fold */
      const verder = (niveau: number) => {
        let n = escaleer(f, niveau, false);
        while (n === 0 && niveau < 64) n = escaleer(f, (niveau += 1), false);
        if (n === 0) {
          n = vouw(f, false);
          if (n > 0) gevouwen = true;
        }
        // the national total only when nothing else is left (a preference, not a rule)
        if (n === 0) n = escaleer(f, 64, true);
        if (n === 0) {
          n = vouw(f, true);
          if (n > 0) gevouwen = true;
        }
        if (n > 0) {
          raak(f.tal, f.cel);
          if (f.tal === 'startpopulatie') spGeraakt.add(f.cel);
          hersteld = true;
        }
      };
      if (poging > 1 || stand[f.tal][f.cel] === GEVOUWEN) {
        // it failed again after two repairs (or is folded already): escalate, further with every failure
        verder(Math.max(1, poging - 1));
        continue;
      }
      // First a further shift through it (and through its start population when that is `<5`
      // too: vsv ≤ start population moves them together).
      const extra = [verschuif(f.tal, f.cel), f.tal === 'vsv' && stand.startpopulatie[f.cel] === PRIMAIR ? verschuif('startpopulatie', f.cel) : null];
      if (extra.some((v) => v !== null)) {
        for (const v of extra) if (v) for (const c of v.cellen) raak(v.tal, c);
        hersteld = true;
        continue;
      }
      let kandidaten = relVan[f.tal][f.cel]!.flatMap((r) => ledenPer[f.tal][r]!).filter((c) => kiesbaar(f.tal, c));
      if (kandidaten.length === 0) {
        // Nothing left to withhold beside it: a member of a relation of the withheld values it
        // shares a relation with (one step further out), so that those get room to move.
        const buren = relVan[f.tal][f.cel]!.flatMap((r) => ledenPer[f.tal][r]!).filter((c) => c !== f.cel && stand[f.tal][c] !== ZICHTBAAR);
        kandidaten = buren.flatMap((b) => relVan[f.tal][b]!.flatMap((r) => ledenPer[f.tal][r]!)).filter((c) => kiesbaar(f.tal, c));
      }
      // A withheld count is known to be 5 or more, so it only gives a `<5` neighbour room to move
      // over the whole range 1–4 when it is at least 3 above that: prefer such a cell (by the
      // order of (3)), else the largest. Only shown values decide, never a `<5` one.
      const ruim = (c: number) => cellen[c]![f.tal] >= RUIM;
      const uniek = [...new Set(kandidaten)].sort((a, b) => Number(ruim(b)) - Number(ruim(a))
        || (ruim(a) ? beter(f.tal, null)(a, b) : cellen[b]![f.tal] - cellen[a]![f.tal] || beter(f.tal, null)(a, b)));
      if (uniek.length > 0) {
        verberg(f.tal, uniek[0]!, `herstel ${sleutel[f.cel]}`);
        raak(f.tal, uniek[0]!);
        if (f.tal === 'startpopulatie') spGeraakt.add(f.cel);
        hersteld = true;
        continue;
      }
      // The other count of the same cell (vsv ≤ start population can pin one through the other).
      const ander: Tal = f.tal === 'vsv' ? 'startpopulatie' : 'vsv';
      if (kiesbaar(ander, f.cel)) {
        verberg(ander, f.cel);
        raak(ander, f.cel);
        if (ander === 'startpopulatie') spGeraakt.add(f.cel);
        hersteld = true;
        continue;
      }
      // nothing cheap: escalate at once
      verder(1);
    }
    // Every way out is right after a check, so `onbeschermd` is exactly what fails. Only when
    // nothing at all can be withheld any more (every non-zero cell within reach is) does the
    // loop stop with failures; the attacker test fails on any.
    if (!hersteld || rondes === MAX_RONDES - 1) {
      onbeschermd = falen;
      break;
    }
    for (const tal of TALLEN) structureel(tal);
    // what the `<5` markers alone allow changes when some are no longer shown
    if (gevouwen) {
      basis = basisbereikLp(tabel, stand, oplosser, basisgeheugen);
      gevouwen = false;
      // and so what is asked of the `<5` values that stay: check everything anew
      const statistiek = controle.statistiek;
      controle = new Controle(oplosser);
      Object.assign(controle.statistiek, statistiek);
      if (metGetuigen) controle.neemGetuigen(getuigen(tabel, stand, verschuivingen));
    }
  }
  return { startpopulatie: stand.startpopulatie, vsv: stand.vsv, onbeschermd, rondes, programmas: controle.statistiek };
}

/** The attacker's model of a pattern: variables, bounds, requirements and rows. */
export type Basisbereik = Record<Tal, { onder: number; boven: number }[]>;

/** `basis`: the baseline of the `<5` values when already known (it depends only on which cells are `<5` or 0). */
export function aanvallersmodel(tabel: Publicatietabel, stand: Record<Tal, Uint8Array>, oplosser?: Lpoplosser, gegevenBasis?: Basisbereik) {
  const { cellen } = tabel;
  const basis = gegevenBasis ?? (oplosser ? basisbereikLp(tabel, stand, oplosser) : basisbereik(tabel, stand));
  const variabelen: { cel: number; tal: Tal }[] = [];
  const nummer: Record<Tal, Int32Array> = { startpopulatie: new Int32Array(cellen.length).fill(-1), vsv: new Int32Array(cellen.length).fill(-1) };
  const grenzen: Grens[] = [];
  const eisen: Eis[] = [];
  for (const tal of TALLEN) {
    stand[tal].forEach((s, c) => {
      if (s === ZICHTBAAR) return;
      nummer[tal][c] = variabelen.push({ cel: c, tal }) - 1;
      // A secondary cell was a visible count that is neither 0 (shown) nor 1–4 (`<5`): a reader
      // who knows the rule knows it is 5 or more.
      // A folded cell (not published) tells nothing of itself: 0 or more (what is asked of it: `Eis`).
      grenzen.push(s === PRIMAIR ? { onder: 1, boven: DREMPEL - 1 } : s === GEVOUWEN ? { onder: 0, boven: Infinity } : { onder: DREMPEL, boven: Infinity });
      eisen.push(s === PRIMAIR ? basis[tal][c]! : s === GEVOUWEN ? 'gevouwen' : 'niet-vast');
    });
  }
  const rijen: Lprij[] = [];
  for (const tal of TALLEN) {
    for (const r of tabel.relaties[tal]) {
      const kolommen: number[] = [];
      const coef: number[] = [];
      let rest = 0;
      for (const [c, k] of [[r.geheel, -1] as const, ...r.delen.map((d) => [d, 1] as const)]) {
        const v = nummer[tal][c]!;
        if (v >= 0) {
          kolommen.push(v);
          coef.push(k);
        } else rest += k * cellen[c]![tal];
      }
      if (kolommen.length > 0) rijen.push({ kolommen, coef, onder: -rest, boven: -rest });
    }
  }
  // vsv ≤ start population, in every cell
  cellen.forEach((cel, c) => {
    const v = nummer.vsv[c]!;
    const s = nummer.startpopulatie[c]!;
    if (v >= 0 && s >= 0) rijen.push({ kolommen: [v, s], coef: [1, -1], onder: -Infinity, boven: 0 });
    else if (v >= 0) grenzen[v] = { ...grenzen[v]!, boven: Math.min(grenzen[v]!.boven, cel.startpopulatie) };
    else if (s >= 0) grenzen[s] = { ...grenzen[s]!, onder: Math.max(grenzen[s]!.onder, cel.vsv) };
  });
  return { variabelen, grenzen, eisen, rijen };
}

function controleer(tabel: Publicatietabel, stand: Record<Tal, Uint8Array>, oplosser: Lpoplosser, controle: Controle, basis: Basisbereik): { cel: number; tal: Tal }[] {
  const m = aanvallersmodel(tabel, stand, oplosser, basis);
  const variabelen: Variabele[] = m.variabelen.map(({ cel, tal }) => {
    const c = tabel.cellen[cel]!;
    return { sleutel: `${tal}:${cel}`, cluster: `${c.niveau}|${c.gebied}`, eigenWaarde: c[tal], primair: stand[tal][cel] === PRIMAIR };
  });
  return controle.controleer(variabelen, m.grenzen, m.eisen, m.rijen).map((v) => m.variabelen[v]!);
}

/**
 * What the `<5` markers and the zeros alone tell about each `<5` value, before anything else
 * is published: a `<5` total of two `<5` parts is at least 2, and each part at most 3. That
 * is DUO's rule itself, which no secondary suppression can undo; what is required of the
 * pattern is that publishing everything else narrows no `<5` value beyond this. Bounds by
 * propagation over the relations whose members are all `<5` or 0 (a relation with any
 * other member says nothing about them on its own).
 */
export function basisbereik(tabel: Publicatietabel, stand: Record<Tal, Uint8Array>): Record<Tal, { onder: number; boven: number }[]> {
  const b = {} as Record<Tal, { onder: number; boven: number }[]>;
  const klein = {} as Record<Tal, Relatie[]>;
  for (const tal of TALLEN) {
    b[tal] = tabel.cellen.map((c, i) => (stand[tal][i] === PRIMAIR ? { onder: 1, boven: DREMPEL - 1 } : { onder: c[tal], boven: c[tal] }));
    const klein0 = (c: number) => stand[tal][c] === PRIMAIR || (stand[tal][c] === ZICHTBAAR && tabel.cellen[c]![tal] === 0);
    klein[tal] = tabel.relaties[tal].filter((r) => [r.geheel, ...r.delen].every(klein0)
      && [r.geheel, ...r.delen].some((c) => stand[tal][c] === PRIMAIR));
  }
  const beide = tabel.cellen.flatMap((_, i) => (stand.vsv[i] === PRIMAIR && stand.startpopulatie[i] === PRIMAIR ? [i] : []));
  let veranderd = true;
  const vernauw = (x: { onder: number; boven: number }, onder: number, boven: number) => {
    if (onder > x.onder) { x.onder = onder; veranderd = true; }
    if (boven < x.boven) { x.boven = boven; veranderd = true; }
  };
  for (let ronde = 0; veranderd && ronde < 100; ronde += 1) {
    veranderd = false;
    for (const tal of TALLEN) {
      const bt = b[tal];
      for (const r of klein[tal]) {
        const som = (f: 'onder' | 'boven', behalve = -1) => r.delen.reduce((t, d) => (d === behalve ? t : t + bt[d]![f]), 0);
        vernauw(bt[r.geheel]!, som('onder'), som('boven'));
        for (const d of r.delen) vernauw(bt[d]!, bt[r.geheel]!.onder - som('boven', d), bt[r.geheel]!.boven - som('onder', d));
      }
    }
    // vsv ≤ start population, where both are `<5`
    for (const i of beide) {
      vernauw(b.startpopulatie[i]!, b.vsv[i]!.onder, Infinity);
      vernauw(b.vsv[i]!, -Infinity, b.startpopulatie[i]!.boven);
    }
  }
  return b;
}

/**
 * The same as `basisbereik`, exactly: the linear programs over the `<5` values alone (the
 * relations of only `<5` and 0 members, and vsv ≤ start population), so that what DUO's
 * markers give away by themselves is never counted against the pattern.
 */
export function basisbereikLp(
  tabel: Publicatietabel, stand: Record<Tal, Uint8Array>, oplosser: Lpoplosser,
  /** ranges of an earlier call on the same table (after a fold most components are unchanged) */
  geheugen: Map<string, readonly Bereik[]> = new Map(),
): Record<Tal, { onder: number; boven: number }[]> {
  const b = basisbereik(tabel, stand);
  const nummer: Record<Tal, Map<number, number>> = { startpopulatie: new Map(), vsv: new Map() };
  const grenzen: Grens[] = [];
  const plek: { tal: Tal; cel: number }[] = [];
  for (const tal of TALLEN) {
    stand[tal].forEach((s, c) => {
      if (s !== PRIMAIR) return;
      nummer[tal].set(c, grenzen.push({ onder: 1, boven: DREMPEL - 1 }) - 1);
      plek.push({ tal, cel: c });
    });
  }
  const rijen: Lprij[] = [];
  for (const tal of TALLEN) {
    for (const r of tabel.relaties[tal]) {
      const klein = (c: number) => stand[tal][c] === PRIMAIR || (stand[tal][c] === ZICHTBAAR && tabel.cellen[c]![tal] === 0);
      if (!r.delen.every(klein)) continue;
      // A whole of 5 or more (visible or withheld, its class is known) over parts that are all
      // `<5` or 0: the parts add up to at least 5.
      // (a folded whole says nothing of its class)
      if (stand[tal][r.geheel] === GEVOUWEN) continue;
      const grootGeheel = !klein(r.geheel);
      const leden = grootGeheel ? r.delen : [r.geheel, ...r.delen];
      const kolommen: number[] = [];
      const coef: number[] = [];
      leden.forEach((c) => {
        const v = nummer[tal].get(c);
        if (v !== undefined) { kolommen.push(v); coef.push(c === r.geheel ? -1 : 1); }
      });
      if (kolommen.length > 0) rijen.push({ kolommen, coef, onder: grootGeheel ? DREMPEL : 0, boven: grootGeheel ? Infinity : 0 });
    }
  }
  for (const [c, v] of nummer.vsv) {
    const s = nummer.startpopulatie.get(c);
    if (s !== undefined) rijen.push({ kolommen: [v, s], coef: [1, -1], onder: -Infinity, boven: 0 });
  }
  const { bereik } = toets(grenzen, grenzen.map(() => 'niet-vast' as const), rijen, oplosser, true, undefined,
    { sleutels: plek.map((p) => `${p.tal}:${p.cel}`), bereik: geheugen });
  plek.forEach((p, v) => {
    b[p.tal][p.cel] = { onder: Math.ceil(bereik[v]!.min - 1e-6), boven: Math.floor(bereik[v]!.max + 1e-6) };
  });
  return b;
}
