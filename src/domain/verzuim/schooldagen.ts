import { isGeldigeDatum, type Datum } from '../datum.js';
import { isFeestdag } from './feestdagen.js';
import { isWeekend, plusDagen } from './kalender.js';

/**
 * School days per holiday region (docs/rules/verzuim-schooldagen.md).
 *
 * A school day is a weekday that is not a national public holiday and not inside a school
 * holiday of the region. The holidays come from `referentiedata/data/schoolvakanties.csv`
 * (loaded by `src/verzuim/schoolkalender.ts`); this module only applies them. The calendar
 * knows a region from the day after its first listed summer holiday up to the last day of its
 * last listed summer holiday; outside that span it refuses to answer rather than guess.
 */
export const VAKANTIEREGIOS = ['noord', 'midden', 'zuid'] as const;
export type Vakantieregio = (typeof VAKANTIEREGIOS)[number];

export interface Schoolvakantie {
  readonly schooljaar: string;
  /** a region, or `heel-nederland` for the holidays fixed for all regions at once */
  readonly regio: Vakantieregio | 'heel-nederland';
  readonly vakantie: string;
  readonly eersteDag: Datum;
  readonly laatsteDag: Datum;
  /** true: fixed by the minister (zomer, kerst, mei); false: advice dates (herfst, voorjaar) */
  readonly verplicht: boolean;
}

export class BuitenSchoolkalender extends Error {
  constructor(readonly regio: Vakantieregio, readonly datum: Datum, readonly dekking: { vanaf: Datum; tot: Datum } | null) {
    super(dekking
      ? `de schoolkalender van regio ${regio} loopt van ${dekking.vanaf} tot en met ${dekking.tot}; ${datum} valt erbuiten`
      : `er zijn geen schoolvakanties bekend voor regio ${regio}`);
  }
}

export interface Schoolkalender {
  /** The first and last day this calendar can answer for, per region. */
  dekking(regio: Vakantieregio): { vanaf: Datum; tot: Datum } | null;
  kent(regio: Vakantieregio, datum: Datum): boolean;
  /** The school holiday (name) that holds `datum` in `regio`, or null. */
  vakantieOp(regio: Vakantieregio, datum: Datum): string | null;
  isSchooldag(regio: Vakantieregio, datum: Datum): boolean;
  /** The `n`-th school day after `datum` (`datum` itself not counted); n ≥ 1. */
  schooldagenNa(regio: Vakantieregio, datum: Datum, n: number): Datum;
  /** School days in `[van, tot]`, both inclusive. */
  schooldagenTussen(regio: Vakantieregio, van: Datum, tot: Datum): number;
}

export function maakSchoolkalender(vakanties: readonly Schoolvakantie[]): Schoolkalender {
  const perRegio = new Map<Vakantieregio, Schoolvakantie[]>();
  for (const regio of VAKANTIEREGIOS) {
    perRegio.set(regio, vakanties.filter((v) => v.regio === regio || v.regio === 'heel-nederland'));
  }
  const dekkingen = new Map<Vakantieregio, { vanaf: Datum; tot: Datum } | null>();
  for (const regio of VAKANTIEREGIOS) {
    const zomers = perRegio.get(regio)!.filter((v) => v.vakantie === 'zomervakantie').sort((a, b) => a.eersteDag.localeCompare(b.eersteDag));
    dekkingen.set(regio, zomers.length < 2 ? null : { vanaf: plusDagen(zomers[0]!.laatsteDag, 1), tot: zomers[zomers.length - 1]!.laatsteDag });
  }

  const kalender: Schoolkalender = {
    dekking: (regio) => dekkingen.get(regio) ?? null,
    kent(regio, datum) {
      const d = dekkingen.get(regio);
      return d !== null && d !== undefined && d.vanaf <= datum && datum <= d.tot;
    },
    vakantieOp(regio, datum) {
      for (const v of perRegio.get(regio) ?? []) if (v.eersteDag <= datum && datum <= v.laatsteDag) return v.vakantie;
      return null;
    },
    isSchooldag(regio, datum) {
      if (!isGeldigeDatum(datum)) throw new Error(`'${datum}' is geen datum (JJJJ-MM-DD)`);
      if (!kalender.kent(regio, datum)) throw new BuitenSchoolkalender(regio, datum, kalender.dekking(regio));
      return !isWeekend(datum) && !isFeestdag(datum) && kalender.vakantieOp(regio, datum) === null;
    },
    schooldagenNa(regio, datum, n) {
      if (!Number.isInteger(n) || n < 1) throw new Error(`schooldagenNa: n moet een geheel getal ≥ 1 zijn, niet ${n}`);
      let dag = datum;
      let gevonden = 0;
      while (gevonden < n) {
        dag = plusDagen(dag, 1);
        if (kalender.isSchooldag(regio, dag)) gevonden += 1;
      }
      return dag;
    },
    schooldagenTussen(regio, van, tot) {
      let n = 0;
      for (let dag = van; dag <= tot; dag = plusDagen(dag, 1)) if (kalender.isSchooldag(regio, dag)) n += 1;
      return n;
    },
  };
  return kalender;
}
