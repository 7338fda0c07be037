import { describe, expect, it } from 'vitest';
import { toets } from '../../src/domain/openbaarmaking/intervallen.js';
import { aanvallersmodel, bepaalPatroon, isPrimair, PRIMAIR, ZICHTBAAR } from '../../src/domain/openbaarmaking/patroon.js';
import { bouwVerzuimtabel } from '../../src/domain/openbaarmaking/verzuimtabel.js';
import { highsOplosser } from '../../src/publicatie/highs.js';
import {
  AFGESCHERMD, AFGESCHERMD_OORDEEL, NIET_UITGESPLITST, SECUNDAIR_AFGESCHERMD, publiceerAantal, publiceerAfgeleide, publiceerCijfer, publiceerPercentage,
} from '../../src/domain/openbaarmaking.js';

/**
 * telling.md, "Disclosure control": a count of 1 to 4 is shown as `<5` (never its value), a
 * percentage computed from fewer than 5 vsv'ers is not shown, counts of 0 are shown. Entitled
 * access shows everything.
 */
describe('openbaarmaking: aantallen', () => {
  it.each([[0, 0], [1, AFGESCHERMD], [2, AFGESCHERMD], [3, AFGESCHERMD], [4, AFGESCHERMD], [5, 5], [6, 6], [20_000, 20_000]])(
    'openbaar: %i wordt %s', (aantal, verwacht) => {
      expect(publiceerAantal(aantal, 'openbaar')).toBe(verwacht);
    });

  it('gerechtigd: elk aantal zoals het is', () => {
    for (const n of [0, 1, 4, 5]) expect(publiceerAantal(n, 'gerechtigd')).toBe(n);
  });
});

describe('openbaarmaking: percentages', () => {
  it('verborgen bij minder dan 5 vsv\'ers, ook bij 0, hoe groot de startpopulatie ook is', () => {
    expect(publiceerPercentage(0, 1000, 'openbaar')).toBeNull();
    expect(publiceerPercentage(4, 1000, 'openbaar')).toBeNull();
    expect(publiceerPercentage(5, 1000, 'openbaar')).toBe('0.50');
  });

  it('zonder startpopulatie is er geen percentage, ook niet voor gerechtigden', () => {
    expect(publiceerPercentage(0, 0, 'openbaar')).toBeNull();
    expect(publiceerPercentage(0, 0, 'gerechtigd')).toBeNull();
  });

  it('gerechtigd: het percentage ook bij weinig vsv\'ers', () => {
    expect(publiceerPercentage(3, 37, 'gerechtigd')).toBe('8.11');
  });
});

describe('openbaarmaking: cijfers', () => {
  it('3 vsv\'ers van 37: het aantal wordt <5 en het percentage verdwijnt', () => {
    expect(publiceerCijfer({ startpopulatie: 37, vsv: 3 }, 'openbaar')).toEqual({ startpopulatie: 37, vsv: '<5', percentage: null, afgeschermd: true });
  });

  it('kleine startpopulatie zonder vsv\'ers: startpopulatie <5, 0 vsv\'ers zichtbaar, geen percentage', () => {
    expect(publiceerCijfer({ startpopulatie: 3, vsv: 0 }, 'openbaar')).toEqual({ startpopulatie: '<5', vsv: 0, percentage: null, afgeschermd: true });
  });

  it('niets te verbergen: alles zichtbaar, niet afgeschermd', () => {
    expect(publiceerCijfer({ startpopulatie: 100, vsv: 18 }, 'openbaar')).toEqual({ startpopulatie: 100, vsv: 18, percentage: '18.00', afgeschermd: false });
    expect(publiceerCijfer({ startpopulatie: 0, vsv: 0 }, 'openbaar')).toEqual({ startpopulatie: 0, vsv: 0, percentage: null, afgeschermd: false });
  });

  it('veel leerlingen, 0 vsv\'ers: 0 zichtbaar, percentage verborgen (rust op minder dan 5 vsv\'ers)', () => {
    expect(publiceerCijfer({ startpopulatie: 250, vsv: 0 }, 'openbaar')).toEqual({ startpopulatie: 250, vsv: 0, percentage: null, afgeschermd: true });
  });

  it('gerechtigd: exacte waarden, niets afgeschermd', () => {
    expect(publiceerCijfer({ startpopulatie: 37, vsv: 3 }, 'gerechtigd')).toEqual({ startpopulatie: 37, vsv: 3, percentage: '8.11', afgeschermd: false });
  });

  it('wat van een verborgen percentage is afgeleid (een normoordeel) wordt ook verborgen', () => {
    const verborgen = publiceerCijfer({ startpopulatie: 37, vsv: 3 }, 'openbaar');
    expect(publiceerAfgeleide('gehaald', verborgen)).toBe(AFGESCHERMD_OORDEEL);
    const zichtbaar = publiceerCijfer({ startpopulatie: 37, vsv: 6 }, 'openbaar');
    expect(publiceerAfgeleide('niet-gehaald', zichtbaar)).toBe('niet-gehaald');
  });

  it('over alle kleine combinaties: nooit een aantal van 1 tot 4, nooit een percentage op minder dan 5 vsv\'ers', () => {
    for (let s = 0; s <= 30; s += 1) {
      for (let v = 0; v <= s; v += 1) {
        const c = publiceerCijfer({ startpopulatie: s, vsv: v }, 'openbaar');
        for (const a of [c.startpopulatie, c.vsv]) expect(typeof a === 'number' && a >= 1 && a <= 4).toBe(false);
        if (v < 5) expect(c.percentage).toBeNull();
      }
    }
  });
});

