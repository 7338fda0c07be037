/**
 * `npm run bench:lijsten`: how long computing all six monthly lists of one month takes
 * (lijsten.md), on PGlite and, when a server is configured, on PostgreSQL. Generates the
 * lijstjaar of the month and the year before it (for verlate-startkwalificatie), imports it,
 * runs both definitive counts, then computes the lists of the month twice: the first run of a
 * lijstjaar also fixes the startset's kinds of education (once per count run), later months
 * do not. Target: under 15 s per month for the whole country (scale 1).
 *
 *   npm run bench:lijsten -- [--schaal 0.1] [--maand 2023-03] [--zaad 1] [--map DIR] [--behoud]
 *   npm run bench:lijsten -- --database DIR_OR_URL [--maand 2023-03]   (a database with deliveries and counts)
 *
 * PostgreSQL: BINNENBOORD_BENCH_POSTGRES_URL or BINNENBOORD_TEST_POSTGRES_URL (a database
 * binnenboord_bench_lijsten_<time> is made beside it and dropped after).
 */
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { metTijdelijkePostgresDatabase } from './postgres.js';
import { table } from '../src/cli/table.js';
import type { Db } from '../src/db/database.js';
import { aantallenPerLijst } from '../src/db/lijsten.js';
import { openDatabase } from '../src/db/open.js';
import { lijstjaar, parseMaand, volgendeMaand, type Maand } from '../src/domain/lijsten/maand.js';
import { schooljaarVanaf } from '../src/domain/schooljaar.js';
import { genereer } from '../src/generator/genereer.js';
import { importeerLevering } from '../src/importeren/importeer.js';
import { berekenLijsten } from '../src/lijsten/berekenLijsten.js';
import { voerTellingUit } from '../src/telling/voerTellingUit.js';

const DOEL_SECONDEN_LANDELIJK = 15;

const { values: a } = parseArgs({
  options: {
    schaal: { type: 'string', default: '0.1' },
    maand: { type: 'string', default: '2023-03' },
    zaad: { type: 'string', default: '1' },
    map: { type: 'string' },
    database: { type: 'string' },
    behoud: { type: 'boolean', default: false },
  },
});
const schaal = Number(a.schaal);
const maand = parseMaand(a.maand!);
if (!(schaal > 0) || !maand) {
  process.stderr.write('gebruik: npm run bench:lijsten -- [--schaal 0.1] [--maand 2023-03] [--zaad 1] [--map DIR] [--behoud] [--database LOCATIE]\n');
  process.exit(2);
}
const log = (m: string) => process.stderr.write(`${m}\n`);
const nu = () => performance.now();
const jaar = lijstjaar(maand);

/** cpu: seconds of CPU of this process (user + system): with PGlite, which runs in this process, the work itself, whatever else the machine is doing */
interface Regel { database: string; fase: string; seconden: number; cpu: number; opmerking: string }
const regels: Regel[] = [];

async function meet<T>(database: string, fase: string, werk: () => Promise<T>, opmerking: (t: T) => string = () => ''): Promise<T> {
  const start = nu();
  const cpuStart = process.cpuUsage();
  const uit = await werk();
  const seconden = (nu() - start) / 1000;
  const c = process.cpuUsage(cpuStart);
  const cpu = (c.user + c.system) / 1e6;
  regels.push({ database, fase, seconden, cpu, opmerking: opmerking(uit) });
  log(`   ${database} ${fase}: ${seconden.toFixed(1)} s (cpu ${cpu.toFixed(1)} s) ${opmerking(uit)}`);
  return uit;
}

async function lijsten(database: string, db: Db, m: Maand, fase: string): Promise<void> {
  const run = await meet(database, fase, () => berekenLijsten(db, m));
  const n = await aantallenPerLijst(db, run);
  regels[regels.length - 1]!.opmerking = [...n.entries()].map(([k, v]) => `${k} ${v}`).join(', ');
}

