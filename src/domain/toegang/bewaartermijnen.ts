/**
 * Retention per record type (opvolging.md, section Access; docs/toegang.md has the table).
 * Each term is a setting with a default; `leesBewaartermijnen` reads them from the
 * environment and names every wrong value. Pure: the deleting is src/db/bewaartermijnen.ts.
 */
export interface Bewaartermijnen {
  /** persons' registrations (persoon, verblijf, inschrijving, …): years after birth */
  persoonJarenNaGeboorte: number;
  /** the persons of a stored count (telling_persoon): years after the count; its figures stay */
  tellingpersonenJaren: number;
  /** rejected delivery rows: days after the delivery until the raw line is emptied */
  afgewezenInhoudDagen: number;
  /** rejected delivery rows: days after the delivery until the row itself is deleted */
  afgewezenDagen: number;
  /** a closed dossier (case work) with its periods and records: years after its closing month */
  dossierJarenNaSluiten: number;
  /** absence reports with their actions and statuses: years after the pupil's birth */
  verzuimJarenNaGeboorte: number;
}

/**
 * Defaults. Persons: the RMC rule (2 years after the qualification duty ends, at the latest at
 * 18) gives 20 years after birth, but the count itself needs a person's registrations while
 * they can still be in a start population (under 23 on T0) and until the definitive count a
 * year later: 24 years after birth, the later of the two, is the binding term. A closed dossier:
 * the same RMC rule's 2 years, counted from the month the person was back in education or
 * otherwise off the lists (an open dossier stays while the case runs; it goes with the person).
 * Absence reports: until 19 years after birth (the term docs/toegang.md set for absence files).
 */
export const STANDAARD_BEWAARTERMIJNEN: Bewaartermijnen = {
  persoonJarenNaGeboorte: 24,
  tellingpersonenJaren: 2,
  afgewezenInhoudDagen: 90,
  afgewezenDagen: 365,
  dossierJarenNaSluiten: 2,
  verzuimJarenNaGeboorte: 19,
};

const VARIABELEN: Readonly<Record<keyof Bewaartermijnen, string>> = {
  persoonJarenNaGeboorte: 'BINNENBOORD_BEWAAR_PERSOON_JAREN_NA_GEBOORTE',
  tellingpersonenJaren: 'BINNENBOORD_BEWAAR_TELLINGPERSONEN_JAREN',
  afgewezenInhoudDagen: 'BINNENBOORD_BEWAAR_AFGEWEZEN_INHOUD_DAGEN',
  afgewezenDagen: 'BINNENBOORD_BEWAAR_AFGEWEZEN_DAGEN',
  dossierJarenNaSluiten: 'BINNENBOORD_BEWAAR_DOSSIER_JAREN_NA_SLUITEN',
  verzuimJarenNaGeboorte: 'BINNENBOORD_BEWAAR_VERZUIM_JAREN_NA_GEBOORTE',
};

/** The count needs persons up to 23 on T0 and one more year for the definitive count. */
export const MINIMUM_PERSOON_JAREN = 24;

export function leesBewaartermijnen(env: Readonly<Record<string, string | undefined>>):
  { ok: true; termijnen: Bewaartermijnen } | { ok: false; fouten: string[] } {
  const termijnen = { ...STANDAARD_BEWAARTERMIJNEN };
  const fouten: string[] = [];
  for (const [sleutel, naam] of Object.entries(VARIABELEN) as [keyof Bewaartermijnen, string][]) {
    const w = env[naam];
    if (w === undefined || w === '') continue;
    if (!/^\d+$/.test(w) || Number(w) < 1) {
      fouten.push(`${naam} '${w}' is geen geheel getal van 1 of meer`);
      continue;
    }
    termijnen[sleutel] = Number(w);
  }
  if (termijnen.persoonJarenNaGeboorte < MINIMUM_PERSOON_JAREN) {
    fouten.push(`${VARIABELEN.persoonJarenNaGeboorte} ${termijnen.persoonJarenNaGeboorte} is korter dan de telling nodig heeft (${MINIMUM_PERSOON_JAREN} jaar na geboorte)`);
  }
  if (termijnen.afgewezenInhoudDagen > termijnen.afgewezenDagen) {
    fouten.push(`${VARIABELEN.afgewezenInhoudDagen} mag niet langer zijn dan ${VARIABELEN.afgewezenDagen}`);
  }
  return fouten.length ? { ok: false, fouten } : { ok: true, termijnen };
}
