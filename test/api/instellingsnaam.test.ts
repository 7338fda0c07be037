import { describe, expect, it } from 'vitest';
import { instellingsnaam } from '../../src/server/gegevens.js';

/** Deliveries name locations only; the API names an institution after what its locations share. */
describe('instellingsnaam', () => {
  it('takes the shared part of the location names, without a trailing "locatie"', () => {
    expect(instellingsnaam(['ROC Utrecht Noord (fictief), locatie Utrecht', 'ROC Utrecht Noord (fictief), locatie Zeist',
      'ROC Utrecht Noord (fictief), vavo Utrecht'])).toBe('ROC Utrecht Noord (fictief)');
    expect(instellingsnaam(['Vakcollege Grafimedia (fictief), locatie Amsterdam', 'Vakcollege Grafimedia (fictief), locatie Utrecht']))
      .toBe('Vakcollege Grafimedia (fictief)');
    expect(instellingsnaam(['Stedelijk College Noord', 'Stedelijk College Noord, locatie Oost'])).toBe('Stedelijk College Noord');
  });

  it('cuts at a word boundary, never inside a word', () => {
    expect(instellingsnaam(['Christelijk Lyceum Delft', 'Christelijk Lyceum Zeist'])).toBe('Christelijk Lyceum');
    expect(instellingsnaam(['Montessori Lyceum', 'Montessori Lyceum Oostpoort'])).toBe('Montessori Lyceum');
    // the shared part ends at a word boundary in every name: keep its last word
    expect(instellingsnaam(['Gooise Scholenfederatie vwo, havo, vmbo', 'Gooise Scholenfederatie, vwo, havo, vmbo, locatie De Fontein']))
      .toBe('Gooise Scholenfederatie');
    expect(instellingsnaam(['Almere College, Ontmoetingsschool', 'Almere College Ontmoetingsschool'])).toBe('Almere College');
    expect(instellingsnaam(['Campus 013, katholieke scholengemeenschap', 'Campus 013 kath sgm'])).toBe('Campus 013');
    expect(instellingsnaam(['Esprit Scholen voor Lyceum', 'Esprit Scholengroep voor Lyceum'])).toBe('Esprit');
  });

  it('keeps the first location name when the locations share too little', () => {
    expect(instellingsnaam(['Gerrit Rietveld College', 'Het Vlier'])).toBe('Gerrit Rietveld College');
    expect(instellingsnaam(['De Ark', 'De Brug'])).toBe('De Ark');
    expect(instellingsnaam(['Eén school'])).toBe('Eén school');
    expect(instellingsnaam([])).toBe('');
  });
});
