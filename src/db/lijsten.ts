import type { Datum } from '../domain/datum.js';
import type { Lijstsoort } from '../domain/lijsten/lijsten.js';
import type { Scopekolom } from '../domain/lijsten/rij.js';
import { BEKOSTIGDE_ONDERWIJSTYPEN } from '../domain/lijsten/termen.js';
import { STARTKWALIFICATIES } from '../domain/onderwijs.js';
import type { Db } from './database.js';

/**
 * Storage of the monthly lists (lijsten.md): the candidates a month's lists are decided on,
 * the stored runs with their rows, and the CSV of one list. All SQL of the lists.
 *
 * As for the count, SQL selects a superset and the rules of src/domain/lijsten decide: see
 * `lijstKandidaten` for the superset. Everyone on uitschrijvingen, werkvoorraad and
 * herinschrijvingen of the month is among the candidates.
 */
const lijst = (waarden: Iterable<string>) => [...waarden].map((t) => `'${t}'`).join(', ');
const BEKOSTIGD = lijst(BEKOSTIGDE_ONDERWIJSTYPEN);
const SK = lijst(STARTKWALIFICATIES);

function datum(d: Datum): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`geen datum: ${d}`);
  return `DATE '${d}'`;
}

export interface Kandidaatdata {
  /** p of the lijstjaar's first month: the first day on which a lost enrolment can count */
  readonly vanaf: Datum;
  /** p(M) */
  readonly p: Datum;
  /** d(M) */
  readonly d: Datum;
}

/**
 * The candidates for the lists of month M from registrations, as persoon_ids. Each condition is
 * one that every person on those lists meets (U = uitschrijvingen(M), W = werkvoorraad(M),
 * H = herinschrijvingen(M); H's persons are on werkvoorraad(M − 1), so pvsv(p)):
 * 1. lost a funded enrolment in a month x of the lijstjaar before M (einddatum from `vanaf` to
 *    d − 1) and enrolled in nothing on the next peildatum d(x + 1) (U and W: on uitschrijvingen
 *    of some month of the lijstjaar up to M; H: up to M − 1);
 * 2. no single enrolment covers both p and d (U, W: not ingeschreven(d); H: not ingeschreven(p));
 * 3. no startkwalificatie dated on or before p (U, W: not sk(d); H: not sk(p); sk only grows).
 * Condition 1 alone was the superset before; 2 and 3 remove most of the school leavers with a
 * diploma or a next school, which in September are most of them (bench/lijsten.ts). Age is left
 * to the rules: a filter on it removed almost no one and cost a pass over every person.
 *
 * The plan is spelled out, because the planner misjudges it at national scale: it expects almost
 * nobody without a startkwalificatie among the leavers (a million in September) and then probes
 * the enrolments of each one by index for condition 2, a million times. So 2 and 3 are `NOT IN`
 * over one hashed pass each (the list transaction's work_mem holds them; persoon_id is never
 * null, so NOT IN means NOT EXISTS), and
 * condition 1, left for the few tens of thousands that remain, is an index probe per row
 * (`OFFSET 0` keeps it a probe: as a join the planner would hash all enrolments).
 * September at scale 1 on PGlite: 33 s before, 10 s after, same machine and load.
 */
function kandidatenSql(k: Kandidaatdata): string {
  // The peildatum after the month in which e ended: computed only for the few rows that pass 2 and 3.
  const dag = `(date_trunc('month', e.einddatum::timestamp) + interval '1 month')::date`;
  return `
    WITH los AS MATERIALIZED (
      SELECT e.persoon_id, e.einddatum
      FROM inschrijving e
      WHERE e.onderwijstype IN (${BEKOSTIGD}) AND e.einddatum >= ${datum(k.vanaf)} AND e.einddatum < ${datum(k.d)}
        AND e.persoon_id NOT IN (SELECT f.persoon_id FROM inschrijving f
          WHERE f.begindatum <= ${datum(k.p)} AND (f.einddatum IS NULL OR f.einddatum >= ${datum(k.d)}))
        AND e.persoon_id NOT IN (SELECT s.persoon_id FROM diploma s
          WHERE s.soort IN (${SK}) AND s.datum <= ${datum(k.p)})
    )
    SELECT DISTINCT e.persoon_id
    FROM los e
    WHERE NOT EXISTS (SELECT 1 FROM inschrijving f
      WHERE f.persoon_id = e.persoon_id AND f.begindatum <= ${dag} AND (f.einddatum IS NULL OR f.einddatum >= ${dag}) OFFSET 0)`;
}

