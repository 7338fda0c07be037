/**
 * Policy context shown beside the figures: the national target and the known method
 * changes that break the series. Source: ../shared/data/PROVENANCE.md (vsv_figures_collected),
 * and the OCW ambition of at most 20,000 new vsv'ers a year by 2024.
 */
export interface Methodewijziging {
  readonly schooljaar: string;
  readonly omschrijving: string;
}

/** Trend breaks: figures before and after these school years are not directly comparable. */
export const METHODEWIJZIGINGEN: readonly Methodewijziging[] = [
  { schooljaar: '2012-2013', omschrijving: 'Nieuwe meetmethode: cijfers vanaf 2012-2013 zijn niet direct vergelijkbaar met eerdere jaren.' },
  { schooljaar: '2016-2017', omschrijving: 'Automatische bestandskoppeling toegevoegd: landelijk ongeveer 570 vsv\'ers meer dan met de oude methode.' },
];

export function methodewijzigingIn(schooljaar: string): Methodewijziging | null {
  return METHODEWIJZIGINGEN.find((m) => m.schooljaar === schooljaar) ?? null;
}

export interface LandelijkDoel {
  readonly aantal: number;
  readonly jaar: number;
  readonly omschrijving: string;
}

export const LANDELIJK_DOEL: LandelijkDoel = {
  aantal: 20_000,
  jaar: 2024,
  omschrijving: 'Landelijk doel: in 2024 ten hoogste 20.000 nieuwe voortijdig schoolverlaters per jaar.',
};
