import { CATEGORIEEN, SECTOREN, sectorVan, type Categorie } from '../telling/startpopulatie.js';
import { LANDELIJK, ONBEKEND_GESLACHT, type Niveau } from '../telling/cijfers.js';
import { LEERWEGEN } from '../telling/beoordeling.js';

/**
 * The publication table of one count run: every cell the API can publish, and the linear
 * relations between them that a reader knows (`geheel` = Σ `delen`). Suppression
 * (`patroon.ts`) decides on this table as a whole, so that every answer is cut from one
 * pattern instead of each answer being protected on its own.
 *
 * A relation is a plain list of cell indices, so a new published sum (a three-year figure:
 * a cell of a table built over three runs, with `delen` the same cell in each run) is one
 * more relation; nothing else changes.
 */
export type Tal = 'startpopulatie' | 'vsv';
export const TALLEN: readonly Tal[] = ['startpopulatie', 'vsv'];

export interface Tabelcel {
  readonly niveau: Niveau;
  readonly gebied: string;
  readonly dimensie: string;
  readonly waarde: string;
  readonly startpopulatie: number;
  readonly vsv: number;
}

export interface Relatie {
  readonly geheel: number;
  readonly delen: readonly number[];
  /** what it says, for messages: e.g. `rmc 19 = Σ gemeenten` */
  readonly soort: string;
}

export interface Publicatietabel {
  readonly cellen: readonly Tabelcel[];
  /** per count: the relations that hold in the stored figures of that count */
  readonly relaties: Record<Tal, readonly Relatie[]>;
  /** relations of the structure that do not hold in the stored figures (left out, see `bouwTabel`) */
  readonly nietGeldig: readonly { relatie: Relatie; tal: Tal }[];
}

export function celsleutel(niveau: string, gebied: string, dimensie: string, waarde: string): string {
  return `${niveau}|${gebied}|${dimensie}|${waarde}`;
}

/** The values every area lists for a breakdown, also when nobody falls in them (0 of 0). */
export const VASTE_WAARDEN = {
  sector: SECTOREN as readonly string[],
  categorie: CATEGORIEEN as readonly string[],
  /** mbo only: together they make the mbo sector (docs/rules/leerweg.md) */
  leerweg: LEERWEGEN as readonly string[],
  leeftijdsgroep: ['<18', '18+'],
  geslacht: ['M', 'V', 'X', ONBEKEND_GESLACHT],
} as const;
export type Uitsplitsing = keyof typeof VASTE_WAARDEN;
export const UITSPLITSINGEN = Object.keys(VASTE_WAARDEN) as Uitsplitsing[];

/**
 * The breakdowns a municipality publishes: none, its total only (a rule on the structure, the
 * same for every municipality and every value, so replaying it tells nothing).
 *
 * Why: a region's breakdown minus its municipalities' breakdowns gave withheld values back, and
 * protecting 340 municipalities × 27 cells per count made the attacker's programs too large to
 * solve at national scale. Not publishing a breakdown for any municipality of a region takes those
 * cells out of the attacker's reach altogether: given a region's breakdown and its municipalities'
 * totals, there is always a non-negative table of municipality × value with those sums (a
 * transport problem: the north-west corner rule fills it; for the two counts, fill the vsv'ers
 * first and then the others, so vsv ≤ start population holds in every cell), so the unpublished
 * cells add no knowledge beyond the totals, and leaving them out of the model is exact.
 * `test/api/aanvaller.test.ts` checks it by solving the full structure as well.
 */
export const GEMEENTE_UITSPLITSINGEN: readonly Uitsplitsing[] = [];

/** A stored figure of a run: the same shape as a cell of the table. */
export type Rij = Tabelcel;

export interface Opbouw {
  /** the stored figures of the run (dimension `reden` is never published and is ignored) */
  readonly rijen: readonly Rij[];
  /** the RMC classification of the run's school year: municipality → region */
  readonly gemeenteNaarRmc: ReadonlyMap<string, string>;
  /** delivered locations per institution (BRIN → location codes) */
  readonly vestigingen: ReadonlyMap<string, readonly string[]>;
}

