import { beforeAll, describe, expect, it } from 'vitest';
import { schrijfVerzuimcijfers } from '../../src/db/verzuimcijfers.js';
import { maakDemoverzuim } from '../../src/demo/verzuim.js';
import { schooljaarGrenzen } from '../../src/domain/verzuim/cijfers.js';
import { publiceerVerzuimcijfers } from '../../src/verzuim/publiceren.js';
import type { Verzuimrij } from '../../src/domain/verzuim/publiek.js';
import { describeDatabases } from '../support/database.js';
import { apiomgeving } from './omgeving.js';
import { verzuimAanval } from './verzuimAanvaller.js';

/**
 * The public absence figures (docs/rules/verzuim-cijfers.md, "Openbare verzuimcijfers") on a
 * fixture of stored counts built so that, under DUO's rule alone, plain subtraction (total minus
 * the visible cells) WOULD give a `<5` back in every breakdown: exactly one cell of 1–4 in the
 * types, the closing reasons, the timeliness, the regions (19: 26, 21: 4) and the regions' vsv'ers
 * with a report. The answers are read through the public door, as anyone reads them.
 */
const JAAR = '2030-2031';
type Tabel = Record<string, number>;
const NL = {
  totaal: { meldingen: 30 },
  soort: { '16u4w': 20, lrv: 3, rmc: 7, luxe: 0, overig: 0 },
  status: { 'in-behandeling': 22, afgesloten: 8, 'ter-kennisneming-aangenomen': 0 },
  afsluitreden: { 'terug-naar-school': 6, 'uitgeschreven-werk': 2 },
  eersteActie: { 'gesprek-leerling-en-ouders': 25, waarschuwing: 1, geen: 4 },
  tijdigheid: { tijdig: 26, 'te-laat': 4, 'zonder-oordeel': 0 },
  eersteActieDagen: { mediaan: 6, '90e-percentiel': 20 },
  vsvMetMelding: { vsvers: 46, metMelding: 15 },
} satisfies Record<string, Tabel>;
const R19 = {
  totaal: { meldingen: 26 },
  soort: { '16u4w': 19, lrv: 0, rmc: 7 },
  status: { 'in-behandeling': 18, afgesloten: 8 },
  afsluitreden: { 'terug-naar-school': 6, 'uitgeschreven-werk': 2 },
  eersteActie: { 'gesprek-leerling-en-ouders': 25, geen: 1 },
  tijdigheid: { tijdig: 22, 'te-laat': 4 },
  eersteActieDagen: { mediaan: 6, '90e-percentiel': 19 },
  vsvMetMelding: { vsvers: 40, metMelding: 12 },
} satisfies Record<string, Tabel>;
const R21 = {
  totaal: { meldingen: 4 },
  soort: { '16u4w': 1, lrv: 3 },
  status: { 'in-behandeling': 4 },
  eersteActie: { waarschuwing: 1, geen: 3 },
  tijdigheid: { tijdig: 4 },
  eersteActieDagen: { mediaan: 2, '90e-percentiel': 2 },
  vsvMetMelding: { vsvers: 6, metMelding: 3 },
} satisfies Record<string, Tabel>;

function rijen(niveau: Verzuimrij['niveau'], gebied: string, t: Record<string, Tabel>): Verzuimrij[] {
  return Object.entries(t).flatMap(([dimensie, cellen]) => Object.entries(cellen).map(([waarde, aantal]) => ({ niveau, gebied, dimensie, waarde, aantal })));
}

type Gepubliceerd = number | '<5' | null;
const UITSPLITSINGEN = ['soort', 'status', 'afsluitreden', 'eersteActie', 'tijdigheid'] as const;
const BASIS = { soort: 'meldingen', status: 'meldingen', afsluitreden: 'afgesloten', eersteActie: 'meldingen', tijdigheid: 'meldingen' } as const;

/** What a reader gets by subtraction: the one hidden cell of a breakdown whose total and other cells are numbers. */
function doorAftrekken(totaal: Gepubliceerd, cellen: readonly Gepubliceerd[]): number | null {
  const verborgen = cellen.filter((c) => typeof c !== 'number');
  if (typeof totaal !== 'number' || verborgen.length !== 1) return null;
  return totaal - cellen.reduce<number>((s, c) => s + (typeof c === 'number' ? c : 0), 0);
}


