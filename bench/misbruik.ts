import type { ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { table } from '../src/cli/table.js';
import { startServerproces } from './http.js';

/**
 * The API under abuse (`npm run bench:misbruik`): a few normal clients ask for figures at a
 * human pace and measure their latency, while one abusive client sends requests with random
 * parameters as fast as it can. Three phases of `--duur` seconds each:
 *   1. normal clients alone;
 *   2. normal clients and the abuser, with the per-client limit (`--limiet` per minute);
 *   3. the same without any limit (a second server on the same database), to show what the
 *      limit buys.
 * Reported: p50/p95 of the normal clients per phase, and the abuser's answers by status.
 *
 * Only 127.0.0.1. The server is started from the sources on a database folder (by default a
 * new temporary one that it fills with demo data at `--schaal`, 0.01: about a minute) and
 * stopped at the end. Each client is told apart by the server as it would be behind a
 * reverse proxy: the server trusts 127.0.0.1 as a proxy (BINNENBOORD_VERTROUWDE_PROXY) and
 * each client sends its own X-Forwarded-For address from the documentation ranges
 * (192.0.2.0/24, 198.51.100.0/24), which never leave the machine.
 *
 * Bounded: each phase stops after `--duur` seconds or `MAX_VERZOEKEN` requests, whichever
 * comes first.
 *
 *   npm run bench:misbruik -- [--database MAP] [--schaal 0.01] [--duur 15] [--normaal 6] [--limiet 300] [--gelijktijdig 16]
 */
const MAX_VERZOEKEN = 500_000;
/** A normal client waits this long between its requests: about 2 a second, 120 a minute. */
const DENKTIJD_MS = 500;

interface Antwoord { status: number; ms: number }

function percentiel(gesorteerd: readonly number[], p: number): number {
  if (gesorteerd.length === 0) return NaN;
  return gesorteerd[Math.min(gesorteerd.length - 1, Math.ceil((p / 100) * gesorteerd.length) - 1)]!;
}

/** One GET over a keep-alive connection; the body is read to the end, the time is until then. */
function haal(basis: URL, pad: string, client: string, agent: Agent): Promise<Antwoord & { body: string }> {
  const begin = performance.now();
  return new Promise((klaar, fout) => {
    const r = request({
      host: '127.0.0.1', port: basis.port, path: pad, method: 'GET', agent,
      headers: { accept: 'application/json', 'x-forwarded-for': client },
    }, (res) => {
      const stukken: Buffer[] = [];
      res.on('data', (b: Buffer) => stukken.push(b));
      res.on('end', () => klaar({ status: res.statusCode ?? 0, ms: performance.now() - begin, body: Buffer.concat(stukken).toString('utf8') }));
      res.on('error', fout);
    });
    r.on('error', fout);
    r.setTimeout(60_000, () => r.destroy(new Error(`geen antwoord binnen 60 s: ${pad}`)));
    r.end();
  });
}

async function json<T>(basis: URL, pad: string): Promise<T> {
  const agent = new Agent({ keepAlive: false });
  const r = await haal(basis, pad, '192.0.2.250', agent);
  if (r.status !== 200) throw new Error(`${pad}: ${r.status} ${r.body.slice(0, 200)}`);
  return JSON.parse(r.body) as T;
}

/** What the normal clients ask: the pages of the web app, for real regions and municipalities. */
async function normalePaden(basis: URL): Promise<string[]> {
  const regios = await json<{ regios: { rmcCode: string }[] }>(basis, '/api/v1/rmc-regios');
  const gemeenten = await json<{ gemeenten: { gemeenteCode: string }[] }>(basis, '/api/v1/gemeenten');
  return [
    '/api/v1/schooljaren', '/api/v1/landelijk/kerncijfers', '/api/v1/landelijk/reeks', '/api/v1/rmc-regios',
    ...regios.regios.map((r) => r.rmcCode).filter((c) => c !== 'onbekend').slice(0, 10).map((c) => `/api/v1/rmc-regios/${c}`),
    ...gemeenten.gemeenten.map((g) => g.gemeenteCode).filter((c) => c !== 'onbekend').slice(0, 10).map((c) => `/api/v1/gemeenten/${c}`),
    '/api/v1/instellingen?naam=college',
  ];
}

const willekeurigTekst = () => Math.random().toString(36).slice(2, 2 + 1 + Math.floor(Math.random() * 8));
const getal = (n: number) => Math.floor(Math.random() * n);

/** A request with random parameters: valid-looking and junk, unknown names, random search terms and codes. */
function willekeurigPad(): string {
  const jaar = 2000 + getal(30);
  const opties = [
    () => `/api/v1/rmc-regios?schooljaar=${jaar}-${jaar + 1}&status=${['definitief', 'voorlopig'][getal(2)]}`,
    () => `/api/v1/rmc-regios/${String(getal(60)).padStart(2, '0')}?schooljaar=${jaar}-${jaar + 1}`,
    () => `/api/v1/gemeenten/GM${String(getal(10_000)).padStart(4, '0')}`,
    () => `/api/v1/instellingen?naam=${willekeurigTekst()}&pagina=${1 + getal(50)}`,
    () => `/api/v1/vergelijking?rmcCodes=${String(getal(60)).padStart(2, '0')},${String(getal(60)).padStart(2, '0')}`,
    () => `/api/v1/landelijk/kerncijfers?${willekeurigTekst()}=${willekeurigTekst()}`,
    () => `/api/v1/schooljaren?formaat=${willekeurigTekst()}`,
  ];
  return opties[getal(opties.length)]!();
}

interface Fasemeting {
  naam: string;
  normaal: number[];
  normaalFouten: number;
  misbruik: Map<number, number>;
  misbruikVerzoeken: number;
}

async function fase(naam: string, basis: URL, paden: readonly string[], o: { duur: number; normaal: number; misbruiker: boolean; gelijktijdig: number }): Promise<Fasemeting> {
  const eind = performance.now() + o.duur * 1000;
  let verzoeken = 0;
  const bezig = () => performance.now() < eind && verzoeken < MAX_VERZOEKEN;
  const meting: Fasemeting = { naam, normaal: [], normaalFouten: 0, misbruik: new Map(), misbruikVerzoeken: 0 };

  const normaleClient = async (i: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const adres = `192.0.2.${10 + i}`;
    try {
      while (bezig()) {
        verzoeken += 1;
        const r = await haal(basis, paden[getal(paden.length)]!, adres, agent);
        meting.normaal.push(r.ms);
        if (r.status !== 200) meting.normaalFouten += 1;
        await new Promise((klaar) => setTimeout(klaar, DENKTIJD_MS * (0.5 + Math.random())));
      }
    } finally {
      agent.destroy();
    }
  };

  const misbruiker = async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: o.gelijktijdig });
    const lus = async () => {
      while (bezig()) {
        verzoeken += 1;
        meting.misbruikVerzoeken += 1;
        const r = await haal(basis, willekeurigPad(), '198.51.100.66', agent);
        meting.misbruik.set(r.status, (meting.misbruik.get(r.status) ?? 0) + 1);
      }
    };
    try {
      await Promise.all(Array.from({ length: o.gelijktijdig }, lus));
    } finally {
      agent.destroy();
    }
  };

  await Promise.all([
    ...Array.from({ length: o.normaal }, (_, i) => normaleClient(i)),
    ...(o.misbruiker ? [misbruiker()] : []),
  ]);
  meting.normaal.sort((a, b) => a - b);
  return meting;
}

