import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { referentiedataMap } from '../config.js';
import { isGeldigeDatum } from '../domain/datum.js';
import { maakSchoolkalender, VAKANTIEREGIOS, type Schoolkalender, type Schoolvakantie, type Vakantieregio } from '../domain/verzuim/schooldagen.js';
import { vakantieregioVan } from '../domain/verzuim/vakantieregio.js';
import { parseCsvRecord } from '../importeren/csvReader.js';

/**
 * Reads the school holidays (`referentiedata/data/schoolvakanties.csv`) and the province of each
 * municipality (`gemeenten.csv`). A broken line is an error naming file and line: the calendar
 * decides deadlines, so it is never half-loaded.
 */
function leesCsv(pad: string): { regel: number; velden: Record<string, string> }[] {
  const regels = readFileSync(pad, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const kop = parseCsvRecord(regels[0] ?? '');
  if (kop.status !== 'ok') throw new Error(`${pad}: de kopregel is onleesbaar`);
  const uit: { regel: number; velden: Record<string, string> }[] = [];
  for (let i = 1; i < regels.length; i += 1) {
    if (regels[i] === '') continue;
    const r = parseCsvRecord(regels[i]!);
    if (r.status !== 'ok' || r.velden.length !== kop.velden.length) throw new Error(`${pad} regel ${i + 1}: onleesbare regel`);
    uit.push({ regel: i + 1, velden: Object.fromEntries(kop.velden.map((k, j) => [k, r.velden[j]!])) });
  }
  return uit;
}

export function leesSchoolvakanties(map = referentiedataMap()): Schoolvakantie[] {
  const pad = join(map, 'data', 'schoolvakanties.csv');
  return leesCsv(pad).map(({ regel, velden: v }) => {
    const regio = v.regio as Schoolvakantie['regio'];
    if (regio !== 'heel-nederland' && !(VAKANTIEREGIOS as readonly string[]).includes(regio)) throw new Error(`${pad} regel ${regel}: regio '${v.regio}' is onbekend`);
    if (!isGeldigeDatum(v.eerste_dag!) || !isGeldigeDatum(v.laatste_dag!) || v.laatste_dag! < v.eerste_dag!) {
      throw new Error(`${pad} regel ${regel}: eerste_dag en laatste_dag moeten datums zijn, de laatste niet vóór de eerste`);
    }
    if (v.verplicht !== 'ja' && v.verplicht !== 'nee') throw new Error(`${pad} regel ${regel}: verplicht moet ja of nee zijn`);
    return { schooljaar: v.schooljaar!, regio, vakantie: v.vakantie!, eersteDag: v.eerste_dag!, laatsteDag: v.laatste_dag!, verplicht: v.verplicht === 'ja' };
  });
}

let standaard: Schoolkalender | null = null;

/** The calendar of the reference data folder, read once per process. */
export function schoolkalender(): Schoolkalender {
  standaard ??= maakSchoolkalender(leesSchoolvakanties());
  return standaard;
}

let regios: Map<string, Vakantieregio> | null = null;

/** Holiday region per municipality code, from the province in `gemeenten.csv` and the exceptions of the regulation. */
export function vakantieregioPerGemeente(map = referentiedataMap()): Map<string, Vakantieregio> {
  if (regios && map === referentiedataMap()) return regios;
  const uit = new Map<string, Vakantieregio>();
  for (const { velden } of leesCsv(join(map, 'data', 'gemeenten.csv'))) {
    const regio = vakantieregioVan(velden.gemeente_code!, velden.province_name!);
    if (regio) uit.set(velden.gemeente_code!, regio);
  }
  regios = uit;
  return uit;
}