export async function lijstKandidaten(db: Db, k: Kandidaatdata): Promise<string[]> {
  return (await db.queryArrays(kandidatenSql(k))).map((r) => r[0] as string);
}

/**
 * The registrations of the candidates `persoonIds` that the rules can read, tagged in the
 * layout that src/telling/dossiers.ts groups into dossiers (P, I, G, V, D, B; no work: the lists
 * do not read it), every value as text. All of them except the enrolments that ended before
 * `vanaf` (p of the lijstjaar's first month): the rules ask about enrolments on or after that day
 * only, and a candidate's last funded enrolment ended on or after it (condition 1 of
 * `lijstKandidaten`). The ids go in as one array parameter, so that the planner knows how few
 * they are and reads each table by its persoon_id index.
 */
export async function lijstDossierRijen(db: Db, persoonIds: readonly string[], vanaf: Datum): Promise<(string | null)[][]> {
  if (persoonIds.length === 0) return [];
  const leeg = (n: number) => Array.from({ length: n }, () => 'NULL::text').join(', ');
  const rijen = await db.queryArrays(`
    SELECT p.persoon_id, 'P', p.geboortedatum::text, p.geslacht, ${leeg(8)}
      FROM persoon p WHERE p.persoon_id = ANY($1::text[])
    UNION ALL
    SELECT i.persoon_id, 'I', i.inschrijving_id, i.brin, i.vestiging, i.onderwijstype, i.leerjaar::text,
           i.niveau::text, i.leerweg, i.nieuwkomer, i.begindatum::text, i.einddatum::text
      FROM inschrijving i WHERE i.persoon_id = ANY($1::text[]) AND (i.einddatum IS NULL OR i.einddatum >= ${datum(vanaf)})
    UNION ALL
    SELECT g.persoon_id, 'G', g.soort, g.datum::text, ${leeg(8)}
      FROM brp_gebeurtenis g WHERE g.persoon_id = ANY($1::text[])
    UNION ALL
    SELECT v.persoon_id, 'V', v.grond, v.vanaf::text, v.tot::text, ${leeg(7)}
      FROM vrijstelling v WHERE v.persoon_id = ANY($1::text[])
    UNION ALL
    SELECT d.persoon_id, 'D', d.soort, d.datum::text, d.brin, ${leeg(7)}
      FROM diploma d WHERE d.persoon_id = ANY($1::text[])
    UNION ALL
    SELECT b.persoon_id, 'B', b.gemeente_code, b.postcode, b.vanaf::text, b.tot::text, ${leeg(6)}
      FROM verblijf b WHERE b.persoon_id = ANY($1::text[])`, [persoonIds]);
  return rijen as (string | null)[][];
}

export interface Lijstrunkop {
  maand: string;
  lijstjaar: string;
  definitieversie: string;
  startsetRunId: number | null;
  vorigeRunId: number | null;
  gestartOp: string;
}

