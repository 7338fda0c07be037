import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { referentiedataMap } from '../../src/config.js';
import { NIET_UITGESPLITST, SECUNDAIR_AFGESCHERMD } from '../../src/domain/openbaarmaking.js';
import { describeDatabases } from '../support/database.js';
import { JAREN, VERBORGEN_PERCENTAGES } from './fixture.js';
import { ENDPOINTS, apiomgeving, leesCsv, type Apiomgeving } from './omgeving.js';
import { bouwTestApp } from './openapiControle.js';

/**
 * Openbaarmaking everywhere (telling.md): region 19 / municipality GM0344 / institution
 * 20BB have 3 vsv'ers of 37 (8.11 %) and 2 of 41 (4.88 %). No response of any endpoint, as
 * JSON or CSV, for any school year or status, may show those counts or percentages; every
 * count of 1–4 anywhere is `<5`, and no percentage rests on fewer than 5 vsv'ers.
 */
const KLEIN = new Set(['1', '2', '3', '4']);

async function alleUrls(api: Apiomgeving): Promise<string[]> {
  const urls = new Set(ENDPOINTS.map((e) => e.url));
  const { schooljaren } = await api.json('/api/v1/schooljaren');
  const regios = (await api.json('/api/v1/rmc-regios')).regios.map((r: { rmcCode: string }) => r.rmcCode);
  const gemeenten = (await api.json('/api/v1/gemeenten')).gemeenten.map((g: { gemeenteCode: string }) => g.gemeenteCode);
  const brins = (await api.json('/api/v1/instellingen?paginaGrootte=100')).instellingen.map((i: { brin: string }) => i.brin);
  for (const j of schooljaren) {
    for (const t of j.tellingen) {
      urls.add(`/api/v1/tellingen/${t.runId}`);
      const q = `schooljaar=${j.schooljaar}&status=${t.status}`;
      for (const pad of ['/landelijk/kerncijfers', '/rmc-regios', '/gemeenten', '/instellingen']) urls.add(`/api/v1${pad}?${q}`);
      for (const r of regios) urls.add(`/api/v1/rmc-regios/${r}?${q}`);
      for (const g of gemeenten) urls.add(`/api/v1/gemeenten/${g}?${q}`);
      for (const b of brins) urls.add(`/api/v1/instellingen/${b}?${q}`);
    }
  }
  for (const status of ['definitief', 'voorlopig']) {
    urls.add(`/api/v1/landelijk/reeks?status=${status}`);
    urls.add(`/api/v1/vergelijking?status=${status}&rmcCodes=${regios.slice(0, 5).join(',')}&brins=${brins.slice(0, 3).join(',')}`);
  }
  return [...urls].filter((u) => !u.includes('/kaarten/'));
}

function controleerJson(waarde: unknown, url: string, pad = ''): void {
  if (Array.isArray(waarde)) return waarde.forEach((w, i) => controleerJson(w, url, `${pad}/${i}`));
  if (waarde === null || typeof waarde !== 'object') return;
  const o = waarde as Record<string, unknown>;
  if ('afgeschermd' in o) {
    const plek = `${url} ${pad}`;
    for (const k of ['startpopulatie', 'vsv']) {
      expect(typeof o[k] === 'number' && (o[k] as number) >= 1 && (o[k] as number) <= 4, `${plek}/${k} = ${String(o[k])}`).toBe(false);
    }
    if (o.vsv === '<5' || (typeof o.vsv === 'number' && o.vsv < 5)) expect(o.percentage, `${plek}/percentage`).toBeNull();
    // secondary suppression: a withheld count is null, never a number, with its reason; no percentage then
    // (a folded breakdown, "niet uitgesplitst": both counts null, whatever they are)
    if (o.vsv === null || o.startpopulatie === null) {
      expect(o.percentage, `${plek}/percentage`).toBeNull();
      expect([SECUNDAIR_AFGESCHERMD, NIET_UITGESPLITST], plek).toContain(o.afschermingsreden);
      if (o.afschermingsreden === NIET_UITGESPLITST) expect([o.startpopulatie, o.vsv], plek).toEqual([null, null]);
      expect(o.afgeschermd, plek).toBe(true);
    } else {
      expect(o, plek).not.toHaveProperty('afschermingsreden');
    }
    if (o.percentage === null && 'normoordeel' in o) expect(['afgeschermd', 'geen-norm'], plek).toContain(o.normoordeel);
  }
  if ('nietTeTellen' in o) expect(KLEIN.has(String(o.nietTeTellen)), `${url} nietTeTellen`).toBe(false);
  for (const [k, w] of Object.entries(o)) controleerJson(w, url, `${pad}/${k}`);
}

