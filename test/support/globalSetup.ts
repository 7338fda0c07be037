import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { PROJECTMAP } from '../../src/config.js';
import { openDatabase } from '../../src/db/open.js';

/**
 * Runs once before the integration tier:
 * - a migrated PGlite database that every test file copies (creating one takes ~5 s, copying ~0.1 s);
 * - when BINNENBOORD_TEST_POSTGRES_URL is set, a check that the server answers (a set but dead
 *   server fails the run instead of every test one by one);
 * - dist/ rebuilt when older than src/, because the command-line tests run bin/binnenboord.js.
 * Afterwards it removes every database and folder the run made, also those of crashed files.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** folder for everything the run writes; removed afterwards */
    testmap: string;
    /** a migrated, empty PGlite database folder to copy */
    pgliteSjabloon: string;
    /** prefix of the PostgreSQL databases of this run */
    postgresPrefix: string;
  }
}

export const POSTGRES_URL_VARIABLE = 'BINNENBOORD_TEST_POSTGRES_URL';

function nieuwsteWijziging(map: string): number {
  let nieuwste = 0;
  for (const e of readdirSync(map, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.ts')) nieuwste = Math.max(nieuwste, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return nieuwste;
}

function zorgVoorActueleBuild(): void {
  const cli = join(PROJECTMAP, 'dist', 'cli', 'main.js');
  if (existsSync(cli) && statSync(cli).mtimeMs >= nieuwsteWijziging(join(PROJECTMAP, 'src'))) return;
  process.stdout.write('[test setup] dist/ is older than src/: building it for the command-line tests (tsc -p tsconfig.build.json)\n');
  const tsc = join(PROJECTMAP, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: PROJECTMAP, stdio: 'pipe' });
  } catch (e) {
    // tsc still writes its output on type errors; the tests decide whether that output works.
    process.stdout.write(`[test setup] tsc reported errors:\n${String((e as { stdout?: Buffer }).stdout ?? e)}\n`);
  }
}

async function postgresBeheer<T>(url: string, werk: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await werk(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const testmap = await mkdtemp(join(tmpdir(), 'binnenboord-test-'));
  const sjabloon = join(testmap, 'pglite-sjabloon');
  const db = await openDatabase(sjabloon);
  await db.close();
  const postgresPrefix = `binnenboord_test_${randomBytes(4).toString('hex')}_`;
  project.provide('testmap', testmap);
  project.provide('pgliteSjabloon', sjabloon);
  project.provide('postgresPrefix', postgresPrefix);

  const url = process.env[POSTGRES_URL_VARIABLE];
  if (url) {
    const versie = await postgresBeheer(url, async (c) => (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v)
      .catch((e: Error) => {
        throw new Error(`${POSTGRES_URL_VARIABLE} is set, but the server does not answer: ${e.message}`);
      });
    process.stdout.write(`[test setup] database tests run on PGlite and on PostgreSQL ${versie}\n`);
  } else {
    process.stdout.write(`[test setup] database tests run on PGlite only: PostgreSQL NOT tested (${POSTGRES_URL_VARIABLE} is not set)\n`);
  }
  zorgVoorActueleBuild();

  return async () => {
    if (url) {
      await postgresBeheer(url, async (c) => {
        const { rows } = await c.query<{ datname: string }>(
          "SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [postgresPrefix]);
        for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
      });
    }
    await rm(testmap, { recursive: true, force: true });
  };
}
