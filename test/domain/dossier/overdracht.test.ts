import { describe, expect, it } from 'vitest';
import { controleerGebeurtenis, DELEN, GEDEELDE_DELEN, grondslagenVoor } from '../../../src/domain/dossier/gebeurtenis.js';
import { bouwTijdlijn } from '../../../src/domain/dossier/tijdlijn.js';
import {
  bepaalOverdracht, controleerVerzending, deelVan, eigenaarOp, magBeslissen, magVerzenden, oorzaakVan, zichtbaarNaOverdrachten,
} from '../../../src/domain/dossier/overdracht.js';

const gm = (code: string) => ({ soort: 'gemeente', code }) as const;
const rmc = (code: string) => ({ soort: 'rmc-regio', code }) as const;

describe('de eigenaar op de peildatum: de 18e verjaardag', () => {
  // the peildatum of a month is its first day (lijsten.md); Z3 of test/lijsten/fixture.ts turns 18 on 2023-06-15
  it('jarig precies op de peildatum: 18, dus de RMC-regio', () => {
    expect(eigenaarOp('2005-07-01', '2023-07-01', 'GM0344', '19')).toEqual(rmc('19'));
  });
  it('jarig de dag na de peildatum: nog 17, dus de gemeente', () => {
    expect(eigenaarOp('2005-07-02', '2023-07-01', 'GM0344', '19')).toEqual(gm('GM0344'));
  });
  it('jarig de dag vóór de peildatum: 18', () => {
    expect(eigenaarOp('2005-06-30', '2023-07-01', 'GM0344', '19')).toEqual(rmc('19'));
  });
  it('geboren op 29 februari: 18 op 1 maart van een gewoon jaar', () => {
    expect(eigenaarOp('2004-02-29', '2022-03-01', 'GM0363', '13')).toEqual(rmc('13'));
    expect(eigenaarOp('2004-02-29', '2022-02-01', 'GM0363', '13')).toEqual(gm('GM0363'));
  });
});

describe('de oorzaak van een overdracht', () => {
  it('gemeente naar RMC-regio: meerderjarig, ook bij verhuizing in dezelfde maand', () => {
    expect(oorzaakVan(gm('GM0344'), rmc('19'))).toBe('meerderjarig');
    expect(oorzaakVan(gm('GM0344'), rmc('13'))).toBe('meerderjarig');
  });
  it('een andere gemeente of regio: verhuizing; dezelfde eigenaar: geen', () => {
    expect(oorzaakVan(gm('GM0363'), gm('GM0344'))).toBe('verhuizing');
    expect(oorzaakVan(rmc('13'), rmc('19'))).toBe('verhuizing');
    expect(oorzaakVan(rmc('19'), rmc('19'))).toBeNull();
  });
});

