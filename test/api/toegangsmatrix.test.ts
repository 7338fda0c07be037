import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECTMAP } from '../../src/config.js';
import { parseMaand } from '../../src/domain/lijsten/maand.js';
import { lijstenMetDossiers } from '../../src/lijsten/dossiers.js';
import { beslis, doelenVoor, type Context } from '../../src/domain/toegang/beleid.js';
import { ROLLEN, type Gebruiker } from '../../src/domain/toegang/rollen.js';
import { RouteZonderHandeling, registreerToegang } from '../../src/server/toegang.js';
import { maakAccount, maakMachineclient } from '../../src/toegang/accounts.js';
import { describeDatabases } from '../support/database.js';
import { TESTGEBRUIKERS, alsGebruiker } from '../support/toegang.js';
import { apiomgeving } from './omgeving.js';
import { Readable } from 'node:stream';
import { MELDINGVELDEN } from '../../src/domain/verzuim/melding.js';
import { readCsvRecords } from '../../src/importeren/csvReader.js';
import { importeerVerzuimRecords } from '../../src/verzuim/importeer.js';
import { publiceerVerzuimcijfers } from '../../src/verzuim/publiceren.js';

/** One valid report of T00251 (at 20BB in 2017-2018, living in GM0344; test/api/fixture.ts). */
function meldingenCsvVoor20BB(): string {
  const rij: Record<string, string> = {
    bron: 'school', soort: '16u4w', persoon_id: 'T00251', brin: '20BB', vestiging: '00', lesplaats: 'Hoofdgebouw', meldingsdatum: '2017-09-22',
    startdatum: '2017-09-04', einddatum: '2017-09-20', verzuim_dagen: '3', verzuim_uren: '17', alle_lessen_gemist: 'nee', vermoedelijke_reden: 'spijbelt',
    ondernomen_actie: 'gesprek', gemeente_gevraagd_te_handelen: 'ja', melder_naam: 'J. de Vries', melder_functie: 'coördinator',
    melder_telefoon: '030-1234567', melder_email: 'verzuim@rocmidden.nl',
  };
  return `${MELDINGVELDEN.join(',')}\n${MELDINGVELDEN.map((k) => rij[k] ?? '').join(',')}\n`;
}

/**
 * The access matrix: every API route of the application (its own route list, checked against
 * the OpenAPI document) × anonymous and every role × its own scope and another scope. The
 * expected status comes from the policy itself (beleid.ts); a route the matrix cannot build a
 * request for fails the test, so no new endpoint goes unchecked.
 */
const PARAMWAARDEN: Record<string, string> = { runId: '1', rmcCode: '19', gemeenteCode: 'GM0344', brin: '20BB', meldingId: '1' };

/** Query strings of GET routes that need one (a route that needs one and lacks it here answers 400: the matrix fails). */
const QUERIES: Record<string, string> = { 'GET /api/v1/rmc-regios/:rmcCode/effectrapportage': '?schooljaar=2017-2018', 'GET /api/v1/vergelijking': '?rmcCodes=19,21', 'GET /api/v1/vergelijking/groepen': '?gemeenteCode=GM0344' };

/** The regions of the test delivery's municipalities (test/api/fixture.ts). */
const REGIO: Record<string, string> = { GM0344: '19', GM0363: '21', GM0307: '16', GM0518: '28' };

/**
 * The account and machine client the beheer routes act on, and the login the matrix uses
 * (made in beforeAll). Requests carry the test user header and no session cookie, so the
 * CSRF check (which concerns requests made with a session cookie) does not apply to them.
 */
const MATRIXWACHTWOORD = 'matrix-wachtwoord-voor-de-toegangstest';
const ids = { account: '', machineclient: '' };
/** A dossier of each role with dossiers in the test delivery's region 19 (made in beforeAll from the lists of April 2018). */
const dossiers: Partial<Record<string, string>> = {};
const GEEN_DOSSIER = `d${'0'.repeat(20)}`;
/** No handover exists in the matrix: a role the policy allows gets 404 (test/api/overdrachten.test.ts tests the steps). */
const GEEN_OVERDRACHT = `o${'0'.repeat(20)}`;
let volgnummer = 0;

