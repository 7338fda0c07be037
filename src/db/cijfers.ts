import type { Cijfer, Niveau } from '../domain/telling/cijfers.js';
import type { Status } from '../domain/telling/uitsluitingen.js';
import type { Db } from './database.js';

/**
 * Read queries of the web platform and API: stored runs and their figures, and the names
 * of regions, municipalities and institutions. Only stored results are read here; a count
 * is never run on behalf of a request.
 */
export interface Telrun {
  id: number;
  schooljaar: string;
  status: Status;
  definitieversie: string;
  gestart_op: string;
  gereed_op: string;
  startpopulatie: number;
  vsv: number;
  niet_te_tellen: number;
  leveringen: number[];
}

export interface Leveringskop {
  id: number;
  naam: string;
  ontvangen_op: string;
}

const UTC = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;

export async function leesTelruns(db: Db): Promise<Telrun[]> {
  return db.query<Telrun>(`
    SELECT r.id, r.schooljaar, r.status, r.definitieversie,
      to_char(r.gestart_op AT TIME ZONE 'UTC', ${UTC}) AS gestart_op,
      to_char(r.gereed_op AT TIME ZONE 'UTC', ${UTC}) AS gereed_op,
      r.startpopulatie, r.vsv, r.niet_te_tellen,
      ARRAY(SELECT levering_id FROM telling_run_levering l WHERE l.run_id = r.id ORDER BY levering_id) AS leveringen
    FROM telling_run r ORDER BY r.schooljaar, r.id`);
}

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

export interface VestigingMetCijfer extends Vestigingsrij {
  startpopulatie: number;
  vsv: number;
}

/** Locations in some municipalities with their total figures of one run (locations without pupils left out). */
export async function leesVestigingscijfers(db: Db, runId: number, gemeenteCodes: readonly string[]): Promise<VestigingMetCijfer[]> {
  if (gemeenteCodes.length === 0) return [];
  return db.query<VestigingMetCijfer>(`
    SELECT i.brin, i.vestiging, i.naam, i.gemeente_code, i.soort, c.startpopulatie, c.vsv
    FROM instelling i
    JOIN telling_cijfer c ON c.run_id = $1 AND c.niveau = 'vestiging' AND c.dimensie = 'totaal'
      AND c.gebied = i.brin || '-' || i.vestiging
    WHERE i.gemeente_code = ANY($2::text[])
    ORDER BY i.naam, i.brin, i.vestiging`, [runId, gemeenteCodes]);
}

export async function leesVestigingen(db: Db, brin: string): Promise<Vestigingsrij[]> {
  return db.query<Vestigingsrij>(
    'SELECT brin, vestiging, naam, gemeente_code, soort FROM instelling WHERE brin = $1 ORDER BY vestiging', [brin]);
}

/** Institutions that appear in the figures of a run but not in the delivered list of institutions. */
export async function bestaatInstellingInCijfers(db: Db, brin: string): Promise<boolean> {
  const r = await db.query('SELECT 1 FROM telling_cijfer WHERE niveau = $1 AND gebied = $2 LIMIT 1', ['instelling', brin]);
  return r.length > 0;
}

export interface Instellingszoekvraag {
  naam: string | null;
  plaats: string | null;
  runId: number | null;
  limit: number;
  offset: number;
}

export interface Instellingsrij {
  brin: string;
  naam: string;
  soort: string;
  plaatsen: string[];
  startpopulatie: number | null;
  vsv: number | null;
  totaal: number;
}

/** `%`, `_` and `\` in a search text are literal characters, not patterns. */
function alsPatroon(tekst: string): string {
  return `%${tekst.replace(/[\\%_]/g, (t) => `\\${t}`)}%`;
}

/**
 * Institutions (one row per BRIN) whose name or BRIN contains `naam` and one of whose
 * locations lies in a municipality whose name contains `plaats`; with the total figure of
 * the run, and the number of matches for paging.
 */
export async function zoekInstellingen(db: Db, v: Instellingszoekvraag): Promise<Instellingsrij[]> {
  return db.query<Instellingsrij>(`
    WITH namen AS (
      SELECT DISTINCT ON (gemeente_code) gemeente_code, gemeente_naam FROM rmc_indeling
      ORDER BY gemeente_code, schooljaar_vanaf DESC
    ), locatie AS (
      SELECT i.brin, i.vestiging, i.naam, i.soort, coalesce(n.gemeente_naam, i.gemeente_code) AS plaats
      FROM instelling i LEFT JOIN namen n ON n.gemeente_code = i.gemeente_code
    ), treffer AS (
      SELECT brin FROM locatie
      WHERE ($1::text IS NULL OR naam ILIKE $1 OR brin ILIKE $1) AND ($2::text IS NULL OR plaats ILIKE $2)
      GROUP BY brin
    ), instelling_kop AS (
      SELECT l.brin, (array_agg(l.naam ORDER BY l.vestiging))[1] AS naam, (array_agg(l.soort ORDER BY l.vestiging))[1] AS soort,
             array_agg(DISTINCT l.plaats) AS plaatsen
      FROM locatie l JOIN treffer t ON t.brin = l.brin GROUP BY l.brin
    )
    SELECT k.brin, k.naam, k.soort, k.plaatsen, c.startpopulatie, c.vsv, count(*) OVER ()::int AS totaal
    FROM instelling_kop k
    LEFT JOIN telling_cijfer c ON c.run_id = $3 AND c.niveau = 'instelling' AND c.gebied = k.brin AND c.dimensie = 'totaal'
    ORDER BY k.naam, k.brin
    LIMIT $4 OFFSET $5`,
  [v.naam ? alsPatroon(v.naam) : null, v.plaats ? alsPatroon(v.plaats) : null, v.runId, v.limit, v.offset]);
}

export async function telInstellingen(db: Db, v: Omit<Instellingszoekvraag, 'limit' | 'offset' | 'runId'>): Promise<number> {
  const [r] = await db.query<{ n: number }>(`
    WITH namen AS (
      SELECT DISTINCT ON (gemeente_code) gemeente_code, gemeente_naam FROM rmc_indeling
      ORDER BY gemeente_code, schooljaar_vanaf DESC
    )
    SELECT count(DISTINCT i.brin)::int AS n
    FROM instelling i LEFT JOIN namen n ON n.gemeente_code = i.gemeente_code
    WHERE ($1::text IS NULL OR i.naam ILIKE $1 OR i.brin ILIKE $1)
      AND ($2::text IS NULL OR coalesce(n.gemeente_naam, i.gemeente_code) ILIKE $2)`,
  [v.naam ? alsPatroon(v.naam) : null, v.plaats ? alsPatroon(v.plaats) : null]);
  return r!.n;
}
