import type { Static } from '@sinclair/typebox';
import { leesGebiedscijfers, type Indelingsrij } from '../../db/cijfers.js';
import { Telcijfer } from '../openbaarmaking.js';
import type { Gegevens } from '../gegevens.js';
import type { Db } from '../../db/database.js';
import { methodewijzigingIn } from '../../domain/beleid.js';
import type { GepubliceerdCijfer, Toegang } from '../../domain/openbaarmaking.js';
import { LANDELIJK, type Niveau } from '../../domain/telling/cijfers.js';
import type { Status } from '../../domain/telling/uitsluitingen.js';
import type { CsvTabel } from '../csv.js';
import { DIMENSIES_GEBIED, normcategorieen, normsamenvatting, totaalVan, uitsplitsingen, UITSPLITSINGEN } from '../figures.js';
import { runsPerJaar, tellingInfo, type Runcatalogus } from '../runs.js';
import type { InstellingMetNormen, Telling, Trendpunt, Uitsplitsingen, Vestigingscijfer } from '../schemas.js';
import { CIJFERKOLOMMEN, NORMKOLOMMEN, NORMSAMENVATTINGKOLOMMEN, TELLINGKOLOMMEN, cijferCellen, normCellen, tabel, tellingCellen } from './common.js';

/**
 * What a region and a municipality page share: figures of an area with their breakdowns,
 * the national figures beside them, the trend over all school years and the school
 * locations in the area.
 */
export const ONBEKEND = 'onbekend';

export function gebiedsnaam(code: string, naam: string | undefined): string {
  if (code === ONBEKEND) return 'Onbekend (geen woongemeente of regio bekend)';
  return naam ?? code;
}

export async function gebiedMetLandelijk(db: Db, runId: number, niveau: Niveau, code: string) {
  const [eigen, nl] = await Promise.all([
    leesGebiedscijfers(db, [runId], niveau, [code], DIMENSIES_GEBIED),
    leesGebiedscijfers(db, [runId], 'landelijk', [LANDELIJK], DIMENSIES_GEBIED),
  ]);
  return {
    gevonden: eigen.length > 0,
    totaal: totaalVan(eigen),
    uitsplitsingen: uitsplitsingen(eigen),
    landelijk: { totaal: totaalVan(nl), uitsplitsingen: uitsplitsingen(nl) },
  };
}

export async function trendVan(db: Db, cat: Runcatalogus, status: Status | undefined, niveau: Niveau, code: string) {
  const runs = runsPerJaar(cat, status);
  const ids = runs.map((r) => r.id);
  const [eigen, nl] = await Promise.all([
    leesGebiedscijfers(db, ids, niveau, [code], ['totaal']),
    leesGebiedscijfers(db, ids, 'landelijk', [LANDELIJK], ['totaal']),
  ]);
  return runs.map((run) => ({
    schooljaar: run.schooljaar,
    telling: tellingInfo(cat, run),
    cijfer: totaalVan(eigen.filter((c) => c.run_id === run.id)),
    landelijk: totaalVan(nl.filter((c) => c.run_id === run.id)),
    methodewijziging: methodewijzigingIn(run.schooljaar),
  }));
}

/** The school locations in some municipalities with their total figure of the run (locations without pupils left out). */
export async function vestigingenIn(db: Db, gegevens: Gegevens, runId: number, gemeenten: readonly Indelingsrij[]) {
  const namen = new Map(gemeenten.map((g) => [g.gemeente_code, g.gemeente_naam]));
  const vestigingen = [...(await gegevens.instellingen()).values()].flatMap((i) => i.vestigingen).filter((v) => namen.has(v.gemeente_code));
  const cijfers = await leesGebiedscijfers(db, [runId], 'vestiging', vestigingen.map((v) => `${v.brin}-${v.vestiging}`), ['totaal']);
  const perGebied = new Map(cijfers.map((c) => [c.gebied, c]));
  return vestigingen.flatMap((v) => {
    const c = perGebied.get(`${v.brin}-${v.vestiging}`);
    return c ? [{
      brin: v.brin, vestiging: v.vestiging, naam: v.naam, gemeenteCode: v.gemeente_code, plaats: namen.get(v.gemeente_code)!,
      cijfer: new Telcijfer(c.startpopulatie, c.vsv),
    }] : [];
  }).sort((a, b) => a.naam.localeCompare(b.naam, 'nl') || a.brin.localeCompare(b.brin) || a.vestiging.localeCompare(b.vestiging));
}

/**
 * The institutions (BRIN) with a location in some municipalities, each with the figures of the
 * whole institution per category judged against the norm: a norm applies to an institution
 * in a category, not to a location or an area. Institutions without figures in the run are
 * left out. Those with the most categories above the norm (as published) come first.
 */