function padwaarde(pad: string, naam: string, g: Gebruiker | null): string {
  if (naam === 'dossierId') return (g && dossiers[g.rol]) ?? GEEN_DOSSIER;
  if (naam === 'overdrachtId') return GEEN_OVERDRACHT;
  if (naam === 'id' && pad.startsWith('/api/v1/accounts/')) return ids.account;
  if (naam === 'id' && pad.startsWith('/api/v1/machineclients/')) return ids.machineclient;
  const w = PARAMWAARDEN[naam];
  if (!w) throw new Error(`geen testwaarde voor padparameter ${naam} van ${pad}`);
  return w;
}

type Variant = 'eigen' | 'ander';
/**
 * `status`: the success status of the route when the policy allows (default 200); `audit`: the
 * audit records it then writes (default: 1 for persoon.lezen and audit.lezen, else 0); `csv`: a
 * text/csv body instead of JSON.
 */
interface Voorbeeld { body?: object; csv?: string; context: Context; status?: number; audit?: number }

/**
 * Absence report 1 (made in beforeAll) is routed to leerplicht GM0344 and filed by 20BB: the
 * leerplicht user of GM0344 may handle it; the RMC region does not get it (404: a report outside
 * one's scope is not found rather than forbidden).
 */
const meldingVoorbeeld = (g: Gebruiker | null, body: object, status: number): Voorbeeld => {
  const eigen = g?.rol === 'leerplicht';
  return { body, context: {}, status: eigen ? status : 404, audit: eigen ? 1 : 0 };
};

/** What a scoped request asks: its own scope, or (ander) another area or institution. */
function gevraagd(g: Gebruiker | null, variant: Variant): Context['gevraagd'] {
  const s = g?.scope;
  if (!s || s.soort === 'landelijk') return variant === 'eigen' ? {} : { rmcCode: '21' };
  if (s.soort === 'rmc-regio') return { rmcCode: variant === 'eigen' ? s.code : '21' };
  if (s.soort === 'gemeente') return { gemeenteCode: variant === 'eigen' ? s.code : 'GM0363' };
  return { brin: variant === 'eigen' ? s.code : '10AA' };
}

/** The absence routes narrow only by BRIN: the own one, or another school's. */
function gevraagd_(g: Gebruiker | null, variant: Variant): { brin?: string } {
  if (g?.scope.soort === 'brin') return { brin: variant === 'eigen' ? g.scope.code : '10AA' };
  return variant === 'eigen' ? {} : { brin: '10AA' };
}

