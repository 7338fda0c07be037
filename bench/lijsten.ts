/**
 * `npm run bench:lijsten`: how long computing all six monthly lists of one month takes
 * (lijsten.md), on PGlite and, when a server is configured, on PostgreSQL. Generates the
 * lijstjaar of the months and the year before it (for verlate-startkwalificatie), imports it,
 * runs both definitive counts, then computes the lists of each month of `--maanden`: the first
 * right after the counts ("eerste na de telling"), then each month once more. Per computation a
 * profile: where the time goes (candidates SQL, reading their registrations, the rules in JS,
 * storing, startset/uitval, verlate-startkwalificatie). Target: under 15 s per month for the
 * whole country (scale 1).
 *
 *   npm run bench:lijsten -- [--schaal 0.1] [--maanden 2023-09,2023-03] [--zaad 1] [--map DIR] [--behoud]
 *   npm run bench:lijsten -- --database DIR_OR_URL [--maanden 2023-09,2023-03]   (a database with deliveries and counts)
 *
 * PostgreSQL: BINNENBOORD_BENCH_POSTGRES_URL or BINNENBOORD_TEST_POSTGRES_URL (a database
 * binnenboord_bench_lijsten_<time> is made beside it and dropped after). When the server runs
 * on this machine, the CPU time of its sessions for the database is read from /proc as well.
 */
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { metTijdelijkePostgresDatabase } from './postgres.js';
import { table } from '../src/cli/table.js';
import type { Db } from '../src/db/database.js';
import { aantallenPerLijst } from '../src/db/lijsten.js';
import { serverCpu } from './servercpu.js';
import { openDatabase } from '../src/db/open.js';
import { lijstjaar, parseMaand, type Maand } from '../src/domain/lijsten/maand.js';
import { schooljaarVanaf } from '../src/domain/schooljaar.js';
import { genereer } from '../src/generator/genereer.js';
import { importeerLevering } from '../src/importeren/importeer.js';
import { berekenLijsten } from '../src/lijsten/berekenLijsten.js';
import { LIJSTFASEN, type Lijstprofiel } from '../src/lijsten/profiel.js';
import { voerTellingUit } from '../src/telling/voerTellingUit.js';

const DOEL_SECONDEN_LANDELIJK = 15;

const { values: a } = parseArgs({
  options: {
    schaal: { type: 'string', default: '0.1' },
    maanden: { type: 'string', default: '2023-09,2023-03' },
    maand: { type: 'string' },
    zaad: { type: 'string', default: '1' },
    map: { type: 'string' },
    database: { type: 'string' },
    behoud: { type: 'boolean', default: false },
  },
});
const schaal = Number(a.schaal);
const maanden = (a.maand ?? a.maanden!).split(',').map((m) => parseMaand(m.trim()));
const maand = maanden[0];
if (!(schaal > 0) || !maand || maanden.some((m) => !m || lijstjaar(m).naam !== lijstjaar(maand).naam)) {
  process.stderr.write('gebruik: npm run bench:lijsten -- [--schaal 0.1] [--maanden 2023-09,2023-03 (één lijstjaar)] [--zaad 1] [--map DIR] [--behoud] [--database LOCATIE]\n');
  process.exit(2);
}
const log = (m: string) => process.stderr.write(`${m}\n`);
const nu = () => performance.now();
const jaar = lijstjaar(maand);

/**
 * cpu: seconds of CPU of this process (user + system): with PGlite, which runs in this process,
 * the work itself, whatever else the machine is doing. server: seconds of CPU of the
 * PostgreSQL sessions on the database (null: not PostgreSQL, or not on this machine).
 */
interface Regel { database: string; fase: string; seconden: number; cpu: number; server: number | null; opmerking: string; profiel: string }
const regels: Regel[] = [];

async function meet<T>(database: string, fase: string, werk: () => Promise<T>, opmerking: (t: T) => string = () => '',
  server: (() => Promise<number | null>) | null = null): Promise<T> {
  const serverStart = server ? await server() : null;
  const start = nu();
  const cpuStart = process.cpuUsage();
  const uit = await werk();
  const seconden = (nu() - start) / 1000;
  const c = process.cpuUsage(cpuStart);
  const cpu = (c.user + c.system) / 1e6;
  const serverEind = server ? await server() : null;
  const serverCpuS = serverStart !== null && serverEind !== null ? serverEind - serverStart : null;
  regels.push({ database, fase, seconden, cpu, server: serverCpuS, opmerking: opmerking(uit), profiel: '' });
  log(`   ${database} ${fase}: ${seconden.toFixed(1)} s (cpu ${cpu.toFixed(1)} s${serverCpuS === null ? '' : `, server ${serverCpuS.toFixed(1)} s`}) ${opmerking(uit)}`);
  return uit;
}

