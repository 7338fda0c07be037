import { percentage } from './telling/cijfers.js';

/**
 * Disclosure control for published figures (telling.md, "Disclosure control"): DUO's rule.
 * Without access to personal data a count of 1 to 4 is shown as `<5`, never its value, and
 * a percentage resting on fewer than 5 vsv'ers is not shown. Counts of 0 are shown.
 *
 * Access is a parameter, so that a later login can give an entitled user the exact values
 * through the very same function; every caller states the access level explicitly.
 */
export type Toegang = 'openbaar' | 'gerechtigd';

export const AFGESCHERMD = '<5' as const;

/** The smallest count that is shown as is: DUO's threshold. */
export const DREMPEL = 5;

export type Aantal = number | typeof AFGESCHERMD;

export interface GepubliceerdCijfer {
  /** null: withheld by secondary suppression (see `afschermingsreden`); only a cell of a breakdown */
  readonly startpopulatie: Aantal | null;
  readonly vsv: Aantal | null;
  /** two decimals, e.g. `25.00`; null when hidden or when there is no start population */
  readonly percentage: string | null;
  /** true when any part of this figure was withheld */
  readonly afgeschermd: boolean;
  /** only present when a count is null: why it is not shown */
  readonly afschermingsreden?: typeof SECUNDAIR_AFGESCHERMD;
}

export function publiceerAantal(aantal: number, toegang: Toegang): Aantal {
  if (toegang === 'gerechtigd') return aantal;
  return aantal >= 1 && aantal < DREMPEL ? AFGESCHERMD : aantal;
}

/**
 * The percentage is hidden whenever it rests on fewer than 5 vsv'ers, including 0: the rule
 * names the number of vsv'ers, not the start population, so 0 of 3 is as revealing as 1 of 3.
 */
export function publiceerPercentage(vsv: number, startpopulatie: number, toegang: Toegang): string | null {
  if (startpopulatie === 0) return null;
  if (toegang === 'openbaar' && vsv < DREMPEL) return null;
  return percentage(vsv, startpopulatie);
}

/**
 * The published form of a figure. `secundair` (from `secundaireAfscherming`) says which
 * counts of a cell of a breakdown are withheld to protect another cell: those become null,
 * and then the percentage is withheld too, since with the other count it would give the
 * withheld one back.
 */
export function publiceerCijfer(
  cijfer: { startpopulatie: number; vsv: number }, toegang: Toegang, secundair: Celafscherming = NIET_SECUNDAIR,
): GepubliceerdCijfer {
  const aanvullend = toegang === 'openbaar' && (secundair.startpopulatie || secundair.vsv);
  const startpopulatie = aanvullend && secundair.startpopulatie ? null : publiceerAantal(cijfer.startpopulatie, toegang);
  const vsv = aanvullend && secundair.vsv ? null : publiceerAantal(cijfer.vsv, toegang);
  const pct = aanvullend ? null : publiceerPercentage(cijfer.vsv, cijfer.startpopulatie, toegang);
  const afgeschermd = startpopulatie !== cijfer.startpopulatie || vsv !== cijfer.vsv
    || (pct === null && cijfer.startpopulatie > 0);
  return aanvullend
    ? { startpopulatie, vsv, percentage: pct, afgeschermd, afschermingsreden: SECUNDAIR_AFGESCHERMD }
    : { startpopulatie, vsv, percentage: pct, afgeschermd };
}

/**
 * Anything derived from a hidden percentage (such as whether a norm was met) would reveal
 * part of it, so it is withheld together with the percentage.
 */
export function publiceerAfgeleide<T>(waarde: T, cijfer: GepubliceerdCijfer): T | typeof AFGESCHERMD_OORDEEL {
  return cijfer.percentage === null ? AFGESCHERMD_OORDEEL : waarde;
}

export const AFGESCHERMD_OORDEEL = 'afgeschermd' as const;

// ----------------------------------------------------------------------------- secondary suppression