/** Request bodies of the POST, PATCH and DELETE routes; such a route without one here fails the matrix. */
const BODIES: Record<string, (g: Gebruiker | null, variant: Variant) => Voorbeeld> = {
  'POST /api/v1/personen/_zoek': (g, variant) => {
    const doel = (g && doelenVoor(g.rol)[0]) ?? 'trajectbegeleiding';
    const filter = gevraagd(g, variant);
    return {
      body: { schooljaar: '2017-2018', doel, perPagina: 5, ...filter },
      context: { gevraagd: filter, doel, regioVanGemeente: (gm) => REGIO[gm] ?? null },
    };
  },
  'POST /api/v1/lijsten/_zoek': (g, variant) => {
    const filter = gevraagd(g, variant);
    return {
      body: { soort: 'uitschrijvingen', maand: '2018-04', perPagina: 5, ...filter },
      context: { gevraagd: filter, doel: 'maandlijst', regioVanGemeente: (gm) => REGIO[gm] ?? null },
    };
  },
  'PATCH /api/v1/rmc-regios/:rmcCode/instellingen': () => ({ body: { contactintervalMaanden: 6 }, context: { gevraagd: { rmcCode: '19' } } }),
  'POST /api/v1/werklijst/_zoek': () => ({ body: { peildatum: '2018-06-01' }, context: {} }),
  'POST /api/v1/dossiers/_zoek': () => ({ body: { perPagina: 5 }, context: {} }),
  'POST /api/v1/rmc-regios/:rmcCode/effectrapportage/_dossiers': () => ({
    body: { schooljaar: '2017-2018', tabel: 'oudVsvers', groep: '1-2' }, context: { gevraagd: { rmcCode: '19' } },
  }),
  'POST /api/v1/dossiers/:dossierId/gebeurtenissen': () => ({
    body: { soort: 'notitie', datum: '2018-05-01', gegevens: { doel: 'contact', tekst: 'matrix' } }, context: {}, status: 201,
  }),
  'POST /api/v1/overdrachten/_zoek': () => ({ body: { richting: 'inkomend' }, context: {}, audit: 1 }),
  'POST /api/v1/overdrachten/:overdrachtId/verzending': () => ({ body: { delen: [], reden: 'matrix' }, context: {}, status: 404, audit: 0 }),
  'POST /api/v1/overdrachten/:overdrachtId/aanvaarding': () => ({ body: {}, context: {}, status: 404, audit: 0 }),
  'POST /api/v1/overdrachten/:overdrachtId/weigering': () => ({ body: { reden: 'matrix' }, context: {}, status: 404, audit: 0 }),
  'POST /api/v1/audit/_zoek': () => ({ body: { perPagina: 5 }, context: {} }),
  'POST /api/v1/leerlingen/_zoek': () => ({ body: { naam: 'jansen', geboortedatum: '2001-01-15' }, context: { doel: 'verzuim-melden' }, audit: 1 }),
  // An incomplete report passes the policy and is refused by the rules: 400, no pupil read, no audit.
  'POST /api/v1/verzuimmeldingen': (g, variant) => {
    const gevraagd = gevraagd_(g, variant);
    return { body: { ...gevraagd, soort: '16u4w' }, context: { gevraagd }, status: 400 };
  },
  'POST /api/v1/verzuimmeldingen/_importeren': () => ({ csv: `${MELDINGVELDEN.join(',')}\n`, context: {} }),
  'POST /api/v1/verzuimmeldingen/_zoek': (g, variant) => {
    const gevraagd = gevraagd_(g, variant);
    return { body: { ...gevraagd, perPagina: 5 }, context: { gevraagd }, audit: 1 };
  },
  'PATCH /api/v1/verzuimmeldingen/:meldingId': (g) => meldingVoorbeeld(g, { contactpersoon: 'Matrix' }, 200),
  'POST /api/v1/verzuimmeldingen/:meldingId/acties': (g) => meldingVoorbeeld(g, { soort: 'waarschuwing', datum: '2017-10-02' }, 201),
  'POST /api/v1/sessie/_inloggen': () => ({ body: { gebruikersnaam: 'matrix-inlog', wachtwoord: MATRIXWACHTWOORD }, context: {} }),
  'POST /api/v1/sessie/_uitloggen': () => ({ context: {}, status: 204 }),
  'POST /api/v1/accounts': () => ({
    body: { gebruikersnaam: `matrix-nieuw-${(volgnummer += 1)}`, weergavenaam: 'Matrix nieuw', rol: 'rmc', scopecode: '19', wachtwoord: MATRIXWACHTWOORD },
    context: {}, status: 201,
  }),
  'PATCH /api/v1/accounts/:id': (_g, variant) => ({ body: { weergavenaam: `Matrix inlog (${variant})` }, context: {} }),
  'POST /api/v1/accounts/:id/_wachtwoord': () => ({ body: { wachtwoord: MATRIXWACHTWOORD }, context: {} }),
  'POST /api/v1/machineclients': () => ({ body: { naam: `matrix-client-${(volgnummer += 1)}`, rol: 'school', scopecode: '20BB' }, context: {}, status: 201 }),
  'PATCH /api/v1/machineclients/:id': () => ({ body: { geblokkeerd: false }, context: {} }),
  'POST /api/v1/machineclients/:id/_sleutel': () => ({ context: {} }),
};

