import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open.js';

/**
 * Fresh databases for the integration tests, on every driver that is available:
 * - `pglite`: always; a copy of a migrated PGlite folder in a temporary folder;
 * - `postgres`: when BINNENBOORD_TEST_POSTGRES_URL names a PostgreSQL server (the maintenance
 *   database, e.g. postgres://postgres@127.0.0.1:54329/postgres); every fresh database is a
 *   new database on that server (CREATE DATABASE), dropped when the test file is done.
 *
 * Without the variable the PostgreSQL suites are still declared, as skipped, with a title that
 * says why: they show in the output and in the `N skipped` count instead of silently vanishing.
 */
export type Drivernaam = 'pglite' | 'postgres';

export interface Testdatabase {
  /** what `--database` / `openDatabase` take: a folder or a postgres:// URL */
  readonly locatie: string;
  readonly db: Db;
}

export interface Testdriver {
  readonly naam: Drivernaam;
  /** A new, empty, migrated database that nothing has open. Removed after the test file. */
  nieuweLocatie(): Promise<string>;
  /** A new, empty, migrated database, opened. Closed and removed after the test file. */
  nieuweDatabase(): Promise<Testdatabase>;
  /** Opens an existing location; closed after the test file if the test does not close it first. */
  open(locatie: string): Promise<Db>;
}

const POSTGRES_URL = process.env.BINNENBOORD_TEST_POSTGRES_URL;

export const DRIVERS: readonly { naam: Drivernaam; nietUitgevoerd: string | null }[] = [
  { naam: 'pglite', nietUitgevoerd: null },
  {
    naam: 'postgres',
    nietUitgevoerd: POSTGRES_URL ? null : 'NOT RUN: set BINNENBOORD_TEST_POSTGRES_URL to a PostgreSQL server (.ci/run does)',
  },
];

/**
 * `describe.each` over the drivers: `body` declares the tests once, they run on each driver.
 * `overgeslagen`: a reason to skip the suite on every driver (e.g. the shared worked examples
 * are absent, test/support/gedeeld.ts), shown in its title as "(OVERGESLAGEN: reason)".
 */
export function describeDatabases(titel: string, body: (driver: Testdriver) => void, opties: { overgeslagen?: string | null } = {}): void {
  for (const d of DRIVERS) {
    if (opties.overgeslagen) {
      describe.skip(`${titel} [${d.naam}] (OVERGESLAGEN: ${opties.overgeslagen})`, () => body(maakDriver(d.naam)));
      continue;
    }
    if (d.nietUitgevoerd) {
      describe.skip(`${titel} [${d.naam}] — ${d.nietUitgevoerd}`, () => body(maakDriver(d.naam)));
      continue;
    }
    describe(`${titel} [${d.naam}]`, () => {
      const driver = maakDriver(d.naam);
      afterAll(() => driver.ruimOp());
      body(driver);
    });
  }
}

/** One fresh database for the tests of a suite, made in `beforeAll`. */
export function verseDatabase(driver: Testdriver): Testdatabase {
  let t: Testdatabase | null = null;
  beforeAll(async () => {
    t = await driver.nieuweDatabase();
  });
  const nu = (): Testdatabase => {
    if (!t) throw new Error('de database is er pas in beforeAll');
    return t;
  };
  return {
    get locatie() {
      return nu().locatie;
    },
    get db() {
      return nu().db;
    },
  };
}

