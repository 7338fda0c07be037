import { describe, expect, it } from 'vitest';
import { laatsteLijstrun } from '../../src/db/lijsten.js';
import { lijstCsv } from '../../src/lijsten/uitvoer.js';
import { describeDatabases } from '../support/database.js';
import { TESTGEBRUIKERS, alsGebruiker } from '../support/toegang.js';
import type { Gebruiker } from '../../src/domain/toegang/rollen.js';
import { csvVelden, lijstCsvFilter } from '../../src/server/routes/lijstCsvFilter.js';
import { apiomgeving } from './omgeving.js';

/**
 * POST /api/v1/lijsten/_zoek on the test delivery (test/api/fixture.ts): in 2017-2018 every
 * vsv'er's enrolment ends on 2018-03-01, so April 2018 is their uitschrijvingen month. Region
 * 19 (GM0344, BRIN 20BB) has 3 of them in a start set of 37.
 */
describeDatabases('maandlijsten in de API', (driver) => {
  const api = apiomgeving(driver, { testgebruikers: true });
  const zoek = (g: Gebruiker, body: object, formaat = '') => api.app.inject({
    method: 'POST', url: `/api/v1/lijsten/_zoek${formaat}`, headers: alsGebruiker(g), payload: body,
  });
  const audits = async () => (await api.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit WHERE handeling = 'lijst.lezen'"))[0]!.n;

  it('rmc: de uitschrijvingen van april 2018 in de eigen regio, allemaal nieuw, met naam; één auditrecord met die personen', async () => {
    const voor = await audits();
    const r = await zoek(TESTGEBRUIKERS.rmc, { soort: 'uitschrijvingen', maand: '2018-04' });
    expect(r.statusCode, r.body).toBe(200);
    const a = r.json();
    expect(a.paginering.totaalAantal).toBe(3);
    expect(a.rijen.every((x: { nieuw: boolean; gemeenteCode: string; brin: string }) => x.nieuw && x.gemeenteCode === 'GM0344' && x.brin === '20BB')).toBe(true);
    expect(a.rijen[0].geslachtsnaam).toBeDefined();
    expect(JSON.stringify(a)).not.toMatch(/"T\d{5}"/); // no persoon_id in JSON
    expect(await audits()).toBe(voor + 1);
    const [rec] = await api.db.query<{ aantal_personen: number; doel: string }>("SELECT aantal_personen, doel FROM audit WHERE handeling = 'lijst.lezen' ORDER BY id DESC LIMIT 1");
    expect(rec).toEqual({ aantal_personen: 3, doel: 'maandlijst' });
  });

  it('de maand erna: dezelfde drie op de werkvoorraad, niet meer nieuw; alleenNieuw geeft niemand', async () => {
    const a = (await zoek(TESTGEBRUIKERS.rmc, { soort: 'werkvoorraad', maand: '2018-05' })).json();
    expect(a.paginering.totaalAantal).toBe(3);
    expect(a.rijen.map((x: { nieuw: boolean }) => x.nieuw)).toEqual([false, false, false]);
    expect((await zoek(TESTGEBRUIKERS.rmc, { soort: 'werkvoorraad', maand: '2018-05', alleenNieuw: true })).json().paginering.totaalAantal).toBe(0);
  });

  it('sorteren op leeftijd, oplopend en aflopend; per pagina', async () => {
    const op = (await zoek(TESTGEBRUIKERS.rmc, { soort: 'uitschrijvingen', maand: '2018-04', sorteer: 'leeftijd' })).json();
    const af = (await zoek(TESTGEBRUIKERS.rmc, { soort: 'uitschrijvingen', maand: '2018-04', sorteer: 'leeftijd', aflopend: true })).json();
    const leeftijden = op.rijen.map((x: { leeftijd: number }) => x.leeftijd);
    expect(leeftijden).toEqual([...leeftijden].sort((x: number, y: number) => x - y));
    expect(af.rijen.map((x: { leeftijd: number }) => x.leeftijd)).toEqual([...leeftijden].reverse());
    const p2 = (await zoek(TESTGEBRUIKERS.rmc, { soort: 'uitschrijvingen', maand: '2018-04', sorteer: 'leeftijd', perPagina: 2, pagina: 2 })).json();
    expect(p2.rijen).toHaveLength(1);
    expect(p2.paginering.aantalPaginas).toBe(2);
    // past the end: no rows, the number of the whole list still right
    const p9 = (await zoek(TESTGEBRUIKERS.rmc, { soort: 'uitschrijvingen', maand: '2018-04', sorteer: 'nieuw', perPagina: 2, pagina: 9 })).json();
    expect(p9.rijen).toEqual([]);
    expect(p9.paginering.totaalAantal).toBe(3);
  });

  it('pagina voor pagina: samen precies de hele lijst in dezelfde volgorde, per sortering en richting', async () => {
    const referenties = async (body: object) => (await zoek(TESTGEBRUIKERS.rmc, { soort: 'uitschrijvingen', maand: '2018-04', ...body })).json()
      .rijen.map((x: { referentie: string }) => x.referentie) as string[];
    for (const sortering of [{ sorteer: 'naam' }, { sorteer: 'naam', aflopend: true }, { sorteer: 'leeftijd', aflopend: true }]) {
      const heel = await referenties(sortering);
      expect(heel).toHaveLength(3);
      const perPagina = [];
      for (const pagina of [1, 2, 3]) perPagina.push(...await referenties({ ...sortering, perPagina: 1, pagina }));
      expect(perPagina).toEqual(heel);
      expect(new Set(perPagina).size).toBe(3);
    }
  });

  it('leerplicht ziet de inwoners van de gemeente; een andere gemeente: 403', async () => {
    expect((await zoek(TESTGEBRUIKERS.leerplicht, { soort: 'uitschrijvingen', maand: '2018-04' })).json().paginering.totaalAantal).toBe(3);
    expect((await zoek(TESTGEBRUIKERS.leerplicht, { soort: 'uitschrijvingen', maand: '2018-04', gemeenteCode: 'GM0363' })).statusCode).toBe(403);
    expect((await zoek(TESTGEBRUIKERS.rmc, { soort: 'uitschrijvingen', maand: '2018-04', rmcCode: '21' })).statusCode).toBe(403);
  });

  it('school: alleen eigen oud-leerlingen, zonder naam of woonplaats; werkvoorraad en uitval: 403', async () => {
    const a = (await zoek(TESTGEBRUIKERS.school, { soort: 'uitschrijvingen', maand: '2018-04' })).json();
    expect(a.paginering.totaalAantal).toBe(3);
    for (const x of a.rijen) {
      expect(x).not.toHaveProperty('geslachtsnaam');
      expect(x).not.toHaveProperty('gemeenteCode');
      expect(x).not.toHaveProperty('dossierId');
    }
    for (const soort of ['werkvoorraad', 'uitval', 'verlate-startkwalificatie']) {
      const r = await zoek(TESTGEBRUIKERS.school, { soort, maand: '2018-04' });
      expect(r.statusCode).toBe(403);
      expect(r.json().detail).toContain(soort);
    }
  });

  it('CSV: precies de bytes van binnenboord lijst voor de scope; de download is één auditrecord met die personen', async () => {
    const r = await zoek(TESTGEBRUIKERS.rmc, { soort: 'uitschrijvingen', maand: '2018-04' }, '?formaat=csv');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    const run = (await laatsteLijstrun(api.db, '2018-04'))!;
    let cli = '';
    for await (const stuk of lijstCsv(api.db, run, 'uitschrijvingen', { soort: 'rmc', code: '19' }, { rijen: 0 })) cli += typeof stuk === 'string' ? stuk : Buffer.from(stuk).toString('utf8');
    expect(r.body).toBe(cli);
    expect(cli.trim().split('\n')).toHaveLength(4);
    const [rec] = await api.db.query<{ aantal_personen: number; parameters: string }>("SELECT aantal_personen, parameters FROM audit WHERE handeling = 'lijst.lezen' ORDER BY id DESC LIMIT 1");
    expect(rec!.aantal_personen).toBe(3);
    expect(JSON.parse(rec!.parameters)).toMatchObject({ formaat: 'csv', soort: 'uitschrijvingen' });
    expect((await zoek(TESTGEBRUIKERS.rmc, { soort: 'uitschrijvingen', maand: '2018-04', alleenNieuw: true }, '?formaat=csv')).statusCode).toBe(400);
  });

  it('CSV voor een school: dezelfde kolommen, maar zonder woongemeente en regio (veldenmatrix)', async () => {
    const r = await zoek(TESTGEBRUIKERS.school, { soort: 'uitschrijvingen', maand: '2018-04' }, '?formaat=csv');
    expect(r.statusCode).toBe(200);
    const [kop, ...rijen] = r.body.trim().split('\n');
    expect(kop).toBe('lijst,maand,persoon_id,gemeente_code,rmc_code,leeftijd,brin,vestiging,onderwijstype,einddatum,reden');
    expect(rijen.length).toBeGreaterThan(0);
    for (const rij of rijen) {
      const v = csvVelden(rij);
      expect(v).toHaveLength(11);
      expect([v[3], v[4]]).toEqual(['', '']);
      expect(v[6]).toBe('20BB');
    }
  });

  it('xlsx: een werkmap met alle rijen', async () => {
    const r = await zoek(TESTGEBRUIKERS.rmc, { soort: 'uitschrijvingen', maand: '2018-04', perPagina: 1 }, '?formaat=xlsx');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/spreadsheetml/);
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('uitval als cijfer per categorie tegen de startset van de regio', async () => {
    const a = (await zoek(TESTGEBRUIKERS.rmc, { soort: 'uitval', maand: '2018-04' })).json();
    expect(a.paginering.totaalAantal).toBe(3);
    expect(a.uitval.find((c: { categorie: string }) => c.categorie === 'totaal')).toEqual({
      categorie: 'totaal', startsetPersonen: 37, uitvalPersonen: 3, uitvalpercentage: '8.11',
    });
  });

  it('een maand zonder telling voor de startset: 404 met uitleg', async () => {
    const r = await zoek(TESTGEBRUIKERS.rmc, { soort: 'startset', maand: '2019-04' });
    expect(r.statusCode).toBe(404);
    expect(r.json().detail).toContain('2018-2019');
  });
});

describe('CSV-filter van een maandlijst', () => {
  it('leest velden met aanhalingstekens en houdt alleen de rijen met de gevraagde waarden', () => {
    expect(csvVelden('a,"b,c","d""e",')).toEqual(['a', 'b,c', 'd"e', '']);
    const csv = 'kop\nuitschrijvingen,2018-04,"P,1",GM0344,19,17,20BB,00,mbo,2018-03-01,\nuitschrijvingen,2018-04,P2,GM0363,21,17,10AA,00,havo,2018-03-01,\n';
    expect(lijstCsvFilter([{ kolom: 3, waarde: 'GM0344' }])(csv)).toEqual({
      csv: 'kop\nuitschrijvingen,2018-04,"P,1",GM0344,19,17,20BB,00,mbo,2018-03-01,\n', persoonIds: ['P,1'],
    });
    expect(lijstCsvFilter([])(csv).persoonIds).toEqual(['P,1', 'P2']);
    expect(lijstCsvFilter([{ kolom: 6, waarde: '20BB' }], [3, 4])(csv).csv).toBe('kop\nuitschrijvingen,2018-04,"P,1",,,17,20BB,00,mbo,2018-03-01,\n');
  });
});
