/**
 * `npm run bench:werkvoorraad -- --database DIR_OR_URL`: issue 9 item 9, the officer's two
 * busiest pages under load, through the real server in its own process (src/server/main.ts,
 * no rate limit), 20 concurrent clients with API keys:
 *
 * - the largest region's `werkvoorraad` (POST /lijsten/_zoek, latest month, 50 a page, the
 *   first five pages): the RMC region with the most persons on it;
 * - a dossier open (GET /dossiers/{id}, with its timeline from the deliveries): the dossiers of
 *   the region that holds the most.
 *
 * The database must hold lists and dossiers: the demo world `npm start` makes (scale
 * BINNENBOORD_DEMO_SCHAAL), or any imported database after `binnenboord lijst`. The benchmark
 * adds two machine clients and the audit records of its reads; use a copy for anything real.
 * Target: p95 under 200 ms. A few unmeasured requests first warm the server (see below).
 *
 *   npm run bench:werkvoorraad -- --database /tmp/demo/db [--verzoeken 400] [--gelijktijdig 20]
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/open.js';
import { maakMachineclient } from '../src/toegang/accounts.js';
import { belast, belastingsregel } from './belasting.js';
import { BEWAREN_BUITEN_BEREIK, startServerproces } from './http.js';

const { values: a } = parseArgs({
  options: { database: { type: 'string' }, verzoeken: { type: 'string', default: '400' }, gelijktijdig: { type: 'string', default: '20' } },
});
if (!a.database) {
  process.stderr.write('Geef --database: een map of postgres://-adres met lijsten en dossiers (bijvoorbeeld de demowereld van npm start).\n');
  process.exit(2);
}
const VERZOEKEN = Number(a.verzoeken);
const GELIJKTIJDIG = Number(a.gelijktijdig);
const log = (t: string) => process.stdout.write(`${t}\n`);

const db = await openDatabase(a.database, { command: 'bench:werkvoorraad' });
let keuze: { maand: string; rmc: string; aantal: number; dossierregio: string; dossiers: string[]; lijstpersonen: number; dossiertotaal: number };
try {
  const [lijst] = await db.query<{ maand: string; rmc_code: string; aantal: number }>(`
    WITH laatste AS (SELECT id, maand FROM lijst_run ORDER BY maand DESC, id DESC LIMIT 1)
    SELECT laatste.maand, p.rmc_code, count(*)::int AS aantal FROM lijst_persoon p JOIN laatste ON p.run_id = laatste.id
    WHERE p.lijst = 'werkvoorraad' GROUP BY laatste.maand, p.rmc_code ORDER BY aantal DESC, p.rmc_code LIMIT 1`);
  const [regio] = await db.query<{ eigenaar_code: string; aantal: number }>(`
    SELECT eigenaar_code, count(*)::int AS aantal FROM dossier WHERE eigenaar_soort = 'rmc-regio'
    GROUP BY eigenaar_code ORDER BY aantal DESC, eigenaar_code LIMIT 1`);
  if (!lijst || !regio) throw new Error('de database heeft geen werkvoorraad of geen dossiers van een RMC-regio');
  const dossiers = (await db.query<{ id: string }>('SELECT id FROM dossier WHERE eigenaar_soort = \'rmc-regio\' AND eigenaar_code = $1 ORDER BY id LIMIT 500', [regio.eigenaar_code])).map((r) => r.id);
  const [omvang] = await db.query<{ lijst: number; dossiers: number }>('SELECT (SELECT count(*)::int FROM lijst_persoon) AS lijst, (SELECT count(*)::int FROM dossier) AS dossiers');
  keuze = { maand: lijst.maand, rmc: lijst.rmc_code, aantal: lijst.aantal, dossierregio: regio.eigenaar_code, dossiers, lijstpersonen: omvang!.lijst, dossiertotaal: omvang!.dossiers };
} catch (e) {
  await db.close();
  throw e;
}
const stempel = Date.now();
const lijstclient = await maakMachineclient(db, { naam: `bench werkvoorraad ${stempel}`, rol: 'rmc', scopecode: keuze.rmc });
const dossierclient = await maakMachineclient(db, { naam: `bench dossiers ${stempel}`, rol: 'rmc', scopecode: keuze.dossierregio });
await db.close();
log(`${a.database}: ${keuze.lijstpersonen} lijstregels, ${keuze.dossiertotaal} dossiers; maand ${keuze.maand}`);

// The demo world's own clock keeps retention from removing its years (demoklok); any other
// database (a generated national one of 2023) needs the terms out of reach.
const { url, proces } = await startServerproces(a.database, BEWAREN_BUITEN_BEREIK);
try {
  const json = (sleutel: string, body: unknown) => ({ method: 'POST', headers: { authorization: `Bearer ${sleutel}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const lijstpagina = (k: number) => fetch(`${url}/api/v1/lijsten/_zoek`,
    json(lijstclient.sleutel, { soort: 'werkvoorraad', maand: keuze.maand, pagina: 1 + (k % 5), perPagina: 50 }));
  // Warm-up, not measured: the first request of a month checks that its stored lists are current
  // (once per list version), as a running server has long done.
  await belast(GELIJKTIJDIG, 1, lijstpagina);
  const lijst = await belast(VERZOEKEN, GELIJKTIJDIG, lijstpagina);
  log(belastingsregel(`werkvoorraad van RMC-regio ${keuze.rmc} (${keuze.aantal} personen; POST /lijsten/_zoek, 50 per pagina)`, GELIJKTIJDIG, lijst));
  const dossier = await belast(VERZOEKEN, GELIJKTIJDIG, (k) => fetch(`${url}/api/v1/dossiers/${keuze.dossiers[k % keuze.dossiers.length]}`,
    { headers: { authorization: `Bearer ${dossierclient.sleutel}` } }));
  log(belastingsregel(`dossier openen, RMC-regio ${keuze.dossierregio} (${keuze.dossiers.length} verschillende; GET /dossiers/{id})`, GELIJKTIJDIG, dossier));
} finally {
  proces.kill('SIGTERM');
  await new Promise((klaar) => proces.once('exit', klaar));
}
