import type { Bestandsdefinitie } from '../domain/levering/bestanden.js';
import type { Db } from './database.js';

/**
 * Storage of deliveries: the delivery record, the per-file counts, the quarantine of
 * rejected rows, and the staged merge that replaces rows by key. All SQL of the import.
 */
export interface Bestandstelling {
  bestand: string;
  controlesom: string;
  gelezen: number;
  nieuw: number;
  vervangen: number;
  ongewijzigd: number;
  afgewezen: number;
}

/** True when no delivery was ever imported (the demo data and the calibration fill only such a database). */
export async function isLeeg(db: Db): Promise<boolean> {
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM levering');
  return r!.n === 0;
}

/** An earlier delivery with exactly these files (levering.md: importing it again changes nothing). */
export interface EerdereLevering {
  leveringId: number;
  naam: string;
  /** `YYYY-MM-DD HH:MM` UTC */
  ontvangenOp: string;
}

export async function vindLeveringMetControlesom(db: Db, controlesom: string): Promise<EerdereLevering | null> {
  const [r] = await db.query<EerdereLevering>(
    `SELECT id AS "leveringId", naam, to_char(ontvangen_op AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS "ontvangenOp"
     FROM levering WHERE controlesom = $1 ORDER BY id LIMIT 1`, [controlesom]);
  return r ?? null;
}

export interface Weigeringsreden {
  /** the file, or null when the reason concerns the delivery as a whole */
  bestand: string | null;
  reden: string;
}

/** The record of a refused delivery: the only thing a refusal writes (levering.md). */
export async function legWeigeringVast(
  db: Db, w: { naam: string; map: string; controlesom: string | null; redenen: readonly Weigeringsreden[] },
): Promise<{ id: number; ontvangenOp: string }> {
  const [r] = await db.query<{ id: number; ontvangenOp: string }>(
    `INSERT INTO levering_weigering (naam, map, controlesom, redenen) VALUES ($1, $2, $3, $4::jsonb)
     RETURNING id, to_char(ontvangen_op AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS "ontvangenOp"`,
    [w.naam, w.map, w.controlesom, JSON.stringify(w.redenen)]);
  return r!;
}

export async function maakLevering(tx: Db, naam: string, map: string): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `INSERT INTO levering (naam, map, controlesom) VALUES ($1, $2, '') RETURNING id`, [naam, map]);
  return r!.id;
}