/**
 * Secondary (complementary) suppression: an addition to DUO's rule, not in telling.md.
 *
 * Totals are published exactly and a breakdown lists every cell, so when exactly one cell
 * of a breakdown is `<5`, the total minus the visible cells gives its value. Within a
 * breakdown whose cells add up to its total, further visible cells are therefore withheld
 * until no withheld value can be pinned down from what is published:
 *
 * - what a reader knows: the total (exact, or 1–4 when it is `<5` itself), every visible
 *   cell, that a `<5` cell is 1–4, that a secondarily withheld cell is at least 5 (only
 *   visible non-zero cells are chosen, and those are 5 or more), that the cells add up to
 *   the total, and that a cell never has more vsv'ers than start population;
 * - from that, bounds are narrowed for every withheld value (interval propagation over the
 *   sums and over vsv ≤ startpopulatie, both counts together); a value is pinned down when
 *   its lower and upper bound meet;
 * - while a value is pinned down, visible non-zero cells are withheld too: the fewest that
 *   end it, with the smallest sum (one cell if one is enough: the smallest one that is;
 *   up to three at once), else the smallest one that pins fewer values down, and again.
 *   Ties: a cell `onbekend` first (it says least), then the order of the breakdown, vsv
 *   before start population. Zero cells are never withheld: they are shown, as DUO's rule says.
 * - a breakdown can be beyond repair for a reader who knows these bounds: two cells of 4
 *   making a total of 8, or 1 + 5 = 6 (the withheld 5 is at least 5, so the other is 1).
 *   Only withholding the total would help, and totals are published exactly (and elsewhere
 *   too). Such a breakdown is still never left to plain subtraction: a visible total with a
 *   single withheld cell always gets a second one.
 *
 * Counts withheld this way are published as null with `afschermingsreden`, never as a
 * number, and the percentage of such a cell is withheld too.
 */
export const SECUNDAIR_AFGESCHERMD = 'secundair afgeschermd' as const;

/** A cell of a breakdown; `waarde` only matters when it is `onbekend` (preferred on ties). */
export interface Cel {
  readonly waarde?: string;
  readonly startpopulatie: number;
  readonly vsv: number;
}

/** Per count of a cell: true when it is withheld to protect another cell (secondary suppression). */
export interface Celafscherming {
  readonly startpopulatie: boolean;
  readonly vsv: boolean;
}

export const NIET_SECUNDAIR: Celafscherming = Object.freeze({ startpopulatie: false, vsv: false });

type Tal = 'startpopulatie' | 'vsv';
const TALLEN: readonly Tal[] = ['vsv', 'startpopulatie'];
type Stand = 'zichtbaar' | 'primair' | 'secundair';
type Standen = Record<Tal, Stand[]>;

/** Variables (totals, subtotals, cells) and the sums a reader knows: `geheel` = Σ `delen`. */
interface Model {
  readonly waarden: readonly Cel[];
  readonly vergelijkingen: Record<Tal, readonly { geheel: number; delen: readonly number[] }[]>;
}

const ONBEKEND = 'onbekend';
const MAX_RONDEN = 1000;

function primairVerborgen(n: number): boolean {
  return n >= 1 && n < DREMPEL;
}

function maakModel(waarden: readonly Cel[], sommen: readonly { geheel: number; delen: readonly number[] }[]): Model {
  // A sum that does not hold (cells that are no partition of their total) tells a reader
  // nothing exact, so it is left out of the model for that count.
  const geldig = (tal: Tal) => sommen.filter((s) => s.delen.reduce((t, d) => t + waarden[d]![tal], 0) === waarden[s.geheel]![tal]);
  return { waarden, vergelijkingen: { vsv: geldig('vsv'), startpopulatie: geldig('startpopulatie') } };
}

