import type { Bestandsdefinitie } from './bestanden.js';
import type { Veldwaarde } from './veldtypen.js';

/**
 * Checking a delivered file against its definition: the header once, then each row.
 * Pure functions: the import streams rows through them and stores what they return.
 */
export interface Fout {
  /** column name, or null when the error concerns the row as a whole */
  readonly kolom: string | null;
  readonly reden: string;
}

export interface Kopcontrole {
  /** index of each defined column in the delivered header, or -1 for an absent optional column */
  readonly posities: readonly number[];
  /** delivered columns that the format does not know: reported, then ignored */
  readonly extraKolommen: readonly string[];
  /** errors that make the whole file unusable (a missing or doubled column) */
  readonly fouten: readonly Fout[];
}

export function controleerKop(def: Bestandsdefinitie, kop: readonly string[]): Kopcontrole {
  const fouten: Fout[] = [];
  const gezien = new Set<string>();
  for (const naam of kop) {
    if (gezien.has(naam)) fouten.push({ kolom: naam, reden: `kolom '${naam}' staat twee keer in de kopregel` });
    gezien.add(naam);
  }
  const posities = def.kolommen.map((k) => {
    const i = kop.indexOf(k.naam);
    if (i < 0 && !k.optioneel) fouten.push({ kolom: k.naam, reden: `verplichte kolom '${k.naam}' ontbreekt in de kopregel` });
    return i;
  });
  const bekend = new Set(def.kolommen.map((k) => k.naam));
  const extraKolommen = kop.filter((k) => !bekend.has(k));
  return { posities, extraKolommen, fouten };
}

export type Rijuitkomst =
  | { ok: true; waarden: Veldwaarde[] }
  | { ok: false; fouten: Fout[] };

/**
 * Checks one row. Returns the stored values in the order of `def.kolommen`, or every
 * error found (all of them, so a supplier can fix a row in one go).
 */
export function controleerRij(def: Bestandsdefinitie, kop: Kopcontrole, velden: readonly string[], aantalKopvelden: number): Rijuitkomst {
  if (velden.length !== aantalKopvelden) {
    return {
      ok: false,
      fouten: [{ kolom: null, reden: `rij heeft ${velden.length} velden, de kopregel ${aantalKopvelden}` }],
    };
  }
  const fouten: Fout[] = [];
  const waarden: Veldwaarde[] = [];
  const rij: Record<string, Veldwaarde> = {};
  def.kolommen.forEach((kolom, i) => {
    const positie = kop.posities[i] ?? -1;
    const ruw = positie < 0 ? '' : (velden[positie] ?? '');
    if (ruw.includes('\uFFFD')) {
      fouten.push({ kolom: kolom.naam, reden: 'veld bevat tekens die geen geldige UTF-8 zijn' });
      waarden.push(null);
      return;
    }
    const c = kolom.type.controleer(ruw);
    if (c.ok) {
      waarden.push(c.waarde);
      rij[kolom.naam] = c.waarde;
    } else {
      fouten.push({ kolom: kolom.naam, reden: c.reden });
      waarden.push(null);
    }
  });
  if (fouten.length === 0) {
    for (const controle of def.rijcontroles) {
      const f = controle(rij);
      if (f) fouten.push(f);
    }
  }
  return fouten.length ? { ok: false, fouten } : { ok: true, waarden };
}
