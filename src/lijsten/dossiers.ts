import type { Db } from '../db/database.js';
import type { Lijstrun } from '../db/lijsten.js';
import type { Maand } from '../domain/lijsten/maand.js';
import { lijstenVanMaand } from './berekenLijsten.js';

/**
 * A month's stored lists, as `lijstenVanMaand`; the dossiers follow them (opvolging.md).
 */
export async function lijstenMetDossiers(db: Db, maand: Maand): Promise<{ run: Lijstrun; nieuw: boolean }> {
  return lijstenVanMaand(db, maand);
}
