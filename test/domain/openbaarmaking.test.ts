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

/**
 * Secondary suppression (an addition to telling.md, docs/api.md "Afscherming"): within a
 * breakdown whose cells make up the published total, no withheld value may be recoverable
 * by subtraction, nor otherwise pinned down from the bounds a reader knows.
 */
const cellen = (vsv: readonly number[], startpopulatie = 1000): Cel[] => vsv.map((v) => ({ startpopulatie, vsv: v }));
const totaalVan = (c: readonly Cel[]): Cel => ({
  startpopulatie: c.reduce((t, x) => t + x.startpopulatie, 0), vsv: c.reduce((t, x) => t + x.vsv, 0),
});
/** Indices of the cells whose vsv is withheld secondarily. */
const secundairVsv = (a: readonly Celafscherming[]) => a.flatMap((c, i) => (c.vsv ? [i] : []));
const secundairStart = (a: readonly Celafscherming[]) => a.flatMap((c, i) => (c.startpopulatie ? [i] : []));

/** What a reader can do: the total minus the visible cells, when exactly one cell is withheld. */
function terugTeRekenen(c: readonly Cel[], a: readonly Celafscherming[], tal: 'vsv' | 'startpopulatie'): boolean {
  const totaal = totaalVan(c)[tal];
  if (totaal >= 1 && totaal <= 4) return false;
  const verborgen = c.map((x, i) => (x[tal] >= 1 && x[tal] <= 4) || a[i]![tal]);
  return verborgen.filter(Boolean).length === 1;
}

describe('openbaarmaking: secundaire afscherming', () => {
  it('één <5 in een uitsplitsing: de kleinste andere cel boven 0 wordt ook afgeschermd', () => {
    const c = cellen([3, 9, 20, 40]);
    const a = secundaireAfscherming(c, totaalVan(c), 'openbaar');
    expect(secundairVsv(a)).toEqual([1]);
    expect(secundairStart(a)).toEqual([]);
    expect(terugTeRekenen(c, a, 'vsv')).toBe(false);
    expect(herleidbaar(c, totaalVan(c), a)).toEqual([]);
    // zonder de aanvullende afscherming: 72 − 9 − 20 − 40 = 3
    expect(herleidbaar(c, totaalVan(c), c.map(() => ({ startpopulatie: false, vsv: false })))).toEqual([{ cel: 0, tal: 'vsv' }]);
  });

  it('de kleinste cel die genoeg is: 1 + 5 zou 1 verraden (een afgeschermde cel is minstens 5), dus 9', () => {
    const c = cellen([1, 5, 9]);
    const a = secundaireAfscherming(c, totaalVan(c), 'openbaar');
    expect(secundairVsv(a)).toEqual([2]);
    expect(herleidbaar(c, totaalVan(c), a)).toEqual([]);
    const geen = { startpopulatie: false, vsv: false };
    expect(herleidbaar(c, totaalVan(c), [geen, { startpopulatie: false, vsv: true }, geen])).toContainEqual({ cel: 0, tal: 'vsv' });
  });

  it('1 + 5 = 6 is niet te beschermen binnen de uitsplitsing, maar blijft niet over voor gewoon aftrekken', () => {
    const c = cellen([1, 5, 0]);
    const a = secundaireAfscherming(c, totaalVan(c), 'openbaar');
    expect(secundairVsv(a)).toEqual([1]);
    expect(terugTeRekenen(c, a, 'vsv')).toBe(false);
    expect(herleidbaar(c, totaalVan(c), a)).toContainEqual({ cel: 0, tal: 'vsv' });
  });

  it('twee <5-cellen: niets extra, tenzij ze samen vastliggen (4 + 4 of 1 + 1)', () => {
    const twee = cellen([2, 3, 10]);
    expect(secundairVsv(secundaireAfscherming(twee, totaalVan(twee), 'openbaar'))).toEqual([]);
    const vier = cellen([4, 4, 10]);
    expect(secundairVsv(secundaireAfscherming(vier, totaalVan(vier), 'openbaar'))).toEqual([2]);
    const een = cellen([1, 20, 1]);
    const a = secundaireAfscherming(een, totaalVan(een), 'openbaar');
    expect(secundairVsv(a)).toEqual([1]);
    expect(herleidbaar(een, totaalVan(een), a)).toEqual([]);
  });

  it('nullen: een lege uitsplitsing, alleen nullen, en een 0 wordt nooit aanvullend afgeschermd', () => {
    expect(secundaireAfscherming([], { startpopulatie: 0, vsv: 0 }, 'openbaar')).toEqual([]);
    const nul = cellen([0, 0, 0], 0);
    expect(secundaireAfscherming(nul, totaalVan(nul), 'openbaar').every((x) => !x.vsv && !x.startpopulatie)).toBe(true);
    const c = cellen([3, 0, 0, 9]);
    expect(secundairVsv(secundaireAfscherming(c, totaalVan(c), 'openbaar'))).toEqual([3]);
    // het totaal is zelf <5: niets terug te rekenen, niets extra
    const klein = cellen([3, 0, 0]);
    expect(secundairVsv(secundaireAfscherming(klein, totaalVan(klein), 'openbaar'))).toEqual([]);
  });

  it('alle cellen <5: niets meer te kiezen; 2 + 2 + 1 = 5 is beschermd, 4 + 4 = 8 niet (gedocumenteerde rest)', () => {
    const beschermd = cellen([2, 2, 1]);
    const a = secundaireAfscherming(beschermd, totaalVan(beschermd), 'openbaar');
    expect(secundairVsv(a)).toEqual([]);
    expect(herleidbaar(beschermd, totaalVan(beschermd), a)).toEqual([]);
    const vast = cellen([4, 4, 0]);
    const b = secundaireAfscherming(vast, totaalVan(vast), 'openbaar');
    expect(secundairVsv(b)).toEqual([]);
    expect(herleidbaar(vast, totaalVan(vast), b)).toEqual([{ cel: 0, tal: 'vsv' }, { cel: 1, tal: 'vsv' }]);
  });

  it('gelijke kleinste cellen: vast gekozen, de eerste in de volgorde, en onbekend gaat voor', () => {
    const c = cellen([3, 7, 7, 20]);
    for (let i = 0; i < 3; i += 1) expect(secundairVsv(secundaireAfscherming(c, totaalVan(c), 'openbaar'))).toEqual([1]);
    const geslacht: Cel[] = [
      { waarde: 'M', startpopulatie: 100, vsv: 7 }, { waarde: 'V', startpopulatie: 100, vsv: 20 },
      { waarde: 'X', startpopulatie: 100, vsv: 3 }, { waarde: 'onbekend', startpopulatie: 100, vsv: 7 },
    ];
    expect(secundairVsv(secundaireAfscherming(geslacht, totaalVan(geslacht), 'openbaar'))).toEqual([3]);
  });

  it('startpopulatie en vsv elk apart: een kleine startpopulatie krijgt haar eigen aanvullende cel', () => {
    const c: Cel[] = [{ startpopulatie: 3, vsv: 0 }, { startpopulatie: 30, vsv: 6 }, { startpopulatie: 60, vsv: 12 }];
    const a = secundaireAfscherming(c, totaalVan(c), 'openbaar');
    expect(secundairStart(a)).toEqual([1]);
    expect(secundairVsv(a)).toEqual([]);
    expect(terugTeRekenen(c, a, 'startpopulatie')).toBe(false);
  });

  it('vsv ≤ startpopulatie telt mee: een cel van 5 vsv\'ers op 5 is geen bescherming', () => {
    const c: Cel[] = [{ startpopulatie: 5, vsv: 5 }, { startpopulatie: 50, vsv: 3 }, { startpopulatie: 500, vsv: 40 }];
    const a = secundaireAfscherming(c, totaalVan(c), 'openbaar');
    expect(secundairVsv(a)).toEqual([2]);
    expect(herleidbaar(c, totaalVan(c), a)).toEqual([]);
  });

  it('gerechtigd: niets aanvullend afgeschermd', () => {
    const c = cellen([3, 9, 20]);
    expect(secundaireAfscherming(c, totaalVan(c), 'gerechtigd').every((x) => !x.vsv && !x.startpopulatie)).toBe(true);
  });

  it('over alle kleine uitsplitsingen: nooit één verborgen cel terug te rekenen, nooit een 0 verborgen, beschermd waar het kan', () => {
    const waarden = [0, 1, 2, 3, 4, 5, 6, 7, 9, 12];
    let beschermd = 0;
    for (const x of waarden) for (const y of waarden) for (const z of waarden) {
      const c = cellen([x, y, z], 50);
      const a = secundaireAfscherming(c, totaalVan(c), 'openbaar');
      const geval = `${x} ${y} ${z}`;
      c.forEach((cel, i) => { if (cel.vsv <= 4) expect(a[i]!.vsv, geval).toBe(false); });
      expect(terugTeRekenen(c, a, 'vsv'), geval).toBe(false);
      // Kan het überhaupt? Alles boven 0 afschermen is het meeste wat binnen de uitsplitsing kan.
      const alles = c.map((cel) => ({ startpopulatie: false, vsv: cel.vsv >= 5 }));
      if (herleidbaar(c, totaalVan(c), alles).length === 0) {
        expect(herleidbaar(c, totaalVan(c), a), geval).toEqual([]);
        beschermd += 1;
      }
    }
    expect(beschermd).toBeGreaterThan(800);
  });
});

