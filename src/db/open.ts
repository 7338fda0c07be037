import { parseDatabaseLocation, describeLocation, type Db } from './database.js';
import { DatabaseInUse, describeThisProcess } from './folderLock.js';
import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export class DatabaseUnavailable extends Error {}
export { DatabaseInUse };

export interface OpenOptions {
  /**
   * Who opens the database, named in the lock of an embedded database and as the session's
   * application_name on a server: a program and a command (`binnenboord import`), never its
   * arguments. Default: this process's script and subcommand.
   */
  readonly command?: string;
  /** where a message about a taken-over stale lock goes (default: stderr) */
  readonly notify?: (message: string) => void;
  /** connections a PostgreSQL pool may open (default `standaardVerbindingen`); an embedded database has one */
  readonly verbindingen?: number;
}

/**
 * Opens the database at a location of cli.md and brings its schema up to date. An embedded
 * database folder that another process has open throws DatabaseInUse, naming that process.
 */
export async function openDatabase(locatie: string, options: OpenOptions = {}): Promise<Db> {
  const l = parseDatabaseLocation(locatie);
  const command = options.command ?? describeThisProcess();
  const notify = options.notify ?? ((m: string) => process.stderr.write(`${m}\n`));
  let db: Db;
  try {
    db = l.soort === 'pglite' ? await openPglite(l.map, { command, notify }) : await openPostgres(l.url, { command, verbindingen: options.verbindingen });
  } catch (e) {
    if (e instanceof DatabaseInUse) throw e;
    throw new DatabaseUnavailable(`${describeLocation(l)} is niet bereikbaar: ${(e as Error).message}`);
  }
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return db;
}
