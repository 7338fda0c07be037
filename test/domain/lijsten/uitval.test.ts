import { describe, expect, it } from 'vitest';
import { opUitval, startsetSchooljaar } from '../../../src/domain/lijsten/lijsten.js';
import { uitvalcijfers } from '../../../src/domain/lijsten/uitval.js';
import { maand } from './helpers.js';

/**
 * lijsten.md `startset` (the start population of the lijstjaar, from its count) and `uitval`
 * (on startset and on werkvoorraad of M), also as a figure per category.
 * Pages: docs/rules/lijsten-startset.md, docs/rules/lijsten-uitval.md.
 */
describe('startset: de telling van het schooljaar van het lijstjaar', () => {
  it('oktober 2023 tot en met september 2024: de telling 2023-2024', () => {
    expect(startsetSchooljaar(maand('2023-10')).naam).toBe('2023-2024');
    expect(startsetSchooljaar(maand('2024-09')).naam).toBe('2023-2024');
  });
  it('september 2023: nog de telling 2022-2023', () => expect(startsetSchooljaar(maand('2023-09')).naam).toBe('2022-2023'));
});

describe('uitval: op de startset én op de werkvoorraad van M', () => {
  it('alleen wie op beide staat', () => {
    expect(opUitval(true, true)).toBe(true);
    expect(opUitval(true, false)).toBe(false);
    expect(opUitval(false, true)).toBe(false);
  });
});

describe('uitval als cijfer per categorie', () => {
  const c = uitvalcijfers(new Map([['mbo-2', 8], ['vo-onderbouw', 3]]), new Map([['mbo-2', 1]]));
  it('uitval / startset × 100, twee decimalen: 1 van 8 is 12.50', () => {
    expect(c.find((x) => x.categorie === 'mbo-2')).toEqual({ categorie: 'mbo-2', startset: 8, uitval: 1, percentage: '12.50' });
  });
  it('een categorie zonder uitval: 0.00; zonder startset: leeg', () => {
    expect(c.find((x) => x.categorie === 'vo-onderbouw')!.percentage).toBe('0.00');
    expect(c.find((x) => x.categorie === 'vavo')!.percentage).toBe('');
  });
  it('totaal over de categorieën: 1 van 11 is 9.09', () => {
    expect(c.at(-1)).toEqual({ categorie: 'totaal', startset: 11, uitval: 1, percentage: '9.09' });
  });
  it('meer uitval dan startset in een categorie is een fout, geen cijfer', () => {
    expect(() => uitvalcijfers(new Map([['mbo-2', 1]]), new Map([['mbo-2', 2]]))).toThrow(/groter dan de startset/);
  });
});
