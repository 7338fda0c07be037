import { lijstUitvoer, type Lijstrun } from '../db/lijsten.js';
import type { Db } from '../db/database.js';
import type { Lijstsoort } from '../domain/lijsten/lijsten.js';
import { scopekolom, type Scope } from '../domain/lijsten/rij.js';

/**
 * One list of a stored run as the CSV of lijsten.md ("Command line"): header, one row per
 * person, sorted by persoon_id, only the rows the scope sees. Yields chunks; counts the rows.
 */
export const LIJST_KOP = 'lijst,maand,persoon_id,gemeente_code,rmc_code,leeftijd,brin,vestiging,onderwijstype,einddatum,reden\n';

export async function* lijstCsv(db: Db, run: Lijstrun, soort: Lijstsoort, scope: Scope, teller: { rijen: number }): AsyncGenerator<Uint8Array | string> {
  const kolom = scopekolom(scope);
  const filter = kolom && scope.soort !== 'landelijk' ? { kolom, waarde: scope.code } : null;
  yield LIJST_KOP;
  for await (const stuk of db.copyOut(lijstUitvoer(run, soort, filter))) {
    for (const byte of stuk) if (byte === 10) teller.rijen += 1;
    yield stuk;
  }
}
