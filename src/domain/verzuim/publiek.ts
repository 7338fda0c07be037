import type { Datum } from '../datum.js';
import { verzuimcijfers, type Meldingsfeit, type Verzuimcijfers } from './cijfers.js';
import { ACTIESOORTEN, AFSLUITREDENEN, MELDINGSTATUSSEN } from './status.js';
import { MELDINGSOORTEN } from './melding.js';

/**
 * The public absence figures of a school year (docs/rules/verzuim-cijfers.md, "Openbare
 * verzuimcijfers"; issue 10 item 5): the same figures as `verzuimcijfers`, national and per
 * RMC region, as raw counts in rows (`verzuim_cijfer`) that hold no person. Pure. Disclosure
 * control is not applied here but when they are published, as for the vsv figures.
 *
 * A report's region is the RMC region of the municipality it was routed to (the pupil's
 * residence on the report date), in the classification of the school year; without one it is
 * `onbekend`. So every report is in exactly one region and the regions add up to the nation.
 */
export const LANDELIJK_GEBIED = 'NL';
export const ONBEKENDE_REGIO = 'onbekend';

/** A breakdown of the reports: its values, and which row its cells add up to. */
export const VERZUIMUITSPLITSINGEN = {
  soort: { waarden: MELDINGSOORTEN as readonly string[], totaal: { dimensie: 'totaal', waarde: 'meldingen' } },
  status: { waarden: MELDINGSTATUSSEN as readonly string[], totaal: { dimensie: 'totaal', waarde: 'meldingen' } },
  // only closed reports have a closing reason: they add up to the closed ones
  afsluitreden: { waarden: AFSLUITREDENEN as readonly string[], totaal: { dimensie: 'status', waarde: 'afgesloten' } },
  eersteActie: { waarden: [...ACTIESOORTEN, 'geen'] as readonly string[], totaal: { dimensie: 'totaal', waarde: 'meldingen' } },
  tijdigheid: { waarden: ['tijdig', 'te-laat', 'zonder-oordeel'] as readonly string[], totaal: { dimensie: 'totaal', waarde: 'meldingen' } },
} as const;
export type Verzuimuitsplitsing = keyof typeof VERZUIMUITSPLITSINGEN;
export const VERZUIMUITSPLITSING_NAMEN = Object.keys(VERZUIMUITSPLITSINGEN) as Verzuimuitsplitsing[];

/** Calendar days to the first action; not counts, shown only when at least 5 reports had an action (DREMPEL). */
export const DAGEN_DIMENSIE = 'eersteActieDagen';
/** The share of vsv'ers with a report: `vsvers` and `metMelding`, both counts of persons. */
export const VSV_DIMENSIE = 'vsvMetMelding';

export interface Verzuimrij {
  readonly niveau: 'landelijk' | 'regio';
  readonly gebied: string;
  readonly dimensie: string;
  readonly waarde: string;
  readonly aantal: number;
}

/** A report as the public figures need it: the facts of `verzuimcijfers` and the region it counts in. */
export type PubliekMeldingsfeit = Meldingsfeit & { readonly meldingsdatum: Datum; readonly regio: string };

/** The vsv'ers of one region in the count of the school year, and how many had a report in its period. */
export interface VsvPerRegio {
  readonly regio: string;
  readonly vsvers: number;
  readonly metMelding: number;
}

function rijenVan(niveau: Verzuimrij['niveau'], gebied: string, c: Verzuimcijfers, vsv: VsvPerRegio | null): Verzuimrij[] {
  const rij = (dimensie: string, waarde: string, aantal: number): Verzuimrij => ({ niveau, gebied, dimensie, waarde, aantal });
  const uit: Verzuimrij[] = [rij('totaal', 'meldingen', c.meldingen)];
  const bron: Record<Verzuimuitsplitsing, Record<string, number>> = {
    soort: c.perSoort, status: c.perStatus, afsluitreden: c.perAfsluitreden,
    eersteActie: { ...c.eersteActie.perSoort, geen: c.eersteActie.zonderActie },
    tijdigheid: { tijdig: c.tijdigheid.tijdig, 'te-laat': c.tijdigheid.teLaat, 'zonder-oordeel': c.tijdigheid.zonderOordeel },
  };
  for (const d of VERZUIMUITSPLITSING_NAMEN) {
    const waarden = [...new Set([...VERZUIMUITSPLITSINGEN[d].waarden, ...Object.keys(bron[d])])];
    for (const w of waarden) uit.push(rij(d, w, bron[d][w] ?? 0));
  }
  if (c.eersteActie.dagenMediaan !== null) uit.push(rij(DAGEN_DIMENSIE, 'mediaan', c.eersteActie.dagenMediaan));
  if (c.eersteActie.dagen90 !== null) uit.push(rij(DAGEN_DIMENSIE, '90e-percentiel', c.eersteActie.dagen90));
  if (vsv) uit.push(rij(VSV_DIMENSIE, 'vsvers', vsv.vsvers), rij(VSV_DIMENSIE, 'metMelding', vsv.metMelding));
  return uit;
}

/**
 * The rows of a school year: the nation, and every region that has a report or a vsv'er in the
 * count (a region without either is read as all zeros). `vsv`: per region, null when the
 * school year has no count (then no share is published).
 */
export function publiekeVerzuimrijen(schooljaar: string, feiten: readonly PubliekMeldingsfeit[], vsv: readonly VsvPerRegio[] | null): Verzuimrij[] {
  const regios = [...new Set([...feiten.map((f) => f.regio), ...(vsv ?? []).map((v) => v.regio)])].sort();
  const landelijkVsv = vsv
    ? { regio: LANDELIJK_GEBIED, vsvers: vsv.reduce((t, v) => t + v.vsvers, 0), metMelding: vsv.reduce((t, v) => t + v.metMelding, 0) }
    : null;
  const uit = rijenVan('landelijk', LANDELIJK_GEBIED, verzuimcijfers(schooljaar, feiten), landelijkVsv);
  for (const regio of regios) {
    const eigenVsv = vsv ? (vsv.find((v) => v.regio === regio) ?? { regio, vsvers: 0, metMelding: 0 }) : null;
    uit.push(...rijenVan('regio', regio, verzuimcijfers(schooljaar, feiten.filter((f) => f.regio === regio)), eigenVsv));
  }
  return uit;
}
