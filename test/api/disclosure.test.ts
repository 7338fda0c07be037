import { describe, expect, it } from 'vitest';
import { NormTelcijfer, OngeschermdCijfer, Telaantal, Telcijfer, schermAf } from '../../src/server/disclosure.js';

/** The response layer: every wrapped figure is published, a bare figure makes the response fail. */
describe('afscherming in de antwoordlaag', () => {
  it('vervangt elk Telcijfer en Telaantal, hoe diep ook', () => {
    const uit = schermAf({ a: [{ cijfer: new Telcijfer(37, 3) }], b: { n: new Telaantal(2) }, c: 'tekst', d: null }, 'openbaar');
    expect(uit).toEqual({
      a: [{ cijfer: { startpopulatie: 37, vsv: '<5', percentage: null, afgeschermd: true } }], b: { n: '<5' }, c: 'tekst', d: null,
    });
  });

  it('een normoordeel verschijnt alleen als het percentage zichtbaar is', () => {
    expect(schermAf(new NormTelcijfer(100, 3, '2013-2014', 'mbo-2'), 'openbaar')).toMatchObject({ norm: 11.5, normoordeel: 'afgeschermd' });
    expect(schermAf(new NormTelcijfer(100, 12, '2013-2014', 'mbo-2'), 'openbaar')).toMatchObject({ norm: 11.5, normoordeel: 'niet-gehaald', percentage: '12.00' });
    expect(schermAf(new NormTelcijfer(100, 11, '2013-2014', 'mbo-2'), 'openbaar')).toMatchObject({ normoordeel: 'gehaald' });
    expect(schermAf(new NormTelcijfer(100, 3, '2019-2020', 'mbo-2'), 'openbaar')).toMatchObject({ norm: null, normoordeel: 'geen-norm' });
    expect(schermAf(new NormTelcijfer(100, 3, '2013-2014', 'mbo-2'), 'gerechtigd')).toMatchObject({ vsv: 3, normoordeel: 'gehaald' });
  });

  it('weigert een kaal aantal onder de naam van een cijfer (faalt dicht)', () => {
    expect(() => schermAf({ regio: { vsv: 3 } }, 'openbaar')).toThrow(OngeschermdCijfer);
    expect(() => schermAf([{ startpopulatie: 10 }], 'openbaar')).toThrow(OngeschermdCijfer);
    expect(() => schermAf({ percentage: '8.11' }, 'openbaar')).toThrow(OngeschermdCijfer);
  });
});
