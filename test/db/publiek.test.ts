import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECTMAP } from '../../src/config.js';
import type { Db } from '../../src/db/database.js';
import { PERSOONSTABELLEN, PUBLIEKE_TABELLEN } from '../../src/db/publiek.js';
import { describeDatabases, verseDatabase } from '../support/database.js';

/**
 * Two doors (docs/toegang.md): the public figures are read through a door that cannot reach
 * person data. On PostgreSQL the server itself refuses (role binnenboord_publiek); on PGlite
 * the guard does; and no public route module can even name the person queries.
 */
async function fout(db: Db, sql: string): Promise<string> {
  try {
    await db.query(sql);
  } catch (e) {
    return (e as Error).message;
  }
  return 'geen fout';
}

describeDatabases('publieke deur', (driver) => {
  const t = verseDatabase(driver);

  it('leest de cijfertabellen, en niets met persoonsgegevens', async () => {
    const deur = await t.db.publiekeDeur();
    try {
      for (const tabel of PUBLIEKE_TABELLEN) expect(await deur.query(`SELECT count(*)::int AS n FROM ${tabel}`)).toEqual([{ n: 0 }]);
      const verwacht = driver.naam === 'postgres' ? /permission denied/ : /geen toegang tot/;
      for (const tabel of PERSOONSTABELLEN.filter((n) => n !== 'persoon_referentie')) {
        expect(await fout(deur, `SELECT * FROM ${tabel}`), tabel).toMatch(verwacht);
      }
      expect(await fout(deur, "SELECT persoon_referentie('P01')")).toMatch(verwacht);
      expect(await fout(deur, 'SELECT 1 FROM telling_cijfer c JOIN telling_persoon p ON p.run_id = c.run_id')).toMatch(verwacht);
      if (driver.naam === 'postgres') {
        // the server, not a pattern, refuses: also when the SQL hides the name from a pattern
        expect(await fout(deur, 'SELECT * FROM public."persoon"')).toMatch(/permission denied/);
        expect(await fout(deur, "SELECT * FROM pg_read_file('/etc/passwd')")).toMatch(/permission denied/);
        expect(await deur.query('SELECT current_user AS r')).toEqual([{ r: 'binnenboord_publiek' }]);
      } else {
        expect(await fout(deur, "INSERT INTO levering (naam, map, controlesom) VALUES ('x', 'x', 'x')")).toMatch(/alleen lezen/);
      }
      // the full database still reads everything
      expect(await t.db.query('SELECT count(*)::int AS n FROM persoon')).toEqual([{ n: 0 }]);
    } finally {
      await deur.close();
    }
  });
});

describe('publieke routes', () => {
  it('geen publieke routemodule of servermodule importeert de persoons- of auditqueries', async () => {
    const beschermd = new Set(['routes/personen.ts', 'routes/audit.ts', 'routes/lijsten.ts', 'routes/dossiers.ts', 'routes/werklijst.ts']);
    const map = join(PROJECTMAP, 'src', 'server');
    const overtreders: string[] = [];
    for (const f of (await readdir(map, { recursive: true })).filter((n) => n.endsWith('.ts'))) {
      if (beschermd.has(f)) continue;
      const tekst = await readFile(join(map, f), 'utf8');
      if (/db\/(personen|audit)\.js/.test(tekst)) overtreders.push(f);
    }
    expect(overtreders).toEqual([]);
  });
});