/** Bounds of every value as a reader can narrow them from what is published. */
function bereiken(model: Model, standen: Standen): Record<Tal, { lo: number; hi: number }[]> {
  const b = {} as Record<Tal, { lo: number; hi: number }[]>;
  for (const tal of TALLEN) {
    b[tal] = model.waarden.map((w, i) => {
      const stand = standen[tal][i]!;
      if (stand === 'zichtbaar') return { lo: w[tal], hi: w[tal] };
      return stand === 'primair' ? { lo: 1, hi: DREMPEL - 1 } : { lo: DREMPEL, hi: Infinity };
    });
  }
  let veranderd = true;
  const vernauw = (r: { lo: number; hi: number }, lo: number, hi: number) => {
    if (lo > r.lo) { r.lo = lo; veranderd = true; }
    if (hi < r.hi) { r.hi = hi; veranderd = true; }
  };
  for (let ronde = 0; veranderd && ronde < MAX_RONDEN; ronde += 1) {
    veranderd = false;
    for (const tal of TALLEN) {
      const r = b[tal];
      for (const { geheel, delen } of model.vergelijkingen[tal]) {
        const g = r[geheel]!;
        vernauw(g, delen.reduce((t, d) => t + r[d]!.lo, 0), delen.reduce((t, d) => t + r[d]!.hi, 0));
        // The sum of the other parts as the sum of all minus this one (linear, not quadratic, in
        // the parts: a table of 40 regions has sums of 40). Upper bounds may be infinite, so they
        // are summed as a finite part and a count of infinite ones. Lower bounds are always finite.
        let somLo = 0;
        let somHi = 0;
        let oneindig = 0;
        for (const d of delen) {
          somLo += r[d]!.lo;
          if (r[d]!.hi === Infinity) oneindig += 1;
          else somHi += r[d]!.hi;
        }
        for (const d of delen) {
          const eigen = r[d]!;
          const andereLo = somLo - eigen.lo;
          const andereHi = oneindig - (eigen.hi === Infinity ? 1 : 0) > 0 ? Infinity : somHi - (eigen.hi === Infinity ? 0 : eigen.hi);
          const voorLo = eigen.lo;
          const voorHi = eigen.hi;
          vernauw(eigen, g.lo - andereHi, g.hi - andereLo);
          // keep the sums true for the parts after this one
          somLo += eigen.lo - voorLo;
          if (voorHi === Infinity && eigen.hi !== Infinity) { oneindig -= 1; somHi += eigen.hi; } else if (voorHi !== Infinity) somHi += eigen.hi - voorHi;
        }
      }
    }
    model.waarden.forEach((_, i) => {
      vernauw(b.vsv[i]!, -Infinity, b.startpopulatie[i]!.hi);
      vernauw(b.startpopulatie[i]!, b.vsv[i]!.lo, Infinity);
    });
  }
  return b;
}

/** The withheld values that a reader can pin down, as `tal:index`. */
function vastgepind(model: Model, standen: Standen): string[] {
  const b = bereiken(model, standen);
  const uit: string[] = [];
  for (const tal of TALLEN) {
    standen[tal].forEach((stand, i) => {
      if (stand !== 'zichtbaar' && b[tal][i]!.lo === b[tal][i]!.hi) uit.push(`${tal}:${i}`);
    });
  }
  return uit;
}

interface Kandidaat {
  tal: Tal;
  index: number;
  waarde: number;
}

function met(standen: Standen, extra: readonly Kandidaat[]): Standen {
  const uit: Standen = { vsv: [...standen.vsv], startpopulatie: [...standen.startpopulatie] };
  for (const k of extra) uit[k.tal][k.index] = 'secundair';
  return uit;
}

/** Combinations of `k` of `n` (indices, ascending), in lexicographic order. */
function* combinaties(n: number, k: number, van = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = van; i <= n - k; i += 1) for (const rest of combinaties(n, k - 1, i + 1)) yield [i, ...rest];
}

/** At most this many further cells are withheld at once to find a protected breakdown. */
const MAX_TEGELIJK = 3;

/**
 * Withholds further cells (among `kiesbaar`) until no withheld value can be pinned down:
 * the fewest cells that do it, with the smallest sum (so a single cell: the smallest one
 * that is enough); when no set of up to three does, the first cell that pins fewer values
 * down, and again. Stops when nothing helps any more (see the comment on the rule above).
 */
