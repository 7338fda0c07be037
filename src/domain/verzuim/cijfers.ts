import type { Datum } from '../datum.js';
import { dagenTussen } from './kalender.js';
import { MELDINGSOORTEN, type Meldingsoort } from './melding.js';
import { ACTIESOORTEN, AFSLUITREDENEN, MELDINGSTATUSSEN, type Meldingstatus } from './status.js';
import { aandeelTeLaat } from './achterstand.js';
import type { Tijdigheid } from './tijdigheid.js';

/**
 * Absence figures of a scope for one school year (docs/rules/verzuim-cijfers.md; issue 10
 * item 5): reports by type, by status and closing reason, the first action taken and how long
 * it took, and the share filed late, in total and per school. Pure.
 *
 * A report belongs to the school year of its `meldingsdatum`: the school year runs from
 * 1 August to 31 July (WVO 2020 art. 1.1, Leerplichtwet art. 1: "schooljaar"), so 31 July 2026
 * is the last day of 2025-2026 and 1 August 2026 the first of 2026-2027.
 */
export function schooljaarVanMelding(meldingsdatum: Datum): string {
  const jaar = Number(meldingsdatum.slice(0, 4));
  const maand = Number(meldingsdatum.slice(5, 7));
  const begin = maand >= 8 ? jaar : jaar - 1;
  return `${begin}-${begin + 1}`;
}

/** The first and last day of a school year `2025-2026`. */
export function schooljaarGrenzen(schooljaar: string): { van: Datum; tot: Datum } {
  const begin = Number(schooljaar.slice(0, 4));
  return { van: `${begin}-08-01`, tot: `${begin + 1}-07-31` };
}

/**
 * The period of the vsv count of a school year (`telling.md`: T0 = 1 October of year T, T1 =
 * 1 October of T+1): a vsv'er of that count left education within it. "A report in the year
 * before dropping out" is read as a report with its meldingsdatum in this period, the year in
 * which they dropped out (the count does not keep the day they left).
 */
export function telperiode(schooljaar: string): { van: Datum; tot: Datum } {
  const begin = Number(schooljaar.slice(0, 4));
  return { van: `${begin}-10-01`, tot: `${begin + 1}-09-30` };
}

/** Share of a scope's vsv'ers of one count who had an absence report in the count's period. */
export interface VsvMetMelding {
  schooljaar: string;
  status: 'definitief' | 'voorlopig';
  vsvers: number;
  metMelding: number;
  /** percentage with one decimal; null without vsv'ers */
  aandeel: number | null;
}

export function vsvMetMelding(schooljaar: string, status: 'definitief' | 'voorlopig', vsvers: number, metMelding: number): VsvMetMelding {
  return { schooljaar, status, vsvers, metMelding, aandeel: vsvers === 0 ? null : Math.round((1000 * metMelding) / vsvers) / 10 };
}

export const SCHOOLJAAR_PATROON = '^[0-9]{4}-[0-9]{4}$';

export function isSchooljaar(s: string): boolean {
  return new RegExp(SCHOOLJAAR_PATROON).test(s) && Number(s.slice(5)) === Number(s.slice(0, 4)) + 1;
}

/** What the figures need of one report: no person, no case notes. */
export interface Meldingsfeit {
  readonly soort: Meldingsoort;
  readonly brin: string;
  readonly status: Meldingstatus;
  readonly afsluitreden: string | null;
  readonly tijdigheid: Tijdigheid['status'];
  /** the day the report arrived */
  readonly ontvangen: Datum;
  /** the first action recorded on it (date and kind), or null */
  readonly eersteActie: { readonly datum: Datum; readonly soort: string } | null;
}

export interface Tijdigheidscijfer {
  tijdig: number;
  teLaat: number;
  /** no deadline (`niet-van-toepassing`: a type without one) or not decidable (`onbekend`: no holiday region known) */
  zonderOordeel: number;
  /** percentage with one decimal of `tijdig + teLaat`; null when there are none */
  aandeelTeLaat: number | null;
}

