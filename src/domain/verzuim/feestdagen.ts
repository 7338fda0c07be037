import type { Datum } from '../datum.js';
import { plusDagen } from './kalender.js';

/**
 * National public holidays on which schools are closed.
 *
 * Source: Algemene termijnenwet (BWBR0002448) art. 3, the list of "algemeen erkende
 * feestdagen": Nieuwjaarsdag, Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag, Eerste en
 * Tweede Kerstdag, Koningsdag (27 April; 26 April when the 27th is a Sunday, Wet
 * koningsdag) and Bevrijdingsdag (5 May). Goede Vrijdag is not on that list and is a school
 * day here; schools that close on it do so by their own choice. The Sundays (Pasen,
 * Pinksteren) are weekend days anyway. Bevrijdingsdag is taken as a free day every year, as
 * the law lists it, although many schools close only in lustrum years (docs/rules/verzuim-schooldagen.md).
 */
export function paaszondag(jaar: number): Datum {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

export interface Feestdag {
  readonly datum: Datum;
  readonly naam: string;
}

export function feestdagen(jaar: number): Feestdag[] {
  const pasen = paaszondag(jaar);
  const koningsdag = new Date(Date.UTC(jaar, 3, 27)).getUTCDay() === 0 ? `${jaar}-04-26` : `${jaar}-04-27`;
  return [
    { datum: `${jaar}-01-01`, naam: 'Nieuwjaarsdag' },
    { datum: plusDagen(pasen, 1), naam: 'Tweede Paasdag' },
    { datum: koningsdag, naam: 'Koningsdag' },
    { datum: `${jaar}-05-05`, naam: 'Bevrijdingsdag' },
    { datum: plusDagen(pasen, 39), naam: 'Hemelvaartsdag' },
    { datum: plusDagen(pasen, 50), naam: 'Tweede Pinksterdag' },
    { datum: `${jaar}-12-25`, naam: 'Eerste Kerstdag' },
    { datum: `${jaar}-12-26`, naam: 'Tweede Kerstdag' },
  ];
}

const cache = new Map<number, Set<Datum>>();

export function isFeestdag(datum: Datum): boolean {
  const jaar = Number(datum.slice(0, 4));
  let dagen = cache.get(jaar);
  if (!dagen) {
    dagen = new Set(feestdagen(jaar).map((f) => f.datum));
    cache.set(jaar, dagen);
  }
  return dagen.has(datum);
}