export async function instellingenMetNormenIn(
  db: Db, gegevens: Gegevens, run: { id: number; schooljaar: string }, gemeenten: readonly Indelingsrij[], toegang: Toegang,
) {
  const namen = new Map(gemeenten.map((g) => [g.gemeente_code, g.gemeente_naam]));
  const hier = [...(await gegevens.instellingen()).values()]
    .map((i) => ({ kop: i, vestigingen: i.vestigingen.filter((v) => namen.has(v.gemeente_code)) }))
    .filter((i) => i.vestigingen.length > 0);
  const cijfers = await leesGebiedscijfers(db, [run.id], 'instelling', hier.map((i) => i.kop.brin), ['totaal', 'categorie']);
  return hier.flatMap(({ kop, vestigingen }) => {
    const van = cijfers.filter((c) => c.gebied === kop.brin);
    if (!van.some((c) => c.dimensie === 'totaal')) return [];
    const categorie = normcategorieen(van, run.schooljaar);
    return [{
      brin: kop.brin, naam: kop.naam, soort: kop.soort,
      plaatsen: [...new Set(vestigingen.map((v) => namen.get(v.gemeente_code)!))].sort((a, b) => a.localeCompare(b, 'nl')),
      totaal: totaalVan(van), categorie, normsamenvatting: normsamenvatting(categorie, toegang),
    }];
  }).sort((a, b) => b.normsamenvatting.aantalBovenNorm - a.normsamenvatting.aantalBovenNorm
    || a.naam.localeCompare(b.naam, 'nl') || a.brin.localeCompare(b.brin));
}

// ----------------------------------------------------------------------------- CSV

type TellingT = Static<typeof Telling>;

/** The tables every area page has: totals, the four breakdowns and the trend, each beside the national figure. */
export function gebiedstabellen(
  p: {
    telling: TellingT; totaal: GepubliceerdCijfer; uitsplitsingen: Static<typeof Uitsplitsingen>;
    landelijk: { totaal: GepubliceerdCijfer; uitsplitsingen: Static<typeof Uitsplitsingen> };
    trend: Static<typeof Trendpunt>[];
  },
  sleutel: Record<string, string>,
): CsvTabel[] {
  const sleutelkolommen = Object.keys(sleutel);
  const landelijkeKolommen = ['landelijkStartpopulatie', 'landelijkVsv', 'landelijkPercentage'];
  const t = tellingCellen(p.telling);
  return [
    tabel('totaal', [...TELLINGKOLOMMEN, ...sleutelkolommen, ...CIJFERKOLOMMEN, ...landelijkeKolommen],
      [{ ...t, ...sleutel, ...cijferCellen(p.totaal), ...cijferCellen(p.landelijk.totaal, 'landelijk') }]),
    ...UITSPLITSINGEN.map((d) => tabel(d, [...TELLINGKOLOMMEN, ...sleutelkolommen, d, ...CIJFERKOLOMMEN, ...landelijkeKolommen],
      p.uitsplitsingen[d].map((o, i) => ({
        ...t, ...sleutel, [d]: o.waarde, ...cijferCellen(o.cijfer), ...cijferCellen(p.landelijk.uitsplitsingen[d][i]?.cijfer ?? null, 'landelijk'),
      })))),
    tabel('trend', [...TELLINGKOLOMMEN, ...sleutelkolommen, ...CIJFERKOLOMMEN, ...landelijkeKolommen, 'methodewijziging'],
      p.trend.map((punt) => ({
        ...tellingCellen(punt.telling), ...sleutel, ...cijferCellen(punt.cijfer), ...cijferCellen(punt.landelijk, 'landelijk'),
        methodewijziging: punt.methodewijziging?.omschrijving,
      }))),
  ];
}

export function vestigingentabel(telling: TellingT, vestigingen: Static<typeof Vestigingscijfer>[]): CsvTabel {
  return tabel('vestigingen', [...TELLINGKOLOMMEN, 'brin', 'vestiging', 'naam', 'gemeenteCode', 'plaats', ...CIJFERKOLOMMEN],
    vestigingen.map((v) => ({
      ...tellingCellen(telling), brin: v.brin, vestiging: v.vestiging, naam: v.naam, gemeenteCode: v.gemeenteCode, plaats: v.plaats,
      ...cijferCellen(v.cijfer),
    })));
}

/**
 * The institutions of an area with their norms: one row for the institution's total and one
 * per category, each with the institution's summary, so that one row can be read on its own.
 */
export function instellingentabel(telling: TellingT, sleutel: Record<string, string>, instellingen: Static<typeof InstellingMetNormen>[]): CsvTabel {
  return tabel('instellingen', [...TELLINGKOLOMMEN, ...Object.keys(sleutel), 'brin', 'naam', 'plaatsen', ...NORMSAMENVATTINGKOLOMMEN, 'categorie', ...NORMKOLOMMEN],
    instellingen.flatMap((i) => {
      const s = { ...tellingCellen(telling), ...sleutel, brin: i.brin, naam: i.naam, plaatsen: i.plaatsen.join('; '), ...i.normsamenvatting };
      return [
        { ...s, categorie: 'totaal', ...cijferCellen(i.totaal) },
        ...i.categorie.map((c) => ({ ...s, categorie: c.waarde, ...normCellen(c) })),
      ];
    }));
}

export const GEBIEDSTABELLEN = ['totaal', ...UITSPLITSINGEN, 'trend'] as const;
