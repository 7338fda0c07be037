import { describe, expect, it } from 'vitest';
import { ONDERWIJSTYPEN, VMBO_TYPEN } from '../../src/domain/onderwijs.js';
import { CATEGORIEEN, categorieVan, sectorVan, type Categorie } from '../../src/domain/telling/startpopulatie.js';
import { inschrijving } from './bouwers.js';

/**
 * telling.md, "Category of an enrolment", and our reading of it (docs/rules/categorie.md):
 * vmbo leerjaar ≥ 3 and havo/vwo leerjaar ≥ 4 are bovenbouw; an empty leerjaar is bovenbouw.
 */
const LEERJAREN: readonly (number | null)[] = [null, 1, 2, 3, 4, 5, 6];

function verwachteCategorie(type: string, leerjaar: number | null, niveau: number | null): Categorie | null {
  if (type === 'vo-brugjaar') return 'vo-onderbouw';
  if ((VMBO_TYPEN as readonly string[]).includes(type)) return leerjaar !== null && leerjaar <= 2 ? 'vo-onderbouw' : 'vo-bovenbouw-vmbo';
  if (type === 'havo' || type === 'vwo') return leerjaar !== null && leerjaar <= 3 ? 'vo-onderbouw' : 'vo-bovenbouw-havo-vwo';
  if (type === 'mbo') return niveau === 1 ? 'mbo-1' : niveau === 2 ? 'mbo-2' : niveau === 3 || niveau === 4 ? 'mbo-3-4' : null;
  if (type === 'vavo') return 'vavo';
  return null;
}

describe('categorieVan: elke combinatie van onderwijstype en leerjaar', () => {
  const gevallen = ONDERWIJSTYPEN.flatMap((type) =>
    LEERJAREN.flatMap((leerjaar) =>
      (type === 'mbo' ? [null, 1, 2, 3, 4] : [null]).map((niveau) => ({ type, leerjaar, niveau, verwacht: verwachteCategorie(type, leerjaar, niveau) })),
    ),
  );

  it('dekt alle 19 onderwijstypes × 7 leerjaren (mbo ook × 5 niveaus)', () => {
    expect(gevallen).toHaveLength(18 * 7 + 7 * 5);
  });

  it.each(gevallen)('$type leerjaar $leerjaar niveau $niveau → $verwacht', ({ type, leerjaar, niveau, verwacht }) => {
    expect(categorieVan(inschrijving({ onderwijstype: type, leerjaar, niveau }))).toBe(verwacht);
  });
});

describe('categorieVan: de grenzen van onderbouw en bovenbouw uitgeschreven', () => {
  const cat = (onderwijstype: string, leerjaar: number | null) => categorieVan(inschrijving({ onderwijstype, leerjaar, niveau: null }));

  it.each(VMBO_TYPEN)('%s: leerjaar 2 is onderbouw, leerjaar 3 is bovenbouw vmbo', (type) => {
    expect(cat(type, 2)).toBe('vo-onderbouw');
    expect(cat(type, 3)).toBe('vo-bovenbouw-vmbo');
  });
  it.each(['havo', 'vwo'])('%s: leerjaar 3 is onderbouw, leerjaar 4 is bovenbouw havo/vwo', (type) => {
    expect(cat(type, 3)).toBe('vo-onderbouw');
    expect(cat(type, 4)).toBe('vo-bovenbouw-havo-vwo');
  });
  it('leeg leerjaar: vmbo → bovenbouw vmbo, havo/vwo → bovenbouw havo/vwo, brugjaar → onderbouw', () => {
    expect(cat('vmbo-tl', null)).toBe('vo-bovenbouw-vmbo');
    expect(cat('havo', null)).toBe('vo-bovenbouw-havo-vwo');
    expect(cat('vwo', null)).toBe('vo-bovenbouw-havo-vwo');
    expect(cat('vo-brugjaar', null)).toBe('vo-onderbouw');
  });
  it('leerjaren die niet bestaan (vmbo 5–6, havo 6) tellen als bovenbouw', () => {
    expect(cat('vmbo-bb', 5)).toBe('vo-bovenbouw-vmbo');
    expect(cat('vmbo-bb', 6)).toBe('vo-bovenbouw-vmbo');
    expect(cat('havo', 6)).toBe('vo-bovenbouw-havo-vwo');
  });
  it('brugjaar is onderbouw in elk leerjaar, ook 3 (brug 3)', () => {
    expect(cat('vo-brugjaar', 3)).toBe('vo-onderbouw');
  });
  it('mbo-niveaus 3 en 4 vallen samen in mbo-3-4', () => {
    expect(categorieVan(inschrijving({ onderwijstype: 'mbo', niveau: 3 }))).toBe('mbo-3-4');
    expect(categorieVan(inschrijving({ onderwijstype: 'mbo', niveau: 4 }))).toBe('mbo-3-4');
  });
  it('het leerjaar doet er voor mbo niet toe', () => {
    expect(categorieVan(inschrijving({ onderwijstype: 'mbo', niveau: 1, leerjaar: 6 }))).toBe('mbo-1');
  });
});

describe('sectorVan', () => {
  it.each([
    ['vo-onderbouw', 'vo'], ['vo-bovenbouw-vmbo', 'vo'], ['vo-bovenbouw-havo-vwo', 'vo'],
    ['mbo-1', 'mbo'], ['mbo-2', 'mbo'], ['mbo-3-4', 'mbo'], ['vavo', 'vavo'],
  ] as const)('%s → %s', (categorie, sector) => {
    expect(sectorVan(categorie)).toBe(sector);
  });
  it('kent precies de zeven categorieën van telling.md', () => {
    expect(CATEGORIEEN).toEqual(['vo-onderbouw', 'vo-bovenbouw-vmbo', 'vo-bovenbouw-havo-vwo', 'mbo-1', 'mbo-2', 'mbo-3-4', 'vavo']);
  });
});