describe('openbaarmaking: secundaire afscherming van categorieën binnen sectoren', () => {
  it('een <5 in een sector met een zichtbaar sectortotaal krijgt een tweede cel in dezelfde sector', () => {
    // vo: 3 + 10 + 12 = 25, mbo: 20 + 30 = 50; totaal 75. De sectoren zelf zijn zichtbaar.
    const vo = cellen([3, 10, 12]);
    const mbo = cellen([20, 30]);
    const totaal = totaalVan([...vo, ...mbo]);
    const [a, b] = secundaireAfschermingGenest([vo, mbo], totaal, 'openbaar');
    expect(secundairVsv(a!)).toEqual([1]);
    expect(secundairVsv(b!)).toEqual([]);
  });

  it('een aanvullend afgeschermde sector wordt niet via haar categorieën teruggerekend', () => {
    // sectoren: vo 15, mbo 3 (<5), vavo 0 → vo wordt aanvullend afgeschermd (enige kandidaat)
    const vo = cellen([6, 9]);
    const mbo = cellen([3]);
    const vavo = cellen([0]);
    const totaal = totaalVan([...vo, ...mbo, ...vavo]);
    const sectoren = [vo, mbo, vavo].map((g) => totaalVan(g));
    expect(secundairVsv(secundaireAfscherming(sectoren, totaal, 'openbaar'))).toEqual([0]);
    const [a] = secundaireAfschermingGenest([vo, mbo, vavo], totaal, 'openbaar');
    // 6 + 9 zichtbaar zou vo = 15 en dus mbo = 3 geven: ten minste één vo-categorie gaat mee
    expect(secundairVsv(a!).length).toBeGreaterThan(0);
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