describe('wat de lijsten van een maand betekenen voor de houder', () => {
  const open = true;
  it('dezelfde eigenaar: niets', () => {
    expect(bepaalOverdracht({ houder: gm('GM0344'), nieuw: gm('GM0344'), open, lopend: null })).toEqual({ soort: 'geen' });
  });
  it('verhuisd: een voorstel, geen stille wisseling', () => {
    expect(bepaalOverdracht({ houder: gm('GM0363'), nieuw: gm('GM0344'), open, lopend: null }))
      .toEqual({ soort: 'voorstellen', naar: gm('GM0344'), oorzaak: 'verhuizing' });
  });
  it('18 geworden en verhuisd in dezelfde maand: één voorstel, meerderjarig, aan de regio van de nieuwe woonplaats', () => {
    const nieuw = eigenaarOp('2005-07-01', '2023-07-01', 'GM0599', '13');
    expect(bepaalOverdracht({ houder: gm('GM0344'), nieuw, open, lopend: null }))
      .toEqual({ soort: 'voorstellen', naar: rmc('13'), oorzaak: 'meerderjarig' });
  });
  it('dezelfde maand nog eens (zelfde doel als het lopende voorstel): geen tweede voorstel', () => {
    for (const status of ['voorgesteld', 'verzonden', 'geweigerd'] as const) {
      expect(bepaalOverdracht({ houder: gm('GM0363'), nieuw: gm('GM0344'), open, lopend: { id: 'o1', naar: gm('GM0344'), status } })).toEqual({ soort: 'geen' });
    }
  });
  it('een tweede verhuizing vóór aanvaarding: het lopende vervalt, een nieuw voorstel aan de nieuwe eigenaar (ook als het al verzonden was)', () => {
    expect(bepaalOverdracht({ houder: gm('GM0363'), nieuw: gm('GM0599'), open, lopend: { id: 'o1', naar: gm('GM0344'), status: 'verzonden' } }))
      .toEqual({ soort: 'vervangen', vervalt: 'o1', naar: gm('GM0599'), oorzaak: 'verhuizing' });
  });
  it('terug bij de houder vóór aanvaarding: het lopende vervalt', () => {
    expect(bepaalOverdracht({ houder: gm('GM0363'), nieuw: gm('GM0363'), open, lopend: { id: 'o1', naar: gm('GM0344'), status: 'voorgesteld' } }))
      .toEqual({ soort: 'intrekken', vervalt: 'o1' });
  });
  it('gesloten dossier of onbekende woonplaats: geen overdracht; onbekende houder: de bekende eigenaar neemt het over', () => {
    expect(bepaalOverdracht({ houder: gm('GM0363'), nieuw: gm('GM0344'), open: false, lopend: null })).toEqual({ soort: 'geen' });
    // closing (back in education) before acceptance: the undecided handover lapses
    expect(bepaalOverdracht({ houder: gm('GM0363'), nieuw: gm('GM0344'), open: false, lopend: { id: 'o1', naar: gm('GM0344'), status: 'verzonden' } }))
      .toEqual({ soort: 'intrekken', vervalt: 'o1' });
    expect(bepaalOverdracht({ houder: gm('GM0363'), nieuw: gm('onbekend'), open, lopend: { id: 'o1', naar: gm('GM0344'), status: 'verzonden' } }))
      .toEqual({ soort: 'geen' });
    expect(bepaalOverdracht({ houder: gm('GM0363'), nieuw: gm('onbekend'), open, lopend: null })).toEqual({ soort: 'geen' });
    expect(bepaalOverdracht({ houder: gm('onbekend'), nieuw: gm('GM0344'), open, lopend: null })).toEqual({ soort: 'overnemen', eigenaar: gm('GM0344') });
  });
});

describe('de overdracht op de tijdlijn', () => {
  it('een aanvaarde overdracht staat op de dag van aanvaarding bij het dossier', () => {
    const leeg = { inschrijvingen: [], diplomas: [], vrijstellingen: [], verblijf: [], gebeurtenissen: [], lijsten: [], periodes: [], vastgelegd: [] };
    expect(bouwTijdlijn({ ...leeg, overdrachten: [{ datum: '2023-07-12', van: 'gemeente GM0344', naar: 'rmc-regio 19', oorzaak: 'meerderjarig' }] }))
      .toEqual([{ datum: '2023-07-12', bron: 'dossier', soort: 'overgedragen', omschrijving: 'dossier overgedragen van gemeente GM0344 aan rmc-regio 19 (meerderjarig)', door: null }]);
  });
});

describe('verzenden, aanvaarden, weigeren', () => {
  it('verzenden uit voorgesteld of geweigerd; beslissen alleen als verzonden', () => {
    expect(['voorgesteld', 'verzonden', 'aanvaard', 'geweigerd', 'vervallen'].filter((s) => magVerzenden(s as never))).toEqual(['voorgesteld', 'geweigerd']);
    expect(['voorgesteld', 'verzonden', 'aanvaard', 'geweigerd', 'vervallen'].filter((s) => magBeslissen(s as never))).toEqual(['verzonden']);
  });
  it('de delen komen uit de lijst, niet dubbel; de reden is verplicht', () => {
    expect(controleerVerzending(['intake', 'notitie:overdracht'], 'verhuisd naar Utrecht')).toEqual([]);
    expect(controleerVerzending([], 'alleen de tijdlijn')).toEqual([]);
    expect(controleerVerzending(['notitie', 'intake', 'intake'], ' ').map((f) => f.naam)).toEqual(['delen[0]', 'delen[2]', 'reden']);
  });
});

