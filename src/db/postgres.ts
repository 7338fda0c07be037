import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Db, TransactionOptions } from './database.js';
import { PUBLIEKE_ROL, publiekeRolSql } from './publiek.js';

// Dates stay ISO strings and counts plain numbers, the same as on PGlite.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));

type Connection = pg.Pool | pg.PoolClient;

/**
 * The advisory lock that serialises imports and counts (TransactionOptions.writerLock). One
 * fixed key for the whole database; below 2^31, so pg_locks shows it as classid 0, objid KEY.
 */
export const WRITER_LOCK_KEY = 0x42426e64; // 'BBnd'

/**
 * `reader` runs copyOut. Inside a transaction it is the pool, not the transaction's client:
 * a client streaming COPY OUT cannot take the COPY IN that the consumer issues meanwhile.
 * With `snapshot` (an exported snapshot of the transaction) that second connection reads in
 * a read-only transaction on exactly that snapshot, so it sees what the transaction sees.
 */
function wrap(connection: Connection, reader: pg.Pool, transaction: Db['transaction'], close: () => Promise<void>,
  publiekeDeur: () => Promise<Db>, snapshot: string | null = null): Db {
  const withClient = async <T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    if (!(connection instanceof pg.Pool)) return work(connection);
    const client = await connection.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  };
  return {
    soort: 'postgres',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await connection.query(sql, params as unknown[]);
      return r.rows as T[];
    },
    async queryArrays(sql: string, params: readonly unknown[] = []) {
      const r = await connection.query({ text: sql, values: params as unknown[], rowMode: 'array' });
      return r.rows as unknown[][];
    },
    async exec(sql) {
      await connection.query(sql);
    },
    async copyIn(copyStatement, csv) {
      await withClient((c) => pipeline(Readable.from([csv]), c.query(copyFrom(copyStatement))));
    },
    async *copyOut(copyStatement) {
      const client = await reader.connect();
      let open = false;
      try {
        if (snapshot) {
          await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
          open = true;
          await client.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, "''")}'`);
        }
        yield* client.query(copyTo(copyStatement));
        if (open) {
          open = false;
          await client.query('COMMIT');
        }
      } finally {
        if (open) await client.query('ROLLBACK').catch(() => undefined);
        client.release();
      }
    },
    transaction,
    close,
    publiekeDeur,
  };
}

/** Who holds the writer lock now: pid and application_name of each session, for the waiting message. */
async function writerLockHolders(client: pg.PoolClient): Promise<string> {
  const { rows } = await client.query<{ pid: number; naam: string; sinds: string | null }>(`
    SELECT a.pid, coalesce(nullif(a.application_name, ''), 'onbekend') AS naam,
           to_char(coalesce(a.xact_start, a.query_start) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS sinds
    FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1 AND l.objsubid = 1
    ORDER BY a.pid`, [WRITER_LOCK_KEY]);
  return rows.map((r) => `${r.naam} (serverproces ${r.pid}${r.sinds ? `, sinds ${r.sinds} UTC` : ''})`).join(', ') || 'een ander proces';
}

/**
 * Takes the writer lock on the session before the transaction begins (and so before its
 * snapshot is taken): a count that waited for an import then sees that import's data.
 */
async function takeWriterLock(client: pg.PoolClient, options: TransactionOptions): Promise<void> {
  const shared = options.writerLock === 'shared' ? '_shared' : '';
  const { rows } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock${shared}($1) AS ok`, [WRITER_LOCK_KEY]);
  if (rows[0]!.ok) return;
  const wie = await writerLockHolders(client);
  options.onWait?.(`Wacht: ${options.writerLock === 'shared' ? 'een import' : 'een andere import of telling'} op deze database is bezig: ${wie}. ` +
    'Imports en tellingen lopen één voor één; deze gaat verder zodra die klaar is.');
  await client.query(`SELECT pg_advisory_lock${shared}($1)`, [WRITER_LOCK_KEY]);
}

export interface PostgresOptions {
  /** application_name of the sessions: who is connected, e.g. `binnenboord import` */
  readonly command: string;
  /** the pool's size (default `standaardVerbindingen`) */
  readonly verbindingen?: number | undefined;
}

/**
 * Twice the cores plus one (PostgreSQL's rule of thumb for a busy pool). More connections
 * than the machine can run at once only queue up behind the audit trail's chain head, which
 * every audited request takes: measured with 20 concurrent users on 2 cores (bench/verzuimHttp.ts),
 * the open-reports page had a p95 of 196 ms with 10 connections and 147 ms with 5.
 */
export function standaardVerbindingen(): number {
  return 2 * availableParallelism() + 1;
}

/**
 * `rol`: the public door (docs/toegang.md): every connection of its pool starts as that
 * restricted role (a startup option: a connection that cannot take the role is refused, it
 * never falls back to the user).
 */
export async function openPostgres(url: string, options: PostgresOptions, rol?: string): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url, max: rol ? 4 : (options.verbindingen ?? standaardVerbindingen()), application_name: options.command.slice(0, 63),
    ...(rol ? { options: `-c role=${rol}` } : {}),
  });
  // Fail now, with the server's own message, rather than at the first query.
  const probe = await pool.connect();
  probe.release();
  const noNested = async () => {
    throw new Error('geneste transacties worden niet gebruikt');
  };
  const publiekeDeur = async (): Promise<Db> => {
    if (rol) throw new Error('de publieke deur heeft zelf geen publieke deur');
    await pool.query(publiekeRolSql());
    const deur = await openPostgres(url, { command: `${options.command} (publiek)` }, PUBLIEKE_ROL);
    const [r] = (await deur.query<{ rol: string }>('SELECT current_user AS rol'));
    if (r?.rol !== PUBLIEKE_ROL) throw new Error(`de publieke deur draait als ${r?.rol}, niet als ${PUBLIEKE_ROL}`);
    return deur;
  };
  const db: Db = wrap(
    pool,
    pool,
    async (work, options = {}) => {
      const client = await pool.connect();
      let locked = false;
      let broken = false;
      try {
        if (options.writerLock) {
          await takeWriterLock(client, options);
          locked = true;
        }
        await client.query(options.oneSnapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN');
        let snapshot: string | null = null;
        if (options.oneSnapshot) {
          const { rows } = await client.query<{ s: string }>('SELECT pg_export_snapshot() AS s');
          snapshot = rows[0]!.s;
        }
        const uitkomst = await work(wrap(client, pool, noNested, async () => {}, publiekeDeur, snapshot));
        await client.query('COMMIT');
        return uitkomst;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        if (locked) {
          const unlock = options.writerLock === 'shared' ? 'pg_advisory_unlock_shared' : 'pg_advisory_unlock';
          // A connection that cannot say it let go of the lock is closed: that lets go of it.
          await client.query(`SELECT ${unlock}($1)`, [WRITER_LOCK_KEY]).catch(() => {
            broken = true;
          });
        }
        client.release(broken);
      }
    },
    () => pool.end(),
    publiekeDeur,
  );
  return db;
}
