import { createReadStream, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvLine } from '../db/csv.js';
import { readCsvRecords } from '../importeren/csvReader.js';

/**
 * The project's public reference data (`referentiedata/data/`, sources in
 * `referentiedata/BRONNEN.md`), turned into a delivery of `rmc_indeling.csv` and
 * `instellingen.csv` (levering.md), so that it enters the platform like any official table.
 * `binnenboord referentie bijwerken` (bijwerken.ts) replaces the snapshot from newer DUO/CBS files.
 */
export class ReferentiedataOntbreekt extends Error {}

/** The data files of `referentiedata/data/` whose snapshot `referentie bijwerken` replaces. */
export const GEMEENTEN_BESTAND = 'gemeenten.csv';
export const VESTIGINGEN_BESTAND = 'vo_vso_vestigingen.csv';
/** PC4 → municipality (DUO/RIO 2025): `referentie bijwerken` checks every municipality has PC4 areas. */
export const PC4_BESTAND = 'nl_pc4_gemeente_2025.csv';
export const BEVOLKING_BESTAND = 'nl_pc4_population_by_age_2021.csv';

export const BENODIGDE_BESTANDEN = [GEMEENTEN_BESTAND, VESTIGINGEN_BESTAND] as const;

const PUBLIEKE_BRONNEN = [
  'gemeenten en RMC-regio\'s: DUO "02. alle vestigingen vo" (kolommen RMC-REGIO) en CBS gemeentelijke indeling',
  'vo-vestigingen: DUO open onderwijsdata "02. alle vestigingen vo" en "09. alle vestigingen sbo, so en vso"',
  'mbo-instellingen: DUO "01. adressen mbo-instellingen" (niet in de referentiedata aanwezig)',
];

/** Reads a CSV file of the reference data as objects keyed by header name. */
export async function leesReferentieCsv(pad: string): Promise<Record<string, string>[]> {
  const rijen: Record<string, string>[] = [];
  let kop: string[] | null = null;
  for await (const r of readCsvRecords(createReadStream(pad))) {
    if ('fout' in r) throw new Error(`${pad} regel ${r.regel}: ${r.fout}`);
    if (!kop) {
      kop = r.velden;
      continue;
    }
    const velden = r.velden;
    rijen.push(Object.fromEntries(kop.map((k, i) => [k, velden[i] ?? ''])));
  }
  return rijen;
}

export function controleerReferentiedata(map: string): void {
  const ontbreekt = BENODIGDE_BESTANDEN.filter((b) => !existsSync(join(map, 'data', b)));
  if (ontbreekt.length) {
    throw new ReferentiedataOntbreekt(
      `De referentiedata ontbreekt in ${join(map, 'data')}: ${ontbreekt.join(', ')}.\n` +
      'De map referentiedata/ hoort bij het project; zet BINNENBOORD_REFERENTIEDATA alleen op een andere map met data/ en geo/, ' +
      'of lever rmc_indeling.csv en instellingen.csv zelf.\n' +
      `Publieke bronnen:\n${PUBLIEKE_BRONNEN.map((b) => `  - ${b}`).join('\n')}`);
  }
}

/**
 * The RMC split of 2020: region 14 Arnhem/Nijmegen became 40 Rijk van Nijmegen and
 * 41 Arnhem from school year 2020-2021 (referentiedata/BRONNEN.md).
 */
export const SPLITSING_ARNHEM_NIJMEGEN = { oudeCode: '14', oudeNaam: 'Arnhem/Nijmegen', laatsteJaar: '2019-2020', eersteJaar: '2020-2021', nieuweCodes: ['40', '41'] };

/** First school year of the tables written here: the current measurement method (2012-2013). */
export const EERSTE_SCHOOLJAAR = '2012-2013';

export async function rmcIndelingRijen(map: string): Promise<string[]> {
  const gemeenten = await leesReferentieCsv(join(map, 'data', GEMEENTEN_BESTAND));
  const s = SPLITSING_ARNHEM_NIJMEGEN;
  const rijen: string[] = [];
  for (const g of gemeenten) {
    const code = g.gemeente_code!;
    const naam = g.gemeente_name!;
    if (s.nieuweCodes.includes(g.rmc_code!)) {
      rijen.push(csvLine([code, naam, s.oudeCode, s.oudeNaam, EERSTE_SCHOOLJAAR, s.laatsteJaar]));
      rijen.push(csvLine([code, naam, g.rmc_code!, g.rmc_name!, s.eersteJaar, null]));
    } else {
      rijen.push(csvLine([code, naam, g.rmc_code!, g.rmc_name!, EERSTE_SCHOOLJAAR, null]));
    }
  }
  return rijen;
}

export async function instellingRijen(map: string): Promise<string[]> {
  const vestigingen = await leesReferentieCsv(join(map, 'data', VESTIGINGEN_BESTAND));
  return vestigingen.map((v) => {
    const soort = v.is_vso === '1' || v.is_so_vso_combined === '1' ? 'vso' : 'vo';
    return csvLine([v.brin!, v.vestigingscode!.slice(4), v.name!, v.gemeente_code!, soort]);
  });
}

/** Writes the reference delivery into `uitvoer` and returns the files written. */
export async function schrijfReferentielevering(map: string, uitvoer: string): Promise<{ bestand: string; rijen: number }[]> {
  controleerReferentiedata(map);
  await mkdir(uitvoer, { recursive: true });
  const rmc = await rmcIndelingRijen(map);
  await writeFile(join(uitvoer, 'rmc_indeling.csv'),
    'gemeente_code,gemeente_naam,rmc_code,rmc_naam,schooljaar_vanaf,schooljaar_tot\n' + rmc.join(''));
  const inst = await instellingRijen(map);
  await writeFile(join(uitvoer, 'instellingen.csv'), 'brin,vestiging,naam,gemeente_code,soort\n' + inst.join(''));
  return [{ bestand: 'rmc_indeling.csv', rijen: rmc.length }, { bestand: 'instellingen.csv', rijen: inst.length }];
}