describe('wat de houder ziet na overdrachten', () => {
  const e = (id: number, soort: string, gegevens: Record<string, string> = {}) => ({ id, soort, gegevens });
  const vastgelegd = [e(1, 'intake'), e(2, 'notitie', { doel: 'zorgsignaal' }), e(3, 'notitie', { doel: 'overdracht' }), e(4, 'contactpoging'), e(5, 'intake')];
  it('vóór de aanvaarding alleen de doorgegeven delen, daarna alles van de nieuwe houder', () => {
    expect(deelVan('notitie', { doel: 'overdracht' })).toBe('notitie:overdracht');
    const zicht = zichtbaarNaOverdrachten(vastgelegd, [{ grens: 4, delen: ['intake', 'notitie:overdracht'] }]);
    expect(zicht.map((x) => x.id)).toEqual([1, 3, 5]);
  });
  it('twee overdrachten na elkaar: alleen wat beide doorgaven', () => {
    const zicht = zichtbaarNaOverdrachten(vastgelegd, [{ grens: 2, delen: ['intake', 'notitie:zorgsignaal'] }, { grens: 4, delen: ['notitie:zorgsignaal', 'contactpoging'] }]);
    expect(zicht.map((x) => x.id)).toEqual([2, 4, 5]);
  });
});

describe('gedeeld met een school of partnerorganisatie', () => {
  const geldig = { organisatie: 'ROC Midden Nederland', soortOrganisatie: 'school', delen: 'personalia, traject,notitie:overdracht', grondslag: 'toestemming' };
  it('organisatie, soort, delen (komma-lijst) en grondslag; datum niet na vandaag', () => {
    expect(controleerGebeurtenis('gedeeld', '2024-03-01', geldig, '2024-03-01', 'rmc')).toEqual([]);
    expect(controleerGebeurtenis('gedeeld', '2024-03-02', geldig, '2024-03-01', 'rmc').map((f) => f.naam)).toEqual(['datum']);
    expect(controleerGebeurtenis('gedeeld', '2024-03-01', {}, '2024-03-01', 'rmc').map((f) => f.naam))
      .toEqual(['gegevens.organisatie', 'gegevens.soortOrganisatie', 'gegevens.delen', 'gegevens.grondslag']);
  });
  it('elk deel uit de lijst, niet dubbel, niet leeg; soort school of partner', () => {
    const fouten = controleerGebeurtenis('gedeeld', '2024-03-01', { ...geldig, soortOrganisatie: 'gemeente', delen: 'traject,bsn,traject,' }, '2024-03-01', 'rmc');
    expect(fouten.map((f) => `${f.naam}: ${f.reden.slice(0, 20)}`)).toEqual([
      "gegevens.soortOrganisatie: 'gemeente' is geen k", "gegevens.delen: 'bsn' is geen keuze;", "gegevens.delen: 'traject' staat er t", "gegevens.delen: deel 4 is leeg (twee",
    ]);
    expect(GEDEELDE_DELEN).toEqual(expect.arrayContaining(['personalia', 'tijdlijn', 'intake', 'notitie:zorgsignaal']));
    expect(GEDEELDE_DELEN).not.toContain('gedeeld');
  });
  it('de grondslag hoort bij de taak van de rol: wettelijke-taak alleen rmc, leerplichtwet alleen leerplicht', () => {
    expect(grondslagenVoor('rmc')).toEqual(['toestemming', 'wettelijke-taak']);
    expect(grondslagenVoor('leerplicht')).toEqual(['toestemming', 'leerplichtwet']);
    expect(controleerGebeurtenis('gedeeld', '2024-03-01', { ...geldig, grondslag: 'leerplichtwet' }, '2024-03-01', 'rmc').map((f) => f.naam)).toEqual(['gegevens.grondslag']);
    expect(controleerGebeurtenis('gedeeld', '2024-03-01', { ...geldig, grondslag: 'wettelijke-taak' }, '2024-03-01', 'leerplicht').map((f) => f.naam)).toEqual(['gegevens.grondslag']);
    expect(controleerGebeurtenis('gedeeld', '2024-03-01', { ...geldig, grondslag: 'wettelijke-taak' }, '2024-03-01', 'rmc')).toEqual([]);
  });
  it('een gedeeld-gebeurtenis kan zelf worden doorgegeven bij een overdracht', () => {
    expect(DELEN).toContain('gedeeld');
  });
});
