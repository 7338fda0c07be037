import type { Cijfer } from '../domain/telling/cijfers.js';
import type { Schooljaar } from '../domain/schooljaar.js';
import { TELBARE_ONDERWIJSTYPEN } from '../domain/telling/startpopulatie.js';
import type { Status } from '../domain/telling/uitsluitingen.js';
import type { Db } from './database.js';

/**
 * Storage of the count: the window of registrations a count reads, and the stored runs
 * with their persons and figures. All SQL of the count.
 */

/**
 * Every registration that can matter for school year `jaar`, for every person with an
 * enrolment on T0 of a kind that can count (TELBARE_ONDERWIJSTYPEN). The date filters here are deliberately wider than the rules (a superset):
 * the rules in src/domain/telling decide exactly, so no boundary of a rule lives in SQL.
 * Columns: persoon_id, tag, then up to ten fields per tag, in COPY's text format
 * (tab-separated, `\N` for null), which is much cheaper to read back than CSV.
 *
 * Unordered on purpose: sorting millions of wide rows took more than half of the count's
 * time on PGlite; the caller groups the rows per person instead (src/telling/dossiers.ts).
 */
export function dossierExtractie(jaar: Schooljaar): string {
  return `COPY (${dossierVenster(jaar, `
      SELECT persoon_id FROM inschrijving
      WHERE begindatum <= DATE '${jaar.t0}' AND (einddatum IS NULL OR einddatum >= DATE '${jaar.t0}')
        AND onderwijstype IN (${TELBARE_ONDERWIJSTYPEN.map((t) => `'${t}'`).join(', ')})
      GROUP BY persoon_id`)}
  ) TO STDOUT`;
}

/** The same window for one person (`$1`), whether or not enrolled on T0: for the explain command. */
export function dossierExtractieVoorPersoon(jaar: Schooljaar): string {
  return dossierVenster(jaar, 'SELECT $1::text AS persoon_id');
}

function dossierVenster(jaar: Schooljaar, kandidaten: string): string {
  const t0 = `DATE '${jaar.t0}'`;
  const t1 = `DATE '${jaar.t1}'`;
  const eind = `DATE '${jaar.eindeVerlateStartkwalificatie}'`;
  const leeg = (n: number) => Array.from({ length: n }, () => 'NULL').join(', ');
  return `
    WITH kandidaat AS (${kandidaten})
    SELECT p.persoon_id AS persoon_id, 'P' AS soort, p.geboortedatum::text, p.geslacht, ${leeg(8)}
      FROM persoon p JOIN kandidaat k ON k.persoon_id = p.persoon_id
    UNION ALL
    SELECT i.persoon_id, 'I', i.inschrijving_id, i.brin, i.vestiging, i.onderwijstype, i.leerjaar::text,
           i.niveau::text, i.leerweg, i.nieuwkomer, i.begindatum::text, i.einddatum::text
      FROM inschrijving i JOIN kandidaat k ON k.persoon_id = i.persoon_id
      WHERE i.begindatum <= ${t1} AND (i.einddatum IS NULL OR i.einddatum >= ${t0})
    UNION ALL
    SELECT g.persoon_id, 'G', g.soort, g.datum::text, ${leeg(8)}
      FROM brp_gebeurtenis g JOIN kandidaat k ON k.persoon_id = g.persoon_id
      WHERE g.datum <= ${t1}
    UNION ALL
    SELECT v.persoon_id, 'V', v.grond, v.vanaf::text, v.tot::text, ${leeg(7)}
      FROM vrijstelling v JOIN kandidaat k ON k.persoon_id = v.persoon_id
      WHERE v.vanaf <= ${t1} AND (v.tot IS NULL OR v.tot >= ${t0})
    UNION ALL
    SELECT d.persoon_id, 'D', d.soort, d.datum::text, d.brin, ${leeg(7)}
      FROM diploma d JOIN kandidaat k ON k.persoon_id = d.persoon_id
      WHERE d.datum <= ${eind}
    UNION ALL
    SELECT w.persoon_id, 'W', w.vanaf::text, w.tot::text, w.uren_per_week::text, ${leeg(7)}
      FROM werk w JOIN kandidaat k ON k.persoon_id = w.persoon_id
      WHERE w.vanaf <= ${t1} AND (w.tot IS NULL OR w.tot >= ${t0})
    UNION ALL
    SELECT b.persoon_id, 'B', b.gemeente_code, b.postcode, b.vanaf::text, b.tot::text, ${leeg(6)}
      FROM verblijf b JOIN kandidaat k ON k.persoon_id = b.persoon_id
      WHERE b.vanaf <= ${t0} AND (b.tot IS NULL OR b.tot >= ${t0})`;
}

