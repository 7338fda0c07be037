import { describe, expect, it } from 'vitest';
import { beginstatus, schoolzicht, valideerActie, wijsContactpersoonToe, wijzigStatus, type Afhandeling } from '../../../src/domain/verzuim/status.js';

const nieuw = beginstatus(true);
function waarde<T>(u: { ok: true; waarde: T } | { ok: false; reden: string }): T {
  if (!u.ok) throw new Error(u.reden);
  return u.waarde;
}

describe('status van een melding', () => {
  it('begint in behandeling als de gemeente gevraagd wordt te handelen, anders ter kennisneming aangenomen', () => {
    expect(nieuw.status).toBe('in-behandeling');
    expect(beginstatus(false).status).toBe('ter-kennisneming-aangenomen');
  });
  it('afsluiten vraagt een bekende reden en een opmerking', () => {
    expect(wijzigStatus(nieuw, { naar: 'afgesloten', reden: '', opmerking: 'x' })).toMatchObject({ ok: false, reden: expect.stringMatching(/afsluitreden is verplicht/) });
    expect(wijzigStatus(nieuw, { naar: 'afgesloten', reden: 'verhuisd', opmerking: 'x' })).toMatchObject({ ok: false, reden: expect.stringMatching(/onbekend/) });
    expect(wijzigStatus(nieuw, { naar: 'afgesloten', reden: 'terug-naar-school', opmerking: '  ' })).toEqual({ ok: false, reden: 'een afsluitopmerking is verplicht' });
    const dicht = waarde(wijzigStatus(nieuw, { naar: 'afgesloten', reden: 'terug-naar-school', opmerking: 'weer elke dag aanwezig' }));
    expect(dicht).toMatchObject({ status: 'afgesloten', afsluitreden: 'terug-naar-school', afsluitopmerking: 'weer elke dag aanwezig' });
  });
  it('een afgesloten melding blijft afgesloten; dezelfde status opnieuw is een fout', () => {
    const dicht = waarde(wijzigStatus(nieuw, { naar: 'afgesloten', reden: 'overleden', opmerking: 'bericht BRP' }));
    expect(wijzigStatus(dicht, { naar: 'in-behandeling' }).ok).toBe(false);
    expect(wijzigStatus(nieuw, { naar: 'in-behandeling' }).ok).toBe(false);
    expect(waarde(wijzigStatus(beginstatus(false), { naar: 'in-behandeling' })).status).toBe('in-behandeling');
  });
  it('acties: alleen in behandeling, bekende soort, datum tussen meldingsdatum en vandaag, met medewerker', () => {
    const ok = valideerActie(nieuw, '2017-10-20', '2017-11-01', { soort: 'halt', datum: '2017-10-25', medewerker: 'A. Jansen' });
    expect(ok).toEqual({ ok: true, waarde: { soort: 'halt', datum: '2017-10-25', medewerker: 'A. Jansen', toelichting: null } });
    expect(valideerActie(nieuw, '2017-10-20', '2017-11-01', { soort: 'boete', datum: '2017-10-25', medewerker: 'A' }).ok).toBe(false);
    expect(valideerActie(nieuw, '2017-10-20', '2017-11-01', { soort: 'waarschuwing', datum: '2017-10-19', medewerker: 'A' })).toMatchObject({ reden: expect.stringMatching(/vóór de meldingsdatum/) });
    expect(valideerActie(nieuw, '2017-10-20', '2017-11-01', { soort: 'waarschuwing', datum: '2017-11-02', medewerker: 'A' })).toMatchObject({ reden: expect.stringMatching(/toekomst/) });
    expect(valideerActie(nieuw, '2017-10-20', '2017-11-01', { soort: 'waarschuwing', datum: '2017-10-20', medewerker: ' ' }).ok).toBe(false);
    expect(valideerActie(beginstatus(false), '2017-10-20', '2017-11-01', { soort: 'waarschuwing', datum: '2017-10-20', medewerker: 'A' }).ok).toBe(false);
  });
});

describe('wat de school ziet van haar eigen melding', () => {
  it('alleen status en contactpersoon, nooit afsluitreden, opmerking of acties', () => {
    let a: Afhandeling = waarde(wijsContactpersoonToe(nieuw, 'M. Bakker (leerplicht)'));
    a = waarde(wijzigStatus(a, { naar: 'afgesloten', reden: 'geen-verzuim-langdurig-ziek', opmerking: 'vertrouwelijk: medische info' }));
    const zicht = schoolzicht(12, a);
    expect(zicht).toEqual({ meldingId: 12, status: 'afgesloten', contactpersoon: 'M. Bakker (leerplicht)' });
    expect(JSON.stringify(zicht)).not.toMatch(/medisch|langdurig/);
  });
  it('zonder contactpersoon: null', () => {
    expect(schoolzicht(1, nieuw)).toEqual({ meldingId: 1, status: 'in-behandeling', contactpersoon: null });
    expect(wijsContactpersoonToe(nieuw, '').ok).toBe(false);
  });
});
