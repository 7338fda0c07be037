import { describe, expect, it } from 'vitest';
import type { Run } from '../../src/db/tellingen.js';
import { bepaalDriejaarpatroon, driejaaraanvallersmodel, driejaarmodel, type Jaarpublicatie } from '../../src/domain/openbaarmaking/driejaar.js';
import { toets } from '../../src/domain/openbaarmaking/intervallen.js';
import { bepaalPatroon, GEVOUWEN, PRIMAIR, SECUNDAIR, ZICHTBAAR } from '../../src/domain/openbaarmaking/patroon.js';
import { geldigeRelaties, type Tabelcel } from '../../src/domain/openbaarmaking/tabel.js';
import { vensters } from '../../src/publicatie/driejaar.js';
import { highsOplosser } from '../../src/publicatie/highs.js';

/**
 * The three-year figure (docs/openbaarmaking.md, "Driejaarscijfer"; issue 11 item 3): the sum of
 * three yearly figures of a municipality, under a pattern of its own checked over the three runs
 * together, so that no yearly value can be worked back from it.
 *
 * A small country: one region of municipalities A, B and C, each year's figures given as
 * [start population, vsv'ers] per municipality; the region and the nation are their sums. Each
 * year gets its own pattern first (bepaalPatroon), as the count does.
 */
type Jaar = Record<'A' | 'B' | 'C', [number, number]>;

function jaar(cijfers: Jaar): Pick<Jaarpublicatie, 'tabel'> {
  const gemeenten = (['A', 'B', 'C'] as const).map((g) => ({ code: `GM000${'ABC'.indexOf(g) + 1}`, sp: cijfers[g][0], vsv: cijfers[g][1] }));
  const som = (k: 'sp' | 'vsv') => gemeenten.reduce((s, g) => s + g[k], 0);
  const cellen: Tabelcel[] = [
    { niveau: 'landelijk', gebied: 'NL', dimensie: 'totaal', waarde: 'totaal', startpopulatie: som('sp'), vsv: som('vsv') },
    { niveau: 'rmc', gebied: '01', dimensie: 'totaal', waarde: 'totaal', startpopulatie: som('sp'), vsv: som('vsv') },
    ...gemeenten.map((g) => ({ niveau: 'gemeente' as const, gebied: g.code, dimensie: 'totaal', waarde: 'totaal', startpopulatie: g.sp, vsv: g.vsv })),
  ];
  const tabel = geldigeRelaties(cellen, [
    { geheel: 0, delen: [1], soort: 'landelijk = Σ regio\'s' },
    { geheel: 1, delen: [2, 3, 4], soort: 'rmc 01 = Σ gemeenten' },
  ]);
  return { tabel };
}

async function venster(jaren: Jaar[]) {
  const oplosser = await highsOplosser();
  const pubs = jaren.map((j) => {
    const { tabel } = jaar(j);
    const p = bepaalPatroon(tabel, oplosser);
    expect(p.onbeschermd).toEqual([]);
    return { tabel, stand: { startpopulatie: p.startpopulatie, vsv: p.vsv } };
  });
  const patroon = bepaalDriejaarpatroon(pubs, oplosser);
  const stand = (code: string) => patroon.cijfers.find((c) => c.gemeente === code)!.stand;
  // the attacker's exact programs over what the pattern publishes: nothing narrowed, nothing pinned
  const model = driejaarmodel(pubs, oplosser, new Map(patroon.cijfers.map((c) => [c.gemeente, c.stand])));
  const m = driejaaraanvallersmodel(model, oplosser);
  const { falen } = toets(m.grenzen, m.eisen, m.rijen, oplosser, true);
  return { patroon, stand, pubs, falen, oplosser };
}

describe('driejaarscijfer: de vensters', () => {
  const run = (id: number, schooljaar: string, status: 'definitief' | 'voorlopig') => ({ id, schooljaar, status }) as Run;

  it('drie opeenvolgende schooljaren met een definitieve telling, elk de laatste; voorlopige tellen niet, een gat breekt het venster', () => {
    const runs = [
      run(1, '2015-2016', 'definitief'), run(2, '2016-2017', 'definitief'), run(3, '2016-2017', 'definitief'),
      run(4, '2017-2018', 'voorlopig'), run(5, '2017-2018', 'definitief'), run(6, '2018-2019', 'definitief'),
      run(7, '2020-2021', 'definitief'), run(8, '2021-2022', 'definitief'), run(9, '2022-2023', 'voorlopig'),
    ];
    expect(vensters(runs).map((v) => v.map((r) => r.id))).toEqual([[1, 3, 5], [3, 5, 6]]);
  });

  it('minder dan drie jaren: geen venster', () => {
    expect(vensters([run(1, '2015-2016', 'definitief'), run(2, '2016-2017', 'definitief')])).toEqual([]);
  });
});