const GEBRUIKERS: readonly (Gebruiker | null)[] = [null, ...ROLLEN.map((r) => TESTGEBRUIKERS[r])];

describeDatabases('toegangsmatrix', (driver) => {
  const api = apiomgeving(driver, { testgebruikers: true });
  beforeAll(async () => {
    ids.account = (await maakAccount(api.db, { gebruikersnaam: 'matrix-inlog', weergavenaam: 'Matrix inlog', rol: 'analist', wachtwoord: MATRIXWACHTWOORD })).id;
    ids.machineclient = (await maakMachineclient(api.db, { naam: 'matrix-client', rol: 'school', scopecode: '20BB' })).client.id;
    // Absence report 1: a pupil of 20BB living in GM0344, routed to leerplicht there.
    const v = await importeerVerzuimRecords(api.db, readCsvRecords(Readable.from([meldingenCsvVoor20BB()])), { brin: '20BB', gebruiker: TESTGEBRUIKERS.school, vandaag: '2018-06-01' });
    expect(v.gemeld.map((m) => m.meldingId)).toEqual([1]);
    // the public absence figures of its school year (GET /verzuim, /rmc-regios/19/verzuim)
    await publiceerVerzuimcijfers(api.db, '2017-2018');
    await lijstenMetDossiers(api.db, parseMaand('2018-04')!);
    delete dossiers.rmc; // the PGlite and PostgreSQL suites each have their own
    delete dossiers.leerplicht;
    for (const d of await api.db.query<{ id: string; eigenaar_soort: string; eigenaar_code: string }>('SELECT id, eigenaar_soort, eigenaar_code FROM dossier ORDER BY id')) {
      if (d.eigenaar_soort === 'rmc-regio' && d.eigenaar_code === '19') dossiers.rmc ??= d.id;
      if (d.eigenaar_soort === 'gemeente' && d.eigenaar_code === 'GM0344') dossiers.leerplicht ??= d.id;
    }
    expect(dossiers.rmc && dossiers.leerplicht).toBeTruthy();
  });

  it('elke route staat in de matrix; de routelijst en het OpenAPI-document noemen dezelfde endpoints', async () => {
    const doc = (await api.get('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const uitDoc = Object.entries(doc.paths).flatMap(([pad, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} /api/v1${pad}`)).sort();
    const uitApp = api.app.toegangsroutes.map((r) => `${r.methode} ${r.pad.replace(/:(\w+)/g, '{$1}')}`);
    // the front door and the OpenAPI document itself are hidden from the document
    const verborgen = ['GET /api/v1', 'GET /api/v1/', 'GET /api/v1/openapi.json'];
    expect(uitApp.filter((r) => !verborgen.includes(r)).sort()).toEqual(uitDoc);
    // Every operation documents 401, since a request with inloggegevens the server cannot accept
    // (an unknown API key) is refused on any route; on a protected operation that 401 also means
    // "not logged in", and only protected operations document 403.
    for (const r of api.app.toegangsroutes) {
      const op = doc.paths[r.pad.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}')]?.[r.methode.toLowerCase()] as { responses: Record<string, { description?: string }> } | undefined;
      if (!op) continue;
      const open = beslis(null, r.handeling).toegestaan;
      expect(op.responses['401'], `${r.methode} ${r.pad}: 401`).toBeDefined();
      expect(/niet ingelogd/i.test(op.responses['401']?.description ?? ''), `${r.methode} ${r.pad}: 401 noemt 'niet ingelogd'`).toBe(!open);
      expect(Object.keys(op.responses).includes('403'), `${r.methode} ${r.pad}: 403`).toBe(!open);
    }
    const ontbrekend = api.app.toegangsroutes.filter((r) => r.methode !== 'GET' && !BODIES[`${r.methode} ${r.pad}`]);
    expect(ontbrekend, 'routes zonder voorbeeldverzoek in de toegangsmatrix').toEqual([]);
  });

  it('elke rol × scope × endpoint krijgt de status die het beleid zegt; elke toegestane inzage is één auditrecord', async () => {
    const fouten: string[] = [];
    let gevallen = 0;
    let verwachteAudit = 0;
    const [voor] = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit');
    for (const route of api.app.toegangsroutes) {
      for (const g of GEBRUIKERS) {
        for (const variant of ['eigen', 'ander'] as const) {
          const url = route.pad.replace(/:(\w+)/g, (_m, naam: string) => padwaarde(route.pad, naam, g))
            + (QUERIES[`${route.methode} ${route.pad}`] ?? '');
          const maakVoorbeeld = BODIES[`${route.methode} ${route.pad}`];
          if (route.methode !== 'GET' && !maakVoorbeeld) throw new Error(`geen voorbeeldverzoek in de toegangsmatrix voor ${route.methode} ${route.pad}`);
          const voorbeeld: Voorbeeld = route.methode === 'GET' ? { context: {} } : maakVoorbeeld!(g, variant);
          const besluit = beslis(g, route.handeling, voorbeeld.context);
          const verwacht = besluit.toegestaan ? (voorbeeld.status ?? 200) : besluit.status;
          const r = await api.app.inject({
            method: route.methode as 'GET' | 'POST' | 'PATCH' | 'DELETE', url,
            headers: { ...alsGebruiker(g), ...(voorbeeld.csv !== undefined ? { 'content-type': 'text/csv' } : {}) },
            ...(voorbeeld.body ? { payload: voorbeeld.body } : voorbeeld.csv !== undefined ? { payload: voorbeeld.csv } : {}),
          });
          gevallen += 1;
          const wie = g ? `${g.rol} (${variant})` : `anoniem (${variant})`;
          if (r.statusCode !== verwacht) fouten.push(`${route.methode} ${url} als ${wie}: ${r.statusCode}, verwacht ${verwacht} ${r.body.slice(0, 160)}`);
          if (!besluit.toegestaan) {
            expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
            expect(r.json()).toMatchObject({ status: verwacht, detail: besluit.reden });
          }
          if (besluit.toegestaan) verwachteAudit += voorbeeld.audit ?? (['persoon.lezen', 'audit.lezen', 'lijst.lezen', 'dossier.lezen', 'dossier.schrijven', 'werklijst.lezen'].includes(route.handeling) ? 1 : 0);
        }
      }
    }
    expect(fouten).toEqual([]);
    expect(gevallen).toBe(api.app.toegangsroutes.length * GEBRUIKERS.length * 2);
    const [na] = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit');
    expect(na!.n - voor!.n).toBe(verwachteAudit);
    expect(verwachteAudit).toBeGreaterThanOrEqual(5);
  });
});

describe('routes zonder handeling', () => {
  it('een API-route zonder config.handeling laat de app niet starten', async () => {
    const app = Fastify();
    registreerToegang(app);
    expect(() => app.get('/api/v1/vergeten', async () => 'x')).toThrow(RouteZonderHandeling);
    expect(() => app.get('/api/v1/fout', { config: { handeling: 'bestaat.niet' as 'cijfers.lezen' } }, async () => 'x')).toThrow(/geen geldige config.handeling/);
    expect(() => app.get('/pagina', async () => 'x')).not.toThrow();
    await app.close();
  });

  it('de testgebruiker kan alleen via code worden gezet: geen bestand in src/ behalve app.ts en toegang.ts noemt hem', async () => {
    const bestanden = (await readdir(join(PROJECTMAP, 'src'), { recursive: true })).filter((f) => f.endsWith('.ts'));
    const noemers: string[] = [];
    for (const f of bestanden) if ((await readFile(join(PROJECTMAP, 'src', f), 'utf8')).includes('testgebruiker')) noemers.push(f);
    expect(noemers.sort()).toEqual(['server/app.ts', 'server/toegang.ts']);
  });
});
