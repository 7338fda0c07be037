import { parseDatabaselocatie, beschrijfLocatie, type Db } from './database.js';
import { migreer } from './migraties.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export class DatabaseNietBeschikbaar extends Error {}

/** Opens the database at a location of cli.md and brings its schema up to date. */
export async function openDatabase(locatie: string): Promise<Db> {
  const l = parseDatabaselocatie(locatie);
  let db: Db;
  try {
    db = l.soort === 'pglite' ? await openPglite(l.map) : await openPostgres(l.url);
  } catch (e) {
    throw new DatabaseNietBeschikbaar(`${beschrijfLocatie(l)} is niet bereikbaar: ${(e as Error).message}`);
  }
  await migreer(db);
  return db;
}
