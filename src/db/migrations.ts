import type { Db } from './database.js';
import basis from './migrations/001_initial.js';
import leveringWeigering from './migrations/002_levering_weigering.js';
import toegang from './migrations/003_toegang.js';
import accounts from './migrations/005_accounts.js';
import lijsten from './migrations/006_lijsten.js';
import verzuim from './migrations/007_verzuim.js';
import dossiers from './migrations/008_dossiers.js';
import startsetInTelling from './migrations/010_startset_in_telling.js';
import overdracht from './migrations/011_overdracht.js';
import verzuimVolgorde from './migrations/012_verzuim_volgorde.js';
import auditBijCommit from './migrations/013_audit_bij_commit.js';
import verzuimCijfer from './migrations/014_verzuim_cijfer.js';
import lijstScope from './migrations/015_lijst_scope.js';
import publicatie from './migrations/016_publicatie.js';
import driejaar from './migrations/017_driejaar.js';

/**
 * The one set of migrations, in order. Each runs once, in a transaction, and is recorded
 * in `schema_migration`. Add a new file `migraties/NNN_name.ts` and list it here; never
 * change one that has been released.
 */
const MIGRATIONS: readonly { naam: string; sql: string }[] = [
  { naam: '001_basis', sql: basis },
  { naam: '002_levering_weigering', sql: leveringWeigering },
  { naam: '003_toegang', sql: toegang },
  { naam: '005_accounts', sql: accounts },
  { naam: '006_lijsten', sql: lijsten },
  { naam: '007_verzuim', sql: verzuim },
  { naam: '008_dossiers', sql: dossiers },
  { naam: '010_startset_in_telling', sql: startsetInTelling },
  { naam: '011_overdracht', sql: overdracht },
  { naam: '012_verzuim_volgorde', sql: verzuimVolgorde },
  { naam: '013_audit_bij_commit', sql: auditBijCommit },
  { naam: '014_verzuim_cijfer', sql: verzuimCijfer },
  { naam: '015_lijst_scope', sql: lijstScope },
  { naam: '016_publicatie', sql: publicatie },
  { naam: '017_driejaar', sql: driejaar },
];

export async function migrate(db: Db): Promise<void> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    naam text PRIMARY KEY, uitgevoerd_op timestamptz NOT NULL DEFAULT now())`);
  const gedaan = new Set((await db.query<{ naam: string }>('SELECT naam FROM schema_migration')).map((r) => r.naam));
  for (const m of MIGRATIONS) {
    if (gedaan.has(m.naam)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migration (naam) VALUES ($1)', [m.naam]);
    });
  }
}
