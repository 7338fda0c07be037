import { bevat } from '../datum.js';
import { STARTKWALIFICATIES } from '../onderwijs.js';
import type { Schooljaar } from '../schooljaar.js';
import { LEERPLICHTWET_VRIJSTELLINGEN, REGELING_PRESTATIEBOX_MBO, REGELING_VSV_VO, type Bron } from './bronnen.js';
import type { Dossier } from './dossier.js';
import type { Sector } from './startpopulatie.js';

/**
 * "Who is not a vsv'er" (telling.md): the exclusions B, C and D, in the order in which
 * they are tried. The first that applies gives the reason; when none applies the person
 * is a new vsv'er (reason `vsv`). Each rule has its page in docs/rules/<code>.md.
 */
export type Status = 'definitief' | 'voorlopig';

export interface Telopties {
  readonly status: Status;
  /** minimum hours of work per week on T1 for `mbo1-werk`; 12 by default */
  readonly werkurenDrempel: number;
}

export const STANDAARD_WERKURENDREMPEL = 12;

export interface Regelcontext {
  readonly jaar: Schooljaar;
  /** sector of the enrolment under which the person is counted */
  readonly sector: Sector;
  readonly opties: Telopties;
}

export interface Uitsluitingsregel {
  readonly code: string;
  /** term of the regulation's formula vsv = A − B − C − D */
  readonly term: 'B' | 'C' | 'D';
  readonly titel: string;
  readonly bron: Bron;
  /** Returns the registrations that make the rule apply (in words), or null when it does not. */
  geldt(dossier: Dossier, ctx: Regelcontext): string[] | null;
}

/** Onderwijstypes that rule `onderwijs` does not count: they have rules of their own. */
const GEEN_ONDERWIJS = new Set(['dji', 'politie', 'defensie']);

function inschrijvingenOpT1(dossier: Dossier, ctx: Regelcontext, typen: (type: string) => boolean): string[] | null {
  const bewijs = dossier.inschrijvingen
    .filter((i) => typen(i.onderwijstype) && bevat(i.begindatum, i.einddatum, ctx.jaar.t1))
    .map((i) => `ingeschreven als ${i.onderwijstype} bij ${i.brin}-${i.vestiging} van ${i.begindatum} tot ${i.einddatum ?? 'heden'}`);
  return bewijs.length ? bewijs : null;
}

function alleenMboEnVavo(ctx: Regelcontext): boolean {
  return ctx.sector === 'mbo' || ctx.sector === 'vavo';
}

/** Hours per week as an integer number of millionths, so that 7.3 + 4.7 is exactly 12. */
export function urenInMiljoensten(uren: string): number {
  const [heel, fractie = ''] = uren.split('.');
  return Number(heel) * 1_000_000 + Number((fractie + '000000').slice(0, 6));
}

