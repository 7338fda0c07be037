import { describe, expect, it } from 'vitest';
import { kiesJaar } from '../../src/server/routes/kaarten.js';
import { describeDatabases } from '../support/database.js';
import { JAREN, LAATSTE_JAAR } from './fixture.js';
import { apiomgeving } from './omgeving.js';

/**
 * What every endpoint says about the test delivery: the figures come from the stored runs,
 * each with its school year, status, definition version and run id.
 */
const zichtbaar = (startpopulatie: number, vsv: number, percentage: string | null) => ({ startpopulatie, vsv, percentage, afgeschermd: false });

describeDatabases('API: cijfers', (driver) => {
  const api = apiomgeving(driver);

  it('schooljaren: per jaar de standaardtelling (definitief boven voorlopig) en alle runs', async () => {
    const { schooljaren } = await api.json('/api/v1/schooljaren');
    expect(schooljaren.map((j: { schooljaar: string }) => j.schooljaar)).toEqual([...JAREN]);
    const laatste = schooljaren.at(-1);
    expect(laatste.tellingen.map((t: { status: string }) => t.status)).toEqual(['voorlopig', 'definitief']);
    expect(laatste.telling.status).toBe('definitief');
    expect(laatste.telling).toMatchObject({
      runId: expect.any(Number), definitieversie: expect.stringContaining('vsv-telling'),
      berekendOp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      leveringen: [{ id: 1, naam: expect.any(String), ontvangenOp: expect.any(String) }], synthetisch: false,
    });
    expect(schooljaren[1].methodewijziging.schooljaar).toBe('2016-2017');
  });

  it('één telling met het landelijke totaal en de niet te tellen personen', async () => {
    const { schooljaren } = await api.json('/api/v1/schooljaren');
    const t = await api.json(`/api/v1/tellingen/${schooljaren[0].telling.runId}`);
    expect(t.telling.schooljaar).toBe('2015-2016');
    expect(t.cijfer).toEqual(zichtbaar(90, 15, '16.67'));
    expect(t.nietTeTellen).toBe(0);
  });

  it('landelijke reeks: alle jaren, sectoren, doel en methodewijzigingen; status kiesbaar', async () => {
    const r = await api.json('/api/v1/landelijk/reeks');
    expect(r.doel).toMatchObject({ doelAantal: 20000, jaar: 2024 });
    expect(r.methodewijzigingen.map((m: { schooljaar: string }) => m.schooljaar)).toEqual(['2012-2013', '2016-2017']);
    expect(r.reeks.map((p: { schooljaar: string }) => p.schooljaar)).toEqual([...JAREN]);
    expect(r.reeks[2].totaal).toEqual(zichtbaar(100, 18, '18.00'));
    expect(r.reeks[2].sector.map((s: { waarde: string }) => s.waarde)).toEqual(['vo', 'mbo', 'vavo']);
    // vo 15 of 63 would give away mbo's 3 (18 − 15 − 0): vo is hidden as well (docs/openbaarmaking.md).
    expect(r.reeks[2].sector[0].cijfer).toMatchObject({ vsv: null, percentage: null, afgeschermd: true, afschermingsreden: 'secundair afgeschermd' });
    expect(r.reeks[2].sector[2].cijfer).toEqual({ startpopulatie: 0, vsv: 0, percentage: null, afgeschermd: false });
    expect(r.reeks[1].methodewijziging.omschrijving).toContain('570');
    expect(r.reeks[0].methodewijziging).toBeNull();
    const voorlopig = await api.json('/api/v1/landelijk/reeks?status=voorlopig');
    expect(voorlopig.reeks.map((p: { telling: { status: string } }) => p.telling.status)).toEqual(['voorlopig']);
  });

  it('kerncijfers van het laatste jaar, met vorig jaar en alle uitsplitsingen', async () => {
    const k = await api.json('/api/v1/landelijk/kerncijfers');
    expect(k.telling.schooljaar).toBe(LAATSTE_JAAR);
    expect(k.totaal).toEqual(zichtbaar(100, 18, '18.00'));
    expect(k.vorigJaar.telling.schooljaar).toBe('2016-2017');
    expect(k.vorigJaar.totaal).toEqual(zichtbaar(99, 14, '14.14'));
    expect(Object.keys(k.uitsplitsingen)).toEqual(['sector', 'categorie', 'leerweg', 'leeftijdsgroep', 'geslacht']);
    // every mbo student of the test delivery follows bol: bol is the mbo sector, bbl and ex are 0 of 0
    const mbo = k.uitsplitsingen.sector.find((c: { waarde: string }) => c.waarde === 'mbo').cijfer;
    expect(k.uitsplitsingen.leerweg.map((c: { waarde: string; cijfer: unknown }) => [c.waarde, c.cijfer])).toEqual([
      ['bol', mbo], ['bbl', zichtbaar(0, 0, null)], ['ex', zichtbaar(0, 0, null)]]);
    expect(k.uitsplitsingen.categorie.map((c: { waarde: string }) => c.waarde)).toEqual([
      'vo-onderbouw', 'vo-bovenbouw-vmbo', 'vo-bovenbouw-havo-vwo', 'mbo-1', 'mbo-2', 'mbo-3-4', 'vavo']);
    const leeftijd = k.uitsplitsingen.leeftijdsgroep;
    expect(leeftijd.map((c: { waarde: string }) => c.waarde)).toEqual(['<18', '18+']);
    const ouder = await api.json('/api/v1/landelijk/kerncijfers?schooljaar=2015-2016');
    expect(ouder.telling.schooljaar).toBe('2015-2016');
    expect(ouder.vorigJaar).toBeNull();
  });

  it('regio\'s: namen uit de indeling van het schooljaar, regio onbekend achteraan', async () => {
    const r = await api.json('/api/v1/rmc-regios');
    expect(r.regios.map((g: { rmcCode: string }) => g.rmcCode)).toEqual(['16', '19', '21', '28', 'onbekend']);
    const amsterdam = r.regios.find((g: { rmcCode: string }) => g.rmcCode === '21');
    // The national total minus region 21 would pin the small regions: 21 is withheld (docs/openbaarmaking.md).
    expect(amsterdam).toMatchObject({ naam: 'Agglomeratie Amsterdam', totaal: { startpopulatie: null, vsv: null, afschermingsreden: 'secundair afgeschermd' } });
    expect(r.regios.find((g: { rmcCode: string }) => g.rmcCode === '28').totaal).toEqual({ startpopulatie: 0, vsv: 0, percentage: null, afgeschermd: false });
    expect(r.landelijk).toEqual(zichtbaar(100, 18, '18.00'));
  });

  it('één regio: uitsplitsingen naast landelijk, trend, gemeenten en vestigingen', async () => {
    const r = await api.json('/api/v1/rmc-regios/21');
    expect(r).toMatchObject({ rmcCode: '21', naam: 'Agglomeratie Amsterdam', totaal: { startpopulatie: null, vsv: null, afgeschermd: true } });
    expect(r.landelijk.totaal).toEqual(zichtbaar(100, 18, '18.00'));
    expect(r.uitsplitsingen.categorie.map((c: { waarde: string }) => c.waarde)).toContain('vo-bovenbouw-havo-vwo');
    expect(r.trend.map((p: { schooljaar: string }) => p.schooljaar)).toEqual([...JAREN]);
    expect(r.trend[0].cijfer).toMatchObject({ afgeschermd: true }); // withheld in every year, as in the year's own answer
    expect(r.trend[0].landelijk).toEqual(zichtbaar(90, 15, '16.67'));
    // the region's only municipality is withheld with it, else it would give the region back
    expect(r.gemeenten).toEqual([{ gemeenteCode: 'GM0363', naam: 'Amsterdam', cijfer: r.totaal }]);
    expect(r.vestigingen.map((v: { brin: string; vestiging: string }) => `${v.brin}-${v.vestiging}`)).toEqual(['10AA-00', '10AA-01']);
    // By location, not residence: the pupil with an unknown residence is at 10AA-00 too.
    expect(r.vestigingen[0]).toMatchObject({ naam: 'Stedelijk College Noord', plaats: 'Amsterdam', cijfer: zichtbaar(49, 9, '18.37') });
    const ouder = await api.json('/api/v1/rmc-regios/21?schooljaar=2016-2017');
    expect(ouder.totaal).toEqual(r.trend[1].cijfer);
    expect(ouder.telling.schooljaar).toBe('2016-2017');
  });

  it('gemeenten: lijst (ook per regio) en één gemeente met regio en landelijk ernaast', async () => {
    const lijst = await api.json('/api/v1/gemeenten');
    expect(lijst.gemeenten.map((g: { naam: string }) => g.naam)).toEqual(
      ["'s-Gravenhage", 'Amersfoort', 'Amsterdam', 'Utrecht', 'Onbekend (geen woongemeente of regio bekend)']);
    const regio = await api.json('/api/v1/gemeenten?rmcCode=21');
    expect(regio.gemeenten).toEqual([expect.objectContaining({ gemeenteCode: 'GM0363', rmcNaam: 'Agglomeratie Amsterdam' })]);
    const g = await api.json('/api/v1/gemeenten/GM0363');
    expect(g).toMatchObject({ gemeenteCode: 'GM0363', naam: 'Amsterdam', totaal: { startpopulatie: null, vsv: null, afgeschermd: true } });
    expect(g.regio).toEqual({ rmcCode: '21', naam: 'Agglomeratie Amsterdam', totaal: g.totaal });
    expect(g.trend).toHaveLength(3);
    expect(g.vestigingen).toHaveLength(2);
    expect(g.landelijk.uitsplitsingen.sector[1].cijfer).toMatchObject({ vsv: '<5' });
  });

  it('instellingen zoeken op naam en op plaats (gemeente van een vestiging)', async () => {
    const naam = await api.json('/api/v1/instellingen?naam=stedelijk');
    expect(naam.instellingen).toEqual([{
      brin: '10AA', naam: 'Stedelijk College Noord', soort: 'vo', plaatsen: ['Amsterdam'], totaal: zichtbaar(61, 15, '24.59'),
    }]);
    const plaats = await api.json('/api/v1/instellingen?plaats=utrecht');
    expect(plaats.instellingen.map((i: { brin: string }) => i.brin)).toEqual(['20BB']);
    const beide = await api.json('/api/v1/instellingen?naam=roc&plaats=amsterdam');
    expect(beide.instellingen).toEqual([]);
    const brin = await api.json('/api/v1/instellingen?naam=40dd');
    expect(brin.instellingen[0]).toMatchObject({ brin: '40DD', totaal: null });
    const patroon = await api.json('/api/v1/instellingen?naam=%25');
    expect(patroon.instellingen).toEqual([]);
  });

  it('één instelling: categorieën met norm, vestigingen en trend', async () => {
    const i = await api.json('/api/v1/instellingen/10AA?schooljaar=2015-2016');
    expect(i).toMatchObject({ brin: '10AA', naam: 'Stedelijk College Noord', soort: 'vo', totaal: zichtbaar(51, 12, '23.53') });
    expect(i.categorie.map((c: { waarde: string }) => c.waarde)).toEqual(['vo-bovenbouw-vmbo', 'vo-bovenbouw-havo-vwo']);
    // 2015-2016 has no norm of its own: the last norm set (2014-2015) is the reference, labelled as such.
    expect(i.categorie[1]).toMatchObject({ normjaar: '2014-2015', vastgesteld: false, cijfer: { norm: 0.5, normoordeel: 'niet-gehaald', percentage: '17.07' } });
    expect(i.vestigingen.map((v: { vestiging: string; plaats: string }) => `${v.vestiging} ${v.plaats}`)).toEqual(['00 Amsterdam', '01 Amsterdam']);
    expect(i.vestigingen[1].totaal).toEqual(zichtbaar(10, 5, '50.00'));
    expect(i.trend.map((p: { schooljaar: string }) => p.schooljaar)).toEqual([...JAREN]);
    expect(i.trend[2].totaal).toEqual(zichtbaar(61, 15, '24.59'));
  });

  it('vergelijking: landelijke reeks eerst, dan de gekozen gebieden en instellingen, dan landelijk per sector van die instellingen', async () => {
    const v = await api.json('/api/v1/vergelijking?rmcCodes=21&gemeenteCodes=GM0363&brins=10AA');
    expect(v.reeksen.map((r: { soort: string; code: string }) => `${r.soort}:${r.code}`)).toEqual(['landelijk:NL', 'rmc:21', 'gemeente:GM0363', 'instelling:10AA', 'landelijk-sector:NL-vo']);
    expect(v.reeksen[1].naam).toBe('Agglomeratie Amsterdam');
    // the same figures as every other answer: one pattern per run (region 21 is withheld in each year here)
    const regio = await api.json('/api/v1/rmc-regios/21');
    expect(v.reeksen[1].punten.map((p: { cijfer: unknown }) => p.cijfer)).toEqual(regio.trend.map((p: { cijfer: unknown }) => p.cijfer));
    expect(v.reeksen[3].punten[0].telling).toMatchObject({ schooljaar: '2015-2016', status: 'definitief' });
  });

  it('kaarten: TopoJSON uit referentiedata/geo, met jaar en bron', async () => {
    const rmc = await api.json('/api/v1/kaarten/rmc-regios?schooljaar=2022-2023');
    expect(rmc).toMatchObject({ jaar: 2023, objectnaam: 'regionaalmeld_coordinatiepunt_2023', bron: expect.stringContaining('CBS') });
    expect(rmc.topologie.type).toBe('Topology');
    expect(rmc.topologie.objects.regionaalmeld_coordinatiepunt_2023.geometries).toHaveLength(40);
    const gemeenten = await api.json('/api/v1/kaarten/gemeenten');
    expect(gemeenten.jaar).toBe(2025);
  });

  it('elk cijferantwoord zegt uit welke telling het komt', async () => {
    for (const url of ['/api/v1/landelijk/kerncijfers', '/api/v1/rmc-regios', '/api/v1/rmc-regios/21', '/api/v1/gemeenten',
      '/api/v1/gemeenten/GM0363', '/api/v1/instellingen/10AA', '/api/v1/instellingen?naam=a']) {
      const t = (await api.json(url)).telling;
      expect(t, url).toMatchObject({ schooljaar: LAATSTE_JAAR, status: 'definitief', definitieversie: expect.any(String), runId: expect.any(Number) });
    }
  });
});

describeDatabases('API: kaarten zonder map met kaartgrenzen', (driver) => {
  const api = apiomgeving(driver, { leeg: true, geoMap: '/bestaat/niet' });

  it('404 met uitleg, zodat de app een tabel toont', async () => {
    const r = await api.get('/api/v1/kaarten/rmc-regios');
    expect(r.statusCode).toBe(404);
    expect(r.json().detail).toContain('geo');
  });
});

describe('kaartjaar', () => {
  it('neemt het jaar van de indeling, of het dichtstbijzijnde (bij gelijke afstand het latere)', () => {
    expect(kiesJaar([2021, 2022, 2025], 2022)).toBe(2022);
    expect(kiesJaar([2021, 2022, 2025], 2017)).toBe(2021);
    expect(kiesJaar([2021, 2023], 2022)).toBe(2023);
    expect(kiesJaar([], 2022)).toBeNull();
  });
});
