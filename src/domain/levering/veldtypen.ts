import { isGeldigeDatum } from '../datum.js';
import { parseSchooljaar } from '../schooljaar.js';

/**
 * Field types of the delivery format (levering.md). Each type checks one raw CSV
 * field and either gives the stored value (text, or null for "none") or a reason
 * in Dutch that tells the data supplier what is wrong.
 */
export type Veldwaarde = string | null;
export type Controle = { ok: true; waarde: Veldwaarde } | { ok: false; reden: string };

export interface Veldtype {
  /** how the type is described in error messages and docs */
  readonly omschrijving: string;
  controleer(ruw: string): Controle;
}

const ok = (waarde: Veldwaarde): Controle => ({ ok: true, waarde });
const fout = (reden: string): Controle => ({ ok: false, reden });

/** Quotes a delivered value for a message, shortened so that a runaway field stays readable. */
export function citeer(ruw: string): string {
  const kort = ruw.length > 40 ? `${ruw.slice(0, 40)}…` : ruw;
  return `'${kort}'`;
}

function patroon(regex: RegExp, omschrijving: string, verplicht: boolean): Veldtype {
  return {
    omschrijving,
    controleer(ruw) {
      if (ruw === '') return verplicht ? fout(`verplicht veld is leeg (verwacht ${omschrijving})`) : ok(null);
      return regex.test(ruw) ? ok(ruw) : fout(`${citeer(ruw)} is geen geldige waarde (verwacht ${omschrijving})`);
    },
  };
}

export const identificatie = patroon(/^[A-Za-z0-9_-]{1,32}$/, '1 tot 32 tekens uit A-Z, a-z, 0-9, _ en -', true);
export const gemeenteCode = patroon(/^GM\d{4}$/, "'GM' gevolgd door 4 cijfers, bijv. GM0363", true);
export const brin = patroon(/^\d{2}[A-Z]{2}$/, '2 cijfers en 2 hoofdletters, bijv. 25LX', true);
export const brinOfLeeg = patroon(/^\d{2}[A-Z]{2}$/, '2 cijfers en 2 hoofdletters, of leeg', false);
export const vestiging = patroon(/^\d{2}$/, '2 cijfers, bijv. 00', true);
export const postcodeOfLeeg = patroon(/^\d{4}$/, '4 cijfers (PC4) of leeg', false);
export const leerjaarOfLeeg = patroon(/^[1-6]$/, 'een geheel getal 1 tot en met 6, of leeg', false);
export const niveauOfLeeg = patroon(/^[1-4]$/, '1, 2, 3 of 4, of leeg', false);
export const creboOfLeeg = patroon(/^\d{5}$/, '5 cijfers of leeg', false);
export const rmcCode = patroon(/^\d{2}$/, '2 cijfers, bijv. 21', true);

function datumType(verplicht: boolean): Veldtype {
  const omschrijving = verplicht ? 'een datum JJJJ-MM-DD' : 'een datum JJJJ-MM-DD, of leeg';
  return {
    omschrijving,
    controleer(ruw) {
      if (ruw === '') return verplicht ? fout(`verplicht veld is leeg (verwacht ${omschrijving})`) : ok(null);
      return isGeldigeDatum(ruw) ? ok(ruw) : fout(`${citeer(ruw)} is geen bestaande datum (verwacht ${omschrijving})`);
    },
  };
}
export const datum = datumType(true);
export const datumOfLeeg = datumType(false);

export function keuze(waarden: readonly string[], verplicht: boolean, leegIs: string | null = null): Veldtype {
  const omschrijving = `een van ${waarden.join(', ')}${verplicht ? '' : ', of leeg'}`;
  return {
    omschrijving,
    controleer(ruw) {
      if (ruw === '') return verplicht ? fout(`verplicht veld is leeg (verwacht ${omschrijving})`) : ok(leegIs);
      return waarden.includes(ruw) ? ok(ruw) : fout(`${citeer(ruw)} is geen toegestane waarde (verwacht ${omschrijving})`);
    },
  };
}

export function tekst(verplicht: boolean): Veldtype {
  return {
    omschrijving: verplicht ? 'niet-lege tekst' : 'tekst',
    controleer(ruw) {
      if (ruw.trim() === '') return verplicht ? fout('verplicht veld is leeg (verwacht niet-lege tekst)') : ok(null);
      return ok(ruw);
    },
  };
}

/** A decimal ≥ 0 with a point as separator ("12", "12.5"); a comma is refused, not guessed. */
export const urenPerWeek: Veldtype = {
  omschrijving: 'een getal ≥ 0 met een punt als decimaalteken, bijv. 12 of 12.5',
  controleer(ruw) {
    if (ruw === '') return fout(`verplicht veld is leeg (verwacht ${this.omschrijving})`);
    if (/^\d+(\.\d+)?$/.test(ruw) && ruw.length <= 12) return ok(ruw);
    if (/^\d+,\d+$/.test(ruw)) return fout(`${citeer(ruw)}: gebruik een punt als decimaalteken, bijv. ${ruw.replace(',', '.')}`);
    return fout(`${citeer(ruw)} is geen geldig aantal uren (verwacht ${this.omschrijving})`);
  },
};

function schooljaarType(verplicht: boolean): Veldtype {
  const omschrijving = verplicht ? "een schooljaar 'JJJJ-JJJJ', bijv. 2019-2020" : "een schooljaar 'JJJJ-JJJJ', of leeg";
  return {
    omschrijving,
    controleer(ruw) {
      if (ruw === '') return verplicht ? fout(`verplicht veld is leeg (verwacht ${omschrijving})`) : ok(null);
      return parseSchooljaar(ruw) ? ok(ruw) : fout(`${citeer(ruw)} is geen schooljaar (verwacht ${omschrijving})`);
    },
  };
}
export const schooljaar = schooljaarType(true);
export const schooljaarOfLeeg = schooljaarType(false);