export const UITSLUITINGSREGELS: readonly Uitsluitingsregel[] = [
  {
    code: 'overleden',
    term: 'B',
    titel: 'Overleden op of vóór T1',
    bron: REGELING_VSV_VO,
    geldt(d, ctx) {
      const bewijs = d.gebeurtenissen
        .filter((g) => g.soort === 'overlijden' && g.datum <= ctx.jaar.t1)
        .map((g) => `overleden op ${g.datum}`);
      return bewijs.length ? bewijs : null;
    },
  },
  {
    code: 'geemigreerd',
    term: 'B',
    titel: 'Geëmigreerd: de laatste emigratie of immigratie op of vóór T1 is een emigratie',
    bron: REGELING_VSV_VO,
    geldt(d, ctx) {
      const migraties = d.gebeurtenissen
        .filter((g) => (g.soort === 'emigratie' || g.soort === 'immigratie') && g.datum <= ctx.jaar.t1)
        // On one day the order of an emigration and an immigration cannot be known; the
        // immigration is put last, so the person is taken to be here (docs/rules/geemigreerd.md).
        .sort((a, b) => (a.datum !== b.datum ? (a.datum < b.datum ? -1 : 1) : a.soort === 'immigratie' ? 1 : -1));
      const laatste = migraties[migraties.length - 1];
      return laatste?.soort === 'emigratie' ? [`geëmigreerd op ${laatste.datum}`] : null;
    },
  },
  {
    code: 'onderwijs',
    term: 'C',
    titel: 'Op T1 ingeschreven in onderwijs (bekostigd of erkend niet-bekostigd, ook ho, pro, vso en nieuwkomers)',
    bron: REGELING_VSV_VO,
    geldt: (d, ctx) => inschrijvingenOpT1(d, ctx, (type) => !GEEN_ONDERWIJS.has(type)),
  },
  {
    code: 'dji',
    term: 'C',
    titel: 'Op T1 ingeschreven bij een justitiële jeugdinrichting (DJI)',
    bron: REGELING_VSV_VO,
    geldt: (d, ctx) => inschrijvingenOpT1(d, ctx, (type) => type === 'dji'),
  },
  {
    code: 'politie-defensie',
    term: 'C',
    titel: 'Op T1 in opleiding bij politie of defensie',
    bron: REGELING_VSV_VO,
    geldt: (d, ctx) => inschrijvingenOpT1(d, ctx, (type) => type === 'politie' || type === 'defensie'),
  },
  {
    code: 'vrijstelling',
    term: 'C',
    titel: 'Vrijstelling op grond van art. 5a, 5b, 5c of 15 Leerplichtwet, geldig op T1',
    bron: LEERPLICHTWET_VRIJSTELLINGEN,
    geldt(d, ctx) {
      const bewijs = d.vrijstellingen
        .filter((v) => ['5a', '5b', '5c', '15'].includes(v.grond) && bevat(v.vanaf, v.tot, ctx.jaar.t1))
        .map((v) => `vrijstelling art. ${v.grond} van ${v.vanaf} tot ${v.tot ?? 'onbepaald'}`);
      return bewijs.length ? bewijs : null;
    },
  },
  {
    code: 'startkwalificatie',
    term: 'D',
    titel: 'Startkwalificatie (havo, vwo, mbo-2/3/4 of ho) behaald op of vóór T1',
    bron: REGELING_VSV_VO,
    geldt(d, ctx) {
      const bewijs = d.diplomas
        .filter((dip) => STARTKWALIFICATIES.has(dip.soort) && dip.datum <= ctx.jaar.t1)
        .map((dip) => `diploma ${dip.soort} op ${dip.datum}${dip.brin ? ` (${dip.brin})` : ''}`);
      return bewijs.length ? bewijs : null;
    },
  },
  {
    code: 'verlate-startkwalificatie',
    term: 'D',
    titel: 'Verlate startkwalificatie: na T1 en uiterlijk 31 december van T+1 (alleen mbo en vavo, alleen definitief)',
    bron: REGELING_PRESTATIEBOX_MBO,
    geldt(d, ctx) {
      if (ctx.opties.status !== 'definitief' || !alleenMboEnVavo(ctx)) return null;
      const bewijs = d.diplomas
        .filter((dip) => STARTKWALIFICATIES.has(dip.soort) && dip.datum > ctx.jaar.t1 && dip.datum <= ctx.jaar.eindeVerlateStartkwalificatie)
        .map((dip) => `diploma ${dip.soort} op ${dip.datum}${dip.brin ? ` (${dip.brin})` : ''}, na T1 maar vóór 1 januari`);
      return bewijs.length ? bewijs : null;
    },
  },
  {
    code: 'mbo1-werk',
    term: 'D',
    titel: 'Entreediploma (mbo-1) op of vóór T1 en op T1 werk van minstens de werkurendrempel (standaard 12 uur per week, alle banen samen; alleen mbo en vavo)',
    bron: REGELING_PRESTATIEBOX_MBO,
    geldt(d, ctx) {
      if (!alleenMboEnVavo(ctx)) return null;
      const entree = d.diplomas.filter((dip) => dip.soort === 'mbo-1' && dip.datum <= ctx.jaar.t1);
      if (entree.length === 0) return null;
      const banen = d.werk.filter((w) => bevat(w.vanaf, w.tot, ctx.jaar.t1));
      // "work on T1": without any job there is no work, whatever the threshold.
      if (banen.length === 0) return null;
      const totaal = banen.reduce((som, w) => som + urenInMiljoensten(w.urenPerWeek), 0);
      // The threshold in millionths, rounded, so that 8.05 hours meets a threshold of 8.05.
      if (totaal < Math.round(ctx.opties.werkurenDrempel * 1_000_000)) return null;
      return [
        ...entree.map((dip) => `entreediploma op ${dip.datum}`),
        ...banen.map((w) => `werk ${w.urenPerWeek} uur per week van ${w.vanaf} tot ${w.tot ?? 'heden'}`),
      ];
    },
  },
];

export interface Redenuitkomst {
  /** a rule code, or `vsv` when no rule applies */
  readonly reden: string;
  readonly bewijs: readonly string[];
}

export function bepaalReden(dossier: Dossier, ctx: Regelcontext): Redenuitkomst {
  for (const regel of UITSLUITINGSREGELS) {
    const bewijs = regel.geldt(dossier, ctx);
    if (bewijs) return { reden: regel.code, bewijs };
  }
  return { reden: 'vsv', bewijs: [] };
}