function bescherm(model: Model, begin: Standen, kiesbaar: readonly number[], maxTegelijk = MAX_TEGELIJK): Standen {
  let standen = begin;
  for (;;) {
    const nu = vastgepind(model, standen);
    if (nu.length === 0) return standen;
    const kandidaten: Kandidaat[] = [];
    for (const index of kiesbaar) {
      for (const tal of TALLEN) {
        const waarde = model.waarden[index]![tal];
        if (standen[tal][index] === 'zichtbaar' && waarde > 0) kandidaten.push({ tal, index, waarde });
      }
    }
    const onbekend = (k: Kandidaat) => (model.waarden[k.index]!.waarde === ONBEKEND ? 0 : 1);
    kandidaten.sort((x, y) => x.waarde - y.waarde || onbekend(x) - onbekend(y) || x.index - y.index
      || TALLEN.indexOf(x.tal) - TALLEN.indexOf(y.tal));
    let keuze: Kandidaat[] | undefined;
    for (let k = 1; k <= Math.min(maxTegelijk, kandidaten.length) && !keuze; k += 1) {
      let som = Infinity;
      for (const c of combinaties(kandidaten.length, k)) {
        const extra = c.map((i) => kandidaten[i]!);
        const s = extra.reduce((t, e) => t + e.waarde, 0);
        if (s < som && vastgepind(model, met(standen, extra)).length === 0) {
          keuze = extra;
          som = s;
        }
      }
    }
    if (!keuze) {
      const minder = kandidaten.find((k) => vastgepind(model, met(standen, [k])).length < nu.length);
      if (minder) keuze = [minder];
    }
    if (!keuze) {
      // Beyond repair for a reader who knows the bounds (1 + 5 = 6 gives the 1 away), but at
      // least no value is left to plain subtraction: a visible sum with one withheld part.
      const enkel = kandidaten.find((k) => model.vergelijkingen[k.tal].some((v) => v.delen.includes(k.index)
        && standen[k.tal][v.geheel] === 'zichtbaar' && v.delen.filter((d) => standen[k.tal][d] !== 'zichtbaar').length === 1));
      if (enkel) keuze = [enkel];
    }
    if (!keuze) return standen;
    standen = met(standen, keuze);
  }
}

function beginstanden(waarden: readonly Cel[]): Standen {
  return {
    vsv: waarden.map((w) => (primairVerborgen(w.vsv) ? 'primair' : 'zichtbaar')),
    startpopulatie: waarden.map((w) => (primairVerborgen(w.startpopulatie) ? 'primair' : 'zichtbaar')),
  };
}

const alsAfscherming = (standen: Standen, i: number): Celafscherming => ({
  startpopulatie: standen.startpopulatie[i] === 'secundair',
  vsv: standen.vsv[i] === 'secundair',
});

function vlakkeStanden(cellen: readonly Cel[], totaal: Cel): { model: Model; standen: Standen } {
  const model = maakModel([totaal, ...cellen], [{ geheel: 0, delen: cellen.map((_, i) => i + 1) }]);
  const kiesbaar = cellen.map((_, i) => i + 1);
  return { model, standen: bescherm(model, beginstanden(model.waarden), kiesbaar) };
}

/**
 * Secondary suppression of one breakdown whose cells together make up `totaal` (sex, age
 * group, sector): per cell, which counts are withheld on top of DUO's rule.
 */
export function secundaireAfscherming(cellen: readonly Cel[], totaal: Cel, toegang: Toegang): Celafscherming[] {
  if (toegang === 'gerechtigd') return cellen.map(() => NIET_SECUNDAIR);
  const { standen } = vlakkeStanden(cellen, totaal);
  return cellen.map((_, i) => alsAfscherming(standen, i + 1));
}

/**
 * Secondary suppression of a breakdown nested in another one that is published too: the
 * categories within their sectors. The groups (sectors) are protected against the total
 * first, exactly as `secundaireAfscherming` does for the sector breakdown, so both agree;
 * then further cells within the groups are withheld until neither a cell nor a group's
 * withheld subtotal can be pinned down. Only cells are chosen, never a group.
 */
