/**
 * The one query layer of Binnenboord. Both drivers (embedded PGlite and a PostgreSQL
 * server over `pg`) implement this interface, so every SQL statement in `src/db/` runs
 * unchanged on both. Dates (`date`) come back as `YYYY-MM-DD` strings, never as `Date`.
 */
export interface Db {
  readonly soort: 'pglite' | 'postgres';
  /** Runs one statement with `$1`-style parameters and returns its rows as objects. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** As `query`, but each row as an array in column order (for results with unnamed columns). */
  queryArrays(sql: string, params?: readonly unknown[]): Promise<unknown[][]>;
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /** `COPY table (cols) FROM STDIN WITH (FORMAT csv)` fed with CSV text. */
  copyIn(copyStatement: string, csv: string): Promise<void>;
  /**
   * `COPY (query) TO STDOUT WITH (FORMAT csv)`: the CSV output as a stream of chunks. It reads
   * committed data: inside a transaction on a PostgreSQL server it runs on its own connection.
   */
  copyOut(copyStatement: string): AsyncIterable<Uint8Array>;
  /** Runs `work` in one transaction: all of it is committed, or none of it. */
  transaction<T>(work: (tx: Db) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
  /**
   * The public door (src/db/publiek.ts): a connection for the public figures that cannot read
   * person data. On PostgreSQL a second pool as the role binnenboord_publiek (close it when
   * done); on PGlite a guard over this connection.
   */
  publiekeDeur(): Promise<Db>;
}

/**
 * One writer at a time. On PGlite the folder lock (folderLock.ts) already makes the process
 * the only user, and its one connection runs one transaction at a time, so these options
 * change nothing there. On a PostgreSQL server many processes share the database:
 * - `writerLock`: an advisory lock around the transaction: `exclusive` for an import,
 *   `shared` for a count, so imports wait for each other and for counts, and counts wait
 *   for an import (but not for each other);
 * - `oneSnapshot`: REPEATABLE READ, and COPY out (which runs on a second connection) reads
 *   the same exported snapshot, so every read of the transaction sees the same data.
 */
export interface TransactionOptions {
  readonly writerLock?: 'exclusive' | 'shared';
  readonly oneSnapshot?: boolean;
  /** Called once, before waiting, when another session holds the writer lock. */
  readonly onWait?: (message: string) => void;
}

export type DatabaseLocation = { soort: 'pglite'; map: string } | { soort: 'postgres'; url: string };

/** cli.md: a `postgres://` or `postgresql://` URL is a server; anything else is a folder. */
export function parseDatabaseLocation(waarde: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//.test(waarde)) return { soort: 'postgres', url: waarde };
  return { soort: 'pglite', map: waarde };
}

/** Describes a location for messages without its password. */
export function describeLocation(locatie: DatabaseLocation): string {
  if (locatie.soort === 'pglite') return `ingebedde database in ${locatie.map}`;
  return `PostgreSQL-server ${locatie.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`;
}