function controleerCsv(tekst: string, url: string): Record<string, string>[] {
  const rijen = leesCsv(tekst);
  for (const [i, r] of rijen.entries()) {
    for (const [k, w] of Object.entries(r)) {
      if (/^(landelijk)?(startpopulatie|vsv|Startpopulatie|Vsv)$|^nietTeTellen$/.test(k)) expect(KLEIN.has(w), `${url} rij ${i} ${k} = ${w}`).toBe(false);
    }
    for (const [start, vsv, pct] of [['startpopulatie', 'vsv', 'percentage'], ['landelijkStartpopulatie', 'landelijkVsv', 'landelijkPercentage']] as const) {
      if (r[vsv] === '<5' || r[vsv] === '0') expect(r[pct], `${url} rij ${i} ${pct}`).toBe('');
      if (r[vsv] === SECUNDAIR_AFGESCHERMD || r[start] === SECUNDAIR_AFGESCHERMD) expect(r[pct], `${url} rij ${i} ${pct}`).toBe('');
    }
  }
  return rijen;
}

type Cijferachtig = Record<string, unknown>;
const isCijfer = (w: unknown): w is Cijferachtig => typeof w === 'object' && w !== null && 'afgeschermd' in w;
const isOnderdeel = (w: unknown) => typeof w === 'object' && w !== null && typeof (w as { waarde?: unknown }).waarde === 'string'
  && isCijfer((w as { cijfer?: unknown }).cijfer);

interface Gevonden {
  plek: string;
  totaal: Cijferachtig;
  cellen: { waarde: string; openbaar: Cijferachtig; exact: Cijferachtig; reden: unknown }[];
}

/**
 * Every breakdown in an answer: a total (`totaal`) with lists of `{ waarde, cijfer }` beside
 * it or under `uitsplitsingen`, walked together with the same answer without openbaarmaking
 * control, so that each withheld cell's exact value is known.
 */
function uitsplitsingenIn(openbaar: unknown, exact: unknown, pad: string, uit: Gevonden[]): Gevonden[] {
  if (Array.isArray(openbaar)) {
    openbaar.forEach((w, i) => uitsplitsingenIn(w, (exact as unknown[])[i], `${pad}/${i}`, uit));
    return uit;
  }
  if (openbaar === null || typeof openbaar !== 'object') return uit;
  const o = openbaar as Record<string, unknown>;
  const e = exact as Record<string, unknown>;
  if (isCijfer(o.totaal)) {
    const naast = Object.entries(o).map(([k, v]) => [k, v, e[k]] as const);
    const onder = Object.entries((o.uitsplitsingen ?? {}) as Record<string, unknown>)
      .map(([k, v]) => [`uitsplitsingen/${k}`, v, (e.uitsplitsingen as Record<string, unknown>)[k]] as const);
    // The learning paths make up the mbo sector, not the total (docs/rules/leerweg.md).
    const sectoren = (o.sector ?? (o.uitsplitsingen as Record<string, unknown> | undefined)?.sector) as { waarde: string; cijfer: Cijferachtig }[] | undefined;
    const mbo = sectoren?.find((x) => x.waarde === 'mbo')?.cijfer;
    for (const [naam, lijst, exacteLijst] of [...naast, ...onder]) {
      if (!Array.isArray(lijst) || lijst.length === 0 || !lijst.every(isOnderdeel)) continue;
      const geheel = naam.endsWith('leerweg') ? mbo : o.totaal;
      expect(geheel, `${pad}/${naam}: het geheel`).toBeDefined();
      uit.push({
        plek: `${pad}/${naam}`,
        totaal: geheel!,
        cellen: lijst.map((c: { waarde: string; cijfer: Cijferachtig }, i) => {
          const x = (exacteLijst as { waarde: string; cijfer: Cijferachtig }[])[i]!;
          expect(x.waarde, `${pad}/${naam}/${i}`).toBe(c.waarde);
          return { waarde: c.waarde, openbaar: c.cijfer, exact: x.cijfer, reden: c.cijfer.afschermingsreden };
        }),
      });
    }
  }
  for (const [k, v] of Object.entries(o)) uitsplitsingenIn(v, e[k], `${pad}/${k}`, uit);
  return uit;
}

