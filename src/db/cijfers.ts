import type { Cijfer, Niveau } from '../domain/telling/cijfers.js';
import type { Db } from './database.js';

/**
 * Read queries of the web platform and API: stored runs and their figures, and the names
 * of regions, municipalities and institutions. Only stored results are read here; a count
 * is never run on behalf of a request.
 */
export interface Leveringskop {
  id: number;
  naam: string;
  ontvangen_op: string;
}

const UTC = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;

export async function leesLeveringskoppen(db: Db): Promise<Leveringskop[]> {
  return db.query<Leveringskop>(`
    SELECT id, naam, to_char(ontvangen_op AT TIME ZONE 'UTC', ${UTC}) AS ontvangen_op FROM levering ORDER BY id`);
}

export interface RunCijfer extends Cijfer {
  run_id: number;
}

/** Figures of some areas of one level, in several runs at once (a trend or a comparison). */
export async function leesGebiedscijfers(
  db: Db, runIds: readonly number[], niveau: Niveau, gebieden: readonly string[], dimensies: readonly string[],
): Promise<RunCijfer[]> {
  if (runIds.length === 0 || gebieden.length === 0) return [];
  return db.query<RunCijfer>(`
    SELECT run_id, niveau, gebied, dimensie, waarde, startpopulatie, vsv FROM telling_cijfer
    WHERE run_id = ANY($1::int[]) AND niveau = $2 AND gebied = ANY($3::text[]) AND dimensie = ANY($4::text[])`,
  [runIds, niveau, gebieden, dimensies]);
}

export interface Indelingsrij {
  gemeente_code: string;
  gemeente_naam: string;
  rmc_code: string;
  rmc_naam: string;
}

/**
 * The RMC classification of one school year, one row per municipality (the latest row wins
 * on overlap, as in the count itself).
 */
export async function leesIndeling(db: Db, schooljaar: string): Promise<Indelingsrij[]> {
  return db.query<Indelingsrij>(`
    SELECT DISTINCT ON (gemeente_code) gemeente_code, gemeente_naam, rmc_code, rmc_naam FROM rmc_indeling
    WHERE schooljaar_vanaf <= $1 AND (schooljaar_tot IS NULL OR schooljaar_tot >= $1)
    ORDER BY gemeente_code, schooljaar_vanaf DESC`, [schooljaar]);
}

/** The most recent classification row of every municipality ever delivered: names for any year. */
export async function leesLaatsteIndeling(db: Db): Promise<Indelingsrij[]> {
  return db.query<Indelingsrij>(`
    SELECT DISTINCT ON (gemeente_code) gemeente_code, gemeente_naam, rmc_code, rmc_naam FROM rmc_indeling
    ORDER BY gemeente_code, schooljaar_vanaf DESC`);
}

/** The most recent name of every RMC region code ever delivered. */
export async function leesRmcNamen(db: Db): Promise<Map<string, string>> {
  const rijen = await db.query<{ rmc_code: string; rmc_naam: string }>(`
    SELECT DISTINCT ON (rmc_code) rmc_code, rmc_naam FROM rmc_indeling ORDER BY rmc_code, schooljaar_vanaf DESC`);
  return new Map(rijen.map((r) => [r.rmc_code, r.rmc_naam]));
}

export interface Vestigingsrij {
  brin: string;
  vestiging: string;
  naam: string;
  gemeente_code: string;
  soort: string;
}

/**
 * A version of everything the API shows: it changes with every stored run and every
 * delivery (names of regions, municipalities and institutions come with deliveries). Runs
 * and deliveries are only ever added, never changed in place.
 */
export async function dataversie(db: Db): Promise<string> {
  const [r] = await db.query<{ versie: string }>(`
    SELECT concat((SELECT max(id) FROM telling_run), '-', (SELECT max(id) FROM levering),
      '-', (SELECT concat(count(*), '@', max(berekend_op)) FROM driejaar_patroon)) AS versie`);
  return r!.versie;
}

/** Institutions that appear in the figures of a run but not in the delivered list of institutions. */
export async function bestaatInstellingInCijfers(db: Db, brin: string): Promise<boolean> {
  const r = await db.query('SELECT 1 FROM telling_cijfer WHERE niveau = $1 AND gebied = $2 LIMIT 1', ['instelling', brin]);
  return r.length > 0;
}

/** Every delivered institution location: a few thousand rows, kept in memory for searching. */
export async function leesAlleVestigingen(db: Db): Promise<Vestigingsrij[]> {
  return db.query<Vestigingsrij>('SELECT brin, vestiging, naam, gemeente_code, soort FROM instelling ORDER BY brin, vestiging');
}

/** Every published dimension of every figure of one run (not `reden`): the input of its suppression pattern. */
export async function leesRuncijfers(db: Db, runId: number): Promise<Cijfer[]> {
  return db.query<Cijfer>(`
    SELECT niveau, gebied, dimensie, waarde, startpopulatie, vsv FROM telling_cijfer
    WHERE run_id = $1 AND dimensie <> 'reden'`, [runId]);
}
