import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/db/database.js';
import { parseSchooljaar } from '../../src/domain/schooljaar.js';
import { importeerLevering } from '../../src/importeren/importeer.js';
import { voerTellingUit } from '../../src/telling/voerTellingUit.js';

/**
 * A small delivery with known outcomes for the API and browser tests, run through the real
 * import and count. Every person is one case: enrolled on T0 and either leaving without a
 * diploma (a vsv'er) or leaving with a startkwalificatie (not a vsv'er), so each school year's
 * numbers are exactly the ones set below.
 *
 * Region 19 (Utrecht, institution 20BB) has 3 vsv'ers of 37 in 2017-2018: 8.11 %, which
 * openbaarmaking must never let out. Region 21 (Amsterdam, institution 10AA) has enough
 * vsv'ers to be shown.
 */
export const JAREN = ['2015-2016', '2016-2017', '2017-2018'] as const;

interface Groep {
  gemeente: string | null;
  brin: string;
  vestiging: string;
  soort: 'havo' | 'mbo' | 'vmbo-tl';
  /** start population and vsv'ers per school year, in the order of JAREN */
  per: readonly (readonly [number, number])[];
}

export const GROEPEN: readonly Groep[] = [
  { gemeente: 'GM0363', brin: '10AA', vestiging: '00', soort: 'havo', per: [[40, 6], [44, 7], [48, 8]] },
  { gemeente: 'GM0363', brin: '10AA', vestiging: '01', soort: 'vmbo-tl', per: [[10, 5], [10, 5], [12, 6]] },
  { gemeente: 'GM0344', brin: '20BB', vestiging: '00', soort: 'mbo', per: [[37, 3], [41, 2], [37, 3]] },
  { gemeente: 'GM0307', brin: '30CC', vestiging: '00', soort: 'vmbo-tl', per: [[2, 0], [3, 0], [2, 0]] },
  { gemeente: null, brin: '10AA', vestiging: '00', soort: 'havo', per: [[1, 1], [1, 0], [1, 1]] },
];

/** Values that openbaarmaking must hide wherever they occur for region 19 / 20BB / GM0344. */
export const VERBORGEN_PERCENTAGES = ['8.11', '4.88'];

export const LAATSTE_JAAR = JAREN[JAREN.length - 1]!;

export function regels(kop: string, rijen: readonly (readonly (string | number)[])[]): string {
  return `${kop}\n${rijen.map((r) => r.map((v) => (String(v).includes(',') ? `"${v}"` : v)).join(',')).join('\n')}\n`;
}

export async function schrijfTestlevering(map: string): Promise<void> {
  const personen: (string | number)[][] = [];
  const verblijf: (string | number)[][] = [];
  const inschrijvingen: (string | number)[][] = [];
  const diplomas: (string | number)[][] = [];
  let n = 0;
  JAREN.forEach((jaar, j) => {
    const t = Number(jaar.slice(0, 4));
    for (const g of GROEPEN) {
      const [aantal, vsv] = g.per[j]!;
      for (let i = 0; i < aantal; i += 1) {
        n += 1;
        const id = `T${String(n).padStart(5, '0')}`;
        const oud = i % 3 === 0;
        personen.push([id, `${oud ? t - 19 : t - 16}-01-15`, i % 2 === 0 ? 'V' : 'M']);
        if (g.gemeente) verblijf.push([id, g.gemeente, '', '2000-01-01', '']);
        const isVsv = i < vsv;
        const eind = isVsv ? `${t + 1}-03-01` : `${t + 1}-07-01`;
        const [type, leerjaar, niveau, leerweg] = g.soort === 'mbo' ? ['mbo', 1, 2, 'bol'] : [g.soort, g.soort === 'havo' ? 4 : 3, '', ''];
        inschrijvingen.push([`${id}-i`, id, g.brin, g.vestiging, type, leerjaar, niveau, leerweg, '', 'nee', `${t}-08-01`, eind]);
        if (!isVsv) diplomas.push([id, g.soort === 'mbo' ? 'mbo-2' : 'havo', `${t + 1}-07-01`, g.brin]);
      }
    }
  });
  const bestanden: Record<string, string> = {
    'rmc_indeling.csv': regels('gemeente_code,gemeente_naam,rmc_code,rmc_naam,schooljaar_vanaf,schooljaar_tot', [
      ['GM0363', 'Amsterdam', '21', 'Agglomeratie Amsterdam', '2012-2013', ''],
      ['GM0344', 'Utrecht', '19', 'Utrecht', '2012-2013', ''],
      ['GM0307', 'Amersfoort', '16', 'Eem en Vallei', '2012-2013', ''],
      ['GM0518', "'s-Gravenhage", '28', 'Haaglanden', '2012-2013', ''],
    ]),
    'instellingen.csv': regels('brin,vestiging,naam,gemeente_code,soort', [
      ['10AA', '00', 'Stedelijk College Noord', 'GM0363', 'vo'],
      ['10AA', '01', 'Stedelijk College Noord, locatie Oost', 'GM0363', 'vo'],
      ['20BB', '00', 'ROC Midden', 'GM0344', 'mbo'],
      ['30CC', '00', '=Formule College', 'GM0307', 'vo'],
      ['40DD', '00', 'Hofstad Lyceum', 'GM0518', 'vo'],
    ]),
    'personen.csv': regels('persoon_id,geboortedatum,geslacht', personen),
    'verblijf.csv': regels('persoon_id,gemeente_code,postcode,vanaf,tot', verblijf),
    'inschrijvingen.csv': regels(
      'inschrijving_id,persoon_id,brin,vestiging,onderwijstype,leerjaar,niveau,leerweg,crebo,nieuwkomer,begindatum,einddatum', inschrijvingen),
    'diplomas.csv': regels('persoon_id,soort,datum,brin', diplomas),
  };
  for (const [naam, inhoud] of Object.entries(bestanden)) await writeFile(join(map, naam), inhoud);
}

/** Imports the test delivery and counts every school year, definitive, and the last also provisionally first. */
export async function vulTestdatabase(db: Db, map?: string): Promise<void> {
  const doel = map ?? (await mkdtemp(join(tmpdir(), 'binnenboord-api-levering-')));
  await schrijfTestlevering(doel);
  await importeerLevering(db, doel);
  for (const jaar of JAREN) {
    if (jaar === LAATSTE_JAAR) await voerTellingUit(db, parseSchooljaar(jaar)!, { status: 'voorlopig', werkurenDrempel: 12 });
    await voerTellingUit(db, parseSchooljaar(jaar)!, { status: 'definitief', werkurenDrempel: 12 });
  }
}

/** Expected totals of one school year, per region code (the unknown-residence person in `onbekend`). */
export function verwachtPerRegio(jaar: (typeof JAREN)[number]): Record<string, [number, number]> {
  const j = JAREN.indexOf(jaar);
  const regio: Record<string, string> = { GM0363: '21', GM0344: '19', GM0307: '16' };
  const uit: Record<string, [number, number]> = {};
  for (const g of GROEPEN) {
    const code = g.gemeente ? regio[g.gemeente]! : 'onbekend';
    const [a, v] = g.per[j]!;
    const huidig = uit[code] ?? [0, 0];
    uit[code] = [huidig[0] + a, huidig[1] + v];
  }
  return uit;
}
