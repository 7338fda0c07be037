import { beforeAll, expect, it } from 'vitest';
import { BELEID } from '../../src/domain/toegang/beleid.js';
import { toets } from '../../src/domain/openbaarmaking/intervallen.js';
import { aanvallersmodel, bepaalPatroon, GEVOUWEN, PRIMAIR, SECUNDAIR } from '../../src/domain/openbaarmaking/patroon.js';
import { bouwTabel, celsleutel, UITSPLITSINGEN, type Publicatietabel, type Tal } from '../../src/domain/openbaarmaking/tabel.js';
import { opbouwVan } from '../../src/publicatie/laden.js';
import { highsOplosser } from '../../src/publicatie/highs.js';
import type { Runpublicatie } from '../../src/publicatie/publicatie.js';
import { Antwoordcache } from '../../src/server/cache.js';
import { maakGegevens } from '../../src/server/gegevens.js';
import { describeDatabases } from '../support/database.js';
import { vulRijkeDatabase } from './fixtureRijk.js';
import { apiomgeving } from './omgeving.js';
import { maakDemoverzuim } from '../../src/demo/verzuim.js';
import { publiceerVerzuimcijfers } from '../../src/verzuim/publiceren.js';
import { verzuimAanval } from './verzuimAanvaller.js';
import { bewaarDriejaarpublicaties } from '../../src/publicatie/driejaar.js';
import { driejaaraanvallersmodel, driejaarmodel } from '../../src/domain/openbaarmaking/driejaar.js';
import { ZICHTBAAR } from '../../src/domain/openbaarmaking/patroon.js';
import type { Stand } from '../../src/domain/openbaarmaking/patroon.js';

/**
 * The attacker (docs/openbaarmaking.md): knows the algorithm, every published value, every
 * relation, that `<5` is 1–4, a withheld value ≥ 0 and a published 0 is 0, and solves min and
 * max of every withheld value with HiGHS. No `<5` value may be narrowed beyond what the `<5`
 * markers alone allow, and no withheld value may be pinned. Replay: the pattern is the same
 * whatever value 1–4 a `<5` cell has.
 *
 * The URLs come from the OpenAPI document: every GET path, every path parameter enumerated
 * from the list endpoints, every school year and status; a GET path or parameter the test
 * cannot enumerate fails it.
 */
const PADPARAMETERS: Record<string, (l: Lijsten) => string[]> = {
  rmcCode: (l) => l.regios, gemeenteCode: (l) => l.gemeenten, brin: (l) => l.brins, runId: (l) => l.runs,
};
/** query parameters that select another table, and how they are enumerated; the rest only format what is selected */
const QUERYPARAMETERS: Record<string, ((l: Lijsten) => string[]) | null> = {
  schooljaar: (l) => l.jaren, status: () => ['definitief', 'voorlopig'], rmcCode: (l) => l.regios,
  rmcCodes: (l) => l.regios, gemeenteCodes: (l) => l.gemeenten, brins: (l) => l.brins, gemeenteCode: (l) => l.gemeenten,
  formaat: null, tabel: null, naam: null, plaats: null, pagina: null, paginaGrootte: null,
  // the order of the institution list: the same published values, in another order
  sorteer: null,
};

interface Lijsten { regios: string[]; gemeenten: string[]; brins: string[]; runs: string[]; jaren: string[] }

/**
 * Two deliveries: the standard test delivery (replay of every `<5` cell, one at a time) and a
 * demo-like one with many small cells (replay with every `<5` cell at once set to 1, 2, 3 and
 * 4, and to seeded random values: a cell-by-cell replay there would take many minutes).
 */