export async function rondLeveringAf(tx: Db, id: number, controlesom: string, opmerkingen: string[], bestanden: Bestandstelling[]): Promise<void> {
  await tx.query('UPDATE levering SET controlesom = $2, opmerkingen = $3 WHERE id = $1', [id, controlesom, opmerkingen]);
  for (const b of bestanden) {
    await tx.query(
      `INSERT INTO levering_bestand (levering_id, bestand, controlesom, gelezen, nieuw, vervangen, ongewijzigd, afgewezen)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, b.bestand, b.controlesom, b.gelezen, b.nieuw, b.vervangen, b.ongewijzigd, b.afgewezen]);
  }
}

/**
 * Fresh planner statistics after a delivery: without them PostgreSQL plans the count's
 * window for a few hundred rows where there are millions (hash joins spill, wrong join
 * order). ANALYZE samples a fixed number of rows, so it takes seconds at national scale.
 */
export async function werkStatistiekenBij(db: Db): Promise<void> {
  await db.exec('ANALYZE persoon, inschrijving, diploma, verblijf, werk, vrijstelling, brp_gebeurtenis');
}

/** Rows for `afgewezen_rij` as CSV: levering_id, bestand, regel, kolom, reden, inhoud. */
export const AFGEWEZEN_COPY = 'COPY afgewezen_rij (levering_id, bestand, regel, kolom, reden, inhoud) FROM STDIN WITH (FORMAT csv)';

/**
 * One file of a delivery on its way in: valid rows are copied into a staging table, and
 * merged into the data table when the file has been read.
 */
export class Bestandsstaging {
  private readonly staging: string;
  private readonly kolommen: readonly string[];

  constructor(private readonly tx: Db, private readonly def: Bestandsdefinitie, private readonly leveringId: number) {
    this.staging = `staging_${def.tabel}`;
    this.kolommen = def.kolommen.map((k) => k.naam);
  }

  async begin(): Promise<void> {
    await this.tx.exec(`
      DROP TABLE IF EXISTS ${this.staging};
      CREATE TEMP TABLE ${this.staging} AS SELECT ${this.kolommen.join(', ')} FROM ${this.def.tabel} WITH NO DATA;
      ALTER TABLE ${this.staging} ADD COLUMN regel integer NOT NULL;`);
  }

  /** CSV rows: the file's columns in definition order, then the line number. */
  async kopieer(csv: string): Promise<void> {
    await this.tx.copyIn(`COPY ${this.staging} (${this.kolommen.join(', ')}, regel) FROM STDIN WITH (FORMAT csv)`, csv);
  }

  /**
   * A delivery holds each key once. A later line with a key already seen in the same file
   * is taken out of the staging table (the first stays), so that no row is silently chosen
   * over another. Returns each such line with the line of the first; the caller quarantines
   * them with their delivered text. Almost always there are none, which one grouping shows.
   */
  async haalDubbeleSleutelsUit(): Promise<{ regel: number; eerste: number }[]> {
    const sleutel = this.def.sleutel.join(', ');
    const [{ aantal }] = (await this.tx.query<{ aantal: number }>(
      `SELECT count(*)::int AS aantal FROM (SELECT 1 FROM ${this.staging} GROUP BY ${sleutel} HAVING count(*) > 1) d`)) as [{ aantal: number }];
    if (aantal === 0) return [];
    return this.tx.query<{ regel: number; eerste: number }>(`
      WITH dubbel AS (
        SELECT regel, eerste FROM (
          SELECT regel, row_number() OVER w AS nr, min(regel) OVER w AS eerste
          FROM ${this.staging} WINDOW w AS (PARTITION BY ${sleutel} ORDER BY regel)) x
        WHERE nr > 1),
      weg AS (DELETE FROM ${this.staging} s USING dubbel d WHERE s.regel = d.regel RETURNING s.regel, d.eerste)
      SELECT regel, eerste FROM weg ORDER BY regel`);
  }

  /** The reason stored for a line whose key an earlier line of the file already had. */
  redenDubbeleSleutel(eerste: number): string {
    return `zelfde sleutel (${this.def.sleutel.join(' + ')}) als regel ${eerste}; een levering bevat elke sleutel één keer`;
  }

  /**
   * Replace by key: new keys are inserted, rows whose content differs replace the stored
   * row, identical rows are left alone (so a second import of the same delivery changes
   * nothing, not even `levering_id`).
   */
  async voegSamen(): Promise<{ nieuw: number; vervangen: number; ongewijzigd: number }> {
    const k = this.kolommen;
    const inhoud = k.filter((c) => !this.def.sleutel.includes(c));
    const bijwerken = [...inhoud, 'levering_id'].map((c) => `${c} = EXCLUDED.${c}`).join(', ');
    const anders = inhoud.length
      ? `WHERE (${inhoud.map((c) => `${this.def.tabel}.${c}`).join(', ')}, NULL) IS DISTINCT FROM (${inhoud.map((c) => `EXCLUDED.${c}`).join(', ')}, NULL)`
      : 'WHERE false';
    const [r] = await this.tx.query<{ nieuw: number; vervangen: number; totaal: number }>(`
      WITH samengevoegd AS (
        INSERT INTO ${this.def.tabel} (${k.join(', ')}, levering_id)
        SELECT ${k.join(', ')}, $1 FROM ${this.staging}
        ON CONFLICT (${this.def.sleutel.join(', ')}) DO UPDATE SET ${bijwerken} ${anders}
        RETURNING (xmax = 0) AS nieuw)
      SELECT count(*) FILTER (WHERE nieuw)::int AS nieuw,
             count(*) FILTER (WHERE NOT nieuw)::int AS vervangen,
             (SELECT count(*)::int FROM ${this.staging}) AS totaal
      FROM samengevoegd`, [this.leveringId]);
    await this.tx.exec(`DROP TABLE ${this.staging}`);
    return { nieuw: r!.nieuw, vervangen: r!.vervangen, ongewijzigd: r!.totaal - r!.nieuw - r!.vervangen };
  }
}

/** The names of every delivery imported (refusals are no deliveries). */
export async function leesLeveringsnamen(db: Db): Promise<string[]> {
  return (await db.query<{ naam: string }>('SELECT naam FROM levering ORDER BY id')).map((r) => r.naam);
}
