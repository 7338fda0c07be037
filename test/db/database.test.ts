import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/db/csv.js';
import { describeLocation, parseDatabaseLocation } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrations.js';
import { DatabaseUnavailable, openDatabase } from '../../src/db/open.js';
import { describeDatabases, geslotenPoort, metDatabase, verseDatabase } from '../support/database.js';
import { ALLE_TABELLEN } from '../support/levering.js';

/** Tables of migration 005_accounts (issue 8: accounts, sessions, login attempts, machine clients, OIDC logins under way). */
const ACCOUNTTABELLEN = ['account', 'sessie', 'inlogpoging', 'machineclient', 'oidc_aanvraag'];

/**
 * The `Db` interface on both drivers: the same schema, the same value types, the same
 * transaction and COPY behaviour. Everything else in src/ relies on these.
 */
describeDatabases('Db-laag', (driver) => {
  const t = verseDatabase(driver);

  it('meldt de juiste driver', () => {
    expect(t.db.soort).toBe(driver.naam);
  });

  it('een nieuwe database heeft elke tabel van het schema en elke migratie één keer uitgevoerd', async () => {
    const tabellen = (await t.db.query<{ naam: string }>(
      "SELECT table_name AS naam FROM information_schema.tables WHERE table_schema = 'public'")).map((r) => r.naam);
    expect(new Set(tabellen)).toEqual(new Set([...ALLE_TABELLEN, ...ACCOUNTTABELLEN]));
    expect(await t.db.query('SELECT naam FROM schema_migration ORDER BY naam')).toEqual([
      { naam: '001_basis' }, { naam: '002_levering_weigering' }, { naam: '003_toegang' }, { naam: '005_accounts' }, { naam: '006_lijsten' },
      { naam: '007_verzuim' }, { naam: '008_dossiers' }, { naam: '010_startset_in_telling' }, { naam: '011_overdracht' },
      { naam: '012_verzuim_volgorde' }, { naam: '013_audit_bij_commit' }, { naam: '014_verzuim_cijfer' }, { naam: '015_lijst_scope' }, { naam: '016_publicatie' }, { naam: '017_driejaar' },
    ]);
  });

  it('migreren op een bijgewerkte database verandert niets en laat de data staan', async () => {
    await t.db.query("INSERT INTO levering (naam, map, controlesom) VALUES ('x', '/x', 'abc')");
    await migrate(t.db);
    expect(await t.db.query('SELECT count(*)::int AS n FROM schema_migration')).toEqual([{ n: 15 }]);
    expect(await t.db.query('SELECT naam, controlesom FROM levering')).toEqual([{ naam: 'x', controlesom: 'abc' }]);
    await t.db.exec('DELETE FROM levering');
  });

  it('datums komen terug als JJJJ-MM-DD, tellingen als getal, numeric als exacte tekst', async () => {
    const [r] = await t.db.query<Record<string, unknown>>(
      "SELECT DATE '2020-10-01' AS d, count(*) AS n, 7.30::numeric AS u, NULL::date AS leeg FROM (VALUES (1), (2)) v(x)");
    expect(r).toEqual({ d: '2020-10-01', n: 2, u: '7.30', leeg: null });
    expect(await t.db.queryArrays("SELECT DATE '1999-12-31', 'a'::text")).toEqual([['1999-12-31', 'a']]);
  });

  it('een transactie die faalt laat niets achter; een transactie die slaagt, alles', async () => {
    await t.db.exec('CREATE TABLE proef_tx (x int)');
    await expect(t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO proef_tx VALUES (1)');
      await tx.copyIn('COPY proef_tx (x) FROM STDIN WITH (FORMAT csv)', '2\n3\n');
      throw new Error('halverwege mis');
    })).rejects.toThrow('halverwege mis');
    expect(await t.db.query('SELECT x FROM proef_tx')).toEqual([]);

    const uitkomst = await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO proef_tx VALUES (1)');
      await tx.copyIn('COPY proef_tx (x) FROM STDIN WITH (FORMAT csv)', '2\n3\n');
      return 'klaar';
    });
    expect(uitkomst).toBe('klaar');
    expect((await t.db.query<{ x: number }>('SELECT x FROM proef_tx ORDER BY x')).map((r) => r.x)).toEqual([1, 2, 3]);
  });

  it('een SQL-fout in een transactie rolt terug en de verbinding blijft bruikbaar', async () => {
    await t.db.exec('CREATE TABLE proef_fout (x int PRIMARY KEY)');
    await expect(t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO proef_fout VALUES (1)');
      await tx.query('INSERT INTO proef_fout VALUES (1)');
    })).rejects.toThrow(/duplicate key|unique/i);
    expect(await t.db.query('SELECT count(*)::int AS n FROM proef_fout')).toEqual([{ n: 0 }]);
  });

  it('COPY heen en terug bewaart komma, aanhalingsteken, nieuwe regel, "\\.", niet-ASCII, leeg en NULL', async () => {
    const waarden = ['komma, erin', 'aanhalings"teken', 'regel\nnieuwe regel', '\\.', 'Zoë ĳ €', '', null];
    await t.db.exec('CREATE TABLE proef_copy (nr int, tekst text)');
    await t.db.copyIn('COPY proef_copy (nr, tekst) FROM STDIN WITH (FORMAT csv)',
      waarden.map((w, i) => csvLine([i + 1, w])).join(''));
    const terug = await t.db.query<{ tekst: string | null }>('SELECT tekst FROM proef_copy ORDER BY nr');
    expect(terug.map((r) => r.tekst)).toEqual(waarden);

    const stukken: Uint8Array[] = [];
    for await (const s of t.db.copyOut('COPY (SELECT nr, tekst FROM proef_copy ORDER BY nr) TO STDOUT WITH (FORMAT csv)')) stukken.push(s);
    expect(Buffer.concat(stukken).toString('utf8')).toBe(
      '1,"komma, erin"\n2,"aanhalings""teken"\n3,"regel\nnieuwe regel"\n4,\\.\n5,Zoë ĳ €\n6,""\n7,\n');
    // Alone on a line, `\.` would end the data: PostgreSQL quotes it there.
    const alleen: Uint8Array[] = [];
    for await (const s of t.db.copyOut('COPY (SELECT tekst FROM proef_copy WHERE nr = 4) TO STDOUT WITH (FORMAT csv)')) alleen.push(s);
    expect(Buffer.concat(alleen).toString('utf8')).toBe('"\\."\n');
  });

  it('wat is opgeslagen, staat er na sluiten en opnieuw openen nog', async () => {
    const locatie = await driver.nieuweLocatie();
    await metDatabase(locatie, (db) => db.query("INSERT INTO levering (naam, map, controlesom) VALUES ('blijft', '/m', 'c')"));
    const rijen = await metDatabase(locatie, (db) => db.query('SELECT naam FROM levering'));
    expect(rijen).toEqual([{ naam: 'blijft' }]);
  });
});

describe('databaselocatie', () => {
  it('een postgres://- of postgresql://-URL is een server, al het andere een map', () => {
    expect(parseDatabaseLocation('postgres://u@h/db')).toEqual({ soort: 'postgres', url: 'postgres://u@h/db' });
    expect(parseDatabaseLocation('postgresql://u@h/db').soort).toBe('postgres');
    expect(parseDatabaseLocation('./postgres')).toEqual({ soort: 'pglite', map: './postgres' });
  });

  it('een beschrijving toont nooit het wachtwoord', () => {
    expect(describeLocation(parseDatabaseLocation('postgres://jan:geheim@db.example:5432/bb')))
      .toBe('PostgreSQL-server postgres://jan:***@db.example:5432/bb');
  });

  it('een server die niet luistert geeft DatabaseUnavailable, zonder wachtwoord in de melding', async () => {
    const poort = await geslotenPoort();
    const fout = await openDatabase(`postgres://jan:geheim@127.0.0.1:${poort}/bb`).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(DatabaseUnavailable);
    expect((fout as Error).message).toMatch(/niet bereikbaar/);
    expect((fout as Error).message).toContain(`127.0.0.1:${poort}`);
    expect((fout as Error).message).not.toContain('geheim');
  });
});