for (const levering of ['testlevering', 'rijk'] as const) describeDatabases(`API: de aanvaller (${levering})`, (driver) => {
  const api = apiomgeving(driver, levering === 'rijk' ? { vul: vulRijkeDatabase, timeout: 300_000 } : {});
  let publicaties: Runpublicatie[] = [];
  beforeAll(async () => {
    const gegevens = maakGegevens(api.db, new Antwoordcache(api.db));
    const cat = await gegevens.catalogus();
    publicaties = await Promise.all(cat.runs.map((r) => gegevens.publicatie(r.id)));
    // Public absence figures of the last school year, from demo reports filed on the delivery's
    // persons (one in two vsv'ers, one in five others: many small cells), as the demo does.
    const laatste = cat.runs.reduce((a, b) => (b.schooljaar > a.schooljaar || (b.schooljaar === a.schooljaar && b.id > a.id) ? b : a));
    await maakDemoverzuim(api.db, laatste.id, Number(laatste.schooljaar.slice(0, 4)), 1, '2026-12-07', { vsv: 0.5, anderen: 0.2 });
    await publiceerVerzuimcijfers(api.db, laatste.schooljaar, new Date('2026-12-07T05:00:00Z'));
    // the three-year figures, as the count keeps them
    await bewaarDriejaarpublicaties(api.db);
  }, 300_000);

  it('haalt elk GET-pad van het OpenAPI-document op, met elke parameterwaarde uit de lijsten', async () => {
    const doc = await api.json('/api/v1/openapi.json');
    const jaren = (await api.json('/api/v1/schooljaren')).schooljaren;
    const l: Lijsten = {
      regios: (await api.json('/api/v1/rmc-regios')).regios.map((r: { rmcCode: string }) => r.rmcCode),
      gemeenten: (await api.json('/api/v1/gemeenten')).gemeenten.map((g: { gemeenteCode: string }) => g.gemeenteCode),
      brins: (await api.json('/api/v1/instellingen?paginaGrootte=100')).instellingen.map((i: { brin: string }) => i.brin),
      runs: jaren.flatMap((j: { tellingen: { runId: number }[] }) => j.tellingen.map((t) => String(t.runId))),
      jaren: jaren.map((j: { schooljaar: string }) => j.schooljaar),
    };
    let opgehaald = 0;
    for (const [pad, methoden] of Object.entries(doc.paths as Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>)) {
      const op = methoden.get;
      if (!op) continue;
      // A route behind a login publishes nothing to the attacker (anonymous): it must refuse,
      // whatever its parameters (one placeholder each).
      const handeling = api.app.toegangsroutes.find((r) => r.methode === 'GET' && r.pad.replace(/:(\w+)/g, '{$1}') === `/api/v1${pad}`)?.handeling;
      expect(handeling, `${pad}: geen route in de app`).toBeDefined();
      const openbaar = BELEID[handeling!].wie === 'iedereen';
      let urls = [`/api/v1${pad}`];
      for (const p of op.parameters ?? []) {
        const maker = p.in === 'path' ? PADPARAMETERS[p.name] : QUERYPARAMETERS[p.name];
        if (!openbaar) {
          if (p.in === 'path') urls = urls.map((u) => u.replace(`{${p.name}}`, 'x'));
          continue;
        }
        expect(maker, `${pad}: parameter ${p.name} (${p.in}) is niet op te sommen`).not.toBeUndefined();
        if (!maker) continue;
        const waarden = maker(l);
        urls = p.in === 'path'
          ? urls.flatMap((u) => waarden.map((w) => u.replace(`{${p.name}}`, w)))
          : [...urls, ...urls.flatMap((u) => waarden.map((w) => `${u}${u.includes('?') ? '&' : '?'}${p.name}=${w}`))];
      }
      for (const url of urls) {
        const r = await api.get(url);
        // A school year and status without a run is a 404; /vergelijking without a choice a 400.
        expect(openbaar ? [200, 400, 404] : [401], url).toContain(r.statusCode);
        if (r.statusCode === 200) opgehaald += 1;
      }
    }
    expect(opgehaald).toBeGreaterThan(100);
  }, 300_000);

  it('kan geen <5 verder versmallen dan de <5-tekens zelf en geen afgeschermde waarde vastpinnen', async () => {
    const oplosser = await highsOplosser();
    let primair = 0;
    let secundair = 0;
    let versmald = 0;
    let gevouwen = 0;
    for (const p of publicaties) {
      const stand: Record<Tal, Uint8Array> = { startpopulatie: p.patroon.startpopulatie, vsv: p.patroon.vsv };
      const m = aanvallersmodel(p.tabel, stand, oplosser);
      const { falen, bereik } = toets(m.grenzen, m.eisen, m.rijen, oplosser, true);
      const uitleg = (v: number) => `${p.runId} ${JSON.stringify(p.tabel.cellen[m.variabelen[v]!.cel])} ${m.variabelen[v]!.tal} ${JSON.stringify(bereik[v])}`;
      // Never a withheld value pinned to one number.
      expect(falen.filter((v) => bereik[v]!.max - bereik[v]!.min < 1e-6).map(uitleg)).toEqual([]);
      // Nothing narrowed beyond its baseline either, on both deliveries: the repair escalates until
      // the pattern reports nothing (docs/openbaarmaking.md, step 5).
      expect(falen.map(uitleg)).toEqual([]);
      expect(p.patroon.onbeschermd).toEqual([]);
      versmald += falen.length;
      for (const tal of ['startpopulatie', 'vsv'] as const) {
        primair += p.patroon[tal].filter((s) => s === PRIMAIR).length;
        secundair += p.patroon[tal].filter((s) => s === SECUNDAIR).length;
        gevouwen += p.patroon[tal].filter((s) => s === GEVOUWEN).length;
      }
    }
    console.log(`aanvaller (${levering}): ${publicaties.length} tellingen, primair ${primair}, secundair ${secundair}, gevouwen ${gevouwen}, vastgepind of versmald: ${versmald}`);
    expect(primair).toBeGreaterThan(20);
    expect(secundair).toBeGreaterThan(0);
  });

  it('de niet gepubliceerde uitsplitsingen van gemeenten geven niets prijs: dezelfde aanval op de volledige structuur (gemeente × elke waarde, gevouwen)', async () => {
    // The pattern is computed on a table without the municipalities' breakdowns (GEMEENTE_UITSPLITSINGEN),
    // on the argument that they can always be filled in (a transport problem). Here the attacker
    // gets them back as unknowns ≥ 0 with every relation (region = Σ municipalities per value,
    // municipality total = Σ each breakdown, …) and must still narrow nothing, pin nothing, and
    // pin no municipality's breakdown cell to a value 1–4.
    const oplosser = await highsOplosser();
    let gemeentecellen = 0;
    for (const p of publicaties) {
      const volledig = bouwTabel(await opbouwVan(api.db, p.runId), { gemeenteUitsplitsingen: UITSPLITSINGEN });
      const index = new Map(p.tabel.cellen.map((c, i) => [celsleutel(c.niveau, c.gebied, c.dimensie, c.waarde), i]));
      const stand = (tal: Tal) => Uint8Array.from(volledig.cellen, (c) => {
        const i = index.get(celsleutel(c.niveau, c.gebied, c.dimensie, c.waarde));
        return i === undefined ? GEVOUWEN : p.patroon[tal][i]!;
      });
      const s = { startpopulatie: stand('startpopulatie'), vsv: stand('vsv') };
      gemeentecellen += volledig.cellen.length - p.tabel.cellen.length;
      const m = aanvallersmodel(volledig, s, oplosser);
      const { falen, bereik } = toets(m.grenzen, m.eisen, m.rijen, oplosser, true);
      expect(falen.map((v) => `${p.runId} ${JSON.stringify(volledig.cellen[m.variabelen[v]!.cel])} ${m.variabelen[v]!.tal} ${JSON.stringify(bereik[v])}`)).toEqual([]);
    }
    expect(gemeentecellen).toBeGreaterThan(100);
  }, 600_000);

  it('driejaarscijfers: over de drie tellingen samen en de sommen zoals geserveerd niets versmald of vastgepind; zonder hun patroon wel', async () => {
    // The served answers (GET /gemeenten/{code}) are the three-year figures the attacker gets; the
    // three runs' area tables and patterns are what every other answer serves (the test above).
    const oplosser = await highsOplosser();
    const gegevens = maakGegevens(api.db, new Antwoordcache(api.db));
    const vensters = await gegevens.driejaar();
    expect(vensters.length).toBeGreaterThan(0);
    const { gemeenten } = await api.json('/api/v1/gemeenten');
    let getoond = 0;
    let afgeschermd = 0;
    for (const venster of vensters) {
      const pubs = await Promise.all(venster.runs.map((r) => gegevens.publicatie(r.id)));
      const jaren = pubs.map((p) => ({ tabel: p.tabel, stand: { startpopulatie: p.patroon.startpopulatie, vsv: p.patroon.vsv } }));
      // the stand of each three-year figure, read from what the API serves
      const geserveerd = new Map<string, Record<Tal, Stand>>();
      for (const { gemeenteCode } of gemeenten as { gemeenteCode: string }[]) {
        const a = await api.json(`/api/v1/gemeenten/${gemeenteCode}`);
        const d = a.driejaarcijfers.find((x: { runIds: number[] }) => x.runIds.join() === venster.runs.map((r) => r.id).join());
        if (!d) continue;
        const stand = (w: number | string | null): Stand => (w === null
          ? (d.cijfer.afschermingsreden === 'niet uitgesplitst' ? GEVOUWEN : SECUNDAIR) : w === '<5' ? PRIMAIR : ZICHTBAAR);
        geserveerd.set(gemeenteCode, { startpopulatie: stand(d.cijfer.startpopulatie), vsv: stand(d.cijfer.vsv) });
        if (d.cijfer.vsv === null) afgeschermd += 1;
        else getoond += 1;
      }
      const model = driejaarmodel(jaren, oplosser, geserveerd);
      expect(model.driejaarcel.size).toBe(geserveerd.size);
      const m = driejaaraanvallersmodel(model, oplosser);
      const { falen, bereik } = toets(m.grenzen, m.eisen, m.rijen, oplosser, true);
      expect(falen.map((v) => `${JSON.stringify(model.tabel.cellen[m.variabelen[v]!.cel])} ${m.variabelen[v]!.tal} ${JSON.stringify(bereik[v])}`)).toEqual([]);
      expect(venster.onbeschermd).toEqual([]);
      // DUO's rule alone on the sums (every sum of 5 or more shown) does give yearly values back
      const alleenDuo = driejaaraanvallersmodel(driejaarmodel(jaren, oplosser), oplosser);
      const terug = toets(alleenDuo.grenzen, alleenDuo.eisen, alleenDuo.rijen, oplosser).falen.length;
      console.log(`aanvaller driejaar (${levering}) ${venster.runs.map((r) => r.schooljaar).join(', ')}: ${geserveerd.size} gemeenten, `
        + `vsv getoond of <5 ${getoond}, afgeschermd ${afgeschermd}; met alleen de DUO-regel terug te rekenen of versmald: ${terug}`);
      expect(terug).toBeGreaterThan(0);
    }
    // the test delivery has a municipality whose sum is shown; in the rich one every year is small and all are withheld
    if (levering === 'testlevering') expect(getoond).toBeGreaterThan(0);
    expect(getoond + afgeschermd).toBeGreaterThan(0);
  }, 600_000);

  it('verzuimcijfers (een eigen familie van tabellen: land → regio × soort, status, …): niets versmald of vastgepind, elk schooljaar', async () => {
    const { schooljaren } = await api.json('/api/v1/verzuim/schooljaren');
    expect(schooljaren.length).toBeGreaterThan(0);
    let primair = 0;
    let secundair = 0;
    let gevouwen = 0;
    for (const jaar of schooljaren as string[]) {
      const a = await verzuimAanval(api, api.db, jaar);
      expect(a.falen).toEqual([]);
      primair += a.primair;
      secundair += a.secundair;
      gevouwen += a.gevouwen;
    }
    console.log(`aanvaller verzuim (${levering}): primair ${primair}, secundair ${secundair}, gevouwen ${gevouwen}, versmald of vastgepind: 0`);
    expect(primair).toBeGreaterThan(5);
  }, 300_000);

  it('zonder aanvullende afscherming is er wel een <5 terug te rekenen (de test kan falen)', async () => {
    const oplosser = await highsOplosser();
    let terug = 0;
    for (const p of publicaties) {
      const stand = {
        startpopulatie: p.patroon.startpopulatie.map((s) => (s === SECUNDAIR ? 0 : s)),
        vsv: p.patroon.vsv.map((s) => (s === SECUNDAIR ? 0 : s)),
      };
      const m = aanvallersmodel(p.tabel, stand, oplosser);
      terug += toets(m.grenzen, m.eisen, m.rijen, oplosser).falen.length;
    }
    console.log(`aanvaller (${levering}): met alleen de DUO-regel terug te rekenen of versmald: ${terug}`);
    expect(terug).toBeGreaterThan(0);
  });

  if (levering === 'rijk') it('herhalen met alle <5-cellen tegelijk op 1, 4 en willekeurig geeft hetzelfde patroon (laatste telling)', async () => {
    const oplosser = await highsOplosser();
    let s = 12345;
    const willekeurig = () => 1 + ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % 4);
    for (const p of publicaties.slice(-1)) {
      for (const keuze of [() => 1, () => 4, willekeurig]) {
        const tabel: Publicatietabel = {
          ...p.tabel,
          cellen: p.tabel.cellen.map((c, i) => ({
            ...c,
            startpopulatie: p.patroon.startpopulatie[i] === PRIMAIR ? keuze() : c.startpopulatie,
            vsv: p.patroon.vsv[i] === PRIMAIR ? keuze() : c.vsv,
          })),
        };
        const opnieuw = bepaalPatroon(tabel, oplosser, undefined, { getuigen: false });
        expect([...opnieuw.startpopulatie], `run ${p.runId}`).toEqual([...p.patroon.startpopulatie]);
        expect([...opnieuw.vsv], `run ${p.runId}`).toEqual([...p.patroon.vsv]);
      }
    }
  }, 600_000);

  it('de getuigen van de verschuivingen versnellen alleen: zonder hen (alleen wat gepubliceerd is) hetzelfde patroon', async () => {
    // The replays below run the check without witnesses, reading nothing but what is published.
    // That the served pattern (with witnesses, which read real values) is the same shows the
    // witnesses change no verdict, so the replays speak for the served pattern.
    const oplosser = await highsOplosser();
    for (const p of publicaties.slice(-2)) {
      const zonder = bepaalPatroon(p.tabel, oplosser, undefined, { getuigen: false });
      expect([...zonder.startpopulatie], `run ${p.runId}`).toEqual([...p.patroon.startpopulatie]);
      expect([...zonder.vsv], `run ${p.runId}`).toEqual([...p.patroon.vsv]);
    }
  }, 300_000);

  if (levering === 'testlevering') it('herhalen met elke waarde 1–4 in een <5-cel geeft hetzelfde patroon (laatste telling)', async () => {
    const oplosser = await highsOplosser();
    for (const p of publicaties.slice(-1)) {
      for (const tal of ['startpopulatie', 'vsv'] as const) {
        const klein = [...p.patroon[tal]].flatMap((s, i) => (s === PRIMAIR ? [i] : []));
        for (const cel of klein) {
          for (let waarde = 1; waarde <= 4; waarde += 1) {
            if (waarde === p.tabel.cellen[cel]![tal]) continue;
            // Only the cell changes: what is published stays as it is, whatever the cell holds.
            const tabel: Publicatietabel = { ...p.tabel, cellen: p.tabel.cellen.map((c, i) => (i === cel ? { ...c, [tal]: waarde } : c)) };
            const opnieuw = bepaalPatroon(tabel, oplosser, undefined, { getuigen: false });
            expect([...opnieuw.startpopulatie], `${p.runId} cel ${cel} ${tal}=${waarde}`).toEqual([...p.patroon.startpopulatie]);
            expect([...opnieuw.vsv], `${p.runId} cel ${cel} ${tal}=${waarde}`).toEqual([...p.patroon.vsv]);
          }
        }
      }
    }
  }, 300_000);
});
