import { describe, expect, it } from 'vitest';
import { leesSorteervraag, sorteerInstellingen } from '../../src/server/instellingsvolgorde.js';
import type { Treffer } from '../../src/server/zoeken.js';
import { describeDatabases } from '../support/database.js';
import { apiomgeving } from './omgeving.js';

/**
 * Issue 11 item 4: the list of institutions sorts across pages, on the server, by what is
 * published (never by a count a "<5" hides).
 */
function treffer(brin: string, naam: string, plaats = 'Utrecht'): Treffer {
  return { kop: { brin, naam, soort: 'mbo', vestigingen: [] }, plaatsen: [plaats] };
}

describe('volgorde van de lijst instellingen', () => {
  // already in name order, as zoekInstellingen gives them
  const treffers = [treffer('10AA', 'Alfa'), treffer('20BB', 'Beta'), treffer('30CC', 'Gamma'), treffer('40DD', 'Delta'), treffer('50EE', 'Epsilon')];
  const cijfers: Record<string, { startpopulatie: number; vsv: number }> = {
    '10AA': { startpopulatie: 100, vsv: 3 }, // <5
    '20BB': { startpopulatie: 100, vsv: 1 }, // <5
    '30CC': { startpopulatie: 100, vsv: 7 },
    '40DD': { startpopulatie: 100, vsv: 0 },
  }; // 50EE: no figure
  const volgorde = (sorteer: string, toegang: 'openbaar' | 'gerechtigd' = 'openbaar') =>
    sorteerInstellingen(treffers, (b) => cijfers[b] ?? null, leesSorteervraag(sorteer), toegang).map((t) => t.kop.brin);

  it('openbaar: "<5" is één waarde tussen 0 en 5 (gelijken op naam), geen cijfer achteraan in beide richtingen', () => {
    expect(volgorde('-vsv')).toEqual(['30CC', '10AA', '20BB', '40DD', '50EE']);
    expect(volgorde('vsv')).toEqual(['40DD', '10AA', '20BB', '30CC', '50EE']);
  });

  it('met recht op de echte aantallen gelden de echte aantallen', () => {
    expect(volgorde('-vsv', 'gerechtigd')).toEqual(['30CC', '10AA', '20BB', '40DD', '50EE']);
    expect(volgorde('vsv', 'gerechtigd')).toEqual(['40DD', '20BB', '10AA', '30CC', '50EE']);
  });

  it('een niet getoond percentage (minder dan 5 vsv\'ers) staat achteraan', () => {
    expect(volgorde('-percentage')).toEqual(['30CC', '10AA', '20BB', '40DD', '50EE']);
    expect(volgorde('-percentage', 'gerechtigd')).toEqual(['30CC', '10AA', '20BB', '40DD', '50EE']);
    expect(volgorde('percentage', 'gerechtigd')).toEqual(['40DD', '20BB', '10AA', '30CC', '50EE']);
  });

  it('op naam en BRIN; zonder sorteer op naam', () => {
    expect(volgorde('-naam')).toEqual(['30CC', '50EE', '40DD', '20BB', '10AA']);
    expect(volgorde('brin')).toEqual(['10AA', '20BB', '30CC', '40DD', '50EE']);
    expect(sorteerInstellingen(treffers, () => null, leesSorteervraag(undefined), 'openbaar').map((t) => t.kop.brin))
      .toEqual(['10AA', '20BB', '40DD', '50EE', '30CC']);
    expect(() => leesSorteervraag('-leeftijd')).toThrow(/onbekende sortering/);
  });
});

describeDatabases('API: de lijst instellingen sorteert over de pagina\'s heen', (driver) => {
  const api = apiomgeving(driver);

  it('elke pagina is een stuk van één volgorde over de hele lijst; de download heeft dezelfde volgorde', async () => {
    const heel = (await api.json('/api/v1/instellingen?sorteer=-startpopulatie&paginaGrootte=100')).instellingen
      .map((i: { brin: string }) => i.brin);
    expect(heel).toHaveLength(4);
    const perPagina: string[] = [];
    for (let p = 1; p <= 4; p++) {
      const pagina = await api.json(`/api/v1/instellingen?sorteer=-startpopulatie&paginaGrootte=1&pagina=${p}`);
      perPagina.push(pagina.instellingen[0].brin);
      expect(pagina._links.self.href).toContain('sorteer=-startpopulatie');
    }
    expect(perPagina).toEqual(heel);
    const standaard = (await api.json('/api/v1/instellingen?paginaGrootte=100')).instellingen.map((i: { brin: string }) => i.brin);
    const omgekeerd = (await api.json('/api/v1/instellingen?sorteer=startpopulatie&paginaGrootte=100')).instellingen;
    // the published start populations fall from first to last
    const aantallen = (await api.json('/api/v1/instellingen?sorteer=-startpopulatie&paginaGrootte=100')).instellingen
      .map((i: { totaal: { startpopulatie: number | string | null } | null }) => i.totaal?.startpopulatie);
    const getallen = aantallen.filter((a: unknown): a is number => typeof a === 'number');
    expect(getallen).toEqual([...getallen].sort((a, b) => b - a));
    expect(new Set(standaard)).toEqual(new Set(heel));
    expect(omgekeerd).toHaveLength(4);
    const csv = (await api.get('/api/v1/instellingen?sorteer=-startpopulatie&paginaGrootte=1&formaat=csv')).body;
    const inCsv = csv.trim().split('\r\n').slice(1).map((r) => heel.find((b: string) => r.includes(`,${b},`)));
    expect(inCsv).toEqual(heel);
  });

  it('een onbekende volgorde is een 400 die de parameter noemt', async () => {
    const r = await api.get('/api/v1/instellingen?sorteer=leeftijd');
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('sorteer');
  });
});
