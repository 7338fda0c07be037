import { describe, expect, it } from 'vitest';
import { aandeelTeLaat, achterstandsgrens, isAchterstallig } from '../../../src/domain/verzuim/achterstand.js';
import { beperkTot, VERZUIMVELDEN_SCHOOL, verzuimveldenVoor } from '../../../src/domain/verzuim/zicht.js';

describe('achterstallige afhandeling (docs/rules/verzuim-achterstand.md)', () => {
  const vandaag = '2026-03-31';
  it('de grens ligt precies N weken terug', () => {
    expect(achterstandsgrens(vandaag, 4)).toBe('2026-03-03');
  });

  it('in behandeling, ontvangen op de grens: nog niet; de dag ervoor: wel', () => {
    expect(isAchterstallig({ status: 'in-behandeling', ontvangen: '2026-03-03', laatsteActie: null }, vandaag, 4)).toBe(false);
    expect(isAchterstallig({ status: 'in-behandeling', ontvangen: '2026-03-02', laatsteActie: null }, vandaag, 4)).toBe(true);
  });

  it('een recente actie houdt de melding van de lijst; een actie van vóór de ontvangst telt niet', () => {
    expect(isAchterstallig({ status: 'in-behandeling', ontvangen: '2026-01-05', laatsteActie: '2026-03-03' }, vandaag, 4)).toBe(false);
    expect(isAchterstallig({ status: 'in-behandeling', ontvangen: '2026-01-05', laatsteActie: '2026-03-02' }, vandaag, 4)).toBe(true);
    expect(isAchterstallig({ status: 'in-behandeling', ontvangen: '2026-03-10', laatsteActie: '2026-01-01' }, vandaag, 4)).toBe(false);
  });

  it('ter kennisneming aangenomen of afgesloten is nooit achterstallig', () => {
    expect(isAchterstallig({ status: 'ter-kennisneming-aangenomen', ontvangen: '2025-01-01', laatsteActie: null }, vandaag, 4)).toBe(false);
    expect(isAchterstallig({ status: 'afgesloten', ontvangen: '2025-01-01', laatsteActie: null }, vandaag, 4)).toBe(false);
  });

  it('aandeel te laat: procent van tijdig + te laat, op één decimaal; geen meldingen met termijn: geen cijfer', () => {
    expect(aandeelTeLaat(2, 1)).toBe(33.3);
    expect(aandeelTeLaat(0, 4)).toBe(100);
    expect(aandeelTeLaat(0, 0)).toBeNull();
  });
});

describe('wat elke rol van een melding ziet', () => {
  it('de school ziet status en contactpersoon, nooit acties, afsluitreden, opmerking of woongemeente', () => {
    for (const geheim of ['acties', 'statuswijzigingen', 'afsluitreden', 'afsluitopmerking', 'gemeenteCode', 'verblijfadres', 'achterstallig']) {
      expect(VERZUIMVELDEN_SCHOOL).not.toContain(geheim);
    }
    expect(VERZUIMVELDEN_SCHOOL).toEqual(expect.arrayContaining(['status', 'contactpersoon']));
    expect(beperkTot({ status: 'afgesloten', contactpersoon: 'M', afsluitopmerking: 'geheim' }, verzuimveldenVoor('school'))).toEqual({ status: 'afgesloten', contactpersoon: 'M' });
  });

  it('leerplicht en RMC zien alles; rollen zonder taak niets', () => {
    expect(verzuimveldenVoor('leerplicht')).toContain('acties');
    expect(verzuimveldenVoor('rmc')).toContain('afsluitopmerking');
    expect(verzuimveldenVoor('analist')).toEqual([]);
    expect(verzuimveldenVoor('privacy')).toEqual([]);
  });
});
