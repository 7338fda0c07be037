import { describe, expect, it } from 'vitest';
import {
  eersteMaand, isEersteMaand, lijstjaar, maandenTotEnMet, maandenVan, parseMaand, peildatum, vorigeMaand, vorigePeildatum,
} from '../../../src/domain/lijsten/maand.js';
import { schooljaarVanaf } from '../../../src/domain/schooljaar.js';
import { maand } from './helpers.js';

/** lijsten.md, "Months and dates". Page: docs/rules/lijsten-maand.md. */
describe('maand: schrijfwijze YYYY-MM', () => {
  it('leest 2024-03', () => expect(parseMaand('2024-03')).toEqual({ naam: '2024-03', jaar: 2024, maand: 3 }));
  it.each(['2024-3', '2024-13', '2024-00', '24-03', '2024-03-01', 'maart'])('weigert %s', (t) => expect(parseMaand(t)).toBeNull());
});

describe('maand: peildatum d(M) en p(M)', () => {
  it('d(2024-03) is 2024-03-01', () => expect(peildatum(maand('2024-03'))).toBe('2024-03-01'));
  it('p(2024-03) is 2024-02-01', () => expect(vorigePeildatum(maand('2024-03'))).toBe('2024-02-01'));
  it('p(2024-01) is 2023-12-01 (over de jaargrens)', () => expect(vorigePeildatum(maand('2024-01'))).toBe('2023-12-01'));
  it('de maand vóór januari is december van het jaar ervoor', () => expect(vorigeMaand(maand('2024-01')).naam).toBe('2023-12'));
});

describe('maand: lijstjaar T-T+1 van oktober T tot en met september T+1', () => {
  it('oktober 2023 is de eerste maand van 2023-2024; zijn peildatum is T0', () => {
    expect(lijstjaar(maand('2023-10')).naam).toBe('2023-2024');
    expect(peildatum(maand('2023-10'))).toBe(schooljaarVanaf(2023).t0);
    expect(isEersteMaand(maand('2023-10'))).toBe(true);
  });
  it('september 2024 is de laatste maand van 2023-2024', () => expect(lijstjaar(maand('2024-09')).naam).toBe('2023-2024'));
  it('september 2023 hoort bij 2022-2023', () => expect(lijstjaar(maand('2023-09')).naam).toBe('2022-2023'));
  it('de maanden tot en met januari 2024: oktober, november, december, januari', () => {
    expect(maandenTotEnMet(maand('2024-01')).map((m) => m.naam)).toEqual(['2023-10', '2023-11', '2023-12', '2024-01']);
  });
  it('een lijstjaar heeft twaalf maanden, van T-10 tot T+1-09', () => {
    const m = maandenVan(schooljaarVanaf(2023)).map((x) => x.naam);
    expect(m).toHaveLength(12);
    expect([m[0], m[11]]).toEqual(['2023-10', '2024-09']);
    expect(eersteMaand(schooljaarVanaf(2023)).naam).toBe('2023-10');
  });
});
