import { readFile, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../src/db/database.js';
import { BESTANDEN } from '../../src/domain/levering/bestanden.js';
import { tijdelijkeMap } from './database.js';
import { VOORBEELDEN } from './gedeeld.js';

/**
 * Deliveries and database snapshots for the integration tests. Fixtures are written into
 * temporary folders by the tests themselves, so that each test shows the rows it is about.
 */

/**
 * The worked examples of the shared spec (telling.md), read where config.ts says. Suites that
 * use them pass `{ overgeslagen: VOORBEELDEN.reden }` to describeDatabases (gedeeld.ts).
 */
export function voorbeelden(): { levering: string; uitvoer: string; verwacht: string } {
  const map = VOORBEELDEN.pad;
  return { levering: join(map, 'levering'), uitvoer: join(map, 'uitvoer'), verwacht: join(map, 'verwacht.csv') };
}

/** Writes a delivery folder: file name → content (text, or bytes for invalid UTF-8). */
export async function schrijfLevering(bestanden: Record<string, string | Uint8Array>, map?: string): Promise<string> {
  const doel = map ?? (await tijdelijkeMap('levering'));
  for (const [naam, inhoud] of Object.entries(bestanden)) await writeFile(join(doel, naam), inhoud);
  return doel;
}

/** A copy of the worked examples' delivery, to change one thing in. */
export async function kopieVanVoorbeelden(): Promise<string> {
  const doel = await tijdelijkeMap('voorbeelden');
  await cp(voorbeelden().levering, doel, { recursive: true });
  return doel;
}

/** CSV lines from rows of fields (no quoting needed in these fixtures). */
export function csv(...regels: readonly (readonly string[])[]): string {
  return regels.map((r) => `${r.join(',')}\n`).join('');
}

/** Every table of the schema, for snapshots. */
export const ALLE_TABELLEN = [
  'levering', 'levering_bestand', 'afgewezen_rij', 'levering_weigering',
  ...BESTANDEN.map((b) => b.tabel),
  'telling_run', 'telling_run_levering', 'telling_persoon', 'telling_cijfer', 'publicatie_patroon', 'driejaar_patroon', 'audit', 'schema_migration',
  'audit_persoon', 'audit_keten', 'audit_voor_003', 'audit_wachtrij', 'toegang_sleutel', 'verwijdering',
  'verzuimmelding', 'verzuimactie', 'verzuimstatus',
  'lijst_run', 'lijst_run_levering', 'lijst_persoon', 'lijst_startset', 'lijst_uitval_cijfer',
  'dossier', 'dossier_periode', 'dossier_gebeurtenis', 'dossier_lijstrun', 'regio_instelling', 'dossier_overdracht', 'dossier_overdracht_stap', 'dossier_gebeurtenis_zichtbaar',
  'verzuim_cijfer', 'verzuim_cijfer_berekening',
] as const;

/** Row count of every table. */
export async function aantallen(db: Db): Promise<Record<string, number>> {
  const uit: Record<string, number> = {};
  for (const t of ALLE_TABELLEN) {
    const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    uit[t] = r!.n;
  }
  return uit;
}

/**
 * The full content of every table as text, in a fixed order: two snapshots are equal exactly
 * when the database holds the same rows (including `levering_id`, ids and timestamps).
 */
export async function momentopname(db: Db): Promise<Record<string, string[]>> {
  const uit: Record<string, string[]> = {};
  for (const t of ALLE_TABELLEN) {
    const rijen = await db.query<{ r: string }>(`SELECT (x.*)::text AS r FROM ${t} x`);
    uit[t] = rijen.map((r) => r.r).sort();
  }
  return uit;
}

/** Data rows of one delivery table keyed by their key columns, with `levering_id`. */
export async function dataRijen(db: Db, tabel: string): Promise<Map<string, Record<string, unknown>>> {
  const def = BESTANDEN.find((b) => b.tabel === tabel);
  if (!def) throw new Error(`onbekende tabel ${tabel}`);
  const rijen = await db.query<Record<string, unknown>>(`SELECT * FROM ${tabel}`);
  return new Map(rijen.map((r) => [def.sleutel.map((k) => String(r[k])).join('|'), r]));
}

/** A CSV file as its header and its data lines sorted: compare outputs whatever their row order. */
export async function gesorteerdeCsv(pad: string): Promise<Buffer> {
  const tekst = await readFile(pad);
  const regels = tekst.toString('utf8').split('\n');
  if (regels.at(-1) === '') regels.pop();
  const [kop, ...rest] = regels;
  return Buffer.from([kop, ...rest.sort()].map((r) => `${r}\n`).join(''), 'utf8');
}

export interface Verwachting {
  persoon_id: string;
  categorie: string;
  sector: string;
  brin: string;
  gemeente_code: string;
  rmc_code: string;
  /** `ja`, `nee`, or `-` when the person is outside the start population */
  vsv: string;
  reden: string;
}

/** verwacht.csv of the worked examples (its last column `why` is prose and may hold commas). */
export async function leesVerwacht(): Promise<Verwachting[]> {
  const regels = (await readFile(voorbeelden().verwacht, 'utf8')).split('\n').filter((r) => r !== '');
  const kop = regels[0]!.split(',');
  const velden = ['persoon_id', 'categorie', 'sector', 'brin', 'gemeente_code', 'rmc_code', 'vsv', 'reden'] as const;
  for (const [i, v] of velden.entries()) if (kop[i] !== v) throw new Error(`verwacht.csv: kolom ${i + 1} is ${kop[i]}, niet ${v}`);
  return regels.slice(1).map((r) => {
    const f = r.split(',');
    return Object.fromEntries(velden.map((v, i) => [v, f[i] ?? ''])) as unknown as Verwachting;
  });
}

/** personen.csv of the count output as objects keyed by persoon_id. */
export async function leesPersonenUitvoer(pad: string): Promise<Map<string, Record<string, string>>> {
  const [kop, ...rest] = (await readFile(pad, 'utf8')).split('\n').filter((r) => r !== '');
  const namen = kop!.split(',');
  return new Map(rest.map((r) => {
    const f = r.split(',');
    const rij = Object.fromEntries(namen.map((n, i) => [n, f[i] ?? '']));
    return [rij.persoon_id!, rij];
  }));
}
