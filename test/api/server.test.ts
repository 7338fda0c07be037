import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PROJECTMAP, referentiedataMap } from '../../src/config.js';
import { demoLeveringsnaam } from '../../src/demo/demodata.js';
import { leesServerConfig } from '../../src/server/config.js';
import { loggerOpties, maskeerUrl } from '../../src/server/logging.js';
import { laadCatalogus, runsPerJaar, tellingInfo } from '../../src/server/runs.js';
import { describeDatabases, metDatabase, tijdelijkeMap, verseDatabase } from '../support/database.js';
import { bouwTestApp } from './openapiControle.js';

/** Starting the server: settings checked all at once in Dutch, demo data, the URL printed; logs without personal data. */
describe('serverinstellingen', () => {
  it('standaardwaarden werken op een nieuwe machine', () => {
    const u = leesServerConfig({}, '/werk');
    expect(u).toEqual({
      ok: true,
      config: {
        port: 3000, host: '127.0.0.1', database: '/werk/.binnenboord', demoSchaal: 0.1, logniveau: 'info', antwoordcache: true,
        verzoekenPerMinuut: 300, vertrouwdeProxy: null, verzoekTijdlimiet: 30, antwoordTijdlimiet: 30,
        inloggen: { productie: false, inactiefMinuten: 30, absoluutMinuten: 600, veiligeCookie: true, oidc: null },
        verzuimAchterstandWeken: 4, databaseVerbindingen: null,
      },
    });
  });

  it('leest BINNENBOORD_DATABASE_VERBINDINGEN: een geheel aantal, minstens 1 (zonder: 2 × kernen + 1)', () => {
    expect(leesServerConfig({ BINNENBOORD_DATABASE_VERBINDINGEN: '8' })).toMatchObject({ ok: true, config: { databaseVerbindingen: 8 } });
    for (const fout of ['0', '2.5', 'veel']) {
      const u = leesServerConfig({ BINNENBOORD_DATABASE_VERBINDINGEN: fout });
      expect(u.ok).toBe(false);
      expect((u as { fouten: string[] }).fouten[0]).toMatch(/^BINNENBOORD_DATABASE_VERBINDINGEN/);
    }
  });

  it('leest BINNENBOORD_VERZUIM_ACHTERSTAND_WEKEN: een geheel aantal weken, minstens 1', () => {
    expect(leesServerConfig({ BINNENBOORD_VERZUIM_ACHTERSTAND_WEKEN: '6' })).toMatchObject({ ok: true, config: { verzuimAchterstandWeken: 6 } });
    for (const fout of ['0', '2.5', 'vier']) {
      const u = leesServerConfig({ BINNENBOORD_VERZUIM_ACHTERSTAND_WEKEN: fout });
      expect(u.ok).toBe(false);
      expect((u as { fouten: string[] }).fouten[0]).toMatch(/^BINNENBOORD_VERZUIM_ACHTERSTAND_WEKEN/);
    }
  });

  it('leest de grenzen van de API: verzoeken per minuut (0 = geen grens), tijdlimieten en vertrouwde proxy\'s', () => {
    const u = leesServerConfig({
      BINNENBOORD_VERZOEKEN_PER_MINUUT: '0', BINNENBOORD_VERZOEK_TIJDLIMIET: '5', BINNENBOORD_ANTWOORD_TIJDLIMIET: '12',
      BINNENBOORD_VERTROUWDE_PROXY: '127.0.0.1, 10.0.0.0/8',
    });
    expect(u).toMatchObject({ ok: true, config: { verzoekenPerMinuut: 0, verzoekTijdlimiet: 5, antwoordTijdlimiet: 12, vertrouwdeProxy: '127.0.0.1,10.0.0.0/8' } });
    const fout = leesServerConfig({
      BINNENBOORD_VERZOEKEN_PER_MINUUT: '-1', BINNENBOORD_VERZOEK_TIJDLIMIET: '0', BINNENBOORD_ANTWOORD_TIJDLIMIET: '2.5',
      BINNENBOORD_VERTROUWDE_PROXY: 'proxy.example.org',
    });
    expect(fout.ok).toBe(false);
    expect((fout as { fouten: string[] }).fouten.map((f) => f.split(' ')[0])).toEqual([
      'BINNENBOORD_VERZOEKEN_PER_MINUUT', 'BINNENBOORD_VERZOEK_TIJDLIMIET', 'BINNENBOORD_ANTWOORD_TIJDLIMIET', 'BINNENBOORD_VERTROUWDE_PROXY',
    ]);
  });

  it('leest PORT, HOST, BINNENBOORD_DATABASE (map of postgres-URL) en BINNENBOORD_DEMO_SCHAAL', () => {
    const u = leesServerConfig({ PORT: '0', HOST: '0.0.0.0', BINNENBOORD_DATABASE: 'postgres://u:p@db:5432/bb', BINNENBOORD_DEMO_SCHAAL: '0.05' });
    expect(u).toMatchObject({ ok: true, config: { port: 0, host: '0.0.0.0', database: 'postgres://u:p@db:5432/bb', demoSchaal: 0.05 } });
  });

  it('noemt elke ongeldige instelling tegelijk, zonder wachtwoord', () => {
    const u = leesServerConfig({
      PORT: '70000', HOST: ' ', BINNENBOORD_DATABASE: 'postgres://gebruiker:geheim@', BINNENBOORD_DEMO_SCHAAL: '1.5', BINNENBOORD_LOGNIVEAU: 'luid',
    });
    expect(u.ok).toBe(false);
    const fouten = (u as { fouten: string[] }).fouten;
    expect(fouten.map((f) => f.split(' ')[0])).toEqual(['PORT', 'HOST', 'BINNENBOORD_DATABASE', 'BINNENBOORD_DEMO_SCHAAL', 'BINNENBOORD_LOGNIVEAU']);
    expect(fouten.join('\n')).not.toContain('geheim');
  });

  it.each(['0', '-0.1', 'abc', '2', 'NaN', 'Infinity', ''])('BINNENBOORD_DEMO_SCHAAL %j', (waarde) => {
    const u = leesServerConfig({ BINNENBOORD_DEMO_SCHAAL: waarde });
    expect(u.ok).toBe(waarde === '');
  });

  it('maskeert in gelogde URL\'s elk getal van 8 of meer cijfers (BSN, onderwijsnummer)', () => {
    expect(maskeerUrl('/api/v1/instellingen?naam=123456782&plaats=Utrecht')).toBe('/api/v1/instellingen?naam=*********&plaats=Utrecht');
    expect(maskeerUrl('/api/v1/rmc-regios/21?schooljaar=2019-2020')).toBe('/api/v1/rmc-regios/21?schooljaar=2019-2020');
  });
});