describeDatabases('openbare verzuimcijfers', (driver) => {
  const api = apiomgeving(driver);
  beforeAll(async () => {
    await schrijfVerzuimcijfers(api.db, JAAR, [...rijen('landelijk', 'NL', NL), ...rijen('regio', '19', R19), ...rijen('regio', '21', R21)],
      new Date('2031-03-01T04:00:00Z'), 'definitief');
  });

  it('de fixture kan falen: onder DUO\'s regel alleen gaf aftrekken in elke uitsplitsing een "<5" terug', () => {
    const alleenDuo = (n: number): Gepubliceerd => (n >= 1 && n < 5 ? '<5' : n);
    for (const d of ['soort', 'afsluitreden', 'tijdigheid'] as const) {
      const totaal = d === 'afsluitreden' ? NL.status.afgesloten : NL.totaal.meldingen;
      expect(doorAftrekken(totaal, Object.values(NL[d]).map(alleenDuo)), d).not.toBeNull();
    }
    expect(doorAftrekken(NL.totaal.meldingen, [R19.totaal.meldingen, R21.totaal.meldingen].map(alleenDuo))).toBe(4);
    expect(doorAftrekken(NL.vsvMetMelding.metMelding, [R19.vsvMetMelding.metMelding, R21.vsvMetMelding.metMelding].map(alleenDuo))).toBe(3);
  });

  it('landelijk: geen "<5" is terug te rekenen uit een uitsplitsing, de regiolijst of de vsv\'ers met een melding', async () => {
    const b = await api.json(`/api/v1/verzuim?schooljaar=${JAAR}`);
    expect(b).toMatchObject({ schooljaar: JAAR, berekendOp: '2031-03-01T04:00:00.000Z', tellingStatus: 'definitief', meldingen: 30 });
    expect(b.schooljaren).toContain(JAAR);
    for (const d of UITSPLITSINGEN) {
      const cellen: { waarde: string; aantal: Gepubliceerd }[] = b.uitsplitsingen[d];
      const totaal = d === 'afsluitreden' ? b.uitsplitsingen.status.find((c: { waarde: string }) => c.waarde === 'afgesloten').aantal : b.meldingen;
      expect(doorAftrekken(totaal, cellen.map((c) => c.aantal)), d).toBeNull();
      // DUO's rule itself: never a count of 1–4
      for (const c of cellen) expect([1, 2, 3, 4]).not.toContain(c.aantal);
    }
    expect(b.uitsplitsingen.soort.find((c: { waarde: string }) => c.waarde === 'lrv').aantal).toBe('<5');
    expect(b.uitsplitsingen.soort.find((c: { waarde: string }) => c.waarde === 'luxe').aantal).toBe(0);
    // the regions: a breakdown of the national total
    const regios: { rmcCode: string; meldingen: Gepubliceerd; vsvMetMelding: { vsvers: Gepubliceerd; metMelding: Gepubliceerd; percentage: string | null } }[] = b.regios;
    const r = (code: string) => regios.find((x) => x.rmcCode === code)!;
    expect(r('21').meldingen).toBe('<5');
    expect(r('19').meldingen).toBeNull();
    expect(doorAftrekken(b.meldingen, regios.map((x) => x.meldingen))).toBeNull();
    expect(doorAftrekken(b.vsvMetMelding.metMelding, regios.map((x) => x.vsvMetMelding.metMelding))).toBeNull();
    expect(r('21').vsvMetMelding).toMatchObject({ vsvers: 6, metMelding: '<5', percentage: null });
    expect(r('19').vsvMetMelding).toMatchObject({ metMelding: null, percentage: null, afschermingsreden: 'secundair afgeschermd' });
    // the national share: both counts visible and 15 ≥ 5
    expect(b.vsvMetMelding).toEqual({ vsvers: 46, metMelding: 15, percentage: '32.61', afgeschermd: false });
    expect(b.dagenTotEersteActie).toEqual({ mediaan: 6, percentiel90: 20 });
    // and with every bound a reader has, over every answer and all the sums at once (the one pattern)
    expect((await verzuimAanval(api, api.db, JAAR)).falen).toEqual([]);
  });

  it('een regio: haar totaal zoals in de regiolijst; is dat aanvullend afgeschermd, dan verraadt geen uitsplitsing het', async () => {
    const r19 = await api.json(`/api/v1/rmc-regios/19/verzuim?schooljaar=${JAAR}`);
    expect(r19).toMatchObject({ rmcCode: '19', naam: 'Utrecht', meldingen: null, landelijk: { meldingen: 30 } });
    for (const d of UITSPLITSINGEN) {
      const cellen = r19.uitsplitsingen[d] as { waarde: string; aantal: Gepubliceerd }[];
      for (const c of cellen) {
        const waar = (R19[d] as Tabel)[c.waarde] ?? 0;
        // shown as it is, `<5`, or withheld; never a count of 1–4
        expect([waar, null, ...(waar >= 1 && waar < 5 ? ['<5'] : [])], `${d} ${c.waarde}`).toContain(c.aantal);
      }
    }
    expect(r19.vsvMetMelding).toMatchObject({ vsvers: 40, metMelding: null, percentage: null });
    const r21 = await api.json(`/api/v1/rmc-regios/21/verzuim?schooljaar=${JAAR}`);
    expect(r21.meldingen).toBe('<5');
    for (const d of UITSPLITSINGEN) for (const c of r21.uitsplitsingen[d] as { aantal: Gepubliceerd }[]) expect([0, '<5', null]).toContain(c.aantal);
    // fewer than 5 reports with an action: no days
    expect(r21.dagenTotEersteActie).toEqual({ mediaan: null, percentiel90: null });
    // a region without reports: zeros, not withheld
    const r16 = await api.json(`/api/v1/rmc-regios/16/verzuim?schooljaar=${JAAR}`);
    expect(r16.meldingen).toBe(0);
    expect(r16.uitsplitsingen.soort.every((c: { aantal: Gepubliceerd }) => c.aantal === 0)).toBe(true);
  });

  it('zonder schooljaar het laatste met cijfers; CSV met "secundair afgeschermd" in plaats van een lege cel', async () => {
    expect((await api.json('/api/v1/verzuim')).schooljaar).toBe(JAAR);
    const csv = await api.get(`/api/v1/verzuim?schooljaar=${JAAR}&formaat=csv&tabel=regios`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toMatch(/19,Utrecht,secundair afgeschermd,40,secundair afgeschermd,/);
    expect(csv.body).toMatch(/21,[^,\n]+,<5,6,<5,/);
  });

  it('de tabel regio × soort: ook langs een kolom (de soort over alle regio\'s tegen de landelijke) is geen "<5" terug te rekenen', async () => {
    // Region 19 has lrv 2 among large counts, region 21 lrv 5: nationally 7, nothing under 5. Protecting
    // each region's breakdown on its own hides 19's rmc (8) with its lrv, and then 7 − 5 gives the 2 back.
    const JAAR2 = '2031-2032';
    const a = { '16u4w': 20, lrv: 2, rmc: 8 };
    const b = { '16u4w': 30, lrv: 5, rmc: 10 };
    await schrijfVerzuimcijfers(api.db, JAAR2, [
      ...rijen('landelijk', 'NL', { totaal: { meldingen: 75 }, soort: { '16u4w': 50, lrv: 7, rmc: 18 } }),
      ...rijen('regio', '19', { totaal: { meldingen: 30 }, soort: a }), ...rijen('regio', '21', { totaal: { meldingen: 45 }, soort: b }),
    ], new Date('2032-03-01T04:00:00Z'), null);
    const nl = await api.json(`/api/v1/verzuim?schooljaar=${JAAR2}`);
    const codes: string[] = nl.regios.map((r: { rmcCode: string }) => r.rmcCode);
    const paginas = await Promise.all(codes.map((c) => api.json(`/api/v1/rmc-regios/${c}/verzuim?schooljaar=${JAAR2}`)));
    const soorten: string[] = nl.uitsplitsingen.soort.map((c: { waarde: string }) => c.waarde);
    const cel = (p: { uitsplitsingen: { soort: { waarde: string; aantal: Gepubliceerd }[] } }, w: string) => p.uitsplitsingen.soort.find((c) => c.waarde === w)!.aantal;
    // rows: every region against its total; columns: every type over the regions against the national one
    for (const p of paginas) expect(doorAftrekken(p.meldingen, soorten.map((w) => cel(p, w))), p.rmcCode).toBeNull();
    for (const w of soorten) expect(doorAftrekken(cel(nl, w), paginas.map((p) => cel(p, w))), w).toBeNull();
    expect(cel(paginas[codes.indexOf('19')], 'lrv')).toBe('<5');
    expect(cel(paginas[codes.indexOf('21')], 'lrv')).toBeNull();
    // and with every bound a reader has, over all the sums at once
    expect((await verzuimAanval(api, api.db, JAAR2)).falen).toEqual([]);
  });

  describe('fouten', () => {
    it('een ongeldig schooljaar: 400 problem+json; een schooljaar of regio zonder cijfers: 404', async () => {
      const r = await api.get('/api/v1/verzuim?schooljaar=2030-2032');
      expect(r.statusCode).toBe(400);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      // the same check and message as every route with a schooljaar
      expect(r.json().invalidParams).toEqual([{ name: 'schooljaar', code: 'invalid', reason: "'2030-2032' is geen schooljaar: het tweede jaar moet direct op het eerste volgen, bijv. 2019-2020" }]);
      expect((await api.get('/api/v1/verzuim?schooljaar=20302031')).statusCode).toBe(400);
      expect((await api.get('/api/v1/verzuim?schooljaar=2040-2041')).statusCode).toBe(404);
      expect((await api.get(`/api/v1/rmc-regios/99/verzuim?schooljaar=${JAAR}`)).statusCode).toBe(404);
      expect((await api.get(`/api/v1/rmc-regios/9x/verzuim?schooljaar=${JAAR}`)).statusCode).toBe(400);
    });
  });
});

describeDatabases('openbare verzuimcijfers uit echte meldingen (demomeldingen op de testlevering)', (driver) => {
  const api = apiomgeving(driver);

  it('publiceren telt elke melding één keer, landelijk en in haar regio; de vsv\'ers komen uit de telling', async () => {
    const [run] = await api.db.query<{ id: number; schooljaar: string }>('SELECT id, schooljaar FROM telling_run ORDER BY schooljaar DESC, id DESC LIMIT 1');
    const begin = Number(run!.schooljaar.slice(0, 4));
    await maakDemoverzuim(api.db, run!.id, begin, 1, '2026-12-07', { vsv: 1, anderen: 1 });
    const uit = await publiceerVerzuimcijfers(api.db, run!.schooljaar, new Date('2026-12-07T05:00:00Z'));
    const { van, tot } = schooljaarGrenzen(run!.schooljaar);
    const [m] = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM verzuimmelding WHERE meldingsdatum BETWEEN $1::date AND $2::date', [van, tot]);
    expect(uit.meldingen).toBe(m!.n);
    expect(m!.n).toBeGreaterThan(10);
    const totalen = await api.db.query<{ niveau: string; som: number }>(
      "SELECT niveau, sum(aantal)::int AS som FROM verzuim_cijfer WHERE schooljaar = $1 AND dimensie = 'totaal' GROUP BY niveau ORDER BY niveau", [run!.schooljaar]);
    expect(totalen).toEqual([{ niveau: 'landelijk', som: m!.n }, { niveau: 'regio', som: m!.n }]);
    const [vsv] = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM telling_persoon WHERE run_id = $1 AND vsv', [run!.id]);
    const b = await api.json(`/api/v1/verzuim?schooljaar=${run!.schooljaar}`);
    expect(b.meldingen).toBe(m!.n);
    expect(b.tellingStatus).toBe(uit.tellingStatus);
    expect(b.vsvMetMelding.vsvers).toBe(vsv!.n >= 1 && vsv!.n < 5 ? '<5' : vsv!.n);
    // the regions as published leave no <5 to subtraction
    expect(doorAftrekken(b.meldingen, b.regios.map((r: { meldingen: Gepubliceerd }) => r.meldingen))).toBeNull();
  }, 120_000);
});
