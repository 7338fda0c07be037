import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { schermAf } from '../../src/server/openbaarmaking.js';
import { normcategorieen, normsamenvatting } from '../../src/server/figures.js';
import type { Gegevens, Instellingskop } from '../../src/server/gegevens.js';
import { instellingenMetNormenIn } from '../../src/server/routes/gebied.js';
import { describeDatabases } from '../support/database.js';
import { LAATSTE_JAAR } from './fixture.js';
import { apiomgeving, leesCsv } from './omgeving.js';

/**
 * "Which schools in my region are above their norm": the region and municipality answers
 * list every institution with a location in the area, with the figures of the whole
 * institution per category against the norm. The test delivery covers 2015-2016 t/m
 * 2017-2018, after the last norms in NORMEN (2014-2015), so every judgement is against the
 * reference norm 2014-2015 (vastgesteld: false). Known outcomes in 2017-2018:
 * - 10AA (region 21, Amsterdam): bovenbouw vmbo 6 of 12 = 50.00% against 4%, bovenbouw
 *   havo/vwo 9 of 49 = 18.37% against 0.5%: two categories above the norm.
 * - 20BB (region 19, Utrecht): mbo-2 3 of 37 = 8.11%, below 10% — but resting on fewer than 5
 *   vsv'ers, so percentage and judgement are withheld, and the summary counts it as withheld.
 * - 30CC (region 16): 0 of 2, withheld in the same way.
 */
const REFERENTIE = { normjaar: '2014-2015', vastgesteld: false };
const OMSCHRIJVING = `Laatst vastgestelde norm (2014-2015), ter vergelijking; dit is geen norm van ${LAATSTE_JAAR} zelf.`;

const STEDELIJK = {
  brin: '10AA', naam: 'Stedelijk College Noord', soort: 'vo', plaatsen: ['Amsterdam'],
  totaal: { startpopulatie: 61, vsv: 15, percentage: '24.59', afgeschermd: false },
  categorie: [
    { waarde: 'vo-bovenbouw-vmbo', ...REFERENTIE, cijfer: { startpopulatie: 12, vsv: 6, percentage: '50.00', afgeschermd: false, norm: 4, normoordeel: 'niet-gehaald' } },
    { waarde: 'vo-bovenbouw-havo-vwo', ...REFERENTIE, cijfer: { startpopulatie: 49, vsv: 9, percentage: '18.37', afgeschermd: false, norm: 0.5, normoordeel: 'niet-gehaald' } },
  ],
  normsamenvatting: { aantalBovenNorm: 2, aantalBinnenNorm: 0, aantalAfgeschermd: 0 },
};