export const ONBEKEND = 'onbekend';

const isCategorie = (w: string): w is Categorie => (CATEGORIEEN as readonly string[]).includes(w);

/**
 * Builds the table: the cells the API publishes (see the routes: areas with every fixed value
 * of every breakdown; institutions with their sectors and the categories they have pupils in;
 * locations with theirs) and the relations:
 * - within each area, institution and location: total = Σ each breakdown; sector = Σ its categories;
 *   the mbo sector = Σ learning paths;
 * - national = Σ regions and region = Σ its municipalities, per cell of every breakdown;
 * - institution = Σ its locations, for the total and per category.
 * A relation that does not hold in the stored figures of a count (a municipality attributed
 * elsewhere than the classification says) is no exact knowledge for a reader and is left out
 * for that count, listed in `nietGeldig`.
 */
export function bouwTabel(opbouw: Opbouw, opties: { gemeenteUitsplitsingen?: readonly Uitsplitsing[] } = {}): Publicatietabel {
  const gemeenteUitsplitsingen = opties.gemeenteUitsplitsingen ?? GEMEENTE_UITSPLITSINGEN;
  const cellen: Tabelcel[] = [];
  const index = new Map<string, number>();
  const perGebied = new Map<string, Map<string, Rij>>();
  for (const r of opbouw.rijen) {
    if (r.dimensie === 'reden') continue;
    const g = `${r.niveau}|${r.gebied}`;
    let m = perGebied.get(g);
    if (!m) perGebied.set(g, (m = new Map()));
    m.set(`${r.dimensie}|${r.waarde}`, r);
  }
  const cel = (niveau: Niveau, gebied: string, dimensie: string, waarde: string): number => {
    const sleutel = celsleutel(niveau, gebied, dimensie, waarde);
    let i = index.get(sleutel);
    if (i === undefined) {
      const r = perGebied.get(`${niveau}|${gebied}`)?.get(`${dimensie}|${waarde}`);
      i = cellen.push({ niveau, gebied, dimensie, waarde, startpopulatie: r?.startpopulatie ?? 0, vsv: r?.vsv ?? 0 }) - 1;
      index.set(sleutel, i);
    }
    return i;
  };
  const gevonden = (niveau: Niveau, gebied: string, dimensie: string) =>
    [...(perGebied.get(`${niveau}|${gebied}`)?.values() ?? [])].filter((r) => r.dimensie === dimensie).map((r) => r.waarde);
  const gebiedenVan = (niveau: Niveau) => [...perGebied.keys()].filter((k) => k.startsWith(`${niveau}|`)).map((k) => k.slice(niveau.length + 1));

  const structuur: Relatie[] = [];
  const relatie = (geheel: number, delen: number[], soort: string) => { if (delen.length > 0) structuur.push({ geheel, delen, soort }); };

  /** The cells of one unit and its internal relations; returns the cell per `dimensie|waarde`. */
  const eenheid = (niveau: Niveau, gebied: string, dimensies: readonly Uitsplitsing[], vast: boolean): Map<string, number> => {
    const uit = new Map<string, number>();
    const totaal = cel(niveau, gebied, 'totaal', 'totaal');
    uit.set('totaal|totaal', totaal);
    for (const d of dimensies) {
      const vaste: readonly string[] = vast || d === 'sector' || d === 'leerweg' ? VASTE_WAARDEN[d] : [];
      const waarden = [...vaste, ...gevonden(niveau, gebied, d).filter((w) => !vaste.includes(w)).sort()];
      const delen = waarden.map((w) => {
        const i = cel(niveau, gebied, d, w);
        uit.set(`${d}|${w}`, i);
        return i;
      });
      // the learning paths make up the mbo sector, every other breakdown the total
      if (d === 'leerweg') {
        const mbo = uit.get('sector|mbo') ?? cel(niveau, gebied, 'sector', 'mbo');
        relatie(mbo, delen, `${niveau} ${gebied}: mbo = Σ leerweg`);
      } else relatie(totaal, delen, `${niveau} ${gebied}: totaal = Σ ${d}`);
    }
    if (dimensies.includes('sector') && dimensies.includes('categorie')) {
      for (const s of SECTOREN) {
        const delen = [...uit.entries()].filter(([k]) => k.startsWith('categorie|') && isCategorie(k.slice(10)) && sectorVan(k.slice(10) as Categorie) === s)
          .map(([, i]) => i);
        relatie(uit.get(`sector|${s}`)!, delen, `${niveau} ${gebied}: ${s} = Σ categorieën`);
      }
    }
    return uit;
  };
  const hierarchie = (boven: Map<string, number>, onder: readonly Map<string, number>[], soort: string) => {
    for (const [k, geheel] of boven) {
      relatie(geheel, onder.flatMap((o) => (o.has(k) ? [o.get(k)!] : [])), `${soort} (${k})`);
    }
  };

  // Areas: national and regions with every fixed value of every breakdown; municipalities as GEMEENTE_UITSPLITSINGEN says.
  const gemeenten = [...new Set([...opbouw.gemeenteNaarRmc.keys(), ...gebiedenVan('gemeente')])].sort();
  const rmcVan = (g: string) => opbouw.gemeenteNaarRmc.get(g) ?? ONBEKEND;
  const regios = [...new Set([...opbouw.gemeenteNaarRmc.values(), ...gebiedenVan('rmc')])].sort();
  const nl = eenheid('landelijk', LANDELIJK, UITSPLITSINGEN, true);
  const perRegio = new Map(regios.map((r) => [r, eenheid('rmc', r, UITSPLITSINGEN, true)]));
  // A municipality publishes its total only (GEMEENTE_UITSPLITSINGEN): see there why.
  const perGemeente = new Map(gemeenten.map((g) => [g, eenheid('gemeente', g, gemeenteUitsplitsingen, true)]));
  hierarchie(nl, [...perRegio.values()], 'landelijk = Σ regio\'s');
  for (const [r, cellenR] of perRegio) {
    hierarchie(cellenR, gemeenten.filter((g) => rmcVan(g) === r).map((g) => perGemeente.get(g)!), `rmc ${r} = Σ gemeenten`);
  }

  // Institutions and their locations (a pupil counts at every institution, so no relation to areas).
  const brins = [...new Set([...opbouw.vestigingen.keys(), ...gebiedenVan('instelling')])].sort();
  const vestigingenInCijfers = gebiedenVan('vestiging');
  for (const brin of brins) {
    const inst = eenheid('instelling', brin, ['sector', 'categorie', 'leerweg'], false);
    const codes = [...new Set([...(opbouw.vestigingen.get(brin) ?? []).map((v) => `${brin}-${v}`),
      ...vestigingenInCijfers.filter((v) => v.startsWith(`${brin}-`))])].sort();
    const vest = codes.map((v) => eenheid('vestiging', v, ['categorie'], false));
    hierarchie(new Map([...inst].filter(([k]) => !k.startsWith('sector|') && !k.startsWith('leerweg|'))), vest, `instelling ${brin} = Σ vestigingen`);
  }

  return geldigeRelaties(cellen, structuur);
}

/**
 * The table of these cells with the relations of the structure that hold in them, per count; a
 * relation that does not hold in the stored figures is no exact knowledge for a reader and is
 * listed in `nietGeldig` instead.
 */
export function geldigeRelaties(cellen: readonly Tabelcel[], structuur: readonly Relatie[]): Publicatietabel {
  const relaties = { startpopulatie: [] as Relatie[], vsv: [] as Relatie[] };
  const nietGeldig: { relatie: Relatie; tal: Tal }[] = [];
  for (const r of structuur) {
    for (const tal of TALLEN) {
      const som = r.delen.reduce((t, d) => t + cellen[d]![tal], 0);
      if (som === cellen[r.geheel]![tal]) relaties[tal].push(r);
      else nietGeldig.push({ relatie: r, tal });
    }
  }
  return { cellen, relaties, nietGeldig };
}
