import type { Dossier, Gebeurtenis, Inschrijving } from '../domain/telling/dossier.js';

/**
 * Turns the tagged rows of the dossier window (src/db/tellingen.ts) into one Dossier per
 * person. The rows arrive in any order and are grouped per person in memory.
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

/**
 * One shared empty list until a person gets a row of that kind: most persons have no events,
 * exemptions or work, and at national scale millions of empty arrays cost seconds of GC.
 */
const LEEG: never[] = [];

function nieuweBouwer(persoonId: string): Bouwer {
  return {
    persoonId, geboortedatum: null, geslacht: null,
    inschrijvingen: LEEG, gebeurtenissen: LEEG, vrijstellingen: LEEG, diplomas: LEEG, werk: LEEG, verblijf: LEEG,
  };
}

function erbij<T>(lijst: T[], element: T): T[] {
  if (lijst === LEEG) return [element];
  lijst.push(element);
  return lijst;
}

const getal = (v: string | null): number | null => (v === null ? null : Number(v));

function voegToe(b: Bouwer, r: Rij): void {
  switch (r[1]) {
    case 'P':
      b.geboortedatum = r[2] ?? null;
      b.geslacht = r[3] ?? null;
      return;
    case 'I':
      b.inschrijvingen = erbij(b.inschrijvingen, {
        inschrijvingId: r[2]!, brin: r[3]!, vestiging: r[4]!, onderwijstype: r[5]!,
        leerjaar: getal(r[6] ?? null), niveau: getal(r[7] ?? null), leerweg: r[8] ?? null,
        nieuwkomer: r[9] === 'ja', begindatum: r[10]!, einddatum: r[11] ?? null,
      });
      return;
    case 'G':
      b.gebeurtenissen = erbij(b.gebeurtenissen, { soort: r[2] as Gebeurtenis['soort'], datum: r[3]! });
      return;
    case 'V':
      b.vrijstellingen = erbij(b.vrijstellingen, { grond: r[2]!, vanaf: r[3]!, tot: r[4] ?? null });
      return;
    case 'D':
      b.diplomas = erbij(b.diplomas, { soort: r[2]!, datum: r[3]!, brin: r[4] ?? null });
      return;
    case 'W':
      b.werk = erbij(b.werk, { vanaf: r[2]!, tot: r[3] ?? null, urenPerWeek: r[4]! });
      return;
    case 'B':
      b.verblijf = erbij(b.verblijf, { gemeenteCode: r[2]!, postcode: r[3] ?? null, vanaf: r[4]!, tot: r[5] ?? null });
      return;
    default:
      throw new Error(`onbekende soort rij in dossiervenster: ${String(r[1])}`);
  }
}

/** Groups batches of rows (in any order) into dossiers, yielded in order of first appearance. */
export async function* groepeerDossiers(batches: AsyncIterable<Rij[]> | Iterable<Rij[]>): AsyncGenerator<Dossier> {
  const perPersoon = new Map<string, Bouwer>();
  for await (const rijen of batches) {
    for (const r of rijen) {
      const id = r[0]!;
      let b = perPersoon.get(id);
      if (!b) {
        b = nieuweBouwer(id);
        perPersoon.set(id, b);
      }
      voegToe(b, r);
    }
  }
  yield* perPersoon.values();
}

/** COPY text format escapes (`\\`, `\t`, `\n`, `\r`, …) back to the characters they stand for. */
function ontsnap(veld: string): string {
  return veld.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', v: '\v' })[c] ?? c);
}

/** Rows of a `COPY ... TO STDOUT` stream in text format: tab-separated, `\N` is NULL. */
export async function* tekstRijen(stroom: AsyncIterable<Uint8Array>): AsyncGenerator<Rij[]> {
  const decoder = new TextDecoder();
  let rest = '';
  // In place, one array per row: at national scale this runs for some ten million rows.
  const ontleed = (regels: string[]): Rij[] => regels.map((regel) => {
    const velden: (string | null)[] = regel.split('\t');
    for (let i = 0; i < velden.length; i += 1) {
      const v = velden[i]!;
      if (v === '\\N') velden[i] = null;
      else if (v.includes('\\')) velden[i] = ontsnap(v);
    }
    return velden;
  });
  for await (const stuk of stroom) {
    const tekst = rest + decoder.decode(stuk, { stream: true });
    const laatste = tekst.lastIndexOf('\n');
    if (laatste < 0) {
      rest = tekst;
      continue;
    }
    rest = tekst.slice(laatste + 1);
    yield ontleed(tekst.slice(0, laatste).split('\n'));
  }
  rest += decoder.decode();
  if (rest) yield ontleed([rest]);
}
