import type { Db } from './database.js';

/** Reading back what was delivered: the deliveries with their counts, and the quarantine. */
export interface Leveringsoverzicht {
  id: number;
  naam: string;
  ontvangen_op: string;
  controlesom: string;
  gelezen: number;
  nieuw: number;
  vervangen: number;
  afgewezen: number;
}

export async function leesLeveringen(db: Db): Promise<Leveringsoverzicht[]> {
  return db.query<Leveringsoverzicht>(`
    SELECT l.id, l.naam, to_char(l.ontvangen_op AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS ontvangen_op, l.controlesom,
           coalesce(sum(b.gelezen), 0)::int AS gelezen, coalesce(sum(b.nieuw), 0)::int AS nieuw,
           coalesce(sum(b.vervangen), 0)::int AS vervangen, coalesce(sum(b.afgewezen), 0)::int AS afgewezen
    FROM levering l LEFT JOIN levering_bestand b ON b.levering_id = l.id
    GROUP BY l.id ORDER BY l.id`);
}

export interface Weigeringsoverzicht {
  id: number;
  naam: string;
  ontvangen_op: string;
  controlesom: string | null;
  redenen: { bestand: string | null; reden: string }[];
}

/** Refused deliveries (nothing of them was imported), in the order they came. */
export async function leesWeigeringen(db: Db): Promise<Weigeringsoverzicht[]> {
  return db.query<Weigeringsoverzicht>(`
    SELECT id, naam, to_char(ontvangen_op AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS ontvangen_op, controlesom, redenen
    FROM levering_weigering ORDER BY id`);
}

/** The quarantined rows (all, or of one delivery) as CSV, in file and line order. */
export function afgewezenUitvoer(leveringId: number | null): string {
  const filter = leveringId === null ? '' : `WHERE levering_id = ${Number(leveringId)}`;
  return `COPY (SELECT levering_id, bestand, regel, kolom, reden, inhoud FROM afgewezen_rij ${filter}
    ORDER BY levering_id, bestand, regel, id) TO STDOUT WITH (FORMAT csv)`;
}

/** The names of all deliveries (to see whether the demo data is there). */
export async function leveringsnamen(db: Db): Promise<string[]> {
  return (await db.query<{ naam: string }>('SELECT naam FROM levering ORDER BY id')).map((r) => r.naam);
}

/** How many rejected rows there are, of one delivery or (null) of all. */
export async function telAfgewezenRijen(db: Db, leveringId: number | null): Promise<number> {
  const [n] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM afgewezen_rij WHERE $1::int IS NULL OR levering_id = $1', [leveringId]);
  return n!.n;
}
