import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db } from './database.js';
import { acquireFolderLock } from './folderLock.js';
import { bewaakteDeur } from './publiek.js';

const DATE = 1082;
const NUMERIC = 1700;
const INT8 = 20;
const parsers = { [DATE]: (v: string) => v, [NUMERIC]: (v: string) => v, [INT8]: (v: string) => Number(v) };

type Executor = Pick<Transaction, 'query' | 'exec'>;

/** PGlite takes COPY data as a Blob on the pseudo file `/dev/blob` instead of STDIN/STDOUT. */
function toBlobCopy(copyStatement: string, richting: 'STDIN' | 'STDOUT'): string {
  const zonder = copyStatement.replace(new RegExp(`\\b${richting}\\b`), "'/dev/blob'");
  if (zonder === copyStatement) throw new Error(`COPY-opdracht zonder ${richting}: ${copyStatement.slice(0, 60)}`);
  return zonder;
}

function wrap(executor: Executor, transaction: Db['transaction'], close: () => Promise<void>): Db {
  const db: Db = {
    soort: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await executor.query<T>(sql, params as unknown[]);
      return r.rows;
    },
    async queryArrays(sql: string, params: readonly unknown[] = []) {
      const r = await executor.query<unknown[]>(sql, params as unknown[], { rowMode: 'array' });
      return r.rows;
    },
    async exec(sql) {
      await executor.exec(sql);
    },
    async copyIn(copyStatement, csv) {
      await executor.query(toBlobCopy(copyStatement, 'STDIN'), [], { blob: new Blob([csv]) });
    },
    async *copyOut(copyStatement) {
      const r = await executor.query(toBlobCopy(copyStatement, 'STDOUT'));
      if (!r.blob) return;
      const reader = r.blob.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
    transaction,
    close,
    publiekeDeur: async () => bewaakteDeur(db),
  };
  return db;
}

export interface PgliteOptions {
  /** who opens the folder, for the lock file (e.g. `binnenboord import`) */
  readonly command: string;
  /** where messages about a stale lock go */
  readonly notify: (message: string) => void;
}

/**
 * Opens the folder as its only user: the folder lock is taken before PGlite touches the
 * folder, and released after PGlite has closed it. A folder in use throws DatabaseInUse.
 */
export async function openPglite(map: string, options: PgliteOptions): Promise<Db> {
  mkdirSync(map, { recursive: true });
  const lock = acquireFolderLock(map, options.command, options.notify);
  let pg: PGlite;
  try {
    pg = await PGlite.create(map, { parsers, relaxedDurability: false });
  } catch (e) {
    lock.release();
    throw e;
  }
  const noNested = async () => {
    throw new Error('geneste transacties worden niet gebruikt');
  };
  let closed = false;
  // The transaction options need nothing here: this process is the folder's only user and
  // PGlite runs one transaction at a time on its one connection (see TransactionOptions).
  const db = wrap(
    pg,
    (work) => pg.transaction((tx) => work(wrap(tx, noNested, async () => {}))),
    async () => {
      if (closed) return;
      closed = true;
      try {
        await pg.close();
      } finally {
        lock.release();
      }
    },
  );
  return db;
}