/** Whether a person appears in any delivery (persoon or inschrijving): for the explain command. */
export async function persoonIsBekend(db: Db, persoonId: string): Promise<boolean> {
  const r = await db.query('SELECT 1 FROM persoon WHERE persoon_id = $1 UNION ALL SELECT 1 FROM inschrijving WHERE persoon_id = $1 LIMIT 1', [persoonId]);
  return r.length > 0;
}

/** Municipality code → its most recent name in rmc_indeling.csv. */
export async function leesGemeentenamen(db: Db): Promise<Map<string, string>> {
  const rijen = await db.query<{ gemeente_code: string; gemeente_naam: string }>(
    'SELECT DISTINCT ON (gemeente_code) gemeente_code, gemeente_naam FROM rmc_indeling ORDER BY gemeente_code, schooljaar_vanaf DESC');
  return new Map(rijen.map((r) => [r.gemeente_code, r.gemeente_naam]));
}

/** Municipality → RMC region for one school year (rmc_indeling.csv); the latest row wins on overlap. */
export async function rmcIndeling(db: Db, jaar: Schooljaar): Promise<Map<string, { code: string; naam: string }>> {
  const rijen = await db.query<{ gemeente_code: string; rmc_code: string; rmc_naam: string }>(
    `SELECT gemeente_code, rmc_code, rmc_naam FROM rmc_indeling
     WHERE schooljaar_vanaf <= $1 AND (schooljaar_tot IS NULL OR schooljaar_tot >= $1)
     ORDER BY gemeente_code, schooljaar_vanaf`, [jaar.naam]);
  return new Map(rijen.map((r) => [r.gemeente_code, { code: r.rmc_code, naam: r.rmc_naam }]));
}

export interface Runkop {
  schooljaar: string;
  status: Status;
  definitieversie: string;
  werkurenDrempel: number;
  gestartOp: string;
}

export async function maakRun(tx: Db, kop: Runkop): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `INSERT INTO telling_run (schooljaar, status, definitieversie, werkuren_drempel, gestart_op, startpopulatie, vsv, niet_te_tellen)
     VALUES ($1, $2, $3, $4, $5, 0, 0, 0) RETURNING id`,
    [kop.schooljaar, kop.status, kop.definitieversie, kop.werkurenDrempel, kop.gestartOp]);
  const id = r!.id;
  await tx.query('INSERT INTO telling_run_levering (run_id, levering_id) SELECT $1, id FROM levering', [id]);
  return id;
}

export const TELLING_PERSOON_COPY = `COPY telling_persoon (run_id, persoon_id, categorie, sector, brin, vestiging,
  inschrijving_id, gemeente_code, rmc_code, leeftijd, geslacht, vsv, reden, onderwijstype) FROM STDIN WITH (FORMAT csv)`;

export const TELLING_CIJFER_COPY = `COPY telling_cijfer (run_id, niveau, gebied, dimensie, waarde, startpopulatie, vsv)
  FROM STDIN WITH (FORMAT csv)`;