export async function maakLijstrun(tx: Db, kop: Lijstrunkop): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `INSERT INTO lijst_run (maand, lijstjaar, definitieversie, startset_run_id, vorige_run_id, gestart_op)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [kop.maand, kop.lijstjaar, kop.definitieversie, kop.startsetRunId, kop.vorigeRunId, kop.gestartOp]);
  await tx.query('INSERT INTO lijst_run_levering (run_id, levering_id) SELECT $1, id FROM levering', [r!.id]);
  return r!.id;
}

export const LIJST_PERSOON_COPY = `COPY lijst_persoon (run_id, lijst, persoon_id, gemeente_code, rmc_code, leeftijd,
  brin, vestiging, onderwijstype, leerjaar, niveau, einddatum, categorie, reden) FROM STDIN WITH (FORMAT csv)`;

export const LIJST_UITVAL_COPY = 'COPY lijst_uitval_cijfer (run_id, categorie, startset, uitval) FROM STDIN WITH (FORMAT csv)';

/**
 * Fresh planner statistics after a month's lists and dossiers are stored. PGlite has no
 * autovacuum to take them, and without them a list page chose the wrong indexes (a region's
 * werkvoorraad page on PGlite: 92 ms instead of a few, measured with bench:werkvoorraad). ANALYZE
 * samples a fixed number of rows, so it stays well under a second at national scale.
 */
export async function werkLijststatistiekenBij(db: Db): Promise<void> {
  await db.exec('ANALYZE lijst_run, lijst_persoon, dossier, dossier_periode, dossier_lijstrun');
}

export async function rondLijstrunAf(tx: Db, id: number): Promise<void> {
  await tx.query('UPDATE lijst_run SET gereed_op = now() WHERE id = $1', [id]);
}

/** Persons of the start population per category of a count run. */
export async function startsetPerCategorie(db: Db, tellingRunId: number): Promise<Map<string, number>> {
  const rijen = await db.query<{ categorie: string; n: number }>(
    'SELECT categorie, count(*)::int AS n FROM telling_persoon WHERE run_id = $1 GROUP BY categorie', [tellingRunId]);
  return new Map(rijen.map((r) => [r.categorie, r.n]));
}

/** Which of `persoonIds` are in a count run's start population, with their category. */
export async function startsetCategorieen(db: Db, tellingRunId: number, persoonIds: readonly string[]): Promise<Map<string, string>> {
  if (persoonIds.length === 0) return new Map();
  const rijen = await db.query<{ persoon_id: string; categorie: string }>(
    'SELECT persoon_id, categorie FROM telling_persoon WHERE run_id = $1 AND persoon_id = ANY($2::text[])', [tellingRunId, persoonIds]);
  return new Map(rijen.map((r) => [r.persoon_id, r.categorie]));
}

export interface VerlateKandidaat {
  persoon_id: string;
  reden: string;
  categorie: string;
  brin: string;
  vestiging: string;
  gemeente_code: string;
  rmc_code: string;
  leeftijd: number;
  onderwijstype: string | null;
  leerjaar: number | null;
  niveau: number | null;
  /** the person's diplomas as [soort, datum, brin] */
  diplomas: [string, string, string | null][];
}

/** Persons of a count run with reason verlate-startkwalificatie, with their primary enrolment and diplomas. */
export async function verlateKandidaten(db: Db, tellingRunId: number): Promise<VerlateKandidaat[]> {
  return db.query<VerlateKandidaat>(
    `SELECT tp.persoon_id, tp.reden, tp.categorie, tp.brin, tp.vestiging, tp.gemeente_code, tp.rmc_code, tp.leeftijd::int AS leeftijd,
            i.onderwijstype, i.leerjaar::int AS leerjaar, i.niveau::int AS niveau,
            COALESCE((SELECT json_agg(json_build_array(d.soort, d.datum::text, d.brin)) FROM diploma d WHERE d.persoon_id = tp.persoon_id), '[]'::json) AS diplomas
     FROM telling_persoon tp LEFT JOIN inschrijving i ON i.inschrijving_id = tp.inschrijving_id
     WHERE tp.run_id = $1 AND tp.reden = 'verlate-startkwalificatie'`, [tellingRunId]);
}

export interface Lijstrun {
  id: number;
  maand: string;
  lijstjaar: string;
  definitieversie: string;
  startset_run_id: number | null;
  vorige_run_id: number | null;
  gestart_op: string;
  gereed_op: string;
  leveringen: number[];
}

const LIJSTRUN_VELDEN = `r.id, r.maand, r.lijstjaar, r.definitieversie, r.startset_run_id, r.vorige_run_id,
  to_char(r.gestart_op AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS gestart_op,
  to_char(r.gereed_op AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS gereed_op,
  ARRAY(SELECT levering_id FROM lijst_run_levering l WHERE l.run_id = r.id ORDER BY levering_id) AS leveringen`;

export async function leesLijstrun(db: Db, id: number): Promise<Lijstrun | null> {
  const [r] = await db.query<Lijstrun>(`SELECT ${LIJSTRUN_VELDEN} FROM lijst_run r WHERE r.id = $1`, [id]);
  return r ?? null;
}

export async function laatsteLijstrun(db: Db, maand: string): Promise<Lijstrun | null> {
  const [r] = await db.query<Lijstrun>(`SELECT ${LIJSTRUN_VELDEN} FROM lijst_run r WHERE r.maand = $1 ORDER BY r.id DESC LIMIT 1`, [maand]);
  return r ?? null;
}

/**
 * A version of everything whether a month's stored lists are current depends on: the newest
 * count run, delivery and list run (all only ever added). Equal versions: the same answer.
 */
export async function lijstversie(db: Db): Promise<string> {
  const [r] = await db.query<{ versie: string }>(`
    SELECT concat((SELECT max(id) FROM telling_run), '-', (SELECT max(id) FROM levering), '-', (SELECT max(id) FROM lijst_run)) AS versie`);
  return r!.versie;
}

export async function alleLeveringen(db: Db): Promise<number[]> {
  return (await db.query<{ id: number }>('SELECT id FROM levering ORDER BY id')).map((r) => r.id);
}

/** Rows per list of a run (startset: the persons of its count run). */
export async function aantallenPerLijst(db: Db, run: Lijstrun): Promise<Map<string, number>> {
  const rijen = await db.query<{ lijst: string; n: number }>(
    'SELECT lijst, count(*)::int AS n FROM lijst_persoon WHERE run_id = $1 GROUP BY lijst', [run.id]);
  const uit = new Map(rijen.map((r) => [r.lijst, r.n]));
  if (run.startset_run_id !== null) {
    const [s] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM telling_persoon WHERE run_id = $1', [run.startset_run_id]);
    uit.set('startset', s!.n);
  }
  return uit;
}

export interface Uitvalrij { categorie: string; startset: number; uitval: number }

export async function leesUitvalcijfers(db: Db, runId: number): Promise<Uitvalrij[]> {
  return db.query<Uitvalrij>('SELECT categorie, startset, uitval FROM lijst_uitval_cijfer WHERE run_id = $1', [runId]);
}

function tekst(waarde: string): string {
  // The scope codes are checked against their format before they get here; this is a second guard.
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(waarde)) throw new Error(`ongeldige waarde in een filter: ${waarde}`);
  return `'${waarde}'`;
}

/**
 * One list of a stored run as the CSV rows of lijsten.md (no header), sorted by persoon_id
 * (character order); `filter` keeps one scope's rows ("Who sees which rows").
 */
export function lijstUitvoer(run: Lijstrun, soort: Lijstsoort, filter: { kolom: Scopekolom; waarde: string } | null): string {
  const waar = filter ? ` AND x.${filter.kolom} = ${tekst(filter.waarde)}` : '';
  const maand = tekst(run.maand);
  const bron = soort === 'startset'
    ? `SELECT tp.persoon_id, tp.gemeente_code, tp.rmc_code, tp.leeftijd, tp.brin, tp.vestiging, tp.onderwijstype,
              NULL::date AS einddatum, NULL::text AS reden
       FROM telling_persoon tp WHERE tp.run_id = ${Number(run.startset_run_id)}`
    : `SELECT persoon_id, gemeente_code, rmc_code, leeftijd, brin, vestiging, onderwijstype, einddatum, reden
       FROM lijst_persoon WHERE run_id = ${Number(run.id)} AND lijst = ${tekst(soort)}`;
  return `COPY (
    SELECT ${tekst(soort)}, ${maand}, x.persoon_id, x.gemeente_code, x.rmc_code, x.leeftijd, x.brin, x.vestiging,
           x.onderwijstype, x.einddatum::text, x.reden
    FROM (${bron}) x WHERE true${waar}
    ORDER BY x.persoon_id COLLATE "C"
  ) TO STDOUT WITH (FORMAT csv)`;
}
