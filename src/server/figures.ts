import { normjaarVoor, normomschrijving, normVoorVergelijking } from '../domain/normen.js';
import { NIET_SECUNDAIR, type Celafscherming, type Toegang } from '../domain/openbaarmaking.js';
import { UITSPLITSINGEN, VASTE_WAARDEN, type Uitsplitsing } from '../domain/openbaarmaking/tabel.js';
import { CATEGORIEEN } from '../domain/telling/startpopulatie.js';
import { NormTelcijfer, Telcijfer, schermAf } from './openbaarmaking.js';

/**
 * Shaping published figure rows (src/publicatie: stored figures with what the run's one
 * suppression pattern withholds) into the breakdowns of the API. Every value of a breakdown
 * is listed, also when nobody falls in it (then 0 of 0), so that tables have the same rows
 * from year to year and area to area. Nothing here decides what is withheld.
 */
export { UITSPLITSINGEN, VASTE_WAARDEN, type Uitsplitsing };

interface Rij {
  readonly dimensie: string;
  readonly waarde: string;
  readonly startpopulatie: number;
  readonly vsv: number;
  readonly afscherming?: Celafscherming;
}

export function totaalVan(rijen: readonly Rij[]): Telcijfer {
  const t = rijen.find((r) => r.dimensie === 'totaal');
  return new Telcijfer(t?.startpopulatie ?? 0, t?.vsv ?? 0, t?.afscherming ?? NIET_SECUNDAIR);
}

export function onderdelen(rijen: readonly Rij[], dimensie: Uitsplitsing): { waarde: string; cijfer: Telcijfer }[] {
  const vast: readonly string[] = VASTE_WAARDEN[dimensie];
  const gevonden = rijen.filter((r) => r.dimensie === dimensie);
  const extra = gevonden.map((r) => r.waarde).filter((w) => !vast.includes(w)).sort();
  return [...vast, ...extra].map((waarde) => {
    const r = gevonden.find((g) => g.waarde === waarde);
    return { waarde, cijfer: new Telcijfer(r?.startpopulatie ?? 0, r?.vsv ?? 0, r?.afscherming ?? NIET_SECUNDAIR) };
  });
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
  const cellen = CATEGORIEEN.filter((c) => gevonden.some((g) => g.waarde === c)).map((waarde) => gevonden.find((g) => g.waarde === waarde)!);
  return cellen.map((r) => {
    const waarde = r.waarde;
    const v = normVoorVergelijking(schooljaar, waarde);
    // A NormTelcijfer is judged, at publication, against the norm of the year it carries
    // (openbaarmaking.ts: beoordeelNorm); carrying the norm year makes that the judgement of
    // beoordeelNormVoorVergelijking, under the same openbaarmaking as every judgement.
    return { waarde, normjaar: v?.normjaar ?? null, vastgesteld: v?.vastgesteld ?? false, cijfer: new NormTelcijfer(r.startpopulatie, r.vsv, v?.normjaar ?? schooljaar, waarde, r.afscherming) };
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