describe('driejaarscijfer: het afschermingspatroon', () => {
  const groot: [number, number] = [400, 20];

  it('alle jaren zichtbaar: de som wordt getoond (ze volgt uit de jaren)', async () => {
    const { stand, falen } = await venster([{ A: [300, 9], B: groot, C: [200, 7] }, { A: [310, 8], B: groot, C: [210, 6] }, { A: [320, 10], B: groot, C: [190, 5] }]);
    expect(stand('GM0001')).toEqual({ startpopulatie: ZICHTBAAR, vsv: ZICHTBAAR });
    expect(falen).toEqual([]);
  });

  it('één jaar <5 naast twee getoonde: de som zou het teruggeven en wordt afgeschermd', async () => {
    // A: 9, 8 shown, 3 (<5): a shown sum of 20 gives 20 − 9 − 8 = 3
    const { stand, falen, pubs } = await venster([{ A: [300, 9], B: groot, C: [200, 7] }, { A: [310, 8], B: groot, C: [210, 6] }, { A: [320, 3], B: groot, C: [190, 5] }]);
    const a = pubs[2]!.tabel.cellen.findIndex((c) => c.gebied === 'GM0001');
    expect(pubs[2]!.stand.vsv[a]).toBe(PRIMAIR);
    expect([SECUNDAIR, GEVOUWEN]).toContain(stand('GM0001').vsv);
    expect(falen).toEqual([]);
  });

  it('kleine gemeente, elk jaar <5: de som 7 geeft geen jaar terug en wordt getoond; het land houdt zijn eigen afscherming', async () => {
    // 2 + 2 + 3 = 7: with each year 1–4, a sum of 7 leaves each year anywhere in 1–4
    const { stand, falen, patroon } = await venster([{ A: [40, 2], B: groot, C: groot }, { A: [41, 2], B: groot, C: groot }, { A: [39, 3], B: groot, C: groot }]);
    expect(stand('GM0001').vsv).toBe(ZICHTBAAR);
    expect(patroon.cijfers.find((c) => c.gemeente === 'GM0001')!.vsv).toBe(7);
    expect(falen).toEqual([]);
  });

  it('elk jaar <5 met een som van 12 (dus elk jaar 4): niet getoond', async () => {
    const { stand, falen } = await venster([{ A: [40, 4], B: groot, C: groot }, { A: [41, 4], B: groot, C: groot }, { A: [39, 4], B: groot, C: groot }]);
    expect(stand('GM0001').vsv).not.toBe(ZICHTBAAR);
    expect(falen).toEqual([]);
  });

  it('een som van 1–4 is <5 (DUO\'s regel), en vraagt van de jaren niet meer dan hun eigen telling', async () => {
    // A: 0, 0 and 3: the sum is the one small year; <5 says what that year's <5 says
    const { stand, falen } = await venster([{ A: [40, 0], B: groot, C: groot }, { A: [41, 0], B: groot, C: groot }, { A: [39, 3], B: groot, C: groot }]);
    expect(stand('GM0001').vsv).toBe(PRIMAIR);
    expect(falen).toEqual([]);
  });

  it('de test kan falen: alle sommen getoond geeft wel een jaar terug', async () => {
    const { pubs, oplosser } = await venster([{ A: [300, 9], B: groot, C: [200, 7] }, { A: [310, 8], B: groot, C: [210, 6] }, { A: [320, 3], B: groot, C: [190, 5] }]);
    const m = driejaaraanvallersmodel(driejaarmodel(pubs, oplosser), oplosser);
    expect(toets(m.grenzen, m.eisen, m.rijen, oplosser, true).falen.length).toBeGreaterThan(0);
  });

  it('herhalen met 3 of 4 in het kleine jaar (het verschil bij de buur die het beschermt) geeft hetzelfde patroon', async () => {
    // A's last year 3 or 4, B's last year takes the difference (both hidden: B is withheld to protect A)
    const maak = (a: number) => venster([{ A: [300, 9], B: groot, C: [200, 7] }, { A: [310, 8], B: groot, C: [210, 6] }, { A: [320, a], B: [400, 23 - a], C: [190, 5] }]);
    const drie = await maak(3);
    const vier = await maak(4);
    expect(vier.pubs.map((p) => [...p.stand.vsv])).toEqual(drie.pubs.map((p) => [...p.stand.vsv]));
    expect(vier.patroon.cijfers.map((c) => c.stand)).toEqual(drie.patroon.cijfers.map((c) => c.stand));
  });
});
