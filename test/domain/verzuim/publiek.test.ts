import { describe, expect, it } from 'vitest';
import { publiekeVerzuimrijen, VERZUIMUITSPLITSINGEN, type PubliekMeldingsfeit, type Verzuimrij } from '../../../src/domain/verzuim/publiek.js';

/** docs/rules/verzuim-cijfers.md, "Openbare verzuimcijfers": the stored counts, national and per region. */
const feit = (over: Partial<PubliekMeldingsfeit>): PubliekMeldingsfeit => ({
  soort: '16u4w', brin: '20BB', status: 'in-behandeling', afsluitreden: null, tijdigheid: 'tijdig', ontvangen: '2025-10-01',
  meldingsdatum: '2025-10-01', eersteActie: null, regio: '19', ...over,
});
const waarde = (rijen: readonly Verzuimrij[], gebied: string, dimensie: string, w: string) =>
  rijen.find((r) => r.gebied === gebied && r.dimensie === dimensie && r.waarde === w)?.aantal;

describe('publiekeVerzuimrijen', () => {
  const feiten = [
    feit({}), feit({ regio: '21', soort: 'lrv', status: 'afgesloten', afsluitreden: 'terug-naar-school', eersteActie: { datum: '2025-10-04', soort: 'halt' } }),
    feit({ regio: 'onbekend', tijdigheid: 'te-laat' }), feit({ meldingsdatum: '2026-08-01' }), // the next school year: left out
  ];
  const rijen = publiekeVerzuimrijen('2025-2026', feiten, [{ regio: '19', vsvers: 10, metMelding: 6 }, { regio: '16', vsvers: 3, metMelding: 0 }]);

  it('de regio\'s (ook onbekend) tellen op tot het landelijke totaal, in elke uitsplitsing; meldingen van een ander schooljaar niet', () => {
    expect(waarde(rijen, 'NL', 'totaal', 'meldingen')).toBe(3);
    const regios = [...new Set(rijen.filter((r) => r.niveau === 'regio').map((r) => r.gebied))];
    expect(regios).toEqual(['16', '19', '21', 'onbekend']);
    for (const [d, { waarden }] of Object.entries(VERZUIMUITSPLITSINGEN)) {
      for (const w of waarden) {
        expect(regios.reduce((s, g) => s + (waarde(rijen, g, d, w) ?? 0), 0), `${d} ${w}`).toBe(waarde(rijen, 'NL', d, w));
      }
    }
    expect(waarde(rijen, '21', 'afsluitreden', 'terug-naar-school')).toBe(1);
    expect(waarde(rijen, 'NL', 'eersteActie', 'geen')).toBe(2);
    expect(waarde(rijen, 'NL', 'eersteActieDagen', 'mediaan')).toBe(3);
    expect(waarde(rijen, 'NL', 'tijdigheid', 'zonder-oordeel')).toBe(0);
  });

  it('vsv\'ers met een melding: per regio uit de telling, landelijk de som; zonder telling geen rijen', () => {
    expect(waarde(rijen, 'NL', 'vsvMetMelding', 'vsvers')).toBe(13);
    expect(waarde(rijen, 'NL', 'vsvMetMelding', 'metMelding')).toBe(6);
    expect(waarde(rijen, '21', 'vsvMetMelding', 'vsvers')).toBe(0);
    expect(waarde(rijen, '16', 'totaal', 'meldingen')).toBe(0);
    expect(publiekeVerzuimrijen('2025-2026', feiten, null).some((r) => r.dimensie === 'vsvMetMelding')).toBe(false);
  });
});