export interface Verzuimcijfers {
  schooljaar: string;
  /** the number of reports (not `aantal`: that name is kept for published counts of persons, src/server/openbaarmaking.ts) */
  meldingen: number;
  perSoort: Record<Meldingsoort, number>;
  perStatus: Record<Meldingstatus, number>;
  /** closed reports per closing reason */
  perAfsluitreden: Record<string, number>;
  eersteActie: {
    /** reports with at least one action */
    metActie: number;
    zonderActie: number;
    perSoort: Record<string, number>;
    /** calendar days from arrival to the first action: median and 90th percentile (nearest rank); null without actions */
    dagenMediaan: number | null;
    dagen90: number | null;
  };
  tijdigheid: Tijdigheidscijfer;
  perSchool: ({ brin: string; meldingen: number } & Tijdigheidscijfer)[];
}

const nullen = <K extends string>(sleutels: readonly K[]): Record<K, number> =>
  Object.fromEntries(sleutels.map((k) => [k, 0])) as Record<K, number>;

function tijdigheidVan(feiten: readonly Meldingsfeit[]): Tijdigheidscijfer {
  const tijdig = feiten.filter((f) => f.tijdigheid === 'tijdig').length;
  const teLaat = feiten.filter((f) => f.tijdigheid === 'te-laat').length;
  return { tijdig, teLaat, zonderOordeel: feiten.length - tijdig - teLaat, aandeelTeLaat: aandeelTeLaat(tijdig, teLaat) };
}

/** The nearest-rank percentile of sorted values (p in 0–100]. */
function percentiel(gesorteerd: readonly number[], p: number): number | null {
  if (gesorteerd.length === 0) return null;
  return gesorteerd[Math.max(0, Math.ceil((p / 100) * gesorteerd.length) - 1)]!;
}

/** The figures of the reports of one school year (reports of other years are left out). */
export function verzuimcijfers(schooljaar: string, alle: readonly (Meldingsfeit & { meldingsdatum: Datum })[]): Verzuimcijfers {
  const feiten = alle.filter((f) => schooljaarVanMelding(f.meldingsdatum) === schooljaar);
  const perSoort = nullen(MELDINGSOORTEN);
  const perStatus = nullen(MELDINGSTATUSSEN);
  const perAfsluitreden = nullen(AFSLUITREDENEN) as Record<string, number>;
  const actiePerSoort = nullen(ACTIESOORTEN) as Record<string, number>;
  const dagen: number[] = [];
  for (const f of feiten) {
    perSoort[f.soort] += 1;
    perStatus[f.status] += 1;
    if (f.status === 'afgesloten' && f.afsluitreden) perAfsluitreden[f.afsluitreden] = (perAfsluitreden[f.afsluitreden] ?? 0) + 1;
    if (f.eersteActie) {
      actiePerSoort[f.eersteActie.soort] = (actiePerSoort[f.eersteActie.soort] ?? 0) + 1;
      // an action dated before the report arrived (recorded from an earlier conversation) counts as day 0
      dagen.push(Math.max(0, dagenTussen(f.ontvangen, f.eersteActie.datum)));
    }
  }
  dagen.sort((a, b) => a - b);
  const scholen = [...new Set(feiten.map((f) => f.brin))].sort();
  return {
    schooljaar,
    meldingen: feiten.length,
    perSoort,
    perStatus,
    perAfsluitreden,
    eersteActie: {
      metActie: dagen.length, zonderActie: feiten.length - dagen.length, perSoort: actiePerSoort,
      dagenMediaan: percentiel(dagen, 50), dagen90: percentiel(dagen, 90),
    },
    tijdigheid: tijdigheidVan(feiten),
    perSchool: scholen.map((brin) => {
      const eigen = feiten.filter((f) => f.brin === brin);
      return { brin, meldingen: eigen.length, ...tijdigheidVan(eigen) };
    }),
  };
}
