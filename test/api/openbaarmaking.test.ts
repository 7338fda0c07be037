import { describe, expect, it } from 'vitest';
import { NormTelcijfer, OngeschermdCijfer, Telaantal, Telcijfer, schermAf } from '../../src/server/openbaarmaking.js';
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

  it('een uitsplitsing met één <5 krijgt een aanvullend afgeschermde cel, in elk antwoord waarin ze staat', () => {
    const rijen = [
      { dimensie: 'totaal', waarde: 'totaal', startpopulatie: 100, vsv: 18 },
      { dimensie: 'sector', waarde: 'vo', startpopulatie: 63, vsv: 15 },
      { dimensie: 'sector', waarde: 'mbo', startpopulatie: 37, vsv: 3 },
      { dimensie: 'categorie', waarde: 'vo-bovenbouw-vmbo', startpopulatie: 14, vsv: 6 },
      { dimensie: 'categorie', waarde: 'vo-bovenbouw-havo-vwo', startpopulatie: 49, vsv: 9 },
      { dimensie: 'categorie', waarde: 'mbo-2', startpopulatie: 37, vsv: 3 },
    ] as const;
    const uit = schermAf({ totaal: totaalVan(rijen), ...uitsplitsingen(rijen) }, 'openbaar') as Record<string, { waarde: string; cijfer: unknown }[]>;
    expect(uit.sector!.map((o) => o.cijfer)).toEqual([
      { startpopulatie: 63, vsv: null, percentage: null, afgeschermd: true, afschermingsreden: 'secundair afgeschermd' },
      { startpopulatie: 37, vsv: '<5', percentage: null, afgeschermd: true },
      { startpopulatie: 0, vsv: 0, percentage: null, afgeschermd: false },
    ]);
    // vo is afgeschermd, dus vo = 6 + 9 mag niet zichtbaar blijven: een vo-categorie gaat mee
    const categorie = uit.categorie!.filter((o) => o.waarde.startsWith('vo-')).map((o) => (o.cijfer as { vsv: unknown }).vsv);
    expect(categorie).toContain(null);
    // dezelfde uitsplitsing, alleen of naast andere, en als normcategorieën: hetzelfde besluit
    expect(schermAf(onderdelen(rijen, 'sector'), 'openbaar')).toEqual(uit.sector);
    const norm = schermAf(normcategorieen(rijen, '2013-2014'), 'openbaar') as { waarde: string; cijfer: { vsv: unknown; normoordeel: string } }[];
    expect(norm.map((o) => o.cijfer.vsv)).toEqual(uit.categorie!.filter((o) => rijen.some((r) => r.waarde === o.waarde)).map((o) => (o.cijfer as { vsv: unknown }).vsv));
    expect(norm.find((o) => o.cijfer.vsv === null)!.cijfer.normoordeel).toBe('afgeschermd');
    // gerechtigd: alles exact
    expect((schermAf(onderdelen(rijen, 'sector'), 'gerechtigd') as { cijfer: { vsv: unknown } }[]).map((o) => o.cijfer.vsv)).toEqual([15, 3, 0]);
  });
});