async function opDatabase(database: string, locatie: string, levering: string | null): Promise<void> {
  const db = await openDatabase(locatie);
  try {
    if (levering) {
      await meet(database, 'inlezen', () => importeerLevering(db, levering), (v) => `${v.bestanden.reduce((s, b) => s + b.gelezen, 0)} rijen`);
      for (const j of [jaar.jaar - 1, jaar.jaar]) {
        await meet(database, `telling ${j}-${j + 1}`, () => voerTellingUit(db, schooljaarVanaf(j), { status: 'definitief', werkurenDrempel: 12 }),
          (r) => `startpopulatie ${r.startpopulatie}`);
      }
    }
    await lijsten(database, db, maand!, `lijsten ${maand!.naam} (eerste van het lijstjaar)`);
    await lijsten(database, db, maand!, `lijsten ${maand!.naam} (opnieuw)`);
    await lijsten(database, db, volgendeMaand(maand!), `lijsten ${volgendeMaand(maand!).naam}`);
  } finally {
    await db.close();
  }
}

if (a.database) {
  log(`Bench lijsten: bestaande database, maand ${maand.naam}`);
  await opDatabase('opgegeven', a.database, null);
} else {
  const werkmap = resolve(a.map ?? join(tmpdir(), `binnenboord-bench-lijsten-${process.pid}`));
  await mkdir(werkmap, { recursive: true });
  const levering = join(werkmap, 'levering');
  log(`Bench lijsten: schaal ${schaal}, maand ${maand.naam} (lijstjaar ${jaar.naam}), werkmap ${werkmap}`);
  try {
    await meet('-', 'genereren', () => genereer({ uitvoer: levering, schaal, zaad: Number(a.zaad), van: jaar.jaar - 1, tot: jaar.jaar }),
      (v) => `${Object.values(v.rijen).reduce((s, n) => s + n, 0)} rijen`);
    await opDatabase('PGlite', join(werkmap, 'pglite'), levering);
    const url = process.env.BINNENBOORD_BENCH_POSTGRES_URL ?? process.env.BINNENBOORD_TEST_POSTGRES_URL;
    if (!url) {
      log('PostgreSQL overgeslagen: BINNENBOORD_BENCH_POSTGRES_URL en BINNENBOORD_TEST_POSTGRES_URL zijn niet gezet');
    } else {
      await metTijdelijkePostgresDatabase(url, 'binnenboord_bench_lijsten', (doel) => opDatabase('PostgreSQL', doel, levering), log);
    }
  } finally {
    if (!a.behoud) await rm(werkmap, { recursive: true, force: true });
  }
}

const schatting = (r: Regel) => {
  if (!r.fase.startsWith('lijsten') || a.database) return '';
  const s = (r.database === 'PGlite' ? r.cpu : r.seconden) / schaal;
  return `${s.toFixed(1)} s${s <= DOEL_SECONDEN_LANDELIJK ? ' (ok)' : ' (TE TRAAG)'}`;
};
process.stdout.write(`\nBinnenboord bench lijsten — schaal ${a.database ? '(bestaande database)' : schaal}, maand ${maand.naam}, `
  + `${new Date().toISOString()}, node ${process.version}\n\n`);
process.stdout.write(`${table(['database', 'fase', 'seconden', 'cpu-seconden', `lineair naar schaal 1 (doel ≤ ${DOEL_SECONDEN_LANDELIJK} s)`, 'rijen'],
  regels.map((r) => [r.database, r.fase, r.seconden.toFixed(1), r.cpu.toFixed(1), schatting(r), r.opmerking]))}\n`);
process.stdout.write('De schatting voor heel Nederland deelt de tijd door de schaal (de kandidaten, hun dossiers en de lijsten groeien lineair '
  + 'met het aantal personen); voor PGlite de cpu-tijd van dit proces (de database draait erin), zodat een drukke machine haar niet opblaast; '
  + `voor PostgreSQL de verstreken tijd. Belasting bij de start: ${(await import('node:os')).loadavg()[0]!.toFixed(1)}.\n`);