describeDatabases('API: instellingen tegen de norm in regio en gemeente', (driver) => {
  const api = apiomgeving(driver);

  it('regio 21: de normbasis zegt referentienorm 2014-2015; 10AA heeft twee categorieën boven de norm', async () => {
    const r = await api.json('/api/v1/rmc-regios/21');
    expect(r.normbasis).toEqual({ schooljaar: LAATSTE_JAAR, ...REFERENTIE, omschrijving: OMSCHRIJVING });
    expect(r.instellingen).toEqual([STEDELIJK]);
  });

  it('gemeente Amsterdam: dezelfde instellingen en oordelen', async () => {
    const g = await api.json('/api/v1/gemeenten/GM0363');
    expect(g.normbasis).toMatchObject(REFERENTIE);
    expect(g.instellingen).toEqual([STEDELIJK]);
  });

  it('regio 19: 3 vsv\'ers van 37 (8,11%, onder de norm van 10%): percentage én oordeel afgeschermd, en geteld als afgeschermd', async () => {
    const r = await api.json('/api/v1/rmc-regios/19');
    expect(r.instellingen).toEqual([{
      brin: '20BB', naam: 'ROC Midden', soort: 'mbo', plaatsen: ['Utrecht'],
      totaal: { startpopulatie: 37, vsv: '<5', percentage: null, afgeschermd: true },
      categorie: [{ waarde: 'mbo-2', ...REFERENTIE, cijfer: { startpopulatie: 37, vsv: '<5', percentage: null, afgeschermd: true, norm: 10, normoordeel: 'afgeschermd' } }],
      normsamenvatting: { aantalBovenNorm: 0, aantalBinnenNorm: 0, aantalAfgeschermd: 1 },
    }]);
    const g = await api.json('/api/v1/gemeenten/GM0344');
    expect(g.instellingen[0].normsamenvatting).toEqual({ aantalBovenNorm: 0, aantalBinnenNorm: 0, aantalAfgeschermd: 1 });
  });

  it('0 vsv\'ers van 2 (regio 16): ook dan geen oordeel zonder inlog', async () => {
    const r = await api.json('/api/v1/rmc-regios/16');
    expect(r.instellingen[0].categorie[0].cijfer).toMatchObject({ startpopulatie: '<5', vsv: 0, percentage: null, normoordeel: 'afgeschermd' });
  });

  it('een regio zonder instellingen met leerlingen: een lege lijst, de normbasis wel', async () => {
    const r = await api.json('/api/v1/rmc-regios/28');
    expect(r.instellingen).toEqual([]);
    expect(r.normbasis).toMatchObject(REFERENTIE);
  });

  it('een ouder schooljaar: het normjaar blijft 2014-2015, de oordelen horen bij dat jaar', async () => {
    const r = await api.json('/api/v1/rmc-regios/21?schooljaar=2015-2016');
    expect(r.normbasis).toMatchObject({ schooljaar: '2015-2016', ...REFERENTIE });
    expect(r.instellingen[0].categorie.map((c: { cijfer: { percentage: string } }) => c.cijfer.percentage)).toEqual(['50.00', '17.07']);
  });

  it('instelling: per categorie normjaar en vastgesteld, een samenvatting, en hetzelfde in de trend', async () => {
    const i = await api.json('/api/v1/instellingen/10AA');
    expect(i.normbasis).toMatchObject(REFERENTIE);
    expect(i.categorie).toEqual(STEDELIJK.categorie);
    expect(i.normsamenvatting).toEqual(STEDELIJK.normsamenvatting);
    expect(i.trend.map((t: { normsamenvatting: { aantalBovenNorm: number } }) => t.normsamenvatting.aantalBovenNorm)).toEqual([2, 2, 2]);
    expect(i.trend[0].categorie[0]).toMatchObject({ ...REFERENTIE, cijfer: { norm: 4, normoordeel: 'niet-gehaald' } });
    const roc = await api.json('/api/v1/instellingen/20BB');
    expect(roc.normsamenvatting).toEqual({ aantalBovenNorm: 0, aantalBinnenNorm: 0, aantalAfgeschermd: 1 });
  });

  it('CSV: de tabel instellingen heeft dezelfde velden als de JSON, per instelling een totaalrij en een rij per categorie', async () => {
    const r = await api.get('/api/v1/rmc-regios/21?formaat=csv&tabel=instellingen');
    expect(r.statusCode).toBe(200);
    const rijen = leesCsv(r.body);
    expect(Object.keys(rijen[0]!)).toEqual(['schooljaar', 'status', 'definitieversie', 'runId', 'rmcCode', 'brin', 'naam', 'plaatsen',
      'aantalBovenNorm', 'aantalBinnenNorm', 'aantalAfgeschermd', 'categorie', 'startpopulatie', 'vsv', 'percentage', 'norm', 'normjaar', 'vastgesteld', 'normoordeel']);
    expect(rijen.map((x) => x.categorie)).toEqual(['totaal', 'vo-bovenbouw-vmbo', 'vo-bovenbouw-havo-vwo']);
    expect(rijen[0]).toMatchObject({ brin: '10AA', aantalBovenNorm: '2', percentage: '24.59', norm: '', normoordeel: '' });
    expect(rijen[2]).toMatchObject({ percentage: '18.37', norm: '0.5', normjaar: '2014-2015', vastgesteld: 'false', normoordeel: 'niet-gehaald', aantalBovenNorm: '2' });
    const utrecht = leesCsv((await api.get('/api/v1/gemeenten/GM0344?formaat=csv&tabel=instellingen')).body);
    expect(utrecht[1]).toMatchObject({ gemeenteCode: 'GM0344', brin: '20BB', vsv: '<5', percentage: '', norm: '10', normoordeel: 'afgeschermd', aantalAfgeschermd: '1' });
    const instelling = leesCsv((await api.get('/api/v1/instellingen/10AA?formaat=csv&tabel=totaal')).body);
    expect(instelling[0]).toMatchObject({ normjaar: '2014-2015', vastgesteld: 'false', aantalBovenNorm: '2', aantalBinnenNorm: '0', aantalAfgeschermd: '0' });
  });

  it('het OpenAPI-document beschrijft de nieuwe velden', async () => {
    const doc = await api.json('/api/v1/openapi.json');
    const regio = JSON.stringify(doc.paths['/rmc-regios/{rmcCode}'].get.responses['200']);
    const gemeente = JSON.stringify(doc.paths['/gemeenten/{gemeenteCode}'].get.responses['200']);
    const instelling = JSON.stringify(doc.paths['/instellingen/{brin}'].get.responses['200']);
    for (const veld of ['normbasis', 'instellingen', 'normjaar', 'vastgesteld', 'aantalBovenNorm', 'aantalAfgeschermd']) {
      expect(regio, veld).toContain(`"${veld}"`);
      expect(gemeente, veld).toContain(`"${veld}"`);
    }
    for (const veld of ['normbasis', 'normsamenvatting', 'normjaar', 'vastgesteld']) expect(instelling, veld).toContain(`"${veld}"`);
  });
});

