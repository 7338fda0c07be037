import { normjaarVoor, normomschrijving, normVoorVergelijking } from '../domain/normen.js';
import {
  NIET_SECUNDAIR, secundaireAfscherming, secundaireAfschermingGenest, type Cel, type Celafscherming, type Toegang,
} from '../domain/openbaarmaking.js';
import { ONBEKEND_GESLACHT, type Cijfer } from '../domain/telling/cijfers.js';
import { LEERWEGEN } from '../domain/telling/beoordeling.js';
import { CATEGORIEEN, SECTOREN, sectorVan, type Categorie } from '../domain/telling/startpopulatie.js';
import { Celgroep, NormTelcijfer, Telcijfer, schermAf } from './openbaarmaking.js';

/**
 * Shaping stored figure rows into the breakdowns of the API. Every value of a breakdown is
 * listed, also when nobody falls in it (then 0 of 0), so that tables have the same rows
 * from year to year and area to area.
 */
export const VASTE_WAARDEN = {
  sector: SECTOREN as readonly string[],
  categorie: CATEGORIEEN as readonly string[],
  /** mbo only: together they make the mbo sector (docs/rules/leerweg.md) */
  leerweg: LEERWEGEN as readonly string[],
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

const isCategorie = (w: string | undefined): w is Categorie => (CATEGORIEEN as readonly (string | undefined)[]).includes(w);

/**
 * The secondary suppression of one breakdown (src/domain/openbaarmaking.ts): its cells
 * against the total row of `rijen` (the learning paths: against the mbo sector row). Categories lie within sectors, and the sectors are
 * published too, so categories are also protected within their sector. The decision rests
 * only on the total and the cells of this one breakdown, so a breakdown is withheld alike in
 * every answer it appears in, whatever else that answer holds.
 */
function celgroep(rijen: readonly Rij[], dimensie: Uitsplitsing, cellen: readonly Cel[]): Celgroep {
  // the learning paths make up the mbo sector, every other breakdown the total
  const t = dimensie === 'leerweg' ? rijen.find((r) => r.dimensie === 'sector' && r.waarde === 'mbo') : rijen.find((r) => r.dimensie === 'totaal');
  const totaal: Cel = t
    ? { startpopulatie: t.startpopulatie, vsv: t.vsv }
    : { startpopulatie: cellen.reduce((s, c) => s + c.startpopulatie, 0), vsv: cellen.reduce((s, c) => s + c.vsv, 0) };
  const genest = dimensie === 'categorie' && cellen.every((c) => isCategorie(c.waarde) || (c.startpopulatie === 0 && c.vsv === 0));
  return new Celgroep((toegang) => {
    if (!genest) return secundaireAfscherming(cellen, totaal, toegang);
    const groepen = SECTOREN.map((s) => cellen.flatMap((c, i) => (isCategorie(c.waarde) && sectorVan(c.waarde) === s ? [i] : [])));
    const besluit = secundaireAfschermingGenest(groepen.map((g) => g.map((i) => cellen[i]!)), totaal, toegang);
    const uit: Celafscherming[] = cellen.map(() => NIET_SECUNDAIR);
    groepen.forEach((g, gi) => g.forEach((i, k) => { uit[i] = besluit[gi]![k]!; }));
    return uit;
  });
}

export function onderdelen(rijen: readonly Rij[], dimensie: Uitsplitsing): { waarde: string; cijfer: Telcijfer }[] {
  const vast: readonly string[] = VASTE_WAARDEN[dimensie];
  const gevonden = rijen.filter((r) => r.dimensie === dimensie);
  const extra = gevonden.map((r) => r.waarde).filter((w) => !vast.includes(w)).sort();
  const cellen = [...vast, ...extra].map((waarde) => {
    const r = gevonden.find((g) => g.waarde === waarde);
    return { waarde, startpopulatie: r?.startpopulatie ?? 0, vsv: r?.vsv ?? 0 };
  });
  const groep = celgroep(rijen, dimensie, cellen);
  return cellen.map((c, index) => ({ waarde: c.waarde, cijfer: new Telcijfer(c.startpopulatie, c.vsv, { groep, index }) }));
}

export function uitsplitsingen(rijen: readonly Rij[]): Record<Uitsplitsing, { waarde: string; cijfer: Telcijfer }[]> {
  return {
    sector: onderdelen(rijen, 'sector'),
    categorie: onderdelen(rijen, 'categorie'),
    leerweg: onderdelen(rijen, 'leerweg'),
    leeftijdsgroep: onderdelen(rijen, 'leeftijdsgroep'),
    geslacht: onderdelen(rijen, 'geslacht'),
  };
}

/**
 * A category of an institution with its figure judged against the norm it is compared with
 * (`normVoorVergelijking`): the norm of the school year itself (2012-2013 t/m 2014-2015,
 * `vastgesteld`), or after that the last norm that was set, as a reference norm.
 */
export interface Normcategorie {
  waarde: string;
  /** the school year whose norm is used; null when the category has no norm to compare with */
  normjaar: string | null;
  /** true: the legally set norm of this school year; false: a reference norm, or none */
  vastgesteld: boolean;
  cijfer: NormTelcijfer;
}

/** Institution categories with the norm they are compared with; only the categories it has pupils in. */
export function normcategorieen(rijen: readonly Rij[], schooljaar: string): Normcategorie[] {
  const gevonden = rijen.filter((r) => r.dimensie === 'categorie');
  const cellen = CATEGORIEEN.filter((c) => gevonden.some((g) => g.waarde === c)).map((waarde) => {
    const r = gevonden.find((g) => g.waarde === waarde)!;
    return { waarde, startpopulatie: r.startpopulatie, vsv: r.vsv };
  });
  const groep = celgroep(rijen, 'categorie', cellen);
  return cellen.map((r, index) => {
    const waarde = r.waarde;
    const v = normVoorVergelijking(schooljaar, waarde);
    // A NormTelcijfer is judged, at publication, against the norm of the year it carries
    // (openbaarmaking.ts: beoordeelNorm); carrying the norm year makes that the judgement of
    // beoordeelNormVoorVergelijking, under the same openbaarmaking as every judgement.
    return { waarde, normjaar: v?.normjaar ?? null, vastgesteld: v?.vastgesteld ?? false, cijfer: new NormTelcijfer(r.startpopulatie, r.vsv, v?.normjaar ?? schooljaar, waarde, { groep, index }) };
  });
}

/** Which norm the judgements of a school year use, for captions: the year's own or a reference norm. */
export function normbasis(schooljaar: string): { schooljaar: string; normjaar: string | null; vastgesteld: boolean; omschrijving: string } {
  const n = normjaarVoor(schooljaar);
  return { schooljaar, normjaar: n?.normjaar ?? null, vastgesteld: n?.vastgesteld ?? false, omschrijving: normomschrijving(schooljaar) };
}

export interface Normsamenvatting {
  aantalBovenNorm: number;
  aantalBinnenNorm: number;
  aantalAfgeschermd: number;
}

/**
 * How many categories are above the norm, within it, or withheld, counted from the
 * judgements *as published* for this access level: a judgement withheld because its
 * percentage is hidden is counted as withheld, never as above or within, so the count
 * reveals nothing the judgements themselves do not. Categories without a norm are not counted.
 */
export function normsamenvatting(categorieen: readonly Normcategorie[], toegang: Toegang): Normsamenvatting {
  const oordelen = (schermAf(categorieen.map((c) => c.cijfer), toegang) as { normoordeel: string }[]).map((c) => c.normoordeel);
  const tel = (oordeel: string) => oordelen.filter((o) => o === oordeel).length;
  return { aantalBovenNorm: tel('niet-gehaald'), aantalBinnenNorm: tel('gehaald'), aantalAfgeschermd: tel('afgeschermd') };
}

export const DIMENSIES_GEBIED = ['totaal', 'sector', 'categorie', 'leerweg', 'leeftijdsgroep', 'geslacht'] as const;