async function lijsten(database: string, db: Db, m: Maand, fase: string, server: (() => Promise<number | null>) | null): Promise<void> {
  const profiel: Lijstprofiel = new Map();
  const run = await meet(database, fase, () => berekenLijsten(db, m, profiel), () => '', server);
  const n = await aantallenPerLijst(db, run);
  const regel = regels[regels.length - 1]!;
  regel.opmerking = [...n.entries()].map(([k, v]) => `${k} ${v}`).join(', ');
  regel.profiel = LIJSTFASEN.filter((f) => profiel.has(f))
    .map((f) => `${f} ${(profiel.get(f)!.ms / 1000).toFixed(2)}/${(profiel.get(f)!.cpuMs / 1000).toFixed(2)}`).join(', ');
  log(`      profiel (s/cpu-s): ${regel.profiel}`);
}

async function opDatabase(database: string, locatie: string, levering: string | null): Promise<void> {
  const db = await openDatabase(locatie);
  const server = db.soort === 'postgres' ? () => serverCpu(db) : null;
  try {
    if (levering) {
      await meet(database, 'inlezen', () => importeerLevering(db, levering), (v) => `${v.bestanden.reduce((s, b) => s + b.gelezen, 0)} rijen`);
      for (const j of [jaar.jaar - 1, jaar.jaar]) {
        await meet(database, `telling ${j}-${j + 1}`, () => voerTellingUit(db, schooljaarVanaf(j), { status: 'definitief', werkurenDrempel: 12 }),
          (r) => `startpopulatie ${r.startpopulatie}`, server);
      }
    }
    await lijsten(database, db, maand!, `lijsten ${maand!.naam} (eerste na de telling)`, server);
    for (const m of maanden) await lijsten(database, db, m!, `lijsten ${m!.naam}`, server);
  } finally {
    await db.close();
  }
}

if (a.database) {
  log(`Bench lijsten: bestaande database, maanden ${maanden.map((m) => m!.naam).join(', ')}`);
  await opDatabase('opgegeven', a.database, null);
} else {
  const werkmap = resolve(a.map ?? join(tmpdir(), `binnenboord-bench-lijsten-${process.pid}`));
  await mkdir(werkmap, { recursive: true });
  const levering = join(werkmap, 'levering');
  log(`Bench lijsten: schaal ${schaal}, maanden ${maanden.map((m) => m!.naam).join(', ')} (lijstjaar ${jaar.naam}), werkmap ${werkmap}`);
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

/**
 * PGlite: its CPU time (it runs in this process); PostgreSQL: the server's CPU plus this
 * process's when known (a lower bound: parallel workers are not seen), else the elapsed time.
 */
const werktijd = (r: Regel) => (r.database === 'PGlite' ? r.cpu : r.server !== null ? r.server + r.cpu : r.seconden);
const schatting = (r: Regel) => {
  if (!r.fase.startsWith('lijsten') || a.database) return '';
  const s = werktijd(r) / schaal;
  return `${s.toFixed(1)} s${s <= DOEL_SECONDEN_LANDELIJK ? ' (ok)' : ' (TE TRAAG)'}`;
};
process.stdout.write(`\nBinnenboord bench lijsten — schaal ${a.database ? '(bestaande database)' : schaal}, maanden ${maanden.map((m) => m!.naam).join(', ')}, `
  + `${new Date().toISOString()}, node ${process.version}\n\n`);
process.stdout.write(`${table(['database', 'fase', 'seconden', 'cpu-seconden', 'server-cpu-seconden', `lineair naar schaal 1 (doel ≤ ${DOEL_SECONDEN_LANDELIJK} s)`, 'rijen'],
  regels.map((r) => [r.database, r.fase, r.seconden.toFixed(1), r.cpu.toFixed(1), r.server === null ? '' : r.server.toFixed(1), schatting(r), r.opmerking]))}\n\n`);
process.stdout.write('Profiel per berekening (seconden/cpu-seconden van dit proces per fase):\n');
for (const r of regels.filter((x) => x.profiel)) process.stdout.write(`  ${r.database} ${r.fase}: ${r.profiel}\n`);
process.stdout.write('\nDe schatting voor heel Nederland deelt de werktijd door de schaal (de kandidaten, hun registraties en de lijsten groeien lineair '
  + 'met het aantal personen); voor PGlite de cpu-tijd van dit proces (de database draait erin), voor PostgreSQL de cpu-tijd van de server '
  + '(zijn sessies op deze database) plus die van dit proces, zodat een drukke machine de schatting niet opblaast; zonder servermeting de verstreken tijd. '
  + 'De servermeting mist de parallelle workers van een query (die leven korter dan een meting): voor PostgreSQL is de schatting dus een ondergrens; '
  + 'op een rustige machine is de verstreken tijd de bovengrens. '
  + `Belasting bij de start: ${(await import('node:os')).loadavg()[0]!.toFixed(1)}.\n`);