describeDatabases('API: afscherming in elk antwoord', (driver) => {
  const api = apiomgeving(driver);

  // The same application with the exact figures, as an entitled user will get them: the
  // reference that says what each withheld cell really is.
  let exact: FastifyInstance;
  beforeAll(async () => {
    exact = await bouwTestApp({ db: api.db, webMap: null, geoMap: join(referentiedataMap(), 'geo') });
    exact.addHook('onRequest', async (request) => {
      request.toegang = 'gerechtigd';
    });
    await exact.ready();
  });
  afterAll(async () => {
    await exact?.close();
  });

  it('geen verborgen cel van een uitsplitsing is terug te rekenen als totaal min de zichtbare cellen', async () => {
    const urls = await alleUrls(api);
    let uitsplitsingen = 0;
    let secundair = 0;
    for (const url of urls) {
      const openbaar = (await api.get(url)).json();
      const r = await exact.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      for (const u of uitsplitsingenIn(openbaar, r.json(), url, [])) {
        uitsplitsingen += 1;
        for (const tal of ['startpopulatie', 'vsv'] as const) {
          const totaal = u.totaal[tal];
          // A total that is <5 itself leaves nothing to subtract from.
          if (typeof totaal !== 'number') continue;
          const verborgen = u.cellen.filter((c) => typeof c.openbaar[tal] !== 'number');
          const rest = totaal - u.cellen.reduce((t, c) => t + (typeof c.openbaar[tal] === 'number' ? (c.openbaar[tal] as number) : 0), 0);
          for (const c of verborgen) {
            // A folded cell may turn out to be 0 (all folded cells of the breakdown are): 0 is no secret.
            const gevouwen = c.reden === NIET_UITGESPLITST;
            if (!(gevouwen && rest === 0)) {
              expect(rest, `${u.plek} ${c.waarde} ${tal}: ${totaal} min de zichtbare cellen geeft de verborgen waarde`).not.toBe(c.exact[tal]);
            }
            if (c.openbaar[tal] === null && !gevouwen) {
              secundair += 1;
              expect(c.exact[tal] as number, `${u.plek} ${c.waarde} ${tal}`).toBeGreaterThanOrEqual(5);
            }
          }
          if (verborgen.length === 0) expect(rest, u.plek).toBe(0);
        }
      }
    }
    expect(uitsplitsingen).toBeGreaterThan(100);
    // The test delivery has breakdowns with a single <5 (mbo nationally: 18 − 15 − 0 = 3).
    expect(secundair).toBeGreaterThan(0);
  });

  it('geen enkel JSON- of CSV-antwoord toont een aantal van 1–4 of een percentage op minder dan 5 vsv\'ers', async () => {
    const urls = await alleUrls(api);
    expect(urls.length).toBeGreaterThan(60);
    for (const url of urls) {
      const json = await api.get(url);
      expect(json.statusCode, `${url}: ${json.body.slice(0, 200)}`).toBe(200);
      controleerJson(json.json(), url);
      const csvUrl = `${url}${url.includes('?') ? '&' : '?'}formaat=csv`;
      const csv = await api.get(csvUrl);
      expect(csv.statusCode, csvUrl).toBe(200);
      expect(csv.headers['content-type'], csvUrl).toMatch(/^text\/csv/);
      expect(controleerCsv(csv.body, csvUrl).length, csvUrl).toBeGreaterThan(0);
      for (const p of VERBORGEN_PERCENTAGES) {
        expect(json.body.includes(p), `${url} bevat ${p}`).toBe(false);
        expect(csv.body.includes(p), `${csvUrl} bevat ${p}`).toBe(false);
      }
    }
  });

  it('de cel van regio 19 (3 vsv\'ers van 37) is <5 zonder percentage, in JSON en CSV', async () => {
    const lijst = await api.json(`/api/v1/rmc-regios?schooljaar=${JAREN[2]}`);
    // its start population is withheld as well: the national total minus the other regions would pin the small ones
    expect(lijst.regios.find((r: { rmcCode: string }) => r.rmcCode === '19').totaal).toMatchObject({ vsv: '<5', percentage: null, afgeschermd: true });
    const csv = leesCsv((await api.get(`/api/v1/rmc-regios?schooljaar=${JAREN[2]}&formaat=csv`)).body);
    expect(csv.find((r) => r.rmcCode === '19' && r.sector === 'totaal')).toMatchObject({ vsv: '<5', percentage: '' });
    const regio = await api.json('/api/v1/rmc-regios/19');
    expect(regio.trend.map((p: { cijfer: { vsv: unknown } }) => p.cijfer.vsv)).toEqual(['<5', '<5', '<5']);
    const instelling = (await api.get('/api/v1/instellingen/20BB?formaat=csv&tabel=trend', { accept: 'text/csv' })).body;
    expect(leesCsv(instelling).filter((r) => r.categorie === 'totaal').map((r) => r.vsv)).toEqual(['<5', '<5', '<5']);
  });

  it('0 wordt getoond; een startpopulatie van 2 wordt <5', async () => {
    const regio = await api.json('/api/v1/rmc-regios/16');
    expect(regio.totaal).toEqual({ startpopulatie: '<5', vsv: 0, percentage: null, afgeschermd: true });
  });
});
