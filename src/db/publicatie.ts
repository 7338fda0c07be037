import type { Db } from './database.js';

/** A stored suppression pattern (migration 016_publicatie): the cell keys withheld on top of DUO's rule. */
export interface BewaardPatroon {
  vingerafdruk: string;
  secundair: { startpopulatie: string[]; vsv: string[] };
  onbeschermd: string[];
  rondes: number;
}

/** A jsonb list as the driver gives it: already parsed, or as text. */
const lijst = (w: string[] | string) => (typeof w === 'string' ? (JSON.parse(w) as string[]) : w);

export async function leesPatroon(db: Db, runId: number): Promise<BewaardPatroon | null> {
  const [r] = await db.query<{ vingerafdruk: string; sp: string[] | string; vsv: string[] | string; onbeschermd: string[] | string; rondes: number }>(
    `SELECT vingerafdruk, secundair_startpopulatie AS sp, secundair_vsv AS vsv, onbeschermd, rondes
       FROM publicatie_patroon WHERE run_id = $1`, [runId]);
  if (!r) return null;
  return { vingerafdruk: r.vingerafdruk, secundair: { startpopulatie: lijst(r.sp), vsv: lijst(r.vsv) }, onbeschermd: lijst(r.onbeschermd), rondes: r.rondes };
}

export async function bewaarPatroon(db: Db, runId: number, p: BewaardPatroon): Promise<void> {
  await db.query(
    `INSERT INTO publicatie_patroon (run_id, vingerafdruk, secundair_startpopulatie, secundair_vsv, onbeschermd, rondes)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6)
     ON CONFLICT (run_id) DO UPDATE SET vingerafdruk = EXCLUDED.vingerafdruk,
       secundair_startpopulatie = EXCLUDED.secundair_startpopulatie, secundair_vsv = EXCLUDED.secundair_vsv,
       onbeschermd = EXCLUDED.onbeschermd, rondes = EXCLUDED.rondes, berekend_op = now()`,
    [runId, p.vingerafdruk, JSON.stringify(p.secundair.startpopulatie), JSON.stringify(p.secundair.vsv), JSON.stringify(p.onbeschermd), p.rondes]);
}

/** A stored pattern of the three-year figures of one window (migration 017_driejaar). */
export interface BewaardDriejaarpatroon {
  vingerafdruk: string;
  afgeschermd: string[];
  onbeschermd: string[];
  rondes: number;
}

export async function leesDriejaarpatroon(db: Db, runs: readonly number[]): Promise<BewaardDriejaarpatroon | null> {
  const [r] = await db.query<{ vingerafdruk: string; afgeschermd: string[] | string; onbeschermd: string[] | string; rondes: number }>(
    'SELECT vingerafdruk, afgeschermd, onbeschermd, rondes FROM driejaar_patroon WHERE runs = $1', [runs.join(',')]);
  if (!r) return null;
  return { vingerafdruk: r.vingerafdruk, afgeschermd: lijst(r.afgeschermd), onbeschermd: lijst(r.onbeschermd), rondes: r.rondes };
}

export async function bewaarDriejaarpatroon(db: Db, runs: readonly number[], p: BewaardDriejaarpatroon): Promise<void> {
  await db.query(
    `INSERT INTO driejaar_patroon (runs, vingerafdruk, afgeschermd, onbeschermd, rondes) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5)
     ON CONFLICT (runs) DO UPDATE SET vingerafdruk = EXCLUDED.vingerafdruk, afgeschermd = EXCLUDED.afgeschermd,
       onbeschermd = EXCLUDED.onbeschermd, rondes = EXCLUDED.rondes, berekend_op = now()`,
    [runs.join(','), p.vingerafdruk, JSON.stringify(p.afgeschermd), JSON.stringify(p.onbeschermd), p.rondes]);
}
