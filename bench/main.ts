/**
 * `npm run bench`: the national-scale benchmark. Generates two school years' worth of data
 * (plus the history and the late-diploma window the count needs), imports it into a fresh
 * embedded database (PGlite) and, when a server is configured, into a fresh PostgreSQL
 * database, and runs the definitive count of each school year on both. Every phase runs in
 * its own process (bench/fase.ts), so its peak memory is its own.
 *
 *   npm run bench -- [--schaal 1] [--van 2018-2019] [--tot 2019-2020] [--zaad 1] [--map DIR] [--behoud]
 *
 * PostgreSQL: BINNENBOORD_BENCH_POSTGRES_URL or BINNENBOORD_TEST_POSTGRES_URL (a database
 * named binnenboord_bench_<time> is created next to the one in the URL, and dropped after).
 */
import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { table } from '../src/cli/table.js';
import { parseSchooljaar } from '../src/domain/schooljaar.js';
import type { Meting } from './fase.js';
import { metTijdelijkePostgresDatabase } from './postgres.js';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOELEN = { importRijenPerSeconde: 50_000, tellingPglite: 10, tellingPostgres: 5 };

const { values: a } = parseArgs({
  options: {
    schaal: { type: 'string', default: '1' },
    zaad: { type: 'string', default: '1' },
    van: { type: 'string', default: '2018-2019' },
    tot: { type: 'string', default: '2019-2020' },
    map: { type: 'string' },
    behoud: { type: 'boolean', default: false },
  },
});
const schaal = Number(a.schaal);
const van = parseSchooljaar(a.van!)?.jaar;
const tot = parseSchooljaar(a.tot!)?.jaar;
if (!(schaal > 0) || van === undefined || tot === undefined || tot < van) {
  process.stderr.write('gebruik: npm run bench -- [--schaal 1] [--van 2018-2019] [--tot 2019-2020] [--zaad 1] [--map DIR] [--behoud]\n');
  process.exit(2);
}

const log = (m: string) => process.stderr.write(`${m}\n`);

function fase(naam: string, opties: Record<string, unknown>): Promise<Meting> {
  return new Promise((ok, fout) => {
    const kind = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', join(PROJECT, 'bench', 'fase.ts'), naam, JSON.stringify(opties)],
      { cwd: PROJECT, stdio: ['ignore', 'pipe', 'inherit'] });
    let uit = '';
    kind.stdout.on('data', (d: Buffer) => { uit += d.toString(); });
    kind.on('error', fout);
    kind.on('close', (code) => {
      const regel = uit.trim().split('\n').pop() ?? '';
      if (code !== 0 || !regel.startsWith('{')) fout(new Error(`fase ${naam} faalde (exit ${code}): ${uit}`));
      else ok(JSON.parse(regel) as Meting);
    });
  });
}

interface Regel { fase: string; database: string; meting: Meting | null; opmerking?: string }
const regels: Regel[] = [];

const werkmap = resolve(a.map ?? join(tmpdir(), `binnenboord-bench-${process.pid}`));
const levering = join(werkmap, 'levering');
await mkdir(werkmap, { recursive: true });
const jaren: number[] = [];
for (let j = van; j <= tot; j += 1) jaren.push(j);

log(`Bench: schaal ${schaal}, schooljaren ${jaren.map((j) => `${j}-${j + 1}`).join(', ')}, werkmap ${werkmap}`);
log('1. genereren …');
const gen = await fase('genereer', { map: levering, schaal, zaad: Number(a.zaad), van, tot });
regels.push({ fase: 'genereren', database: '-', meting: gen });
log(`   ${gen.rijen} rijen in ${gen.seconden.toFixed(1)} s`);

async function opDatabase(soort: string, locatie: string): Promise<void> {
  log(`2. inlezen in ${soort} …`);
  const imp = await fase('import', { map: levering, database: locatie });
  regels.push({ fase: 'inlezen', database: soort, meting: imp });
  log(`   ${imp.rijen} rijen gelezen in ${imp.seconden.toFixed(1)} s, ${imp.afgewezen} afgewezen`);
  for (const jaar of jaren) {
    log(`3. telling ${jaar}-${jaar + 1} op ${soort} …`);
    const t = await fase('telling', { database: locatie, jaar });
    regels.push({ fase: `telling ${jaar}-${jaar + 1}`, database: soort, meting: t });
    log(`   startpopulatie ${t.startpopulatie}, vsv ${t.vsv}, ${t.seconden.toFixed(1)} s`);
  }
}

try {
  await opDatabase('PGlite', join(werkmap, 'pglite'));

  const url = process.env.BINNENBOORD_BENCH_POSTGRES_URL ?? process.env.BINNENBOORD_TEST_POSTGRES_URL;
  if (!url) {
    regels.push({ fase: 'inlezen en tellen', database: 'PostgreSQL', meting: null,
      opmerking: 'overgeslagen: BINNENBOORD_BENCH_POSTGRES_URL en BINNENBOORD_TEST_POSTGRES_URL zijn niet gezet' });
  } else {
    await metTijdelijkePostgresDatabase(url, 'binnenboord_bench', (doel) => opDatabase('PostgreSQL', doel), (t) => process.stderr.write(`${t}\n`));
  }
} finally {
  if (!a.behoud) await rm(werkmap, { recursive: true, force: true });
}

const per = (m: Meting) => (m.rijen ? Math.round(m.rijen / m.seconden).toLocaleString('nl-NL') : '');
const oordeel = (r: Regel): string => {
  const m = r.meting;
  if (!m) return '';
  if (r.fase === 'inlezen') return m.rijen! / m.seconden >= DOELEN.importRijenPerSeconde ? `ok (≥ ${DOELEN.importRijenPerSeconde.toLocaleString('nl-NL')}/s)` : `TE TRAAG (doel ≥ ${DOELEN.importRijenPerSeconde.toLocaleString('nl-NL')}/s)`;
  if (r.fase.startsWith('telling')) {
    const doel = r.database === 'PGlite' ? DOELEN.tellingPglite : DOELEN.tellingPostgres;
    return m.seconden <= doel ? `ok (≤ ${doel} s)` : `TE TRAAG (doel ≤ ${doel} s)`;
  }
  return '';
};
process.stdout.write(`\nBinnenboord bench — schaal ${schaal} (1 = heel Nederland), ${new Date().toISOString()}, node ${process.version}\n\n`);
process.stdout.write(`${table(
  ['fase', 'database', 'seconden', 'rijen', 'rijen/s', 'startpop.', 'vsv', 'openen s', 'piek RSS MB', 'doel'],
  regels.map((r) => r.meting
    ? [r.fase, r.database, r.meting.seconden.toFixed(1), r.meting.rijen?.toLocaleString('nl-NL') ?? '', per(r.meting),
      r.meting.startpopulatie?.toLocaleString('nl-NL') ?? '', r.meting.vsv?.toLocaleString('nl-NL') ?? '',
      r.meting.openen?.toFixed(1) ?? '', String(r.meting.piekRssMb), oordeel(r)]
    : [r.fase, r.database, '-', '', '', '', '', '', '', 'overgeslagen']),
)}\n`);
for (const r of regels) if (r.opmerking) process.stdout.write(`${r.database}: ${r.opmerking}.\n`);
const afgewezen = regels.filter((r) => r.fase === 'inlezen' && (r.meting?.afgewezen ?? 0) > 0);
if (afgewezen.length) process.stdout.write(`Let op: afgewezen rijen bij het inlezen (${afgewezen.map((r) => `${r.database}: ${r.meting!.afgewezen}`).join(', ')}).\n`);
