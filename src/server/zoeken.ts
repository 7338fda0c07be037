import type { Instellingskop } from './gegevens.js';

/**
 * Searching institutions: the name (of any location) or the BRIN contains `naam`, and a
 * location lies in a municipality whose name contains `plaats`; both case-insensitive and
 * literal (no patterns). Ordered by name, then BRIN.
 */
export interface Treffer {
  kop: Instellingskop;
  plaatsen: string[];
}

const vergelijk = new Intl.Collator('nl', { sensitivity: 'base' });

export function zoekInstellingen(
  instellingen: Iterable<Instellingskop>, plaatsnaam: (gemeenteCode: string) => string, vraag: { naam: string | null; plaats: string | null },
): Treffer[] {
  const naam = vraag.naam?.toLocaleLowerCase('nl') ?? null;
  const plaats = vraag.plaats?.toLocaleLowerCase('nl') ?? null;
  const treffers: Treffer[] = [];
  for (const kop of instellingen) {
    const plaatsen = [...new Set(kop.vestigingen.map((v) => plaatsnaam(v.gemeente_code)))].sort(vergelijk.compare);
    if (naam && !kop.brin.toLocaleLowerCase('nl').includes(naam) && !kop.vestigingen.some((v) => v.naam.toLocaleLowerCase('nl').includes(naam))) continue;
    if (plaats && !plaatsen.some((p) => p.toLocaleLowerCase('nl').includes(plaats))) continue;
    treffers.push({ kop, plaatsen });
  }
  return treffers.sort((a, b) => vergelijk.compare(a.kop.naam, b.kop.naam) || (a.kop.brin < b.kop.brin ? -1 : 1));
}