describe('openbaarmaking: gepubliceerde vorm van een aanvullend afgeschermde cel', () => {
  it('het aantal wordt null met een reden, het percentage verdwijnt, nooit het getal', () => {
    expect(publiceerCijfer({ startpopulatie: 120, vsv: 9 }, 'openbaar', { startpopulatie: false, vsv: true }))
      .toEqual({ startpopulatie: 120, vsv: null, percentage: null, afgeschermd: true, afschermingsreden: SECUNDAIR_AFGESCHERMD });
    expect(publiceerCijfer({ startpopulatie: 30, vsv: 6 }, 'openbaar', { startpopulatie: true, vsv: false }))
      .toEqual({ startpopulatie: null, vsv: 6, percentage: null, afgeschermd: true, afschermingsreden: SECUNDAIR_AFGESCHERMD });
  });

  it('gerechtigd: het besluit doet niets, zonder besluit geen reden', () => {
    expect(publiceerCijfer({ startpopulatie: 120, vsv: 9 }, 'gerechtigd', { startpopulatie: false, vsv: true }))
      .toEqual({ startpopulatie: 120, vsv: 9, percentage: '7.50', afgeschermd: false });
    expect(publiceerCijfer({ startpopulatie: 120, vsv: 9 }, 'openbaar')).not.toHaveProperty('afschermingsreden');
  });
});

describe('verzuimcijfers: één patroon over land, regio\'s en uitsplitsingen (regio × soort)', () => {
  // region 19: lrv 2 among large counts; region 21: lrv 5; nationally lrv 7, no <5. Per region alone,
  // 19's rmc (8) would be withheld with its lrv, and then 7 − 5 gives the 2 back along the column.
  const rij = (niveau: 'landelijk' | 'regio', gebied: string, meldingen: number, soort: Record<string, number>) => [
    { niveau, gebied, dimensie: 'totaal', waarde: 'meldingen', aantal: meldingen },
    ...Object.entries(soort).map(([waarde, aantal]) => ({ niveau, gebied, dimensie: 'soort', waarde, aantal })),
  ];
  const rijen = [...rij('landelijk', 'NL', 75, { '16u4w': 50, lrv: 7, rmc: 18 }), ...rij('regio', '19', 30, { '16u4w': 20, lrv: 2, rmc: 8 }),
    ...rij('regio', '21', 45, { '16u4w': 30, lrv: 5, rmc: 10 })];
  const waarden = { soort: ['16u4w', 'lrv', 'rmc'], status: [], afsluitreden: [], eersteActie: [], tijdigheid: [] };

  it('alleen DUO\'s regel geeft de 2 terug; het patroon laat niets versmallen of vastpinnen', async () => {
    const tabel = bouwVerzuimtabel({ rijen, regios: ['19', '21'], waarden });
    const oplosser = await highsOplosser();
    const duo = { startpopulatie: Uint8Array.from(tabel.cellen, (c) => (isPrimair(c.startpopulatie) ? PRIMAIR : ZICHTBAAR)), vsv: new Uint8Array(tabel.cellen.length) };
    const m0 = aanvallersmodel(tabel, duo, oplosser);
    expect(toets(m0.grenzen, m0.eisen, m0.rijen, oplosser).falen.length).toBeGreaterThan(0);
    const p = bepaalPatroon(tabel, oplosser);
    expect(p.onbeschermd).toEqual([]);
    const m = aanvallersmodel(tabel, p, oplosser);
    expect(toets(m.grenzen, m.eisen, m.rijen, oplosser, true).falen).toEqual([]);
    // the national figures stay shown
    const nl = tabel.cellen.findIndex((c) => c.niveau === 'landelijk' && c.dimensie === 'totaal');
    expect(p.startpopulatie[nl]).toBe(ZICHTBAAR);
  });
});

describe('openbaarmaking: een niet uitgesplitste (gevouwen) cel', () => {
  it('beide aantallen null met de reden, geen percentage, wat het aantal ook is; gerechtigd ziet alles', () => {
    for (const c of [{ startpopulatie: 0, vsv: 0 }, { startpopulatie: 3, vsv: 1 }, { startpopulatie: 40, vsv: 7 }]) {
      expect(publiceerCijfer(c, 'openbaar', { startpopulatie: true, vsv: true, gevouwen: true }))
        .toEqual({ startpopulatie: null, vsv: null, percentage: null, afgeschermd: true, afschermingsreden: NIET_UITGESPLITST });
    }
    expect(publiceerCijfer({ startpopulatie: 40, vsv: 7 }, 'gerechtigd', { startpopulatie: true, vsv: true, gevouwen: true }).vsv).toBe(7);
  });
});
