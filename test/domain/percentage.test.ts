import { describe, expect, it } from 'vitest';
import { percentage } from '../../src/domain/telling/cijfers.js';

/**
 * telling.md, "Figures": vsv percentage = vsv'ers / start population × 100, rounded to two
 * decimals. The regulations say "rekenkundig afgerond op twee decimalen" (half up).
 */
describe('percentage: afronden op twee decimalen, half naar boven, zonder binaire breuken', () => {
  it.each([
    [1, 8, '12.50'],
    [2, 3, '66.67'],
    [1, 3, '33.33'],
    [0, 5, '0.00'],
    [5, 5, '100.00'],
    [1, 1, '100.00'],
    [1, 7, '14.29'],
    [3, 7, '42.86'],
    [123456, 1000000, '12.35'],
    [1, 1000000, '0.00'],
    [5, 1000000, '0.00'],
    [50, 1000000, '0.01'],
    [49, 1000000, '0.00'],
  ])('%i van %i → %s', (vsv, start, verwacht) => {
    expect(percentage(vsv, start)).toBe(verwacht);
  });

  describe('precies op de helft (x.xx5) wordt naar boven afgerond', () => {
    it.each([
      [1, 32, '3.13', '3.125'],
      [3, 32, '9.38', '9.375'],
      [5, 32, '15.63', '15.625'],
      [1, 160, '0.63', '0.625'],
      [1, 800, '0.13', '0.125'],
      [7, 800, '0.88', '0.875'],
      [201, 20000, '1.01', '1.005 (binair net onder 1.005)'],
      [107, 4000, '2.68', '2.675 (binair net onder 2.675)'],
    ])('%i van %i → %s (exact %s)', (vsv, start, verwacht) => {
      expect(percentage(vsv, start)).toBe(verwacht);
    });
    it('12.495 → 12.50, maar 12.4949 → 12.49', () => {
      expect(percentage(124950, 1000000)).toBe('12.50');
      expect(percentage(124949, 1000000)).toBe('12.49');
    });
    it('een vierde decimaal beslist niet mee: 1.0049 → 1.00', () => {
      expect(percentage(10049, 1000000)).toBe('1.00');
    });
  });

  it('startpopulatie 0: geen percentage (lege tekst), ook niet bij 0 vsv\'ers', () => {
    expect(percentage(0, 0)).toBe('');
  });
  it('altijd twee decimalen en een punt als decimaalteken', () => {
    for (const [v, s] of [[0, 3], [1, 2], [1, 10], [2, 3], [99, 100]] as const) {
      expect(percentage(v, s)).toMatch(/^\d+\.\d{2}$/);
    }
  });
});
