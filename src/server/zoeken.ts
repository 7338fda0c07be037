import type { Instellingskop } from './gegevens.js';

/**
 * Searching institutions: the BRIN starts with `naam` or the name (of the institution or any
 * location) has `naam` at the start of a word, and a location lies in a municipality whose
 * name has `plaats` at the start of a word; case-insensitive and literal (no patterns). "ROC"
 * finds "ROC Midden" and "Zadkine ROC", never "Brederocollege"; "den" finds "Den Haag",
 * never "Leiden". Ordered by name, then BRIN.
 */
export interface Treffer {
  kop: Instellingskop;
  plaatsen: string[];
}

const vergelijk = new Intl.Collator('nl', { sensitivity: 'base' });

/** Does `tekst` have `vraag` (lower case) at its start or right after a character that is no letter or digit? */
export function begintWoordMet(tekst: string, vraag: string): boolean {
  const t = tekst.toLocaleLowerCase('nl');
  for (let i = t.indexOf(vraag); i !== -1; i = t.indexOf(vraag, i + 1)) {
    if (i === 0 || !/[\p{L}\p{N}]/u.test(t[i - 1]!)) return true;
  }
  return false;
}

export function zoekInstellingen(
  instellingen: Iterable<Instellingskop>, plaatsnaam: (gemeenteCode: string) => string, vraag: { naam: string | null; plaats: string | null },
): Treffer[] {
  const naam = vraag.naam?.toLocaleLowerCase('nl') ?? null;
  const plaats = vraag.plaats?.toLocaleLowerCase('nl') ?? null;
  const treffers: Treffer[] = [];
  for (const kop of instellingen) {
    const plaatsen = [...new Set(kop.vestigingen.map((v) => plaatsnaam(v.gemeente_code)))].sort(vergelijk.compare);
    if (naam && !kop.brin.toLocaleLowerCase('nl').startsWith(naam) && !begintWoordMet(kop.naam, naam)
      && !kop.vestigingen.some((v) => begintWoordMet(v.naam, naam))) continue;
    if (plaats && !plaatsen.some((p) => begintWoordMet(p, plaats))) continue;
    treffers.push({ kop, plaatsen });
  }
  return treffers.sort((a, b) => vergelijk.compare(a.kop.naam, b.kop.naam) || (a.kop.brin < b.kop.brin ? -1 : 1));
}
