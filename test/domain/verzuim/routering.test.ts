import { describe, expect, it } from 'vitest';
import { behandelingNaOverdracht, routeer, type Leerlinggegevens } from '../../../src/domain/verzuim/routering.js';

const leerling: Leerlinggegevens = {
  geboortedatum: '1999-10-20',
  inschrijvingen: [{ brin: '25LX', begindatum: '2016-08-01', einddatum: '2017-10-15' }, { brin: '30AB', begindatum: '2017-10-16', einddatum: null }],
  verblijf: [
    { gemeenteCode: 'GM0363', vanaf: '1999-10-20', tot: '2017-10-19' },
    { gemeenteCode: 'GM0599', vanaf: '2017-10-20', tot: null },
  ],
};
const rmc = (gemeente: string) => ({ GM0363: '25', GM0599: '29' } as Record<string, string>)[gemeente] ?? null;
const melding = { soort: '16u4w' as const, brin: '25LX', startdatum: '2017-10-02', meldingsdatum: '2017-10-20', verblijfGemeenteCode: null };

describe('routering naar de woongemeente of de RMC-regio', () => {
  it('de woongemeente op de meldingsdatum; verhuizing de dag ervoor telt, de dag erna niet', () => {
    expect(routeer(melding, leerling, rmc)).toEqual({ ok: true, behandelaar: 'leerplicht', gemeenteCode: 'GM0599', rmcCode: null });
    expect(routeer({ ...melding, meldingsdatum: '2017-10-19' }, leerling, rmc)).toMatchObject({ gemeenteCode: 'GM0363' });
  });
  it('een afwijkend verblijfadres gaat voor', () => {
    expect(routeer({ ...melding, verblijfGemeenteCode: 'GM0014' }, leerling, rmc)).toMatchObject({ ok: true, gemeenteCode: 'GM0014' });
  });
  it('rmc-melding van een 18-jarige naar de RMC-regio: op de 18e verjaardag wel, de dag ervoor leerplicht', () => {
    expect(routeer({ ...melding, soort: 'rmc', meldingsdatum: '2017-10-20' }, leerling, rmc)).toEqual({ ok: true, behandelaar: 'rmc', gemeenteCode: 'GM0599', rmcCode: '29' });
    expect(routeer({ ...melding, soort: 'rmc', meldingsdatum: '2017-10-19' }, leerling, rmc)).toMatchObject({ behandelaar: 'leerplicht', gemeenteCode: 'GM0363' });
  });
  it('een 16u4w-melding van een 18-jarige blijft bij de gemeente', () => {
    expect(routeer({ ...melding, meldingsdatum: '2017-10-25' }, leerling, rmc)).toMatchObject({ behandelaar: 'leerplicht' });
  });
  it('geweigerd: onbekende leerling, niet ingeschreven op de startdatum, geen woongemeente, geen RMC-regio', () => {
    expect(routeer(melding, null, rmc)).toEqual({ ok: false, reden: 'de leerling is onbekend in de registratie' });
    expect(routeer({ ...melding, startdatum: '2017-10-16' }, leerling, rmc)).toEqual({ ok: false, reden: 'de leerling stond op de startdatum 2017-10-16 niet ingeschreven bij 25LX' });
    expect(routeer({ ...melding, startdatum: '2017-10-15' }, leerling, rmc).ok).toBe(true); // laatste dag van de inschrijving
    expect(routeer(melding, { ...leerling, verblijf: [] }, rmc)).toMatchObject({ ok: false, reden: expect.stringMatching(/geen woongemeente/) });
    expect(routeer({ ...melding, soort: 'rmc', verblijfGemeenteCode: 'GM0014' }, leerling, rmc)).toMatchObject({ ok: false, reden: expect.stringMatching(/geen RMC-regio/) });
  });
});

describe('behandelingNaOverdracht: een open melding gaat mee met het dossier (issue 10 punt 2)', () => {
  const gm = (code: string) => ({ soort: 'gemeente' as const, code });
  const rmc = (code: string) => ({ soort: 'rmc-regio' as const, code });
  const lp = { behandelaar: 'leerplicht' as const, gemeenteCode: 'GM0344', rmcCode: null };
  it('verhuizing: naar leerplicht van de nieuwe gemeente', () => {
    expect(behandelingNaOverdracht(lp, gm('GM0344'), gm('GM0363'))).toEqual({ behandelaar: 'leerplicht', gemeenteCode: 'GM0363', rmcCode: null });
  });
  it('18 jaar: naar de RMC-regio; de woongemeente van de melding blijft staan', () => {
    expect(behandelingNaOverdracht(lp, gm('GM0344'), rmc('19'))).toEqual({ behandelaar: 'rmc', gemeenteCode: 'GM0344', rmcCode: '19' });
  });
  it('verhuizing van een 18-plusser: naar de nieuwe regio', () => {
    expect(behandelingNaOverdracht({ behandelaar: 'rmc', gemeenteCode: 'GM0344', rmcCode: '19' }, rmc('19'), rmc('21')))
      .toEqual({ behandelaar: 'rmc', gemeenteCode: 'GM0344', rmcCode: '21' });
  });
  it('een melding die een ander behandelt, blijft waar ze is', () => {
    expect(behandelingNaOverdracht({ ...lp, gemeenteCode: 'GM0363' }, gm('GM0344'), rmc('19'))).toBeNull();
    expect(behandelingNaOverdracht({ behandelaar: 'rmc', gemeenteCode: 'GM0344', rmcCode: '19' }, gm('GM0344'), rmc('21'))).toBeNull();
  });
});
