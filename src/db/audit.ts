import type { Db } from './database.js';

/**
 * The audit trail: every read of personal data is recorded here, in the database, with who
 * read it, what was done and whose data it was. Never written to a log file.
 */
export interface Auditregel {
  actor: string;
  handeling: string;
  persoonId?: string | null;
  details?: string | null;
}

export async function registreerInzage(db: Db, regel: Auditregel): Promise<void> {
  await db.query('INSERT INTO audit (actor, handeling, persoon_id, details) VALUES ($1, $2, $3, $4)',
    [regel.actor, regel.handeling, regel.persoonId ?? null, regel.details ?? null]);
}
