import { registreerInzage } from '../db/audit.js';
import type { Db } from '../db/database.js';
import type { Gebruiker } from '../domain/toegang/rollen.js';

/**
 * The one place where reading a list of persons is recorded in the audit trail (who, which
 * list, which month and scope, how many persons, where to). The audit is being rebuilt with
 * accounts and roles; only this function needs to follow it. Never a persoon_id here.
 */
export interface Lijstinzage {
  readonly gebruiker: Gebruiker;
  readonly soort: string;
  readonly maand: string;
  /** e.g. `rmc 21`, `gemeente GM0363`, `brin 25LX` or `landelijk` */
  readonly bereik: string;
  readonly lijstrunId: number;
  readonly personen: number;
  /** a file name, or `standaarduitvoer` */
  readonly naar: string;
}

export async function registreerLijstinzage(db: Db, inzage: Lijstinzage): Promise<void> {
  // The rows leave as a COPY stream, so the persons are recorded by number, not one by one
  // (open point: a reference per person, as the API's reads do).
  await db.transaction((tx) => registreerInzage(tx, {
    gebruiker: inzage.gebruiker, handeling: 'lijst.lezen', doel: 'maandlijst',
    parameters: { soort: inzage.soort, maand: inzage.maand, bereik: inzage.bereik, lijstrun: inzage.lijstrunId, personen: inzage.personen, naar: inzage.naar },
    personen: { ids: [] },
  }));
}
