/**
 * The computed figures of one school year that the calibration compares with the published
 * ones: start population and vsv'ers nationally, per sector, per category, per mbo level ×
 * learning path, per reason, per RMC region and per age group.
 */
export interface Teller { startpopulatie: number; vsv: number }

export interface Jaaruitkomst {
  readonly jaar: number;
  readonly totaal: Teller;
  readonly sector: Map<string, Teller>;
  readonly categorie: Map<string, Teller>;
  /** key `bol-2`, `bbl-4`, … (primary enrolment's path and level) */
  readonly niveauLeerweg: Map<string, Teller>;
  /** number of persons per reason (including `vsv`) */
  readonly reden: Map<string, number>;
  readonly rmc: Map<string, Teller>;
  readonly leeftijdsgroep: Map<string, Teller>;
  /** key `mbo <18`, `vo 18+`, … */
  readonly sectorLeeftijd: Map<string, Teller>;
  /** persons of the start population on T1 in recognised non-funded education only (within reason `onderwijs`) */
  nietBekostigd: number;
}

export function legeUitkomst(jaar: number): Jaaruitkomst {
  return {
    jaar, totaal: { startpopulatie: 0, vsv: 0 }, sector: new Map(), categorie: new Map(), niveauLeerweg: new Map(),
    reden: new Map(), rmc: new Map(), leeftijdsgroep: new Map(), sectorLeeftijd: new Map(), nietBekostigd: 0,
  };
}

export function tel(m: Map<string, Teller>, sleutel: string, vsv: boolean, aantal = 1, aantalVsv = vsv ? 1 : 0): void {
  let t = m.get(sleutel);
  if (!t) {
    t = { startpopulatie: 0, vsv: 0 };
    m.set(sleutel, t);
  }
  t.startpopulatie += aantal;
  t.vsv += aantalVsv;
}

export function pct(t: Teller | undefined): number | null {
  return t && t.startpopulatie > 0 ? (100 * t.vsv) / t.startpopulatie : null;
}
