import { describe, expect, it } from 'vitest';
import { verklaar } from '../../src/domain/telling/verklaring.js';
import type { Dossier } from '../../src/domain/telling/dossier.js';
import { DEFINITIEF, dossier, inschrijving, inschrijvingOpT0, mbo, RMC, SJ_2019, vo, VOORLOPIG } from './bouwers.js';

/** "Explain a figure": the deciding rule and the registrations that prove it, in plain Dutch. */
const naam = (code: string) => ({ GM0363: 'Amsterdam', GM0344: 'Utrecht' } as Record<string, string>)[code] ?? null;
const uitleg = (d: Dossier, opties = DEFINITIEF) => verklaar(d, SJ_2019, opties, RMC, naam);

/** Worked example P07: entree diploma and a job of 20 hours. */
const p07 = () => dossier('P07', '2000-02-02').geslacht('V').woont('GM0363', '2000-01-01')
  .met(inschrijving({ ...mbo(1), inschrijvingId: 'P07-i8', begindatum: '2019-08-15', einddatum: '2020-06-30' }))
  .diploma('mbo-1', '2020-06-15', '20BB').werk('20', '2020-07-01').bouw();

describe('verklaar: de beslissende regel en het bewijs', () => {
  it('P07: mbo1-werk, met entreediploma en baan als bewijs', () => {
    const v = uitleg(p07());
    expect(v.uitkomst).toBe('mbo1-werk');
    const tekst = v.regels.join('\n');
    expect(tekst).toContain('mbo1-werk: JA');
    expect(tekst).toContain('entreediploma op 2020-06-15');
    expect(tekst).toContain('werk 20 uur per week van 2020-07-01 tot heden');
    expect(tekst).toContain("Besluit: geen vsv'er, reden mbo1-werk.");
  });
  it('noemt alle eerdere regels met "nee" en geen latere regels', () => {
    const r = uitleg(p07()).regels;
    for (const code of ['overleden', 'geemigreerd', 'onderwijs', 'dji', 'politie-defensie', 'vrijstelling', 'startkwalificatie', 'verlate-startkwalificatie']) {
      expect(r).toContain(`  ${code}: nee`);
    }
    const geenVsv = dossier('X', '2002-01-01').met(inschrijvingOpT0(SJ_2019, mbo(2))).overleden('2020-05-01').bouw();
    const r2 = uitleg(geenVsv).regels.join('\n');
    expect(r2).toContain('overleden: JA');
    expect(r2).not.toContain('geemigreerd:');
  });
  it('noemt teldatum, peildatum, status, geboortedatum en woonplaats in gewone Nederlandse datums', () => {
    const r = uitleg(p07(), VOORLOPIG).regels;
    expect(r[0]).toBe('Schooljaar 2019-2020: teldatum T0 = 1-10-2019, peildatum T1 = 1-10-2020; telling voorlopig.');
    expect(r).toContain('Geboren op 2-2-2000.');
    expect(r).toContain('Woonde op T0 in Amsterdam (GM0363), RMC-regio 21.');
  });
  it('markeert de inschrijving op T0 met haar categorie', () => {
    const tekst = uitleg(p07()).regels.join('\n');
    expect(tekst).toContain('P07-i8: mbo niveau 1 bol, leerjaar 1 bij 20BB-00, van 15-8-2019 tot en met 30-6-2020 [op T0] — categorie mbo-1');
  });
  it('een vsv\'er: geen van de uitzonderingen, alle regels nee', () => {
    const d = dossier('P01', '2002-03-14').met(inschrijvingOpT0(SJ_2019, mbo(2))).bouw();
    const v = uitleg(d);
    expect(v.uitkomst).toBe('vsv');
    expect(v.regels).toContain('  mbo1-werk: nee');
    expect(v.regels.join('\n')).toContain('Besluit: nieuwe voortijdig schoolverlater (vsv).');
    expect(v.regels).toContain('Woonplaats op T0 onbekend (geen verblijf geleverd dat T0 omvat).');
  });
  it('buiten de startpopulatie (praktijkonderwijs): uitkomst buiten-startpopulatie met de reden', () => {
    const d = dossier('P13', '2004-08-08').met(inschrijvingOpT0(SJ_2019, vo('pro', 3, { brin: '40DD' }))).bouw();
    const v = uitleg(d);
    expect(v.uitkomst).toBe('buiten-startpopulatie');
    expect(v.regels.join('\n')).toContain('praktijkonderwijs');
    expect(v.regels.join('\n')).toContain('telt niet voor de startpopulatie');
  });
  it('te oud: noemt de leeftijdsgrens 22', () => {
    const d = dossier('P05', '1997-05-01').met(inschrijvingOpT0(SJ_2019, mbo(3))).bouw();
    const v = uitleg(d);
    expect(v.uitkomst).toBe('buiten-startpopulatie');
    expect(v.regels.join('\n')).toContain('22 jaar of ouder');
  });
  it('geboortedatum onbekend', () => {
    const d = dossier('P99', null).met(inschrijvingOpT0(SJ_2019, mbo(3))).bouw();
    expect(uitleg(d).regels.join('\n')).toContain('geen geboortedatum geleverd');
  });
  it('vo en mbo bij twee instellingen: noemt de andere reden bij de mbo-instelling', () => {
    const d = dossier('P1', '2001-05-05').met(
      inschrijvingOpT0(SJ_2019, vo('vmbo-tl', 4, { brin: '10AA', inschrijvingId: 'VO1' })),
      inschrijvingOpT0(SJ_2019, mbo(2, { brin: '20BB', inschrijvingId: 'MBO1' })),
    ).diploma('mbo-2', '2020-11-15').bouw();
    const v = uitleg(d);
    expect(v.uitkomst).toBe('vsv');
    expect(v.regels).toContain("In de cijfers van instelling 20BB telt de persoon onder MBO1 (mbo-2): geen vsv'er, reden verlate-startkwalificatie.");
  });
});
