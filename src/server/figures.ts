import { ONBEKEND_GESLACHT, type Cijfer } from '../domain/telling/cijfers.js';
import { CATEGORIEEN, SECTOREN } from '../domain/telling/startpopulatie.js';
import { NormTelcijfer, Telcijfer } from './disclosure.js';

/**
 * Shaping stored figure rows into the breakdowns of the API. Every value of a breakdown is
 * listed, also when nobody falls in it (then 0 of 0), so that tables have the same rows
 * from year to year and area to area.
 */
export const VASTE_WAARDEN = {
  sector: SECTOREN as readonly string[],
  categorie: CATEGORIEEN as readonly string[],
  leeftijdsgroep: ['<18', '18+'],
  geslacht: ['M', 'V', 'X', ONBEKEND_GESLACHT],
} as const;

export type Uitsplitsing = keyof typeof VASTE_WAARDEN;
export const UITSPLITSINGEN = Object.keys(VASTE_WAARDEN) as Uitsplitsing[];

type Rij = Pick<Cijfer, 'dimensie' | 'waarde' | 'startpopulatie' | 'vsv'>;

export function totaalVan(rijen: readonly Rij[]): Telcijfer {
  const t = rijen.find((r) => r.dimensie === 'totaal');
  return new Telcijfer(t?.startpopulatie ?? 0, t?.vsv ?? 0);
}

export function onderdelen(rijen: readonly Rij[], dimensie: Uitsplitsing): { waarde: string; cijfer: Telcijfer }[] {
  const vast: readonly string[] = VASTE_WAARDEN[dimensie];
  const gevonden = rijen.filter((r) => r.dimensie === dimensie);
  const extra = gevonden.map((r) => r.waarde).filter((w) => !vast.includes(w)).sort();
  return [...vast, ...extra].map((waarde) => {
    const r = gevonden.find((g) => g.waarde === waarde);
    return { waarde, cijfer: new Telcijfer(r?.startpopulatie ?? 0, r?.vsv ?? 0) };
  });
}

export function uitsplitsingen(rijen: readonly Rij[]): Record<Uitsplitsing, { waarde: string; cijfer: Telcijfer }[]> {
  return {
    sector: onderdelen(rijen, 'sector'),
    categorie: onderdelen(rijen, 'categorie'),
    leeftijdsgroep: onderdelen(rijen, 'leeftijdsgroep'),
    geslacht: onderdelen(rijen, 'geslacht'),
  };
}

/** Institution categories with the norm of the school year; only the categories it has pupils in. */
export function normcategorieen(rijen: readonly Rij[], schooljaar: string): { waarde: string; cijfer: NormTelcijfer }[] {
  const gevonden = rijen.filter((r) => r.dimensie === 'categorie');
  return CATEGORIEEN.filter((c) => gevonden.some((g) => g.waarde === c)).map((waarde) => {
    const r = gevonden.find((g) => g.waarde === waarde)!;
    return { waarde, cijfer: new NormTelcijfer(r.startpopulatie, r.vsv, schooljaar, waarde) };
  });
}

export const DIMENSIES_GEBIED = ['totaal', 'sector', 'categorie', 'leeftijdsgroep', 'geslacht'] as const;
