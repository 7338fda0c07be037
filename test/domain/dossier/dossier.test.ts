import { describe, expect, it } from 'vitest';
import { eigenaarVan } from '../../../src/domain/dossier/eigenaar.js';
import { controleerGebeurtenis } from '../../../src/domain/dossier/gebeurtenis.js';
import { bepaalOvergang } from '../../../src/domain/dossier/overgang.js';
import { bouwTijdlijn, type Registraties } from '../../../src/domain/dossier/tijdlijn.js';

describe('eigenaar van een dossier', () => {
  it('onder 18 de woongemeente, vanaf 18 de RMC-regio', () => {
    expect(eigenaarVan(17, 'GM0344', '19')).toEqual({ soort: 'gemeente', code: 'GM0344' });
    expect(eigenaarVan(18, 'GM0344', '19')).toEqual({ soort: 'rmc-regio', code: '19' });
    expect(eigenaarVan(12, 'onbekend', 'onbekend')).toEqual({ soort: 'gemeente', code: 'onbekend' });
  });
});

describe('openen, sluiten en heropenen uit de lijsten', () => {
  const open = { status: 'open', geopendMaand: '2018-04', geslotenMaand: null } as const;
  const dicht = { status: 'gesloten', geopendMaand: '2018-04', geslotenMaand: '2018-06' } as const;
  it('geen dossier: openen als de persoon op de werkvoorraad staat, anders niets', () => {
    expect(bepaalOvergang(null, '2018-04', { opWerkvoorraad: true, herinschrijfreden: null })).toEqual({ soort: 'openen' });
    expect(bepaalOvergang(null, '2018-04', { opWerkvoorraad: false, herinschrijfreden: 'onderwijs' })).toBeNull();
  });
  it('open: sluiten met de reden van herinschrijvingen, maar niet in de maand van openen', () => {
    expect(bepaalOvergang(open, '2018-05', { opWerkvoorraad: false, herinschrijfreden: 'onderwijs' })).toEqual({ soort: 'sluiten', reden: 'onderwijs' });
    expect(bepaalOvergang(open, '2018-04', { opWerkvoorraad: false, herinschrijfreden: 'onderwijs' })).toBeNull();
    // off the werkvoorraad without herinschrijving (a new lijstjaar): stays open
    expect(bepaalOvergang(open, '2018-10', { opWerkvoorraad: false, herinschrijfreden: null })).toBeNull();
    expect(bepaalOvergang(open, '2018-05', { opWerkvoorraad: true, herinschrijfreden: null })).toBeNull();
  });
  it('gesloten: heropenen bij een nieuwe uitval na de maand van sluiten', () => {
    expect(bepaalOvergang(dicht, '2018-07', { opWerkvoorraad: true, herinschrijfreden: null })).toEqual({ soort: 'heropenen' });
    expect(bepaalOvergang(dicht, '2018-06', { opWerkvoorraad: true, herinschrijfreden: null })).toBeNull();
    expect(bepaalOvergang(dicht, '2018-07', { opWerkvoorraad: false, herinschrijfreden: null })).toBeNull();
  });
});

describe('gebeurtenissen controleren', () => {
  const vandaag = '2018-05-10';
  it('een geldige contactpoging, intake, traject en uitkomst', () => {
    expect(controleerGebeurtenis('contactpoging', '2018-05-10', { kanaal: 'telefoon', resultaat: 'niet-bereikt' }, vandaag)).toEqual([]);
    expect(controleerGebeurtenis('intake', '2018-05-01', {}, vandaag)).toEqual([]);
    expect(controleerGebeurtenis('traject', '2018-05-01', { doel: 'opleiding', partner: 'ROC Midden' }, vandaag)).toEqual([]);
    expect(controleerGebeurtenis('uitkomst', '2018-05-01', { categorie: 'bbl-of-combinatie' }, vandaag)).toEqual([]);
  });
  it('elke fout met het veld: verplicht, geen keuze, onbekend veld, datum na vandaag', () => {
    expect(controleerGebeurtenis('contactpoging', '2018-05-11', { kanaal: 'duif', extra: 'x' }, vandaag).map((f) => f.naam).sort())
      .toEqual(['datum', 'gegevens.extra', 'gegevens.kanaal', 'gegevens.resultaat']);
    expect(controleerGebeurtenis('uitkomst', '2018-02-30', { categorie: 'school' }, vandaag).map((f) => f.naam)).toEqual(['datum', 'gegevens.categorie']);
  });
  it('contactgegevens met bron en datum; volgend contact mag vooruit, niet terug', () => {
    expect(controleerGebeurtenis('contactgegeven', '2018-05-01', { soort: 'telefoon', waarde: '0612345678', bron: 'jongere', bronDatum: '2018-05-01' }, vandaag)).toEqual([]);
    expect(controleerGebeurtenis('contactgegeven', '2018-05-01', { soort: 'telefoon', waarde: '06', bron: 'jongere' }, vandaag)[0]!.naam).toBe('gegevens.bronDatum');
    expect(controleerGebeurtenis('volgend-contact', '2018-05-01', { op: '2018-08-01' }, vandaag)).toEqual([]);
    expect(controleerGebeurtenis('volgend-contact', '2018-05-01', { op: '2018-04-30' }, vandaag)[0]!.naam).toBe('gegevens.op');
    expect(controleerGebeurtenis('notitie', '2018-05-01', { tekst: 'x' }, vandaag)[0]).toEqual({ naam: 'gegevens.doel', reden: 'is verplicht' });
  });
});

describe('tijdlijn', () => {
  it('nieuwste eerst; op één dag wat mensen deden vóór de feiten uit de levering', () => {
    const r: Registraties = {
      inschrijvingen: [{ brin: '20BB', vestiging: '00', onderwijstype: 'mbo', begindatum: '2017-08-01', einddatum: '2018-03-01' }],
      diplomas: [], vrijstellingen: [], verblijf: [{ gemeente_code: 'GM0344', vanaf: '2000-01-01' }], gebeurtenissen: [],
      lijsten: [{ maand: '2018-04', lijst: 'uitschrijvingen', reden: null }],
      periodes: [{ geopend_maand: '2018-04', gesloten_maand: null, sluitreden: null }],
      vastgelegd: [{ soort: 'contactpoging', datum: '2018-04-01', gegevens: { kanaal: 'telefoon', resultaat: 'bereikt' }, weergavenaam: 'A' }],
    };
    const t = bouwTijdlijn(r);
    expect(t.map((i) => `${i.datum} ${i.bron} ${i.soort}`)).toEqual([
      '2018-04-01 medewerker contactpoging', '2018-04-01 dossier geopend', '2018-04-01 lijst uitschrijvingen',
      '2018-03-01 levering uitschrijving', '2017-08-01 levering inschrijving', '2000-01-01 levering verhuizing',
    ]);
    expect(t[0]).toMatchObject({ door: 'A', omschrijving: 'contactpoging (kanaal: telefoon; resultaat: bereikt)' });
  });
});