export function secundaireAfschermingGenest(groepen: readonly (readonly Cel[])[], totaal: Cel, toegang: Toegang): Celafscherming[][] {
  if (toegang === 'gerechtigd') return groepen.map((g) => g.map(() => NIET_SECUNDAIR));
  const subtotalen = groepen.map((g): Cel => ({
    startpopulatie: g.reduce((t, c) => t + c.startpopulatie, 0), vsv: g.reduce((t, c) => t + c.vsv, 0),
  }));
  const boven = vlakkeStanden(subtotalen, totaal).standen;
  // Variables: 0 the total, 1..k the groups, then the cells of every group in turn.
  const waarden: Cel[] = [totaal, ...subtotalen];
  const sommen: { geheel: number; delen: number[] }[] = [{ geheel: 0, delen: subtotalen.map((_, i) => i + 1) }];
  const plekken = groepen.map((g, gi) => {
    const delen = g.map((c) => waarden.push(c) - 1);
    sommen.push({ geheel: gi + 1, delen });
    return delen;
  });
  const model = maakModel(waarden, sommen);
  const begin = beginstanden(waarden);
  for (const tal of TALLEN) for (let i = 0; i <= subtotalen.length; i += 1) begin[tal][i] = boven[tal][i]!;
  const standen = bescherm(model, begin, plekken.flat());
  return plekken.map((delen) => delen.map((i) => alsAfscherming(standen, i)));
}

/** What `secundaireAfschermingTabel` withholds: of the row totals, the column totals and the cells. */
export interface Tabelafscherming {
  readonly rijen: Celafscherming[];
  readonly kolommen: Celafscherming[];
  readonly cellen: Celafscherming[][];
}

/**
 * Secondary suppression of a two-way table whose every part is published: the cells (a
 * region's absence reports by type), the row totals (the regions' totals), the column totals
 * (the national reports by type) and the grand total. A reader then knows two sums per cell:
 * along its row and along its column. The rows and the columns are first protected against the
 * grand total exactly as `secundaireAfscherming` protects them as flat breakdowns (so the
 * regions list and the national breakdown agree with this table); then further cells are
 * withheld until no withheld value, cell or total, can be pinned down from all the sums at once.
 * Only cells are chosen, one at a time (the search over pairs and triples of `bescherm` is too
 * slow on a table of 40 regions); the rule and its limits are otherwise those of the breakdowns.
 */
export function secundaireAfschermingTabel(
  cellen: readonly (readonly Cel[])[], totaal: Cel, toegang: Toegang,
  /** per row: its total is withheld elsewhere (secondary suppression of another breakdown), instead of protecting the rows here */
  rijenElders?: readonly Celafscherming[],
): Tabelafscherming {
  const kolommenAantal = Math.max(0, ...cellen.map((r) => r.length));
  if (toegang === 'gerechtigd') {
    return { rijen: cellen.map(() => NIET_SECUNDAIR), kolommen: Array.from({ length: kolommenAantal }, () => NIET_SECUNDAIR), cellen: cellen.map((r) => r.map(() => NIET_SECUNDAIR)) };
  }
  const som = (cs: readonly Cel[]): Cel => ({ startpopulatie: cs.reduce((t, c) => t + c.startpopulatie, 0), vsv: cs.reduce((t, c) => t + c.vsv, 0) });
  const rijtotalen = cellen.map(som);
  const kolomtotalen = Array.from({ length: kolommenAantal }, (_, j) => som(cellen.map((r) => r[j] ?? { startpopulatie: 0, vsv: 0 })));
  const rijenBoven = vlakkeStanden(rijtotalen, totaal).standen;
  const kolommenBoven = vlakkeStanden(kolomtotalen, totaal).standen;
  // Variables: 0 the total, then the rows, the columns, and the cells row by row.
  const waarden: Cel[] = [totaal, ...rijtotalen, ...kolomtotalen];
  const rijIndex = (i: number) => 1 + i;
  const kolomIndex = (j: number) => 1 + rijtotalen.length + j;
  const plekken = cellen.map((r) => Array.from({ length: kolommenAantal }, (_, j) => waarden.push(r[j] ?? { startpopulatie: 0, vsv: 0 }) - 1));
  const sommen = [
    { geheel: 0, delen: rijtotalen.map((_, i) => rijIndex(i)) },
    { geheel: 0, delen: kolomtotalen.map((_, j) => kolomIndex(j)) },
    ...plekken.map((delen, i) => ({ geheel: rijIndex(i), delen })),
    ...kolomtotalen.map((_, j) => ({ geheel: kolomIndex(j), delen: plekken.map((r) => r[j]!) })),
  ];
  const model = maakModel(waarden, sommen);
  const begin = beginstanden(waarden);
  for (const tal of TALLEN) {
    rijtotalen.forEach((_, i) => {
      begin[tal][rijIndex(i)] = rijenElders ? (rijenElders[i]?.[tal] ? 'secundair' : begin[tal][rijIndex(i)]!) : rijenBoven[tal][i + 1]!;
    });
    kolomtotalen.forEach((_, j) => { begin[tal][kolomIndex(j)] = kolommenBoven[tal][j + 1]!; });
  }
  const standen = bescherm(model, begin, plekken.flat(), 1);
  return {
    rijen: rijtotalen.map((_, i) => alsAfscherming(standen, rijIndex(i))),
    kolommen: kolomtotalen.map((_, j) => alsAfscherming(standen, kolomIndex(j))),
    cellen: plekken.map((r) => r.map((i) => alsAfscherming(standen, i))),
  };
}

