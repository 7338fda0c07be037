import type { Datum } from '../datum.js';
import { schooljaarVanaf, type Schooljaar } from '../schooljaar.js';

/**
 * Months and their dates (lijsten.md, "Months and dates"). A month is written `YYYY-MM`; its
 * peildatum d(M) is the first day of the month, p(M) = d(M − 1). A lijstjaar T-T+1 runs from
 * month T-10 to month T+1-09; its first peildatum is T0 of the count (telling.md).
 * Documented in docs/rules/lijsten-maand.md.
 */
export interface Maand {
  /** e.g. `2024-03` */
  readonly naam: string;
  readonly jaar: number;
  /** 1–12 */
  readonly maand: number;
}

const MAAND = /^(\d{4})-(\d{2})$/;

/** Parses `YYYY-MM`; null when the text is no month. */
export function parseMaand(tekst: string): Maand | null {
  const m = MAAND.exec(tekst);
  if (!m) return null;
  const jaar = Number(m[1]);
  const maand = Number(m[2]);
  if (jaar < 1900 || maand < 1 || maand > 12) return null;
  return maandVan(jaar, maand);
}

export function maandVan(jaar: number, maand: number): Maand {
  return { naam: `${jaar}-${String(maand).padStart(2, '0')}`, jaar, maand };
}

/** d(M): the first day of the month. */
export function peildatum(m: Maand): Datum {
  return `${m.naam}-01`;
}

export function vorigeMaand(m: Maand): Maand {
  return m.maand === 1 ? maandVan(m.jaar - 1, 12) : maandVan(m.jaar, m.maand - 1);
}

export function volgendeMaand(m: Maand): Maand {
  return m.maand === 12 ? maandVan(m.jaar + 1, 1) : maandVan(m.jaar, m.maand + 1);
}

/** p(M) = d(M − 1): the previous month's peildatum. */
export function vorigePeildatum(m: Maand): Datum {
  return peildatum(vorigeMaand(m));
}

/** The lijstjaar T-T+1 that month M belongs to (October starts a lijstjaar). */
export function lijstjaar(m: Maand): Schooljaar {
  return schooljaarVanaf(m.maand >= 10 ? m.jaar : m.jaar - 1);
}

/** The first month of a lijstjaar: October of T (its peildatum is T0). */
export function eersteMaand(jaar: Schooljaar): Maand {
  return maandVan(jaar.jaar, 10);
}

export function isEersteMaand(m: Maand): boolean {
  return m.maand === 10;
}

/** The months of M's lijstjaar from its first month up to and including M, in order. */
export function maandenTotEnMet(m: Maand): Maand[] {
  const uit: Maand[] = [];
  for (let x = eersteMaand(lijstjaar(m)); x.naam <= m.naam; x = volgendeMaand(x)) uit.push(x);
  return uit;
}

/** All twelve months of a lijstjaar. */
export function maandenVan(jaar: Schooljaar): Maand[] {
  return maandenTotEnMet(maandVan(jaar.jaar + 1, 9));
}
