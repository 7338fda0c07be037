import { LANDELIJK, MBO_NIVEAU_LEERWEG_2016_2017, UITGESLOTEN_2012_2013, type LandelijkJaar } from '../generator/gepubliceerd.js';

/**
 * What the calibration aims at, per school year, derived from the published figures.
 * Counts scale with --schaal; percentages do not.
 */
export interface Doel {
  readonly schooljaar: string;
  readonly jaar: number;
  readonly gepubliceerd: LandelijkJaar;
}

export function doelen(): Map<number, Doel> {
  return new Map(LANDELIJK.map((l) => {
    const jaar = Number(l.schooljaar.slice(0, 4));
    return [jaar, { schooljaar: l.schooljaar, jaar, gepubliceerd: l }];
  }));
}

export const NIVEAU_LEERWEG = MBO_NIVEAU_LEERWEG_2016_2017;
export const UITSLUITINGEN_DOEL = UITGESLOTEN_2012_2013;

/** Deviation in percent, or '' when there is nothing to compare with. */
export function afwijking(berekend: number, gepubliceerd: number | null): string {
  if (gepubliceerd === null || gepubliceerd === 0) return '';
  const a = ((berekend - gepubliceerd) / gepubliceerd) * 100;
  return `${a >= 0 ? '+' : ''}${a.toFixed(1)}%`;
}
