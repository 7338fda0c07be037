import type { Db } from './database.js';

/**
 * Figures the calibration compares with the published ones but the stored figures do not
 * hold (src/kalibratie/metDatabase.ts). They join a stored run's persons to their
 * registrations; move a query to tellingen.ts if anything else needs it.
 */

export interface Sleutelcijfer {
  sleutel: string;
  startpopulatie: number;
  vsv: number;
}

/** mbo start population and vsv'ers per learning path and level of the primary enrolment (`bol-2`, …). */
export async function leesMboNiveauLeerweg(db: Db, runId: number): Promise<Sleutelcijfer[]> {
  return db.query<Sleutelcijfer>(`
    SELECT i.leerweg || '-' || i.niveau AS sleutel, count(*)::int AS startpopulatie, count(*) FILTER (WHERE p.vsv)::int AS vsv
    FROM telling_persoon p JOIN inschrijving i ON i.inschrijving_id = p.inschrijving_id
    WHERE p.run_id = $1 AND p.sector = 'mbo'
    GROUP BY 1`, [runId]);
}

/** Start population and vsv'ers per sector and age group on T0 (`mbo <18`, `mbo 18+`, …). */
export async function leesSectorLeeftijd(db: Db, runId: number): Promise<Sleutelcijfer[]> {
  return db.query<Sleutelcijfer>(`
    SELECT sector || CASE WHEN leeftijd < 18 THEN ' <18' ELSE ' 18+' END AS sleutel,
           count(*)::int AS startpopulatie, count(*) FILTER (WHERE vsv)::int AS vsv
    FROM telling_persoon WHERE run_id = $1 GROUP BY 1`, [runId]);
}

/** Persons counted under `onderwijs` whose only enrolments on T1 (`t1`, ISO date) are non-funded (nb-vo, nb-mbo). */
export async function telAlleenNietBekostigd(db: Db, runId: number, t1: string): Promise<number> {
  const [r] = await db.query<{ aantal: number }>(`
    SELECT count(*)::int AS aantal FROM telling_persoon p
    WHERE p.run_id = $1 AND p.reden = 'onderwijs'
      AND NOT EXISTS (SELECT 1 FROM inschrijving i WHERE i.persoon_id = p.persoon_id AND i.begindatum <= $2::date
                      AND (i.einddatum IS NULL OR i.einddatum >= $2::date) AND i.onderwijstype NOT IN ('nb-vo', 'nb-mbo'))`,
  [runId, t1]);
  return r?.aantal ?? 0;
}
