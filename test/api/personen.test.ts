import { expect, it } from 'vitest';
import { VELDEN_PER_ROL } from '../../src/domain/toegang/velden.js';
import { describeDatabases } from '../support/database.js';
import { TESTGEBRUIKERS, alsGebruiker } from '../support/toegang.js';
import { leesCsv } from './omgeving.js';
import { apiomgeving } from './omgeving.js';

/**
 * POST /api/v1/personen/_zoek: rows of the caller's scope only (lijsten.md), fields of the
 * caller's role only (field matrix), persons by reference only, one audit record per answer;
 * and the privacy officer finds that record by the person's reference.
 */
describeDatabases('personen zoeken', (driver) => {
  const api = apiomgeving(driver, { testgebruikers: true });
  const zoek = (rol: keyof typeof TESTGEBRUIKERS, body: object, url = '/api/v1/personen/_zoek') =>
    api.app.inject({ method: 'POST', url, headers: alsGebruiker(TESTGEBRUIKERS[rol]), payload: body });

  it('rmc ziet de inwoners van de eigen regio op T0, met naam en geboortedatum, nooit het persoon_id of geslacht', async () => {
    const r = await zoek('rmc', { schooljaar: '2017-2018', doel: 'trajectbegeleiding', perPagina: 500 });
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.paginering.totaalAantal).toBe(37); // GM0344 in region 19: 37 persons in 2017-2018 (fixture)
    expect(b.velden).toEqual(VELDEN_PER_ROL.rmc);
    for (const p of b.personen) {
      expect(p.gemeenteCode).toBe('GM0344');
      expect(p.referentie).toMatch(/^p[0-9a-f]{20}$/);
      expect(Object.keys(p).sort()).toEqual([...VELDEN_PER_ROL.rmc].sort());
    }
    expect(r.body).not.toMatch(/T\d{5}/); // the fixture's persoon_ids
    expect(r.body).not.toContain('geslacht"');
  });

  it('alleen vsv en paginering', async () => {
    const b = (await zoek('leerplicht', { schooljaar: '2017-2018', doel: 'leerplichthandhaving', alleenVsv: true, perPagina: 2, pagina: 2 })).json();
    expect(b.paginering).toEqual({ pagina: 2, perPagina: 2, totaalAantal: 3, aantalPaginas: 2 });
    expect(b.personen).toHaveLength(1);
    expect(b.personen[0].voortijdigSchoolverlater).toBe(true);
  });

  it('school ziet de eigen inschrijvingen, niet waar de leerling woont en niet de naam', async () => {
    const b = (await zoek('school', { schooljaar: '2017-2018', doel: 'controle-inschrijvingen', perPagina: 500 })).json();
    expect(b.paginering.totaalAantal).toBe(37);
    for (const p of b.personen) {
      expect(p.brin).toBe('20BB');
      expect(p.inschrijvingId).toMatch(/-i$/);
      for (const verboden of ['gemeenteCode', 'geboortedatum', 'geslachtsnaam', 'voornamen']) expect(p).not.toHaveProperty(verboden);
    }
  });

  it('andere scope of ander doel: 403 zonder gegevens en zonder auditrecord', async () => {
    const [voor] = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit');
    expect((await zoek('rmc', { schooljaar: '2017-2018', doel: 'trajectbegeleiding', gemeenteCode: 'GM0363' })).statusCode).toBe(403);
    expect((await zoek('rmc', { schooljaar: '2017-2018', doel: 'leerplichthandhaving' })).statusCode).toBe(403);
    expect((await zoek('school', { schooljaar: '2017-2018', doel: 'controle-inschrijvingen', gemeenteCode: 'GM0344' })).statusCode).toBe(403);
    const [na] = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit');
    expect(na!.n).toBe(voor!.n);
  });

  it('CSV-export: dezelfde velden, ook vastgelegd; de functionaris vindt de inzage op referentie', async () => {
    const r = await zoek('rmc', { schooljaar: '2017-2018', doel: 'trajectbegeleiding', alleenVsv: true }, '/api/v1/personen/_zoek?formaat=csv');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    const rijen = leesCsv(r.body);
    expect(rijen).toHaveLength(3);
    expect(Object.keys(rijen[0]!)).toEqual(VELDEN_PER_ROL.rmc);
    const referentie = rijen[0]!.referentie!;

    const a = await api.app.inject({
      method: 'POST', url: '/api/v1/audit/_zoek', headers: alsGebruiker(TESTGEBRUIKERS.privacy), payload: { referentie },
    });
    expect(a.statusCode).toBe(200);
    const records = a.json().records;
    expect(records[0]).toMatchObject({
      accountId: 't-rmc', weergavenaam: 'Test RMC Utrecht', rol: 'rmc', scope: 'rmc-regio 19', handeling: 'persoon.lezen',
      doel: 'trajectbegeleiding', aantalPersonen: 3, parameters: expect.objectContaining({ formaat: 'csv', alleenVsv: true }),
    });
    expect(records[0].personen).toContain(referentie);
    // the officer's search is itself recorded, without the reference it searched for
    const [laatste] = await api.db.query<{ handeling: string; parameters: string }>('SELECT handeling, parameters FROM audit ORDER BY id DESC LIMIT 1');
    expect(laatste!.handeling).toBe('audit.lezen');
    expect(laatste!.parameters).not.toContain(referentie);

    const csv = await api.app.inject({ method: 'POST', url: '/api/v1/audit/_zoek?formaat=csv', headers: alsGebruiker(TESTGEBRUIKERS.privacy), payload: { accountId: 't-rmc' } });
    expect(leesCsv(csv.body).every((rij) => rij.accountId === 't-rmc')).toBe(true);
    expect(leesCsv(csv.body).length).toBeGreaterThan(0);
  });
});
