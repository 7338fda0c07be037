/**
 * `npm run bench:verzuim-http`: the absence API under load (issue 10 item 8), through the real
 * server in its own process (src/server/main.ts, as `npm start` runs it, no rate limit) with API
 * keys of machine clients; the clients run in this process, not on the server's event loop (on a
 * small machine they still share its cores):
 *
 * - a database of national size for absence: `--leerlingen` pupils (default 1,400,000, a year of
 *   the whole country) of 10 schools living in 20 municipalities, and `--eerder` reports already
 *   filed (default 100,000: about a school year of reports nationally), all still open;
 * - filing one report (POST /verzuimmeldingen): 20 concurrent school clients, p95;
 * - the municipality's open-reports page (POST /verzuimmeldingen/_zoek, status open, 50 a
 *   page, with the share filed late per school): 20 concurrent leerplicht clients, p95;
 * - a bulk CSV of 10,000 reports (POST /verzuimmeldingen/_importeren).
 * Targets: p95 under 200 ms, bulk under 10 s. PGlite in a temporary folder, and PostgreSQL when
 * BINNENBOORD_BENCH_POSTGRES_URL (or BINNENBOORD_TEST_POSTGRES_URL) names a server.
 *
 *   npm run bench:verzuim-http [-- --leerlingen 1400000 --eerder 100000 --verzoeken 400]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { cliGebruiker } from '../src/cli/gebruiker.js';
import { csvLine } from '../src/db/csv.js';
import type { Db } from '../src/db/database.js';
import { openDatabase } from '../src/db/open.js';
import { plusDagen } from '../src/domain/verzuim/kalender.js';
import { MELDINGVELDEN } from '../src/domain/verzuim/melding.js';
import { readCsvRecords } from '../src/importeren/csvReader.js';
import { maakMachineclient } from '../src/toegang/accounts.js';
import { importeerVerzuimRecords } from '../src/verzuim/importeer.js';
import { belast, belastingsregel } from './belasting.js';
import { BEWAREN_BUITEN_BEREIK, startServerproces } from './http.js';
import { metTijdelijkePostgresDatabase } from './postgres.js';

const { values: a } = parseArgs({ options: { leerlingen: { type: 'string', default: '1400000' }, eerder: { type: 'string', default: '100000' }, verzoeken: { type: 'string', default: '400' }, gelijktijdig: { type: 'string', default: '20' } } });
const EERDER = Number(a.eerder);
const VERZOEKEN = Number(a.verzoeken);
const GELIJKTIJDIG = Number(a.gelijktijdig);
const BULK = 10_000;
const SCHOLEN = Array.from({ length: 10 }, (_, i) => `${String(20 + i)}BX`);
const GEMEENTEN = ['GM0363', 'GM0599', 'GM0518', 'GM0344', 'GM0014', 'GM0034', 'GM0080', 'GM0193', 'GM0202', 'GM0228',
  'GM0268', 'GM0307', 'GM0394', 'GM0439', 'GM0479', 'GM0503', 'GM0546', 'GM0637', 'GM0772', 'GM0796'];
/** pupils: the earlier reports, the bulk file and the single filings each get their own pupils (no 7-day rule in the way) */
const PUPILS = Math.max(Number(a.leerlingen), EERDER + BULK + VERZOEKEN + 1000);
const log = (t: string) => process.stdout.write(`${t}\n`);
/** The pupils of the bulk file all go to the first school (a file holds one school's reports). */
const schoolVan = (i: number) => (i >= EERDER && i < EERDER + BULK ? SCHOLEN[0]! : SCHOLEN[i % SCHOLEN.length]!);