/**
 * The withheld values of a two-way table, as published with `afscherming`, that a reader can
 * still pin down from all its sums (see `secundaireAfschermingTabel`); empty when it is protected.
 */
export function herleidbaarInTabel(cellen: readonly (readonly Cel[])[], totaal: Cel, afscherming: Tabelafscherming): string[] {
  const kolommenAantal = Math.max(0, ...cellen.map((r) => r.length));
  const som = (cs: readonly Cel[]): Cel => ({ startpopulatie: cs.reduce((t, c) => t + c.startpopulatie, 0), vsv: cs.reduce((t, c) => t + c.vsv, 0) });
  const rijtotalen = cellen.map(som);
  const kolomtotalen = Array.from({ length: kolommenAantal }, (_, j) => som(cellen.map((r) => r[j] ?? { startpopulatie: 0, vsv: 0 })));
  const waarden: Cel[] = [totaal, ...rijtotalen, ...kolomtotalen];
  const plekken = cellen.map((r) => Array.from({ length: kolommenAantal }, (_, j) => waarden.push(r[j] ?? { startpopulatie: 0, vsv: 0 }) - 1));
  const model = maakModel(waarden, [
    { geheel: 0, delen: rijtotalen.map((_, i) => 1 + i) },
    { geheel: 0, delen: kolomtotalen.map((_, j) => 1 + rijtotalen.length + j) },
    ...plekken.map((delen, i) => ({ geheel: 1 + i, delen })),
    ...kolomtotalen.map((_, j) => ({ geheel: 1 + rijtotalen.length + j, delen: plekken.map((r) => r[j]!) })),
  ]);
  const standen = beginstanden(waarden);
  const zet = (i: number, a: Celafscherming) => { for (const tal of TALLEN) if (a[tal]) standen[tal][i] = 'secundair'; };
  afscherming.rijen.forEach((a, i) => zet(1 + i, a));
  afscherming.kolommen.forEach((a, j) => zet(1 + rijtotalen.length + j, a));
  afscherming.cellen.forEach((r, i) => r.forEach((a, j) => zet(plekken[i]![j]!, a)));
  return vastgepind(model, standen);
}

/**
 * The withheld values of one breakdown, as published with `afscherming`, that a reader can
 * still pin down from the total, the visible cells and the bounds above; as
 * `{ cel, tal }` (`cel` -1 is the total). Empty when the breakdown is protected.
 */
export function herleidbaar(cellen: readonly Cel[], totaal: Cel, afscherming: readonly Celafscherming[]): { cel: number; tal: Tal }[] {
  const model = maakModel([totaal, ...cellen], [{ geheel: 0, delen: cellen.map((_, i) => i + 1) }]);
  const standen = beginstanden(model.waarden);
  afscherming.forEach((a, i) => {
    for (const tal of TALLEN) if (a[tal]) standen[tal][i + 1] = 'secundair';
  });
  return vastgepind(model, standen).map((s) => {
    const [tal, i] = s.split(':') as [Tal, string];
    return { cel: Number(i) - 1, tal };
  });
}
