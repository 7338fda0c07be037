import pg from 'pg';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { WRITER_LOCK_KEY } from '../../src/db/postgres.js';
import { parseSchooljaar } from '../../src/domain/schooljaar.js';
import { importeerLevering } from '../../src/importeren/importeer.js';
import { voerTellingUit } from '../../src/telling/voerTellingUit.js';
import { describeDatabases, verseDatabase } from '../support/database.js';
import { csv, schrijfLevering, voorbeelden } from '../support/levering.js';
import { VOORBEELDEN } from '../support/gedeeld.js';

/**
 * One writer at a time on a database that many processes share (PostgreSQL): imports take the
 * writer lock exclusively, counts shared (src/db/postgres.ts), and a count reads its data and
 * the deliveries it names from one snapshot taken after it got the lock. On PGlite the folder
 * lock makes one process the only user, and its one connection runs one transaction at a time.
 */
const JAAR = parseSchooljaar('2019-2020')!;
const OPTIES = { status: 'definitief', werkurenDrempel: 12 } as const;

/** P01 turns out still enrolled: in the worked examples that takes one vsv'er off (4 → 3). */
async function correctie(): Promise<string> {
  return schrijfLevering({
    'inschrijvingen.csv': csv(
      ['inschrijving_id', 'persoon_id', 'brin', 'vestiging', 'onderwijstype', 'leerjaar', 'niveau', 'leerweg', 'crebo', 'nieuwkomer', 'begindatum', 'einddatum'],
      ['P01-i1', 'P01', '20BB', '00', 'mbo', '1', '2', 'bol', '', 'nee', '2019-08-15', '']),
  });
}

describeDatabases('imports en tellingen één voor één', (driver) => {
  const t = verseDatabase(driver);

  beforeAll(async () => {
    await importeerLevering(t.db, voorbeelden().levering);
  });

  it('een telling die tegelijk met een import start, noemt precies de leveringen waarvan zij de data telde', async () => {
    // On PGlite one process has the folder, so both run on the one connection; on PostgreSQL on two.
    const db2 = driver.naam === 'postgres' ? await driver.open(t.locatie) : t.db;
    const [v, run] = await Promise.all([importeerLevering(t.db, await correctie()), voerTellingUit(db2, JAAR, OPTIES)]);
    if (db2 !== t.db) await db2.close();
    expect(run.vsv).toBe(run.leveringen.includes(v.leveringId) ? 3 : 4);
    const na = await voerTellingUit(t.db, JAAR, OPTIES);
    expect(na.leveringen).toContain(v.leveringId);
    expect(na.vsv).toBe(3);
  });

  if (driver.naam !== 'postgres') return;

  /** A session of the test itself that holds the writer lock, as another import would. */
  async function houder(): Promise<{ client: pg.Client; laatLos: () => Promise<void> }> {
    const client = new pg.Client({ connectionString: t.locatie, application_name: 'test-houder' });
    await client.connect();
    await client.query('SELECT pg_advisory_lock($1)', [WRITER_LOCK_KEY]);
    let los = false;
    const laatLos = async () => {
      if (los) return;
      los = true;
      await client.end(); // ending the session lets go of its lock
    };
    losTeLaten.push(laatLos);
    return { client, laatLos };
  }
  const losTeLaten: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const laatLos of losTeLaten.splice(0)) await laatLos();
  });

  it('een import wacht op een andere import, en zegt op wie', async () => {
    const h = await houder();
    let meld: (m: string) => void = () => undefined;
    const gewacht = new Promise<string>((r) => (meld = r));
    let klaar = false;
    const imp = importeerLevering(t.db, voorbeelden().levering, { bijWachten: (m) => meld(m) }).finally(() => (klaar = true));
    const melding = await Promise.race([gewacht, imp.then(() => 'klaar zonder te wachten')]);
    expect(melding).toMatch(/^Wacht: een andere import of telling op deze database is bezig: test-houder \(serverproces \d+, sinds /);
    expect(klaar).toBe(false);
    await h.laatLos();
    expect((await imp).herhalingVan).not.toBeNull();
  });

  it('twee imports van dezelfde levering tegelijk: één levering, de andere is een herhaling', async () => {
    const a = await driver.open(t.locatie);
    const b = await driver.open(t.locatie);
    const map = await schrijfLevering({ 'personen.csv': csv(['persoon_id', 'geboortedatum', 'geslacht'], ['S01', '2003-01-01', 'V']) });
    const [va, vb] = await Promise.all([importeerLevering(a, map), importeerLevering(b, map)]);
    await a.close();
    await b.close();
    expect([va.herhalingVan === null, vb.herhalingVan === null].sort()).toEqual([false, true]);
    expect(va.leveringId).toBe(vb.leveringId);
    const [r] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM levering WHERE controlesom = $1', [va.controlesom]);
    expect(r!.n).toBe(1);
  });

  it('een telling die op een import wachtte, ziet die import: data én leveringenlijst uit één momentopname van ná het wachten', async () => {
    const basis = await voerTellingUit(t.db, JAAR, OPTIES);
    const h = await houder();
    let melding = '';
    const telling = voerTellingUit(t.db, JAAR, OPTIES, { bijWachten: (m) => (melding = m) });
    // While the count waits, "an import" commits: P01 left in January after all (as in the worked examples).
    while (melding === '') await new Promise((r) => setTimeout(r, 10));
    expect(melding).toMatch(/^Wacht: een import op deze database is bezig: test-houder/);
    const [{ id }] = (await h.client.query<{ id: number }>(
      `INSERT INTO levering (naam, map, controlesom) VALUES ('tussendoor', '/tussendoor', 'x') RETURNING id`)).rows as [{ id: number }];
    await h.client.query(`UPDATE inschrijving SET einddatum = DATE '2020-01-31', levering_id = $1 WHERE inschrijving_id = 'P01-i1'`, [id]);
    await h.laatLos();
    const run = await telling;
    expect(run.leveringen).toContain(id);
    expect(run.vsv).toBe(basis.vsv + 1);
  });
}, { overgeslagen: VOORBEELDEN.reden });
