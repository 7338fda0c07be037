import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { referentiedataMap } from '../src/config.js';
import { openDatabase } from '../src/db/open.js';
import { bouwApp } from '../src/server/app.js';
import { maakAccount } from '../src/toegang/accounts.js';
import { vulTestdatabase } from '../test/api/fixture.js';
import { ARGON2_PARAMETERS, controleerWachtwoordHash, hashWachtwoord } from '../src/toegang/geheimen.js';

/**
 * Cost of logging in (issue 8), on 127.0.0.1 only, bounded in requests:
 * - Argon2id: the time of one hash and one verification at the parameters in use;
 * - POST /api/v1/sessie/_inloggen with N concurrent clients (default 20): p50/p95/p99, per second;
 * - the overhead of a session on an ordinary request: GET /api/v1/schooljaren anonymous,
 *   with a session cookie, and with a machine client's API key;
 * - one read of person data: POST /api/v1/personen/_zoek by an RMC officer (session, CSRF token),
 *   each one with its audit record, on the API tests' delivery (test/api/fixture.ts).
 * A fresh embedded database in a temporary folder; nothing is left behind.
 *
 *   npx tsx bench/inloggen.ts [--clients 20] [--inlogs 200] [--verzoeken 4000]
 */
const { values } = parseArgs({ options: { clients: { type: 'string', default: '20' }, inlogs: { type: 'string', default: '200' }, verzoeken: { type: 'string', default: '4000' } } });
const CLIENTS = Number(values.clients);
const INLOGS = Number(values.inlogs);
const VERZOEKEN = Number(values.verzoeken);

function percentiel(gesorteerd: readonly number[], p: number): number {
  return gesorteerd[Math.min(gesorteerd.length - 1, Math.ceil((p / 100) * gesorteerd.length) - 1)]!;
}

/** `totaal` requests spread over `clients` concurrent loops; the duration of each, in ms. */
async function meet(clients: number, totaal: number, verzoek: (i: number) => Promise<Response>): Promise<{ p50: number; p95: number; p99: number; perSeconde: number; fouten: number }> {
  const tijden: number[] = [];
  let fouten = 0;
  let volgende = 0;
  const begin = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (volgende < totaal) {
      const i = volgende++;
      const t = performance.now();
      const r = await verzoek(i);
      await r.arrayBuffer();
      tijden.push(performance.now() - t);
      if (!r.ok) fouten += 1;
    }
  }));
  const duur = (performance.now() - begin) / 1000;
  tijden.sort((a, b) => a - b);
  return { p50: percentiel(tijden, 50), p95: percentiel(tijden, 95), p99: percentiel(tijden, 99), perSeconde: totaal / duur, fouten };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const regel = (naam: string, m: Awaited<ReturnType<typeof meet>>) =>
  `${naam.padEnd(44)} p50 ${ms(m.p50).padStart(9)}  p95 ${ms(m.p95).padStart(9)}  p99 ${ms(m.p99).padStart(9)}  ${m.perSeconde.toFixed(0).padStart(6)}/s  fouten ${m.fouten}`;