async function vul(db: Db): Promise<void> {
  await db.query("INSERT INTO levering (id, naam, map, controlesom) VALUES (1, 'bench', '/bench', 'x')");
  await db.copyIn('COPY instelling (brin, vestiging, naam, gemeente_code, soort, levering_id) FROM STDIN WITH (FORMAT csv)',
    SCHOLEN.map((b, i) => csvLine([b, '00', `Benchschool ${i}`, GEMEENTEN[i]!, 'vo', 1])).join(''));
  await db.copyIn('COPY rmc_indeling (gemeente_code, gemeente_naam, rmc_code, rmc_naam, schooljaar_vanaf, schooljaar_tot, levering_id) FROM STDIN WITH (FORMAT csv)',
    GEMEENTEN.map((g, i) => csvLine([g, g, String(10 + i), 'x', '2010-2011', null, 1])).join(''));
  for (let van = 0; van < PUPILS; van += 50_000) {
    const p: string[] = [];
    const v: string[] = [];
    const ins: string[] = [];
    for (let i = van; i < Math.min(PUPILS, van + 50_000); i += 1) {
      const geboren = `${2002 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
      p.push(csvLine([`B${i}`, geboren, 1]));
      v.push(csvLine([`B${i}`, GEMEENTEN[i % GEMEENTEN.length]!, geboren, null, 1]));
      ins.push(csvLine([`I${i}`, `B${i}`, schoolVan(i), '00', 'havo', 'nee', '2015-08-01', null, 1]));
    }
    await db.copyIn('COPY persoon (persoon_id, geboortedatum, levering_id) FROM STDIN WITH (FORMAT csv)', p.join(''));
    await db.copyIn('COPY verblijf (persoon_id, gemeente_code, vanaf, tot, levering_id) FROM STDIN WITH (FORMAT csv)', v.join(''));
    await db.copyIn('COPY inschrijving (inschrijving_id, persoon_id, brin, vestiging, onderwijstype, nieuwkomer, begindatum, einddatum, levering_id) FROM STDIN WITH (FORMAT csv)', ins.join(''));
  }
  await db.exec('ANALYZE');
}

function rij(i: number): Record<string, string> {
  const start = plusDagen('2017-09-04', i % 40);
  const eind = plusDagen(start, 10);
  return {
    bron: 'school', soort: '16u4w', persoon_id: `B${i}`, brin: schoolVan(i), vestiging: '00', lesplaats: 'Hoofdgebouw',
    meldingsdatum: plusDagen(eind, 2 + (i % 9)), startdatum: start, einddatum: eind, verzuim_dagen: '2', verzuim_uren: '17',
    alle_lessen_gemist: 'nee', vermoedelijke_reden: 'spijbelt', ondernomen_actie: 'gesprek', gemeente_gevraagd_te_handelen: i % 2 ? 'ja' : 'nee',
    reden_niet_handelen: i % 2 ? '' : 'ter informatie', melder_naam: 'J. de Vries', melder_functie: 'mentor', melder_telefoon: '020-1234567',
    melder_email: 'verzuim@school.nl', telefoon_leerling_of_ouder: '', verblijfadres: '', verblijf_gemeente_code: '',
  };
}

function csv(van: number, tot: number, filter: (i: number) => boolean = () => true): string {
  const regels = [MELDINGVELDEN.join(',')];
  for (let i = van; i < tot; i += 1) {
    if (!filter(i)) continue;
    const r = rij(i);
    regels.push(MELDINGVELDEN.map((k) => r[k]).join(','));
  }
  return `${regels.join('\n')}\n`;
}

async function meet(naam: string, locatie: string): Promise<void> {
  const db = await openDatabase(locatie);
  let gesloten = false;
  try {
    let t = performance.now();
    await vul(db);
    // Earlier reports per school through the same import as the command line; a tenth handled to closed is not needed for the page.
    for (const brin of SCHOLEN) {
      await importeerVerzuimRecords(db, readCsvRecords(Readable.from([csv(0, EERDER, (i) => schoolVan(i) === brin)])),
        { brin, gebruiker: cliGebruiker({ USER: 'bench' }), vandaag: '2018-06-01' });
    }
    await db.exec('ANALYZE');
    const [n] = await db.query<{ n: number; open: number }>("SELECT count(*)::int AS n, count(*) FILTER (WHERE status <> 'afgesloten')::int AS open FROM verzuimmelding");
    log(`${naam}: ${PUPILS} leerlingen, ${n!.n} eerdere meldingen (${n!.open} open) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const school = await Promise.all(SCHOLEN.map((b) => maakMachineclient(db, { naam: `bench ${b}`, rol: 'school', scopecode: b })));
    const [lp] = [await maakMachineclient(db, { naam: 'bench leerplicht', rol: 'leerplicht', scopecode: GEMEENTEN[0]! })];
    const [open] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM verzuimmelding WHERE gemeente_code = $1 AND behandelaar = 'leerplicht' AND status <> 'afgesloten'", [GEMEENTEN[0]]);
    // The server opens the database itself (an embedded folder has one process at a time).
    await db.close();
    gesloten = true;
    // Reports of 2017: retention (a minute after the start) must not remove them while we measure.
    const { url: basis, proces } = await startServerproces(locatie, BEWAREN_BUITEN_BEREIK);
    try {
      const json = (sleutel: string, body: unknown) => ({ method: 'POST', headers: { authorization: `Bearer ${sleutel}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const eerste = EERDER + BULK;
      const melden = await belast(VERZOEKEN, GELIJKTIJDIG, (k) => {
        const i = eerste + k;
        const schoolsleutel = school[SCHOLEN.indexOf(schoolVan(i))]!.sleutel;
        const r = rij(i);
        return fetch(`${basis}/api/v1/verzuimmeldingen`, json(schoolsleutel, {
          persoonId: r.persoon_id, soort: r.soort, vestiging: '00', lesplaats: r.lesplaats, meldingsdatum: r.meldingsdatum, startdatum: r.startdatum,
          einddatum: r.einddatum, verzuimDagen: 2, verzuimUren: 17, alleLessenGemist: false, vermoedelijkeReden: 'spijbelt', ondernomenActie: 'gesprek',
          gemeenteGevraagdTeHandelen: true, melderNaam: 'J. de Vries', melderFunctie: 'mentor', melderTelefoon: '020-1234567', melderEmail: 'verzuim@school.nl',
        }));
      });
      log(belastingsregel('melden (POST /verzuimmeldingen)', GELIJKTIJDIG, melden));

      const pagina = await belast(VERZOEKEN, GELIJKTIJDIG, (k) => fetch(`${basis}/api/v1/verzuimmeldingen/_zoek`, json(lp!.sleutel, { status: 'open', pagina: 1 + (k % 5), perPagina: 50 })));
      log(belastingsregel(`open meldingen van ${GEMEENTEN[0]} (${open!.n} open; POST /verzuimmeldingen/_zoek, 50 per pagina)`, GELIJKTIJDIG, pagina));

      const bestand = csv(EERDER, EERDER + BULK);
      const aantalBulk = bestand.split('\n').length - 2;
      t = performance.now();
      const r = await fetch(`${basis}/api/v1/verzuimmeldingen/_importeren`, { method: 'POST', headers: { authorization: `Bearer ${school[0]!.sleutel}`, 'content-type': 'text/csv' }, body: bestand });
      const v = (await r.json()) as { gelezen: number; aantalGemeld: number; aantalGeweigerd: number };
      const s = (performance.now() - t) / 1000;
      log(`  bulk CSV via de API (${aantalBulk} regels, ${(bestand.length / 1e6).toFixed(1)} MB): ${s.toFixed(2)} s, status ${r.status}, ${v.aantalGemeld} gemeld, ${v.aantalGeweigerd} geweigerd`);
    } finally {
      proces.kill('SIGTERM');
      await new Promise((klaar) => proces.once('exit', klaar));
    }
  } finally {
    if (!gesloten) await db.close();
  }
}

const map = await mkdtemp(join(tmpdir(), 'bench-verzuim-http-'));
try {
  await meet('PGlite', join(map, 'db'));
  const url = process.env.BINNENBOORD_BENCH_POSTGRES_URL ?? process.env.BINNENBOORD_TEST_POSTGRES_URL;
  if (url) await metTijdelijkePostgresDatabase(url, 'binnenboord_bench_verzuim', (doel) => meet('PostgreSQL', doel), log);
  else log('PostgreSQL overgeslagen: BINNENBOORD_BENCH_POSTGRES_URL en BINNENBOORD_TEST_POSTGRES_URL zijn niet gezet');
} finally {
  await rm(map, { recursive: true, force: true });
}
