import { describe, expect, it } from 'vitest';
import { alsCsv } from '../../src/server/csv.js';
import { describeDatabases } from '../support/database.js';
import { apiomgeving, leesCsv } from './omgeving.js';

/** CSV downloads: the same published data as the JSON, one table or all, safe to open in a spreadsheet. */
describe('CSV-opmaak', () => {
  it('RFC 4180 met BOM en CRLF; aanhalingstekens, komma\'s en regeleinden blijven in hun veld', () => {
    const tekst = alsCsv([{ naam: 't', kolommen: ['a', 'b'], rijen: [{ a: 'x, "y"', b: 'een\ntwee' }, { a: null, b: 3 }] }]);
    expect(tekst).toBe('\uFEFFa,b\r\n"x, ""y""","een\ntwee"\r\n,3\r\n');
  });

  it('tekst die een spreadsheet als formule zou uitvoeren krijgt een apostrof; getallen en <5 niet', () => {
    const tekst = alsCsv([{ naam: 't', kolommen: ['a'], rijen: [{ a: '=SUM(A1)' }, { a: '+31' }, { a: '@x' }, { a: -3 }, { a: '<5' }] }]);
    expect(tekst.split('\r\n').slice(1, 6)).toEqual(["'=SUM(A1)", "'+31", "'@x", '-3', '<5']);
  });

  it('meerdere tabellen onder elkaar met een kolom tabel, de cijfers achteraan', () => {
    const tekst = alsCsv([
      { naam: 'een', kolommen: ['x', 'vsv'], rijen: [{ x: 1, vsv: 5 }] },
      { naam: 'twee', kolommen: ['y', 'vsv'], rijen: [{ y: 2, vsv: '<5' }] },
    ]);
    expect(tekst.replace('\uFEFF', '').split('\r\n')).toEqual(['tabel,x,y,vsv', 'een,1,,5', 'twee,,2,<5', '']);
  });
});

describeDatabases('API: CSV', (driver) => {
  const api = apiomgeving(driver);

  it('de CSV van de regio\'s bevat dezelfde cijfers als de JSON, met telling bij elke rij', async () => {
    const json = await api.json('/api/v1/rmc-regios');
    const csv = leesCsv((await api.get('/api/v1/rmc-regios?formaat=csv')).body);
    expect(csv).toHaveLength(json.regios.length * 4);
    for (const r of json.regios) {
      const rij = csv.find((c) => c.rmcCode === r.rmcCode && c.sector === 'totaal')!;
      expect(rij).toEqual({
        schooljaar: json.telling.schooljaar, status: json.telling.status, definitieversie: json.telling.definitieversie,
        runId: String(json.telling.runId), rmcCode: r.rmcCode, naam: r.naam, sector: 'totaal',
        startpopulatie: r.totaal.startpopulatie === null ? 'secundair afgeschermd' : String(r.totaal.startpopulatie),
        vsv: r.totaal.vsv === null ? 'secundair afgeschermd' : String(r.totaal.vsv), percentage: r.totaal.percentage ?? '',
      });
    }
  });

  it('tabel= kiest één tabel; zonder komen alle tabellen met een kolom tabel', async () => {
    const alle = leesCsv((await api.get('/api/v1/rmc-regios/21?formaat=csv')).body);
    expect(new Set(alle.map((r) => r.tabel))).toEqual(new Set(['totaal', 'sector', 'categorie', 'leerweg', 'leeftijdsgroep', 'geslacht', 'trend', 'gemeenten', 'vestigingen', 'instellingen']));
    const r = await api.get('/api/v1/rmc-regios/21?formaat=csv&tabel=trend&schooljaar=2016-2017');
    expect(r.headers['content-disposition']).toBe('attachment; filename="vsv-rmc-regios-21-2016-2017-trend.csv"');
    const trend = leesCsv(r.body);
    expect(trend.map((t) => t.schooljaar)).toEqual(['2015-2016', '2016-2017', '2017-2018']);
    expect(Object.keys(trend[0]!)).toEqual(['schooljaar', 'status', 'definitieversie', 'runId', 'rmcCode', 'startpopulatie', 'vsv', 'percentage',
      'landelijkStartpopulatie', 'landelijkVsv', 'landelijkPercentage', 'methodewijziging']);
    expect(trend[1]!.methodewijziging).toContain('bestandskoppeling');
  });

  it('instelling: normen per categorie in de CSV; een naam die op een formule lijkt wordt onschadelijk', async () => {
    const categorie = leesCsv((await api.get('/api/v1/instellingen/10AA?formaat=csv&tabel=categorie')).body);
    expect(categorie.map((r) => r.categorie)).toEqual(['vo-bovenbouw-vmbo', 'vo-bovenbouw-havo-vwo']);
    expect(categorie[0]).toMatchObject({ percentage: '50.00', norm: '4', normjaar: '2014-2015', vastgesteld: 'false', normoordeel: 'niet-gehaald' });
    const lijst = (await api.get('/api/v1/instellingen?naam=formule&formaat=csv')).body;
    expect(leesCsv(lijst)[0]!.naam).toBe("'=Formule College");
  });

  it('elke CSV-bron geeft tekst/csv met een bestandsnaam', async () => {
    for (const url of ['/api/v1/schooljaren', '/api/v1/landelijk/reeks', '/api/v1/landelijk/kerncijfers', '/api/v1/gemeenten',
      '/api/v1/gemeenten/GM0363', '/api/v1/vergelijking?rmcCodes=21', '/api/v1/instellingen/10AA']) {
      const r = await api.get(url, { accept: 'text/csv' });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-disposition'], url).toMatch(/^attachment; filename="vsv-[A-Za-z0-9-]+\.csv"$/);
      expect(leesCsv(r.body).length, url).toBeGreaterThan(0);
    }
  });
});
