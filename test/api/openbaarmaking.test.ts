import { describe, expect, it } from 'vitest';
import { NormTelcijfer, OngeschermdCijfer, Telaantal, Telcijfer, schermAf } from '../../src/server/openbaarmaking.js';
import { highsOplosser } from '../../src/publicatie/highs.js';
import { berekenRunpublicatie } from '../../src/publicatie/publicatie.js';
import { normcategorieen, onderdelen, totaalVan, uitsplitsingen } from '../../src/server/figures.js';

/** The response layer: every wrapped figure is published, a bare figure makes the response fail. */
describe('afscherming in de antwoordlaag', () => {
  it('vervangt elk Telcijfer en Telaantal, hoe diep ook', () => {
    const uit = schermAf({ a: [{ cijfer: new Telcijfer(37, 3) }], b: { n: new Telaantal(2) }, c: 'tekst', d: null }, 'openbaar');
    expect(uit).toEqual({
      a: [{ cijfer: { startpopulatie: 37, vsv: '<5', percentage: null, afgeschermd: true } }], b: { n: '<5' }, c: 'tekst', d: null,
    });
  });

  it('een normoordeel verschijnt alleen als het percentage zichtbaar is', () => {
    expect(schermAf(new NormTelcijfer(100, 3, '2013-2014', 'mbo-2'), 'openbaar')).toMatchObject({ norm: 11.5, normoordeel: 'afgeschermd' });
    expect(schermAf(new NormTelcijfer(100, 12, '2013-2014', 'mbo-2'), 'openbaar')).toMatchObject({ norm: 11.5, normoordeel: 'niet-gehaald', percentage: '12.00' });
    expect(schermAf(new NormTelcijfer(100, 11, '2013-2014', 'mbo-2'), 'openbaar')).toMatchObject({ normoordeel: 'gehaald' });
    expect(schermAf(new NormTelcijfer(100, 3, '2019-2020', 'mbo-2'), 'openbaar')).toMatchObject({ norm: null, normoordeel: 'geen-norm' });
    expect(schermAf(new NormTelcijfer(100, 3, '2013-2014', 'mbo-2'), 'gerechtigd')).toMatchObject({ vsv: 3, normoordeel: 'gehaald' });
  });

  it('weigert een kaal aantal onder de naam van een cijfer (faalt dicht)', () => {
    expect(() => schermAf({ regio: { vsv: 3 } }, 'openbaar')).toThrow(OngeschermdCijfer);
    expect(() => schermAf([{ startpopulatie: 10 }], 'openbaar')).toThrow(OngeschermdCijfer);
    expect(() => schermAf({ percentage: '8.11' }, 'openbaar')).toThrow(OngeschermdCijfer);
  });

  it('een uitsplitsing met één <5 krijgt een aanvullend afgeschermde cel uit het ene patroon van de telling', async () => {
    const rij = (dimensie: string, waarde: string, startpopulatie: number, vsv: number) => ({ niveau: 'landelijk' as const, gebied: 'NL', dimensie, waarde, startpopulatie, vsv });
    const rijen = [
      rij('totaal', 'totaal', 100, 18), rij('sector', 'vo', 63, 15), rij('sector', 'mbo', 37, 3),
      rij('categorie', 'vo-bovenbouw-vmbo', 14, 6), rij('categorie', 'vo-bovenbouw-havo-vwo', 49, 9), rij('categorie', 'mbo-2', 37, 3),
      rij('leeftijdsgroep', '<18', 100, 18), rij('geslacht', 'V', 100, 18),
    ];
    const p = berekenRunpublicatie(1, { rijen, gemeenteNaarRmc: new Map(), vestigingen: new Map() }, await highsOplosser());
    const gepubliceerd = p.perGebied.get('landelijk|NL')!;
    const uit = schermAf({ totaal: totaalVan(gepubliceerd), ...uitsplitsingen(gepubliceerd) }, 'openbaar') as Record<string, { waarde: string; cijfer: { vsv: unknown } }[]>;
    // vo = 18 − 3 − 0 would give mbo away: vo's vsv is withheld, and then one of its categories (vo = 6 + 9)
    expect(uit.sector!.map((o) => o.cijfer.vsv)).toEqual([null, '<5', 0]);
    expect(uit.categorie!.filter((o) => o.waarde.startsWith('vo-')).map((o) => o.cijfer.vsv)).toContain(null);
    expect(uit.totaal).toMatchObject({ startpopulatie: 100, vsv: 18, percentage: '18.00' });
    // the same cell in a norm list: the same decision
    const norm = schermAf(normcategorieen(gepubliceerd, '2013-2014'), 'openbaar') as { waarde: string; cijfer: { vsv: unknown; normoordeel: string } }[];
    expect(norm.map((o) => o.cijfer.vsv)).toEqual(uit.categorie!.filter((o) => rijen.some((r) => r.waarde === o.waarde)).map((o) => o.cijfer.vsv));
    // gerechtigd: alles exact
    expect((schermAf(onderdelen(gepubliceerd, 'sector'), 'gerechtigd') as { cijfer: { vsv: unknown } }[]).map((o) => o.cijfer.vsv)).toEqual([15, 3, 0]);
  });

  it('een gemeente publiceert alleen haar totaal: elke uitsplitsing, ook een waarde waarin niemand valt, is "niet uitgesplitst"', async () => {
    const rij = (niveau: 'landelijk' | 'rmc' | 'gemeente', gebied: string, dimensie: string, waarde: string, startpopulatie: number, vsv: number) =>
      ({ niveau, gebied, dimensie, waarde, startpopulatie, vsv });
    const rijen = (['landelijk', 'rmc', 'gemeente'] as const).flatMap((niveau) => {
      const gebied = niveau === 'landelijk' ? 'NL' : niveau === 'rmc' ? '19' : 'GM0344';
      return [rij(niveau, gebied, 'totaal', 'totaal', 400, 40), rij(niveau, gebied, 'sector', 'vo', 300, 30), rij(niveau, gebied, 'sector', 'mbo', 100, 10),
        rij(niveau, gebied, 'geslacht', 'M', 200, 20), rij(niveau, gebied, 'geslacht', 'V', 200, 20)];
    });
    const p = berekenRunpublicatie(1, { rijen, gemeenteNaarRmc: new Map([['GM0344', '19']]), vestigingen: new Map() }, await highsOplosser());
    // the municipality's breakdown cells are not in the publication table at all
    expect(p.tabel.cellen.filter((c) => c.niveau === 'gemeente').map((c) => c.dimensie)).toEqual(['totaal']);
    const gemeente = p.perGebied.get('gemeente|GM0344')!;
    const uit = schermAf({ totaal: totaalVan(gemeente), ...uitsplitsingen(gemeente) }, 'openbaar') as Record<string, unknown>;
    expect(uit.totaal).toMatchObject({ startpopulatie: 400, vsv: 40, percentage: '10.00' });
    for (const d of ['sector', 'categorie', 'leerweg', 'leeftijdsgroep', 'geslacht']) {
      const cellen = uit[d] as { waarde: string; cijfer: Record<string, unknown> }[];
      expect(cellen.length, d).toBeGreaterThan(0);
      for (const c of cellen) {
        expect(c.cijfer, `${d} ${c.waarde}`).toMatchObject({ startpopulatie: null, vsv: null, percentage: null, afschermingsreden: 'niet uitgesplitst' });
      }
    }
    // the region keeps its breakdown
    const regio = schermAf(uitsplitsingen(p.perGebied.get('rmc|19')!), 'openbaar') as Record<string, { cijfer: { vsv: unknown } }[]>;
    expect(regio.sector!.map((o) => o.cijfer.vsv)).toEqual([30, 10, 0]);
  });
});
