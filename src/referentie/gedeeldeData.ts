import { createReadStream, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvLine } from '../db/csv.js';
import { readCsvRecords } from '../importeren/csvReader.js';

/**
 * The public reference data in the shared folder (`data/`, see its PROVENANCE.md), turned
 * into a delivery of `rmc_indeling.csv` and `instellingen.csv` (levering.md), so that it
 * enters the platform like any official table. Read at run time; never copied.
 */
export class ReferentiedataOntbreekt extends Error {}

export const BENODIGDE_BESTANDEN = ['nl_gemeenten_2025.csv', 'vo_vso_vestigingen_2024.csv'] as const;

const PUBLIEKE_BRONNEN = [
  'gemeenten en RMC-regio\'s: DUO "02. alle vestigingen vo" (kolommen RMC-REGIO) en CBS gemeentelijke indeling',
  'vo-vestigingen: DUO open onderwijsdata "02. alle vestigingen vo" en "09. alle vestigingen sbo, so en vso"',
  'mbo-instellingen: DUO "01. adressen mbo-instellingen" (niet in de gedeelde map aanwezig)',
];

/** Reads a CSV file of the shared folder as objects keyed by header name. */
export async function leesGedeeldCsv(pad: string): Promise<Record<string, string>[]> {
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

export function controleerGedeeldeMap(map: string): void {
  const ontbreekt = BENODIGDE_BESTANDEN.filter((b) => !existsSync(join(map, 'data', b)));
  if (ontbreekt.length) {
    throw new ReferentiedataOntbreekt(
      `De gedeelde referentiedata ontbreekt in ${join(map, 'data')}: ${ontbreekt.join(', ')}.\n` +
      'Zet BINNENBOORD_SHARED op de map met data/ en geo/, of lever rmc_indeling.csv en instellingen.csv zelf.\n' +
      `Publieke bronnen:\n${PUBLIEKE_BRONNEN.map((b) => `  - ${b}`).join('\n')}`);
  }
}

/**
 * The RMC split of 2020: region 14 Arnhem/Nijmegen became 40 Rijk van Nijmegen and
 * 41 Arnhem from school year 2020-2021 (PROVENANCE.md of the shared data).
 */
export const SPLITSING_ARNHEM_NIJMEGEN = { oudeCode: '14', oudeNaam: 'Arnhem/Nijmegen', laatsteJaar: '2019-2020', eersteJaar: '2020-2021', nieuweCodes: ['40', '41'] };

/** First school year of the tables written here: the current measurement method (2012-2013). */
export const EERSTE_SCHOOLJAAR = '2012-2013';

export async function rmcIndelingRijen(map: string): Promise<string[]> {
  const gemeenten = await leesGedeeldCsv(join(map, 'data', 'nl_gemeenten_2025.csv'));
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
  const vestigingen = await leesGedeeldCsv(join(map, 'data', 'vo_vso_vestigingen_2024.csv'));
  return vestigingen.map((v) => {
    const soort = v.is_vso === '1' || v.is_so_vso_combined === '1' ? 'vso' : 'vo';
    return csvLine([v.brin!, v.vestigingscode!.slice(4), v.name!, v.gemeente_code!, soort]);
  });
}

/** Writes the reference delivery into `uitvoer` and returns the files written. */
export async function schrijfReferentielevering(gedeeld: string, uitvoer: string): Promise<{ bestand: string; rijen: number }[]> {
  controleerGedeeldeMap(gedeeld);
  await mkdir(uitvoer, { recursive: true });
  const rmc = await rmcIndelingRijen(gedeeld);
  await writeFile(join(uitvoer, 'rmc_indeling.csv'),
    'gemeente_code,gemeente_naam,rmc_code,rmc_naam,schooljaar_vanaf,schooljaar_tot\n' + rmc.join(''));
  const inst = await instellingRijen(gedeeld);
  await writeFile(join(uitvoer, 'instellingen.csv'), 'brin,vestiging,naam,gemeente_code,soort\n' + inst.join(''));
  return [{ bestand: 'rmc_indeling.csv', rijen: rmc.length }, { bestand: 'instellingen.csv', rijen: inst.length }];
}
