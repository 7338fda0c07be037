import { describe, expect, it } from 'vitest';
import { sectorenVan } from '../../src/server/sectorreeksen.js';
import { describeDatabases } from '../support/database.js';
import { apiomgeving } from './omgeving.js';

/**
 * Issue 11, fair comparisons: an institution in Vergelijken is shown beside the national
 * figure of its own sector, not only beside the national total of all sectors.
 */
describe('sector van een instelling', () => {
  it('is haar soort uit de registratie, als dat een sector van de telling is', () => {
    expect(sectorenVan(['mbo'])).toEqual(['mbo']);
    expect(sectorenVan(['vo', 'mbo', 'vo'])).toEqual(['vo', 'mbo']);
    expect(sectorenVan(['ho', 'vso', 'overig'])).toEqual([]);
  });
});

describeDatabases('API: vergelijking met het landelijke cijfer van de eigen sector', (driver) => {
  const api = apiomgeving(driver);

  it('een mbo-instelling krijgt de reeks "Nederland, mbo", gelijk aan het landelijke mbo-cijfer van elk jaar', async () => {
    const v = await api.json('/api/v1/vergelijking?brins=20BB');
    expect(v.reeksen.map((r: { soort: string; code: string }) => `${r.soort}:${r.code}`))
      .toEqual(['landelijk:NL', 'instelling:20BB', 'landelijk-sector:NL-mbo']);
    const mbo = v.reeksen[2];
    expect(mbo.naam).toBe('Nederland, mbo');
    for (const punt of mbo.punten) {
      const k = await api.json(`/api/v1/landelijk/kerncijfers?schooljaar=${punt.schooljaar}&status=${punt.telling.status}`);
      expect(punt.cijfer, punt.schooljaar).toEqual(k.uitsplitsingen.sector.find((s: { waarde: string }) => s.waarde === 'mbo').cijfer);
    }
  });

  it('een vo- en een mbo-instelling: beide sectoren, in de vaste volgorde; zonder instelling geen sectorreeks', async () => {
    const v = await api.json('/api/v1/vergelijking?brins=20BB,10AA,30CC');
    expect(v.reeksen.map((r: { code: string }) => r.code)).toEqual(['NL', '20BB', '10AA', '30CC', 'NL-vo', 'NL-mbo']);
    const alleenRegio = await api.json('/api/v1/vergelijking?rmcCodes=21&gemeenteCodes=GM0363');
    expect(alleenRegio.reeksen.map((r: { soort: string }) => r.soort)).toEqual(['landelijk', 'rmc', 'gemeente']);
  });

  it('de CSV heeft de sectorreeks als eigen rijen', async () => {
    const csv = (await api.get('/api/v1/vergelijking?brins=20BB&formaat=csv')).body;
    expect(csv).toContain('landelijk-sector,NL-mbo,"Nederland, mbo"');
  });
});
