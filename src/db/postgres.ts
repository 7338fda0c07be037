import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Db } from './database.js';
import { PUBLIEKE_ROL, publiekeRolSql } from './publiek.js';

// Dates stay ISO strings and counts plain numbers, the same as on PGlite.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));

type Connection = pg.Pool | pg.PoolClient;

/**
 * `reader` runs copyOut. Inside a transaction it is the pool, not the transaction's client:
 * a client streaming COPY OUT cannot take the COPY IN that the consumer issues meanwhile.
 */
function wrap(connection: Connection, reader: pg.Pool, transaction: Db['transaction'], close: () => Promise<void>,
  publiekeDeur: () => Promise<Db>): Db {
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
      try {
        yield* client.query(copyTo(copyStatement));
      } finally {
        client.release();
      }
    },
    transaction,
    close,
    publiekeDeur,
  };
}

export async function openPostgres(url: string, rol?: string): Promise<Db> {
  // The public door: every connection of its pool starts as the restricted role (a startup
  // option: a connection that cannot take the role is refused, it never falls back to the user).
  const pool = new pg.Pool({ connectionString: url, max: rol ? 4 : 10, ...(rol ? { options: `-c role=${rol}` } : {}) });
  // Fail now, with the server's own message, rather than at the first query.
  const probe = await pool.connect();
  probe.release();
  const noNested = async () => {
    throw new Error('geneste transacties worden niet gebruikt');
  };
  const publiekeDeur = async (): Promise<Db> => {
    if (rol) throw new Error('de publieke deur heeft zelf geen publieke deur');
    await pool.query(publiekeRolSql());
    const deur = await openPostgres(url, PUBLIEKE_ROL);
    const [r] = (await deur.query<{ rol: string }>('SELECT current_user AS rol'));
    if (r?.rol !== PUBLIEKE_ROL) throw new Error(`de publieke deur draait als ${r?.rol}, niet als ${PUBLIEKE_ROL}`);
    return deur;
  };
  const db: Db = wrap(
    pool,
    pool,
    async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const uitkomst = await work(wrap(client, pool, noNested, async () => {}, publiekeDeur));
        await client.query('COMMIT');
        return uitkomst;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    () => pool.end(),
    publiekeDeur,
  );
  return db;
}
