import { describe, expect, it } from 'vitest';
import {
  AFGESCHERMD, AFGESCHERMD_OORDEEL, SECUNDAIR_AFGESCHERMD, herleidbaar, publiceerAantal, publiceerAfgeleide, publiceerCijfer,
  publiceerPercentage, secundaireAfscherming, secundaireAfschermingGenest, secundaireAfschermingTabel, herleidbaarInTabel, NIET_SECUNDAIR,
  type Cel, type Celafscherming,
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

describe('secundaire afscherming van een tabel met twee dimensies (regio × soort)', () => {
  const c = (n: number) => ({ startpopulatie: n, vsv: 0 });
  // region A: lrv 2 among large counts; region B: lrv 5; nationally lrv 7, no <5
  const cellen = [[c(20), c(2), c(8)], [c(30), c(5), c(10)]];
  const totaal = c(75);

  it('per rij alleen is een kolom te herleiden (7 − 5 = 2); de tabel schermt zo af dat niets vast te pinnen is', () => {
    const perRij = {
      rijen: [NIET_SECUNDAIR, NIET_SECUNDAIR], kolommen: [NIET_SECUNDAIR, NIET_SECUNDAIR, NIET_SECUNDAIR],
      cellen: cellen.map((r) => secundaireAfscherming(r, { startpopulatie: r.reduce((t, x) => t + x.startpopulatie, 0), vsv: 0 }, 'openbaar')),
    };
    expect(herleidbaarInTabel(cellen, totaal, perRij)).not.toEqual([]);
    const a = secundaireAfschermingTabel(cellen, totaal, 'openbaar');
    expect(herleidbaarInTabel(cellen, totaal, a)).toEqual([]);
    expect(a.cellen[1]![1]!.startpopulatie).toBe(true);
  });

  it('rijen en kolommen krijgen hetzelfde besluit als de vlakke uitsplitsingen; met toegang niets', () => {
    const a = secundaireAfschermingTabel([[c(26)], [c(4)]], c(30), 'openbaar');
    expect(a.rijen).toEqual(secundaireAfscherming([c(26), c(4)], c(30), 'openbaar'));
    expect(secundaireAfschermingTabel(cellen, totaal, 'gerechtigd').cellen.flat().every((x) => !x.startpopulatie && !x.vsv)).toBe(true);
  });
});
