import type { Datum } from './datum.js';

/**
 * A school year `T-T+1` and its reference dates (telling.md, "Reference dates").
 */
export interface Schooljaar {
  /** e.g. `2019-2020` */
  readonly naam: string;
  /** the first calendar year T */
  readonly jaar: number;
  /** T0: 1 October of T, the teldatum of the start population */
  readonly t0: Datum;
  /** T1: 1 October of T+1, the check date */
  readonly t1: Datum;
  /** 31 December of T+1: end of the window for a late startkwalificatie */
  readonly eindeVerlateStartkwalificatie: Datum;
}

const SCHOOLJAAR = /^(\d{4})-(\d{4})$/;

/** Parses `T-T+1`; returns null when the text is no school year (the second year must follow the first). */
export function parseSchooljaar(tekst: string): Schooljaar | null {
  const m = SCHOOLJAAR.exec(tekst);
  if (!m) return null;
  const jaar = Number(m[1]);
  if (Number(m[2]) !== jaar + 1 || jaar < 1900) return null;
  return schooljaarVanaf(jaar);
}

export function schooljaarVanaf(jaar: number): Schooljaar {
  return {
    naam: `${jaar}-${jaar + 1}`,
    jaar,
    t0: `${jaar}-10-01`,
    t1: `${jaar + 1}-10-01`,
    eindeVerlateStartkwalificatie: `${jaar + 1}-12-31`,
  };
}
