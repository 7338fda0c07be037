import type { Static } from '@sinclair/typebox';
import type { GepubliceerdCijfer } from '../../domain/openbaarmaking.js';
import type { CsvTabel } from '../csv.js';
import { UITSPLITSINGEN } from '../figures.js';
import type { InstellingMetNormen, Telling, Trendpunt, Uitsplitsingen, Vestigingscijfer } from '../schemas.js';
import { CIJFERKOLOMMEN, NORMKOLOMMEN, NORMSAMENVATTINGKOLOMMEN, TELLINGKOLOMMEN, cijferCellen, normCellen, tabel, tellingCellen } from './common.js';

/**
 * What a region and a municipality page share in HTTP terms: names and the CSV tables. The
 * figures themselves are assembled from the run's publication in src/server/publicatie/gebied.ts.
 */
export { driejaarcijfersVan, gebiedMetLandelijk, instellingenMetNormenIn, trendVan, vestigingenIn } from '../publicatie/gebied.js';

export const ONBEKEND = 'onbekend';

export function gebiedsnaam(code: string, naam: string | undefined): string {
  if (code === ONBEKEND) return 'Onbekend (geen woongemeente of regio bekend)';
  return naam ?? code;
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