function verslag(metingen: readonly Fasemeting[]): string {
  return table(['fase', 'normaal: verzoeken', 'fouten', 'p50 ms', 'p95 ms', 'misbruiker: verzoeken', '429', '400', '200', 'anders'],
    metingen.map((m) => {
      const n = m.misbruikVerzoeken;
      const deel = (s: number) => (n === 0 ? '-' : `${(100 * (m.misbruik.get(s) ?? 0) / n).toFixed(1)}%`);
      const anders = [...m.misbruik].filter(([s]) => ![429, 400, 200].includes(s)).map(([s, a]) => `${s}:${a}`).join(' ') || '-';
      return [m.naam, m.normaal.length, m.normaalFouten, percentiel(m.normaal, 50).toFixed(1), percentiel(m.normaal, 95).toFixed(1), n, deel(429), deel(400), deel(200), anders];
    }));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      database: { type: 'string' }, schaal: { type: 'string', default: '0.01' }, duur: { type: 'string', default: '15' },
      normaal: { type: 'string', default: '6' }, limiet: { type: 'string', default: '300' }, gelijktijdig: { type: 'string', default: '16' },
    },
  });
  const duur = Number(values.duur);
  const normaal = Number(values.normaal);
  const gelijktijdig = Number(values.gelijktijdig);
  if (!(duur > 0 && duur <= 300) || !(normaal >= 1 && normaal <= 50) || !(gelijktijdig >= 1 && gelijktijdig <= 256) || !/^\d+$/.test(values.limiet!)) {
    process.stderr.write('--duur 1..300 s, --normaal 1..50, --gelijktijdig 1..256, --limiet een geheel getal ≥ 1.\n');
    return 1;
  }
  const tijdelijk = values.database ? null : await mkdtemp(join(tmpdir(), 'binnenboord-bench-misbruik-'));
  const database = values.database ?? join(tijdelijk!, 'db');
  let proces: ChildProcess | null = null;
  const stop = async () => {
    if (!proces || proces.exitCode !== null) return;
    const p = proces;
    await new Promise<void>((klaar) => {
      p.once('exit', () => klaar());
      p.kill('SIGTERM');
    });
  };
  const instellingen = (limiet: string) => ({
    BINNENBOORD_DEMO_SCHAAL: values.schaal!, BINNENBOORD_VERZOEKEN_PER_MINUUT: limiet, BINNENBOORD_VERTROUWDE_PROXY: '127.0.0.1',
  });
  try {
    process.stdout.write(`Server starten op ${database} (een lege database krijgt eerst demodata, schaal ${values.schaal}) …\n`);
    let url: string;
    ({ url, proces } = await startServerproces(database, instellingen(values.limiet!)));
    let basis = new URL(url);
    const paden = await normalePaden(basis);
    const o = { duur, normaal, gelijktijdig };
    process.stdout.write(`${normaal} normale clients (elk ~${Math.round(60_000 / DENKTIJD_MS)} verzoeken per minuut, ${paden.length} paden), `
      + `1 misbruiker met ${gelijktijdig} gelijktijdige verbindingen, ${duur} s per fase; grens ${values.limiet} per minuut per client.\n`);
    await fase('opwarmen', basis, paden, { ...o, duur: Math.min(5, duur), misbruiker: false });
    const metingen: Fasemeting[] = [];
    metingen.push(await fase('alleen normaal', basis, paden, { ...o, misbruiker: false }));
    metingen.push(await fase(`met misbruiker, grens ${values.limiet}/min`, basis, paden, { ...o, misbruiker: true }));
    await stop();
    ({ url, proces } = await startServerproces(database, instellingen('0')));
    basis = new URL(url);
    await fase('opwarmen', basis, paden, { ...o, duur: Math.min(5, duur), misbruiker: false });
    metingen.push(await fase('met misbruiker, geen grens', basis, paden, { ...o, misbruiker: true }));
    process.stdout.write(`${verslag(metingen)}\n`);
    return 0;
  } finally {
    await stop();
    if (tijdelijk) await rm(tijdelijk, { recursive: true, force: true });
  }
}

if (process.argv[1] && /bench[\\/]misbruik\.(ts|js)$/.test(process.argv[1])) {
  process.exitCode = await main();
}
