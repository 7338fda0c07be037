import { dag, jaarVan, type Dag } from './dagen.js';
import { GESLACHT, IMMIGRANTEN, VO_INSTROOM_VERSCHUIVING } from './parameters.js';
import { kiesUit, mix32, type Prng } from './prng.js';
import type { Wereld } from './wereld.js';

/**
 * Who a synthetic person is: pseudonymous id, birth, sex, names, and when they enter vo.
 * The life itself is levensloop.ts.
 */
export interface Persoon {
  readonly nummer: number;
  readonly id: string;
  readonly geboren: Dag;
  readonly geboortejaar: number;
  /** M, V, X or '' (unknown) as in personen.csv */
  readonly geslacht: 'M' | 'V' | 'X' | '';
  readonly voornamen: string;
  readonly voorvoegsel: string;
  readonly geslachtsnaam: string;
  /** school year (first calendar year) in which the person enters vo, if living here by then */
  readonly voInstroomjaar: number;
  /** arrival from abroad, or null for persons born here */
  readonly aankomst: Dag | null;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A pseudonymised persoon_id: the person number through a keyed 4-round Feistel network
 * on 40 bits, written in base 32. A bijection, so ids never collide, and they look like
 * the pseudonyms of a real delivery rather than a counter.
 */
export function pseudoniem(zaad: number, nummer: number): string {
  const maskr = 0xfffff;
  let l = Math.floor(nummer / 0x100000) & maskr;
  let r = nummer & maskr;
  for (let ronde = 0; ronde < 4; ronde += 1) {
    const f = mix32((r ^ mix32(zaad + ronde * 0x9e3779b9)) >>> 0) & maskr;
    [l, r] = [r, l ^ f];
  }
  let waarde = l * 0x100000 + r;
  let uit = '';
  for (let i = 0; i < 8; i += 1) {
    uit = CROCKFORD[waarde % 32]! + uit;
    waarde = Math.floor(waarde / 32);
  }
  return `P${uit}`;
}

/**
 * A person of school cohort `cohort`: those who enter vo on time in August of that year,
 * born between 2 October two years… one year before (the Dutch school-entry cut-off of
 * 1 October), then shifted a year for those who were early or late in primary school.
 */
export function maakPersoon(r: Prng, wereld: Wereld, zaad: number, nummer: number, cohort: number): Persoon {
  const van = dag(cohort - 13, 10, 2);
  const tot = dag(cohort - 12, 10, 1);
  const geboren = van + Math.floor(r.getal() * (tot - van + 1));
  const geboortejaar = jaarVan(geboren);
  const g = kiesUit(r, GESLACHT);
  const geslacht = g === 'onbekend' ? '' : g;
  const lijstGeslacht = geslacht === 'M' ? 'm' : geslacht === 'V' ? 'f' : r.kans(0.5) ? 'm' : 'f';
  const namenLijst = wereld.voornamen(geboortejaar, lijstGeslacht);
  const aantalNamen = r.kans(0.35) ? 1 : r.kans(0.7) ? 2 : 3;
  const namen: string[] = [];
  for (let i = 0; i < aantalNamen * 3 && namen.length < aantalNamen; i += 1) {
    // Second and third names often come from the grandparents' generation.
    const lijst = namen.length === 0 ? namenLijst : wereld.voornamen(geboortejaar - (r.kans(0.5) ? 0 : 55), lijstGeslacht);
    const naam = lijst.trek(r);
    if (!namen.includes(naam)) namen.push(naam);
  }
  const achternaam = wereld.achternamen.trek(r);
  const verschuiving = r.kans(VO_INSTROOM_VERSCHUIVING.eerder) ? -1 : r.kans(VO_INSTROOM_VERSCHUIVING.later) ? 1 : 0;
  // Immigrants arrive at a uniformly drawn age below 18.
  const aankomst = r.kans(IMMIGRANTEN) ? geboren + Math.floor(r.getal() * 18 * 365.25) : null;
  return {
    nummer, id: pseudoniem(zaad, nummer), geboren, geboortejaar, geslacht,
    voornamen: namen.join(' '), voorvoegsel: achternaam.voorvoegsel, geslachtsnaam: achternaam.geslachtsnaam,
    voInstroomjaar: cohort + verschuiving, aankomst,
  };
}