describe('normsamenvatting: telt de oordelen zoals ze gepubliceerd worden', () => {
  const rijen = [
    { dimensie: 'categorie', waarde: 'vo-onderbouw', startpopulatie: 200, vsv: 10 }, // 5.00% > 1%: boven
    { dimensie: 'categorie', waarde: 'mbo-2', startpopulatie: 100, vsv: 3 }, // 3.00% ≤ 10%: binnen, maar < 5 vsv'ers
    { dimensie: 'categorie', waarde: 'mbo-3-4', startpopulatie: 1000, vsv: 20 }, // 2.00% ≤ 2.75%: binnen
    { dimensie: 'categorie', waarde: 'vavo', startpopulatie: 50, vsv: 30 }, // geen norm: telt niet mee
  ] as const;

  it('zonder inlog telt een afgeschermd oordeel alleen als afgeschermd, precies zoals de oordelen gepubliceerd worden', () => {
    const categorieen = normcategorieen(rijen, '2019-2020');
    const samenvatting = normsamenvatting(categorieen, 'openbaar');
    // What the answer itself publishes (the same instances, through the same openbaarmaking,
    // including any further cells withheld to protect mbo-2).
    const gepubliceerd = schermAf(categorieen.map((c) => c.cijfer), 'openbaar') as { normoordeel: string }[];
    expect(gepubliceerd[1]!.normoordeel).toBe('afgeschermd'); // mbo-2: 3 vsv'ers
    expect(samenvatting).toEqual({
      aantalBovenNorm: gepubliceerd.filter((c) => c.normoordeel === 'niet-gehaald').length,
      aantalBinnenNorm: gepubliceerd.filter((c) => c.normoordeel === 'gehaald').length,
      aantalAfgeschermd: gepubliceerd.filter((c) => c.normoordeel === 'afgeschermd').length,
    });
    expect(samenvatting.aantalAfgeschermd).toBeGreaterThanOrEqual(1);
    expect(samenvatting.aantalBovenNorm + samenvatting.aantalBinnenNorm + samenvatting.aantalAfgeschermd).toBe(3); // vavo: geen norm
    // Withheld is never counted as within: gerechtigd sees 2 within, the public at most the visible one.
    expect(samenvatting.aantalBinnenNorm).toBeLessThanOrEqual(1);
  });
  it('gerechtigd: alle oordelen', () => {
    expect(normsamenvatting(normcategorieen(rijen, '2019-2020'), 'gerechtigd')).toEqual({ aantalBovenNorm: 1, aantalBinnenNorm: 2, aantalAfgeschermd: 0 });
  });
  it('normcategorieen: normjaar en vastgesteld per categorie; vavo zonder norm', () => {
    expect(normcategorieen(rijen, '2014-2015').map((c) => [c.waarde, c.normjaar, c.vastgesteld])).toEqual([
      ['vo-onderbouw', '2014-2015', true], ['mbo-2', '2014-2015', true], ['mbo-3-4', '2014-2015', true], ['vavo', null, false]]);
    expect(normcategorieen(rijen, '2019-2020').map((c) => [c.waarde, c.normjaar, c.vastgesteld])).toEqual([
      ['vo-onderbouw', '2014-2015', false], ['mbo-2', '2014-2015', false], ['mbo-3-4', '2014-2015', false], ['vavo', null, false]]);
    expect(normcategorieen(rijen, '2011-2012').map((c) => c.normjaar)).toEqual([null, null, null, null]);
    expect(normsamenvatting(normcategorieen(rijen, '2011-2012'), 'gerechtigd')).toEqual({ aantalBovenNorm: 0, aantalBinnenNorm: 0, aantalAfgeschermd: 0 });
  });
});

