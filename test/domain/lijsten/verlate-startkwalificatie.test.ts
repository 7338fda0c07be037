import { describe, expect, it } from 'vitest';
import { opVerlateStartkwalificatie } from '../../../src/domain/lijsten/lijsten.js';
import { schooljaarVanaf } from '../../../src/domain/schooljaar.js';
import { maand } from './helpers.js';

/**
 * lijsten.md `verlate-startkwalificatie`: in the previous lijstjaar's count (definitief),
 * reason verlate-startkwalificatie, with that diploma dated before d.
 * Page: docs/rules/lijsten-verlate-startkwalificatie.md.
 */
const vorig = schooljaarVanaf(2022); // T1 = 2023-10-01, window to 2023-12-31; lijstjaar 2023-2024
const dip = (soort: string, datum: string) => [{ soort, datum, brin: null }];
const op = (soort: string, datum: string, m: string, reden = 'verlate-startkwalificatie') =>
  opVerlateStartkwalificatie(reden, dip(soort, datum), vorig, maand(m));

describe('verlate-startkwalificatie: het diploma vóór d', () => {
  it('diploma op 31 oktober (de dag vóór d van november): op de lijst van november', () => expect(op('mbo-2', '2023-10-31', '2023-11')).toBe(true));
  it('diploma op 1 november (d zelf): nog niet in november, wel in december', () => {
    expect(op('mbo-2', '2023-11-01', '2023-11')).toBe(false);
    expect(op('mbo-2', '2023-11-01', '2023-12')).toBe(true);
  });
  it('oktober, de eerste maand: altijd leeg (het diploma ligt na T1 = d)', () => expect(op('mbo-4', '2023-10-02', '2023-10')).toBe(false));
  it('diploma op 31 december: vanaf januari', () => {
    expect(op('havo', '2023-12-31', '2023-12')).toBe(false);
    expect(op('havo', '2023-12-31', '2024-01')).toBe(true);
  });
  it('een andere reden in de telling: er niet op, ook met een diploma in het venster', () => {
    expect(op('mbo-2', '2023-10-31', '2024-01', 'vsv')).toBe(false);
    expect(op('mbo-2', '2023-10-31', '2024-01', 'startkwalificatie')).toBe(false);
  });
  it('alleen een startkwalificatie telt als "dat diploma": een entreediploma niet', () => expect(op('mbo-1', '2023-10-31', '2024-01')).toBe(false));
  it('een diploma óp T1 of na 31 december is niet het verlate diploma', () => {
    expect(op('mbo-2', '2023-10-01', '2024-01')).toBe(false);
    expect(op('mbo-2', '2024-01-01', '2024-02')).toBe(false);
  });
});