/** Opens a location, runs `work` and closes it again (PGlite allows one process per folder). */
export async function metDatabase<T>(locatie: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(locatie);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** A temporary folder for this test file, removed after the run. */
export async function tijdelijkeMap(soort: string): Promise<string> {
  return mkdtemp(join(testmap(), `${soort}-`));
}

function testmap(): string {
  // Inside the integration tier the global setup provides one; elsewhere use the system's.
  try {
    return inject('testmap') ?? tmpdir();
  } catch {
    return tmpdir();
  }
}

interface Beheerbare extends Testdriver {
  ruimOp(): Promise<void>;
}

function maakDriver(naam: Drivernaam): Beheerbare {
  const open = new Set<Db>();
  const opgeruimd: (() => Promise<void>)[] = [];

  const volg = (db: Db): Db => {
    open.add(db);
    const sluit = db.close.bind(db);
    return {
      ...db,
      close: async () => {
        if (!open.delete(db)) return;
        await sluit();
      },
    };
  };

  const nieuweLocatie = naam === 'pglite' ? nieuwePgliteMap : nieuwePostgresDatabase;
  const driver: Beheerbare = {
    naam,
    async nieuweLocatie() {
      const { locatie, weg } = await nieuweLocatie();
      opgeruimd.push(weg);
      return locatie;
    },
    async nieuweDatabase() {
      const locatie = await driver.nieuweLocatie();
      return { locatie, db: await driver.open(locatie) };
    },
    async open(locatie) {
      return volg(await openDatabase(locatie));
    },
    async ruimOp() {
      for (const db of [...open]) await db.close().catch(() => undefined);
      open.clear();
      for (const weg of opgeruimd.splice(0)) await weg();
    },
  };
  return driver;
}

async function nieuwePgliteMap(): Promise<{ locatie: string; weg: () => Promise<void> }> {
  const map = await tijdelijkeMap('pglite');
  let sjabloon: string | undefined;
  try {
    sjabloon = inject('pgliteSjabloon');
  } catch {
    sjabloon = undefined;
  }
  if (sjabloon) await cp(sjabloon, map, { recursive: true });
  else await (await openDatabase(map)).close();
  return { locatie: map, weg: () => rm(map, { recursive: true, force: true }) };
}

let volgnummer = 0;

async function nieuwePostgresDatabase(): Promise<{ locatie: string; weg: () => Promise<void> }> {
  const beheer = POSTGRES_URL!;
  let prefix: string;
  try {
    prefix = inject('postgresPrefix');
  } catch {
    prefix = 'binnenboord_test_los_';
  }
  volgnummer += 1;
  const naam = `${prefix}${process.pid}_${volgnummer}_${randomBytes(2).toString('hex')}`;
  await beheerOpdracht(beheer, `CREATE DATABASE "${naam}"`);
  const url = new URL(beheer);
  url.pathname = `/${naam}`;
  const locatie = url.toString();
  // Migrated, like a PGlite copy: the tests start from the schema, not from nothing.
  await (await openDatabase(locatie)).close();
  return { locatie, weg: () => verwijderPostgresDatabase(beheer, naam) };
}

/**
 * `pg.Pool.end()` resolves before the server has seen its connections go, and DROP DATABASE
 * WITH (FORCE) would kill such a closing connection, which its client then reports as an
 * unhandled FATAL error. So wait (briefly) until the database has no sessions left.
 */
async function verwijderPostgresDatabase(beheer: string, naam: string): Promise<void> {
  await metBeheer(beheer, async (c) => {
    for (let poging = 0; poging < 100; poging += 1) {
      const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [naam]);
      if (rows[0]!.n === 0) break;
      await new Promise((klaar) => setTimeout(klaar, 50));
    }
    await c.query(`DROP DATABASE IF EXISTS "${naam}" WITH (FORCE)`);
  });
}

async function beheerOpdracht(url: string, sql: string): Promise<void> {
  await metBeheer(url, async (c) => {
    await c.query(sql);
  });
}

async function metBeheer<T>(url: string, werk: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await werk(client);
  } finally {
    await client.end();
  }
}

/** A TCP port on which nothing listens: bound by us, then released. */
export async function geslotenPoort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
  const adres = server.address();
  await new Promise<void>((klaar) => server.close(() => klaar()));
  if (adres === null || typeof adres === 'string') throw new Error('geen poort');
  return adres.port;
}
