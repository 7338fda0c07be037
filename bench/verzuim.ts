/**
 * `npm run bench:verzuim`: a bulk CSV of 10,000 absence reports of one school, checked, routed
 * and filed against generated registration data (10,000 pupils with residence and enrolment,
 * a few hundred with earlier reports). Target: under 10 s. Runs on PGlite in a temporary folder,
 * and also on PostgreSQL when BINNENBOORD_BENCH_POSTGRES_URL names an empty database.
 *
 *   npm run bench:verzuim [-- AANTAL]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { csvLine } from '../src/db/csv.js';
import type { Db } from '../src/db/database.js';
import { openDatabase } from '../src/db/open.js';
import { MELDINGVELDEN } from '../src/domain/verzuim/melding.js';
import { plusDagen } from '../src/domain/verzuim/kalender.js';
import { importeerVerzuimmeldingen } from '../src/verzuim/importeer.js';
import { cliGebruiker } from '../src/cli/gebruiker.js';

const AANTAL = Number(process.argv[2] ?? 10_000);
const GEMEENTEN = ['GM0363', 'GM0479', 'GM0599', 'GM0014', 'GM0344'];

async function vul(db: Db): Promise<void> {
  await db.query("INSERT INTO levering (id, naam, map, controlesom) VALUES (1, 'bench', '/bench', 'x')");
  await db.exec(`INSERT INTO instelling (brin, vestiging, naam, gemeente_code, soort, levering_id) VALUES
    ('25LX', '00', 'Benchschool', 'GM0363', 'vo', 1), ('25LX', '01', 'Benchschool zuid', 'GM0796', 'vo', 1)`);
  const personen: string[] = [];
  const verblijf: string[] = [];
  const inschrijving: string[] = [];
  for (let i = 0; i < AANTAL; i += 1) {
    const id = `B${i}`;
    const geboren = `${1996 + (i % 8)}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
    personen.push(csvLine([id, geboren, 1]));
    verblijf.push(csvLine([id, GEMEENTEN[i % GEMEENTEN.length]!, geboren, '2017-09-30', 1]));
    verblijf.push(csvLine([id, GEMEENTEN[(i + 1) % GEMEENTEN.length]!, '2017-10-01', null, 1]));
    inschrijving.push(csvLine([`I${i}`, id, '25LX', i % 2 ? '01' : '00', 'havo', 'nee', '2015-08-01', null, 1]));
  }
  await db.copyIn('COPY persoon (persoon_id, geboortedatum, levering_id) FROM STDIN WITH (FORMAT csv)', personen.join(''));
  await db.copyIn('COPY verblijf (persoon_id, gemeente_code, vanaf, tot, levering_id) FROM STDIN WITH (FORMAT csv)', verblijf.join(''));
  await db.copyIn('COPY inschrijving (inschrijving_id, persoon_id, brin, vestiging, onderwijstype, nieuwkomer, begindatum, einddatum, levering_id) FROM STDIN WITH (FORMAT csv)', inschrijving.join(''));
  await db.exec(`INSERT INTO rmc_indeling (gemeente_code, gemeente_naam, rmc_code, rmc_naam, schooljaar_vanaf, schooljaar_tot, levering_id) VALUES
    ('GM0363', 'Amsterdam', '23', 'x', '2010-2011', NULL, 1), ('GM0479', 'Zaanstad', '21', 'x', '2010-2011', NULL, 1),
    ('GM0599', 'Rotterdam', '29', 'x', '2010-2011', NULL, 1), ('GM0014', 'Groningen', '03', 'x', '2010-2011', NULL, 1),
    ('GM0344', 'Utrecht', '17', 'x', '2010-2011', NULL, 1)`);
}

function meldingen(): string {
  const soorten = ['16u4w', '16u4w', '16u4w', 'lrv', 'luxe', 'overig', 'rmc'];
  const regels = [MELDINGVELDEN.join(',')];
  for (let i = 0; i < AANTAL; i += 1) {
    const soort = soorten[i % soorten.length]!;
    const start = plusDagen('2017-09-04', i % 40);
    const eind = soort === 'lrv' ? plusDagen(start, 35) : soort === 'luxe' ? plusDagen(start, 1) : plusDagen(start, 10);
    const melding = soort === 'luxe' ? plusDagen(start, 30) : plusDagen(eind, 2 + (i % 9));
    const r: Record<string, string> = {
      bron: i % 10 === 0 ? 'duo-verzuimloket' : 'school', soort, persoon_id: `B${i}`, brin: '25LX', vestiging: i % 2 ? '01' : '00',
      lesplaats: 'Hoofdgebouw', meldingsdatum: melding, startdatum: start, einddatum: eind, verzuim_dagen: '2', verzuim_uren: '17',
      alle_lessen_gemist: 'nee', vermoedelijke_reden: 'spijbelt, "zegt" ziek te zijn', ondernomen_actie: 'gesprek', gemeente_gevraagd_te_handelen: 'ja',
      reden_niet_handelen: '', melder_naam: 'J. de Vries', melder_functie: 'mentor', melder_telefoon: '020-1234567',
      melder_email: 'verzuim@school.nl', telefoon_leerling_of_ouder: '0612345678', verblijfadres: '', verblijf_gemeente_code: '',
    };
    regels.push(MELDINGVELDEN.map((k) => (/[",]/.test(r[k]!) ? `"${r[k]!.replaceAll('"', '""')}"` : r[k]!)).join(','));
  }
  return `${regels.join('\n')}\n`;
}

async function meet(naam: string, locatie: string, bestand: string): Promise<void> {
  const db = await openDatabase(locatie);
  try {
    await vul(db);
    const begin = performance.now();
    const v = await importeerVerzuimmeldingen(db, bestand, { brin: '25LX', gebruiker: cliGebruiker({ USER: 'bench' }), vandaag: '2018-06-01' });
    const seconden = (performance.now() - begin) / 1000;
    const redenen = new Map<string, number>();
    for (const g of v.geweigerd) redenen.set(g.reden.replace(/\d{4}-\d{2}-\d{2}/g, 'D'), (redenen.get(g.reden.replace(/\d{4}-\d{2}-\d{2}/g, 'D')) ?? 0) + 1);
    process.stdout.write(`${naam}: ${v.gelezen} regels in ${seconden.toFixed(2)} s (${Math.round(v.gelezen / seconden)} regels/s): ${v.gemeld.length} gemeld, ${new Set(v.geweigerd.map((g) => g.regel)).size} geweigerd; doel < 10 s ${seconden < 10 ? 'gehaald' : 'NIET gehaald'}\n`);
    for (const [reden, n] of redenen) process.stdout.write(`  ${n} × ${reden}\n`);
  } finally {
    await db.close();
  }
}

const map = await mkdtemp(join(tmpdir(), 'bench-verzuim-'));
try {
  const bestand = join(map, 'meldingen.csv');
  await writeFile(bestand, meldingen());
  await meet('PGlite', join(map, 'db'), bestand);
  if (process.env.BINNENBOORD_BENCH_POSTGRES_URL) await meet('PostgreSQL', process.env.BINNENBOORD_BENCH_POSTGRES_URL, bestand);
} finally {
  await rm(map, { recursive: true, force: true });
}
