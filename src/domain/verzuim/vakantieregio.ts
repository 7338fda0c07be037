import type { Vakantieregio } from './schooldagen.js';

/**
 * Which holiday region a municipality belongs to (docs/rules/verzuim-schooldagen.md).
 *
 * Source: Regeling vaststelling schoolvakanties 2016–2019, art. 3 (the split is by province
 * with named municipal exceptions); the later regulations (2019–2022, 2022–2025) keep that
 * split and only rename merged municipalities. The 2016 names are mapped to today's CBS codes:
 * Geldermalsen, Lingewaal and Neerijnen are West Betuwe (GM1960, midden); Groesbeek, Millingen
 * aan de Rijn and Ubbergen are Berg en Dal (zuid); Rijnwaarden is in Zevenaar (zuid).
 *
 * Approximation: four municipalities are split between regions by village in the regulation;
 * here each goes wholly to the region of most of its inhabitants: Montferland (Didam: zuid) →
 * midden, Neder-Betuwe (Dodewaard: zuid) → midden, De Ronde Venen (Abcoude: noord) → midden,
 * Altena (Werkendam without Hank and Dussen, and Woudrichem: midden; Aalburg, Hank, Dussen:
 * zuid) → midden.
 */
const PER_PROVINCIE: Readonly<Record<string, Vakantieregio>> = {
  Groningen: 'noord',
  Friesland: 'noord',
  Fryslân: 'noord',
  Drenthe: 'noord',
  Overijssel: 'noord',
  Flevoland: 'noord',
  'Noord-Holland': 'noord',
  Utrecht: 'midden',
  'Zuid-Holland': 'midden',
  // Gelderland: zuid unless listed below (most Gelderland municipalities are named in art. 3b).
  Gelderland: 'zuid',
  'Noord-Brabant': 'zuid',
  Limburg: 'zuid',
  Zeeland: 'zuid',
};

const UITZONDERINGEN: ReadonlyMap<string, Vakantieregio> = new Map<string, Vakantieregio>([
  ['GM0050', 'midden'], // Zeewolde (Flevoland)
  ['GM0244', 'noord'], // Hattem (Gelderland)
  ['GM0317', 'noord'], // Eemnes (Utrecht)
  ['GM1959', 'midden'], // Altena (Noord-Brabant), approximation
  // Gelderland, regio midden (art. 3b)
  ...[
    'GM0197', 'GM0200', 'GM0203', 'GM1859', 'GM1876', 'GM0213', 'GM0214', 'GM0216', 'GM0222', 'GM0228',
    'GM0230', 'GM0232', 'GM0233', 'GM1960', 'GM0243', 'GM0246', 'GM0262', 'GM1955', 'GM1740', 'GM0267',
    'GM0302', 'GM0269', 'GM1586', 'GM1509', 'GM0273', 'GM0279', 'GM0281', 'GM0285', 'GM0289', 'GM0294',
    'GM0301',
  ].map((code) => [code, 'midden'] as const),
]);

/** The holiday region of a municipality, or null when its province is unknown. */
export function vakantieregioVan(gemeenteCode: string, provincie: string): Vakantieregio | null {
  return UITZONDERINGEN.get(gemeenteCode) ?? PER_PROVINCIE[provincie] ?? null;
}
