import pg from 'pg';

/**
 * A throwaway database on the PostgreSQL server of `url` for one benchmark: made, handed to
 * `werk` as a URL, and dropped afterwards. pg's pool.end() resolves before the server has seen
 * its connections go, and a forced drop would kill them under their client, so the drop waits
 * (up to 10 s) until the database has no sessions.
 */
export async function metTijdelijkePostgresDatabase(url: string, voorvoegsel: string, werk: (doel: string) => Promise<void>,
  meld: (tekst: string) => void): Promise<void> {
  const naam = `${voorvoegsel}_${Date.now()}`;
  const beheer = new pg.Client({ connectionString: url });
  await beheer.connect();
  await beheer.query(`CREATE DATABASE ${naam}`);
  const doel = new URL(url);
  doel.pathname = `/${naam}`;
  try {
    await werk(doel.toString());
  } finally {
    for (let i = 0; i < 100; i += 1) {
      const { rows } = await beheer.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [naam]);
      if (rows[0]!.n === 0) break;
      await new Promise((klaar) => setTimeout(klaar, 100));
    }
    await beheer.query(`DROP DATABASE IF EXISTS ${naam}`).catch((e: Error) => meld(`database ${naam} niet verwijderd: ${e.message}`));
    await beheer.end();
  }
}