describe('instellingenMetNormenIn: wie boven de norm zit eerst', () => {
  it('op aantal categorieën boven de norm, dan op naam; zonder cijfers weggelaten; plaatsen alleen in het gebied', async () => {
    const vestiging = (brin: string, naam: string, gemeente: string, v = '00') => ({ brin, vestiging: v, naam, gemeente_code: gemeente, soort: 'vo' });
    const koppen: Instellingskop[] = [
      { brin: '91AA', naam: 'Aa College', soort: 'vo', vestigingen: [vestiging('91AA', 'Aa College', 'GM0001')] },
      { brin: '92BB', naam: 'Bb Lyceum', soort: 'vo', vestigingen: [vestiging('92BB', 'Bb Lyceum', 'GM0002'), vestiging('92BB', 'Bb Lyceum', 'GM0009', '01')] },
      { brin: '93CC', naam: 'Cc School', soort: 'vo', vestigingen: [vestiging('93CC', 'Cc School', 'GM0001')] },
      { brin: '94DD', naam: 'Dd Buiten', soort: 'vo', vestigingen: [vestiging('94DD', 'Dd Buiten', 'GM0009')] },
    ];
    const rij = (gebied: string, dimensie: string, waarde: string, startpopulatie: number, vsv: number) => ({ run_id: 1, niveau: 'instelling', gebied, dimensie, waarde, startpopulatie, vsv });
    const cijfers = [
      rij('91AA', 'totaal', 'totaal', 100, 1), rij('91AA', 'categorie', 'vo-onderbouw', 100, 1), // 1 vsv'er: afgeschermd
      rij('92BB', 'totaal', 'totaal', 300, 30), rij('92BB', 'categorie', 'vo-onderbouw', 100, 10), rij('92BB', 'categorie', 'vo-bovenbouw-vmbo', 200, 20),
      rij('94DD', 'totaal', 'totaal', 100, 50), rij('94DD', 'categorie', 'vo-onderbouw', 100, 50),
    ];
    const db = { query: async (_sql: string, params: readonly unknown[]) => cijfers.filter((c) => (params[2] as string[]).includes(c.gebied)) } as unknown as Db;
    const gegevens = { instellingen: async () => new Map(koppen.map((k) => [k.brin, k])) } as unknown as Gegevens;
    const gemeenten = [
      { gemeente_code: 'GM0001', gemeente_naam: 'Eerstestad', rmc_code: '01', rmc_naam: 'R' },
      { gemeente_code: 'GM0002', gemeente_naam: 'Tweedorp', rmc_code: '01', rmc_naam: 'R' },
    ];
    const lijst = await instellingenMetNormenIn(db, gegevens, { id: 1, schooljaar: '2020-2021' }, gemeenten, 'openbaar');
    expect(lijst.map((i) => [i.brin, i.plaatsen, normsamenvatting(i.categorie, 'openbaar').aantalBovenNorm])).toEqual([
      ['92BB', ['Tweedorp'], 2], ['91AA', ['Eerstestad'], 0],
    ]);
    expect(lijst.map((i) => i.normsamenvatting)).toEqual([
      { aantalBovenNorm: 2, aantalBinnenNorm: 0, aantalAfgeschermd: 0 }, { aantalBovenNorm: 0, aantalBinnenNorm: 0, aantalAfgeschermd: 1 },
    ]);
  });
});
