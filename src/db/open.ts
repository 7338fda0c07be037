import { parseDatabaseLocation, describeLocation, type Db } from './database.js';
import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export class DatabaseUnavailable extends Error {}

/** Opens the database at a location of cli.md and brings its schema up to date. */
export async function openDatabase(locatie: string): Promise<Db> {
  const l = parseDatabaseLocation(locatie);
  let db: Db;
  try {
    db = l.soort === 'pglite' ? await openPglite(l.map) : await openPostgres(l.url);
  } catch (e) {
    throw new DatabaseUnavailable(`${describeLocation(l)} is niet bereikbaar: ${(e as Error).message}`);
  }
  await migrate(db);
  return db;
}
