import { registreerInzage } from '../db/audit.js';
import type { Db } from '../db/database.js';

/**
 * The one place where reading a list of persons is recorded in the audit trail (who, which
 * list, which month and scope, how many persons, where to). The audit is being rebuilt with
 * accounts and roles; only this function needs to follow it. Never a persoon_id here.
 */
export interface Lijstinzage {
  readonly actor: string;
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
  await registreerInzage(db, {
    actor: inzage.actor,
    handeling: 'lijst',
    details: `lijst ${inzage.soort} ${inzage.maand} (lijstrun ${inzage.lijstrunId}), bereik ${inzage.bereik}: `
      + `${inzage.personen} personen naar ${inzage.naar}`,
  });
}