const map = await mkdtemp(join(tmpdir(), 'binnenboord-bench-inloggen-'));
const db = await openDatabase(map);
try {
  await vulTestdatabase(db, await mkdtemp(join(tmpdir(), 'binnenboord-bench-levering-')));
  process.stdout.write(`Argon2id: geheugen ${ARGON2_PARAMETERS.memoryCost} KiB, ${ARGON2_PARAMETERS.timeCost} passes, parallelisme ${ARGON2_PARAMETERS.parallelism}\n`);
  const hashes: number[] = [];
  const controles: number[] = [];
  let hash = '';
  for (let i = 0; i < 10; i += 1) {
    let t = performance.now();
    hash = await hashWachtwoord(`wachtwoord-nummer-${i}`);
    hashes.push(performance.now() - t);
    t = performance.now();
    await controleerWachtwoordHash(hash, `wachtwoord-nummer-${i}`);
    controles.push(performance.now() - t);
  }
  hashes.sort((a, b) => a - b);
  controles.sort((a, b) => a - b);
  process.stdout.write(`  één hash: mediaan ${ms(percentiel(hashes, 50))}; één controle: mediaan ${ms(percentiel(controles, 50))} (10 keer, na elkaar)\n`);

  for (let i = 0; i < CLIENTS; i += 1) {
    await maakAccount(db, { gebruikersnaam: `bench-${i}`, weergavenaam: `Bench ${i}`, rol: 'analist', wachtwoord: 'bench-wachtwoord-lang' });
  }
  const app = await bouwApp({ db, webMap: null, geoMap: join(referentiedataMap(), 'geo') });
  const basis = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const inloggen = await meet(CLIENTS, INLOGS, (i) => fetch(`${basis}/api/v1/sessie/_inloggen`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ gebruikersnaam: `bench-${i % CLIENTS}`, wachtwoord: 'bench-wachtwoord-lang' }),
    }));
    process.stdout.write(`\n${INLOGS} inlogs, ${CLIENTS} tegelijk:\n${regel('POST /api/v1/sessie/_inloggen', inloggen)}\n`);

    const r = await fetch(`${basis}/api/v1/sessie/_inloggen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ gebruikersnaam: 'bench-0', wachtwoord: 'bench-wachtwoord-lang' }) });
    const cookie = r.headers.getSetCookie()[0]!.split(';')[0]!;
    const beheer = await maakAccount(db, { gebruikersnaam: 'bench-beheer', weergavenaam: 'B', rol: 'beheer', wachtwoord: 'bench-wachtwoord-lang' });
    void beheer;
    const { maakMachineclient } = await import('../src/toegang/accounts.js');
    const { sleutel } = await maakMachineclient(db, { naam: 'bench-machine', rol: 'school', scopecode: '20BB' });

    process.stdout.write(`\n${VERZOEKEN} verzoeken, ${CLIENTS} tegelijk (GET /api/v1/schooljaren, uit de antwoordcache):\n`);
    const url = `${basis}/api/v1/schooljaren`;
    await meet(CLIENTS, 200, () => fetch(url));
    process.stdout.write(`${regel('anoniem', await meet(CLIENTS, VERZOEKEN, () => fetch(url)))}\n`);
    process.stdout.write(`${regel('met sessiecookie', await meet(CLIENTS, VERZOEKEN, () => fetch(url, { headers: { cookie } })))}\n`);
    process.stdout.write(`${regel('met API-sleutel (machineclient)', await meet(CLIENTS, VERZOEKEN, () => fetch(url, { headers: { authorization: `Bearer ${sleutel}` } })))}\n`);

    // One read of person data: an RMC officer's search, with its audit record, never cached.
    await maakAccount(db, { gebruikersnaam: 'bench-rmc', weergavenaam: 'Bench RMC', rol: 'rmc', scopecode: '19', wachtwoord: 'bench-wachtwoord-lang' });
    const rmc = await fetch(`${basis}/api/v1/sessie/_inloggen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ gebruikersnaam: 'bench-rmc', wachtwoord: 'bench-wachtwoord-lang' }) });
    const rmcCookie = rmc.headers.getSetCookie()[0]!.split(';')[0]!;
    const sessie = await (await fetch(`${basis}/api/v1/sessie`, { headers: { cookie: rmcCookie } })).json() as { csrfToken: string };
    const zoek = () => fetch(`${basis}/api/v1/personen/_zoek`, {
      method: 'POST', headers: { cookie: rmcCookie, 'x-csrf-token': sessie.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ schooljaar: '2017-2018', doel: 'trajectbegeleiding' }),
    });
    const proef = await zoek();
    if (!proef.ok) throw new Error(`personen/_zoek: ${proef.status} ${await proef.text()}`);
    process.stdout.write(`\n${VERZOEKEN / 4} inzagen, ${CLIENTS} tegelijk (POST /api/v1/personen/_zoek als rmc, elk met een auditrecord):\n`);
    process.stdout.write(`${regel('persoonsgegevens lezen', await meet(CLIENTS, VERZOEKEN / 4, zoek))}\n`);
  } finally {
    await app.close();
  }
} finally {
  await db.close();
  await rm(map, { recursive: true, force: true });
}
