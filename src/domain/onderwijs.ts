/**
 * Kinds of education and diplomas of the delivery format (levering.md).
 */
export const ONDERWIJSTYPEN = [
  'vo-brugjaar', 'vmbo-bb', 'vmbo-kb', 'vmbo-gl', 'vmbo-tl', 'havo', 'vwo',
  'vo-engelse-stroom', 'vo-ib', 'pro', 'vso', 'mbo', 'vavo', 'ho',
  'nb-vo', 'nb-mbo', 'dji', 'politie', 'defensie',
] as const;
export type Onderwijstype = (typeof ONDERWIJSTYPEN)[number];

export const VMBO_TYPEN: readonly Onderwijstype[] = ['vmbo-bb', 'vmbo-kb', 'vmbo-gl', 'vmbo-tl'];

export const DIPLOMASOORTEN = [
  'vmbo-bb', 'vmbo-kb', 'vmbo-gl', 'vmbo-tl', 'havo', 'vwo', 'mbo-1', 'mbo-2', 'mbo-3', 'mbo-4', 'ho',
] as const;
export type Diplomasoort = (typeof DIPLOMASOORTEN)[number];

/** levering.md: "A startkwalificatie is a havo, vwo, mbo-2, mbo-3, mbo-4 or ho diploma." */
export const STARTKWALIFICATIES: ReadonlySet<string> = new Set(['havo', 'vwo', 'mbo-2', 'mbo-3', 'mbo-4', 'ho']);

export const INSTELLINGSOORTEN = ['vo', 'mbo', 'vavo', 'ho', 'vso', 'overig'] as const;
export const LEERWEGEN = ['bol', 'bbl', 'ex'] as const;
export const GEBEURTENISSOORTEN = ['overlijden', 'emigratie', 'immigratie'] as const;
export const VRIJSTELLINGSGRONDEN = ['3a', '3b', '5a', '5b', '5c', '15'] as const;
export const GESLACHTEN = ['M', 'V', 'X'] as const;
