import type { Dossier, Gebeurtenis, Inschrijving } from '../domain/telling/dossier.js';
import { readCsvRecords } from '../importeren/csvReader.js';

/**
 * Turns the tagged rows of the dossier window (src/db/tellingen.ts) into one Dossier per
 * person. The rows arrive ordered by person, so one dossier is in memory at a time.
 */
type Rij = readonly (string | null)[];

interface Bouwer {
  persoonId: string;
  geboortedatum: string | null;
  geslacht: string | null;
  inschrijvingen: Inschrijving[];
  gebeurtenissen: Gebeurtenis[];
  vrijstellingen: Dossier['vrijstellingen'][number][];
  diplomas: Dossier['diplomas'][number][];
  werk: Dossier['werk'][number][];
  verblijf: Dossier['verblijf'][number][];
}

function nieuweBouwer(persoonId: string): Bouwer {
  return {
    persoonId, geboortedatum: null, geslacht: null,
    inschrijvingen: [], gebeurtenissen: [], vrijstellingen: [], diplomas: [], werk: [], verblijf: [],
  };
}

const getal = (v: string | null): number | null => (v === null ? null : Number(v));

function voegToe(b: Bouwer, r: Rij): void {
  switch (r[1]) {
    case 'P':
      b.geboortedatum = r[2] ?? null;
      b.geslacht = r[3] ?? null;
      return;
    case 'I':
      b.inschrijvingen.push({
        inschrijvingId: r[2]!, brin: r[3]!, vestiging: r[4]!, onderwijstype: r[5]!,
        leerjaar: getal(r[6] ?? null), niveau: getal(r[7] ?? null), leerweg: r[8] ?? null,
        nieuwkomer: r[9] === 'ja', begindatum: r[10]!, einddatum: r[11] ?? null,
      });
      return;
    case 'G':
      b.gebeurtenissen.push({ soort: r[2] as Gebeurtenis['soort'], datum: r[3]! });
      return;
    case 'V':
      b.vrijstellingen.push({ grond: r[2]!, vanaf: r[3]!, tot: r[4] ?? null });
      return;
    case 'D':
      b.diplomas.push({ soort: r[2]!, datum: r[3]!, brin: r[4] ?? null });
      return;
    case 'W':
      b.werk.push({ vanaf: r[2]!, tot: r[3] ?? null, urenPerWeek: r[4]! });
      return;
    case 'B':
      b.verblijf.push({ gemeenteCode: r[2]!, postcode: r[3] ?? null, vanaf: r[4]!, tot: r[5] ?? null });
      return;
    default:
      throw new Error(`onbekende soort rij in dossiervenster: ${String(r[1])}`);
  }
}

/** Groups rows (ordered by person) into dossiers. */
export async function* groepeerDossiers(rijen: AsyncIterable<Rij> | Iterable<Rij>): AsyncGenerator<Dossier> {
  let huidig: Bouwer | null = null;
  for await (const r of rijen) {
    const id = r[0]!;
    if (huidig === null || huidig.persoonId !== id) {
      if (huidig) yield huidig;
      huidig = nieuweBouwer(id);
    }
    voegToe(huidig, r);
  }
  if (huidig) yield huidig;
}

/** Rows of a COPY ... TO STDOUT (FORMAT csv) stream; an empty unquoted field is NULL. */
export async function* csvRijen(stroom: AsyncIterable<Uint8Array>): AsyncGenerator<Rij> {
  for await (const record of readCsvRecords(stroom)) {
    if ('fout' in record) throw new Error(`onleesbare uitvoer van de database op regel ${record.regel}: ${record.fout}`);
    yield record.velden.map((v) => (v === '' ? null : v));
  }
}
