import { describe, expect, it } from 'vitest';
import { lijstrij, magLijstZien, scopekolom } from '../../../src/domain/lijsten/rij.js';
import { laatsteBekostigdeVoor } from '../../../src/domain/lijsten/termen.js';
import { RMC, dossier } from '../bouwers.js';
import { ander, mboTot, verlater } from './helpers.js';

/**
 * lijsten.md: what each row carries (residence and RMC region on d, leeftijd(d), the last funded
 * enrolment ending before d) and "Who sees which rows". Page: docs/rules/lijsten-rij.md.
 */
describe('rij: de persoon op d', () => {
  it('gemeente en RMC-regio op d, leeftijd op d', () => {
    const d = verlater('2024-02-10').bouw();
    expect(lijstrij(d, '2024-03-01', RMC)).toMatchObject({ gemeenteCode: 'GM0363', rmcCode: '21', leeftijd: 17 });
  });
  it('verhuisd op d: de nieuwe gemeente', () => {
    const d = dossier('P1', '2006-03-14').woont('GM0363', '2000-01-01', '2024-02-29').woont('GM0344', '2024-03-01').met(mboTot('2024-02-10')).bouw();
    expect(lijstrij(d, '2024-03-01', RMC)).toMatchObject({ gemeenteCode: 'GM0344', rmcCode: '19' });
  });
  it('geen verblijf op d: onbekend; gemeente buiten de indeling: RMC onbekend', () => {
    expect(lijstrij(dossier('P1', '2006-03-14').met(mboTot('2024-02-10')).bouw(), '2024-03-01', RMC)).toMatchObject({ gemeenteCode: 'onbekend', rmcCode: 'onbekend' });
    expect(lijstrij(dossier('P1', '2006-03-14').woont('GM0014', '2000-01-01').bouw(), '2024-03-01', RMC)).toMatchObject({ gemeenteCode: 'GM0014', rmcCode: 'onbekend' });
  });
  it('verjaart op d: de nieuwe leeftijd', () => expect(lijstrij(verlater('2024-02-10', '2006-03-01').bouw(), '2024-03-01', RMC).leeftijd).toBe(18));
});

describe('rij: de laatste bekostigde inschrijving die vóór d eindigt', () => {
  it('de laatste einddatum wint', () => {
    const eerste = mboTot('2023-12-20', { inschrijvingId: 'A' });
    const tweede = mboTot('2024-02-10', { inschrijvingId: 'B', begindatum: '2024-01-05' });
    expect(laatsteBekostigdeVoor(dossier().met(eerste, tweede).bouw(), '2024-03-01')?.inschrijvingId).toBe('B');
  });
  it('bij gelijke einddatum de kleinste inschrijving_id (tekenvolgorde)', () => {
    const a = mboTot('2024-02-10', { inschrijvingId: 'Z1' });
    const b = mboTot('2024-02-10', { inschrijvingId: 'A9' });
    expect(laatsteBekostigdeVoor(dossier().met(a, b).bouw(), '2024-03-01')?.inschrijvingId).toBe('A9');
  });
  it('een inschrijving die óp d eindigt telt niet (zij eindigt niet vóór d)', () => {
    const a = mboTot('2024-01-10', { inschrijvingId: 'A' });
    const b = mboTot('2024-03-01', { inschrijvingId: 'B' });
    expect(laatsteBekostigdeVoor(dossier().met(a, b).bouw(), '2024-03-01')?.inschrijvingId).toBe('A');
  });
  it('een latere niet-bekostigde inschrijving (ho) telt niet', () => {
    const d = verlater('2024-01-10').met(ander('ho', '2024-01-15', '2024-02-10')).bouw();
    expect(laatsteBekostigdeVoor(d, '2024-03-01')?.onderwijstype).toBe('mbo');
  });
  it('de rij draagt brin, vestiging, onderwijstype, niveau en einddatum van die inschrijving', () => {
    expect(lijstrij(verlater('2024-02-10').bouw(), '2024-03-01', RMC).inschrijving).toMatchObject({
      brin: '20BB', vestiging: '01', onderwijstype: 'mbo', niveau: 2, einddatum: '2024-02-10',
    });
  });
});

describe('wie ziet welke rijen', () => {
  it('RMC-regio op rmc_code, gemeente op gemeente_code, school op brin', () => {
    expect(scopekolom({ soort: 'rmc', code: '21' })).toBe('rmc_code');
    expect(scopekolom({ soort: 'gemeente', code: 'GM0363' })).toBe('gemeente_code');
    expect(scopekolom({ soort: 'brin', code: '25LX' })).toBe('brin');
    expect(scopekolom({ soort: 'landelijk' })).toBeNull();
  });
  it('een school ziet alleen uitschrijvingen, herinschrijvingen en startset', () => {
    const school = { soort: 'brin', code: '25LX' } as const;
    expect(['uitschrijvingen', 'herinschrijvingen', 'startset'].every((s) => magLijstZien(school, s as never))).toBe(true);
    expect(['werkvoorraad', 'uitval', 'verlate-startkwalificatie'].some((s) => magLijstZien(school, s as never))).toBe(false);
    expect(magLijstZien({ soort: 'rmc', code: '21' }, 'uitval')).toBe(true);
  });
});