export async function rondRunAf(tx: Db, id: number, totaal: { startpopulatie: number; vsv: number; nietTeTellen: number }): Promise<void> {
  await tx.query(
    'UPDATE telling_run SET startpopulatie = $2, vsv = $3, niet_te_tellen = $4, gereed_op = now() WHERE id = $1',
    [id, totaal.startpopulatie, totaal.vsv, totaal.nietTeTellen]);
}

export interface Run {
  id: number;
  schooljaar: string;
  status: Status;
  definitieversie: string;
  werkuren_drempel: string;
  gestart_op: string;
  gereed_op: string;
  startpopulatie: number;
  vsv: number;
  niet_te_tellen: number;
  leveringen: number[];
}

const RUN_VELDEN = `r.id, r.schooljaar, r.status, r.definitieversie, r.werkuren_drempel::text AS werkuren_drempel,
  to_char(r.gestart_op AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS gestart_op,
  to_char(r.gereed_op AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS gereed_op,
  r.startpopulatie, r.vsv, r.niet_te_tellen,
  ARRAY(SELECT levering_id FROM telling_run_levering l WHERE l.run_id = r.id ORDER BY levering_id) AS leveringen`;

export async function leesRun(db: Db, id: number): Promise<Run | null> {
  const [r] = await db.query<Run>(`SELECT ${RUN_VELDEN} FROM telling_run r WHERE r.id = $1`, [id]);
  return r ?? null;
}

/** Every stored run, by school year and then in the order they were made. */
export async function leesAlleRuns(db: Db): Promise<Run[]> {
  return db.query<Run>(`SELECT ${RUN_VELDEN} FROM telling_run r ORDER BY r.schooljaar, r.id`);
}

/** The latest run of a school year (and status, if given). */
export async function laatsteRun(db: Db, schooljaar: string, status?: Status): Promise<Run | null> {
  const [r] = await db.query<Run>(
    `SELECT ${RUN_VELDEN} FROM telling_run r WHERE r.schooljaar = $1 AND ($2::text IS NULL OR r.status = $2)
     ORDER BY r.id DESC LIMIT 1`, [schooljaar, status ?? null]);
  return r ?? null;
}

export async function leesCijfers(db: Db, runId: number, niveau: string, dimensies: readonly string[]): Promise<Cijfer[]> {
  return db.query<Cijfer>(
    `SELECT niveau, gebied, dimensie, waarde, startpopulatie, vsv FROM telling_cijfer
     WHERE run_id = $1 AND niveau = $2 AND dimensie = ANY($3::text[])
     ORDER BY gebied COLLATE "C", dimensie, waarde COLLATE "C"`, [runId, niveau, dimensies]);
}

/** personen.csv of cli.md, straight from the stored run, as CSV without header. */
/** The reason stored for one person in a run, or null when the person was outside its start population. */
export async function leesOpgeslagenReden(db: Db, runId: number, persoonId: string): Promise<string | null> {
  const [r] = await db.query<{ reden: string }>('SELECT reden FROM telling_persoon WHERE run_id = $1 AND persoon_id = $2', [runId, persoonId]);
  return r?.reden ?? null;
}

export function personenUitvoer(runId: number): string {
  return `COPY (
    SELECT r.schooljaar, p.persoon_id, p.categorie, p.sector, p.brin, p.vestiging, p.gemeente_code, p.rmc_code,
           p.leeftijd, CASE WHEN p.vsv THEN 'ja' ELSE 'nee' END, p.reden
    FROM telling_persoon p JOIN telling_run r ON r.id = p.run_id
    WHERE p.run_id = ${Number(runId)}
    ORDER BY p.persoon_id COLLATE "C"
  ) TO STDOUT WITH (FORMAT csv)`;
}

/** The persons of a stored run, as a selection for the audit trail (`Inzage.personen`). */
export function personenVanRun(runId: number): { query: string; params: readonly unknown[] } {
  return { query: 'SELECT persoon_id FROM telling_persoon WHERE run_id = $1', params: [runId] };
}