describeDatabases('serverlog', (driver) => {
  const t = verseDatabase(driver);

  it('logt verzoeken zonder BSN-achtige getallen, zonder cookies of autorisatie', async () => {
    const regels: string[] = [];
    const stroom = new Writable({ write(stuk, _c, klaar) { regels.push(String(stuk)); klaar(); } });
    const opties = loggerOpties('info') as Record<string, unknown>;
    const app = await bouwTestApp({ db: t.db, webMap: null, geoMap: join(referentiedataMap(), 'geo'), logger: { ...opties, stream: stroom } });
    await app.inject({ url: '/api/v1/instellingen?naam=123456782', headers: { cookie: 'sessie=geheim', authorization: 'Bearer geheim' } });
    await app.close();
    const log = regels.join('');
    expect(log).toContain('/api/v1/instellingen?naam=*********');
    expect(log).not.toContain('123456782');
    expect(log).not.toContain('geheim');
  });
});

/** Runs src/server/main.ts as `npm start` would run dist/server/main.js, and collects its output. */
function startServer(env: Record<string, string>, tot: (uitvoer: string) => boolean): Promise<{ code: number | null; uitvoer: string }> {
  return new Promise((klaar, fout) => {
    const tsx = join(PROJECTMAP, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const p = spawn(process.execPath, [tsx, join(PROJECTMAP, 'src', 'server', 'main.ts')], {
      env: { ...process.env, BINNENBOORD_LOGNIVEAU: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let uitvoer = '';
    const lees = (b: Buffer) => {
      uitvoer += String(b);
      if (tot(uitvoer)) p.kill('SIGTERM');
    };
    p.stdout.on('data', lees);
    p.stderr.on('data', lees);
    p.on('error', fout);
    p.on('exit', (code) => klaar({ code, uitvoer }));
  });
}

describe('npm start', () => {
  it('stopt met status 1 en een lijst van wat er mis is', async () => {
    const r = await startServer({ PORT: 'x', BINNENBOORD_DEMO_SCHAAL: '0' }, () => false);
    expect(r.code).toBe(1);
    expect(r.uitvoer).toContain('Binnenboord kan niet starten');
    expect(r.uitvoer).toContain('PORT');
    expect(r.uitvoer).toContain('BINNENBOORD_DEMO_SCHAAL');
  });

  it('laadt demodata in een lege database, meldt de voortgang en het adres', async () => {
    const map = await tijdelijkeMap('server');
    const r = await startServer({ PORT: '0', BINNENBOORD_DATABASE: map, BINNENBOORD_DEMO_SCHAAL: '0.002' }, (u) => u.includes('draait op'));
    expect(r.uitvoer).toContain('Lege database: demodata maken (synthetisch, schaal 0.002');
    expect(r.uitvoer).toContain('telling 2023-2024 (voorlopig)');
    expect(r.uitvoer).toContain('demodata klaar');
    expect(r.uitvoer).toContain('Demo-accounts gemaakt: demo-rmc, demo-leerplicht, demo-school, demo-analist, demo-beheer, demo-privacy');
    expect(r.uitvoer).toMatch(/Binnenboord draait op http:\/\/127\.0\.0\.1:\d+\//);
    expect(r.uitvoer).toContain('Binnenboord stopt');
    // the demo delivery carries the demo name, so every run from it is marked synthetic
    await metDatabase(map, async (db) => {
      const cat = await laadCatalogus(db);
      expect([...cat.leveringen.values()].map((l) => l.naam)).toEqual([demoLeveringsnaam(0.002)]);
      const runs = runsPerJaar(cat);
      expect(runs).toHaveLength(8);
      expect(runs.map((run) => tellingInfo(cat, run).synthetisch)).toEqual(runs.map(() => true));
      expect(runs.map((run) => tellingInfo(cat, run).schaal)).toEqual(runs.map(() => 0.002));
    });
    // The start computes the suppression pattern of each of the 8 count runs before it serves
    // (docs/openbaarmaking.md): at this tiny scale almost every cell is small, 8–22 s a run alone
    // (about 110 s for all 8), several times that on a machine busy with the other test files.
  }, 900_000);
});
