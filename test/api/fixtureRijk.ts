import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../src/db/database.js';
import { parseSchooljaar } from '../../src/domain/schooljaar.js';
import { importeerLevering } from '../../src/importeren/importeer.js';
import { voerTellingUit } from '../../src/telling/voerTellingUit.js';
import { regels } from './fixture.js';

/**
 * A demo-like delivery for the attacker test (test/api/aanvaller.test.ts): three regions of
 * two or three municipalities, six institutions with one to three locations, three school
 * years, each counted provisionally and definitively (late startkwalificaties make them
 * differ), with many small cells: a few hundred persons per year spread over every breakdown.
 * Deterministic (own generator with a fixed seed).
 */
export const RIJKE_JAREN = ['2019-2020', '2020-2021', '2021-2022'] as const;

const INDELING = [
  ['GM0363', 'Amsterdam', '21', 'Agglomeratie Amsterdam'], ['GM0362', 'Amstelveen', '21', 'Agglomeratie Amsterdam'],
  ['GM0384', 'Diemen', '21', 'Agglomeratie Amsterdam'], ['GM0344', 'Utrecht', '19', 'Utrecht'],
  ['GM0353', 'IJsselstein', '19', 'Utrecht'], ['GM0307', 'Amersfoort', '16', 'Eem en Vallei'], ['GM0327', 'Leusden', '16', 'Eem en Vallei'],
] as const;

const VESTIGINGEN = [
  ['11AA', '00', 'Noorder College', 'GM0363', 'vo', 'havo'], ['11AA', '01', 'Noorder College, locatie Diemen', 'GM0384', 'vo', 'vmbo-tl'],
  ['12BB', '00', 'Amstel Lyceum', 'GM0362', 'vo', 'havo'],
  ['13CC', '00', 'ROC Rivier', 'GM0344', 'mbo', 'mbo'], ['13CC', '01', 'ROC Rivier, locatie IJsselstein', 'GM0353', 'mbo', 'mbo'],
  ['13CC', '02', 'ROC Rivier, locatie Amersfoort', 'GM0307', 'mbo', 'mbo'],
  ['14DD', '00', 'Domstad College', 'GM0344', 'vo', 'vmbo-tl'], ['15EE', '00', 'Eemland Lyceum', 'GM0307', 'vo', 'havo'],
  ['15EE', '01', 'Eemland Lyceum, locatie Leusden', 'GM0327', 'vo', 'vmbo-tl'], ['16FF', '00', 'Hoofdstad ROC', 'GM0363', 'mbo', 'mbo'],
] as const;

function generator(zaad: number): () => number {
  let s = zaad >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}


export async function schrijfRijkeLevering(map: string): Promise<void> {
  const kans = generator(7);
  const kies = <T>(l: readonly T[]): T => l[Math.floor(kans() * l.length)]!;
  const personen: (string | number)[][] = [];
  const verblijf: (string | number)[][] = [];
  const inschrijvingen: (string | number)[][] = [];
  const diplomas: (string | number)[][] = [];
  let n = 0;
  RIJKE_JAREN.forEach((jaar, j) => {
    const t = Number(jaar.slice(0, 4));
    const aantal = 260 + 20 * j;
    for (let i = 0; i < aantal; i += 1) {
      n += 1;
      const id = `R${String(n).padStart(5, '0')}`;
      // mostly close to home: a location in the same region as the residence, now and then anywhere
      const v = kies(VESTIGINGEN);
      const gemeente = kans() < 0.04 ? null : kans() < 0.7 ? v[3] : kies(INDELING)[0];
      const oud = kans() < 0.3;
      personen.push([id, `${oud ? t - 19 : t - 16}-01-15`, kies(['V', 'M', 'M', 'V', 'X'])]);
      if (gemeente) verblijf.push([id, gemeente, '', '2000-01-01', '']);
      const soort = v[5];
      const niveau = soort === 'mbo' ? kies([1, 2, 2, 3, 4]) : '';
      const type = (s: string, nv: number | string) => (s === 'mbo' ? ['mbo', 1, nv, 'bol'] : [s, s === 'havo' ? kies([2, 4]) : kies([2, 3]), '', '']);
      const r = kans();
      // vsv: leaves in March without a diploma; late startkwalificatie (mbo): provisional vsv, definitive not
      const laat = r >= 0.1 && r < 0.14 && soort === 'mbo';
      const eind = r < 0.1 || laat ? `${t + 1}-03-01` : `${t + 1}-07-01`;
      inschrijvingen.push([`${id}-i`, id, v[0], v[1], ...type(soort, niveau), '', 'nee', `${t}-08-01`, eind]);
      // a few pupils also at a second institution: counted at both, once in the areas
      if (kans() < 0.06) {
        const w = kies(VESTIGINGEN.filter((x) => x[0] !== v[0]));
        inschrijvingen.push([`${id}-j`, id, w[0], w[1], ...type(w[5], kies([2, 3])), '', 'nee', `${t}-09-01`, eind]);
      }
      if (laat) diplomas.push([id, 'mbo-2', `${t + 1}-11-15`, v[0]]);
      else if (r >= 0.1) diplomas.push([id, soort === 'mbo' ? 'mbo-2' : 'havo', `${t + 1}-07-01`, v[0]]);
    }
  });
  const bestanden: Record<string, string> = {
    'rmc_indeling.csv': regels('gemeente_code,gemeente_naam,rmc_code,rmc_naam,schooljaar_vanaf,schooljaar_tot',
      INDELING.map((g) => [...g, '2012-2013', ''])),
    'instellingen.csv': regels('brin,vestiging,naam,gemeente_code,soort', VESTIGINGEN.map((v) => v.slice(0, 5))),
    'personen.csv': regels('persoon_id,geboortedatum,geslacht', personen),
    'verblijf.csv': regels('persoon_id,gemeente_code,postcode,vanaf,tot', verblijf),
    'inschrijvingen.csv': regels(
      'inschrijving_id,persoon_id,brin,vestiging,onderwijstype,leerjaar,niveau,leerweg,crebo,nieuwkomer,begindatum,einddatum', inschrijvingen),
    'diplomas.csv': regels('persoon_id,soort,datum,brin', diplomas),
  };
  for (const [naam, inhoud] of Object.entries(bestanden)) await writeFile(join(map, naam), inhoud);
}

/** Imports the rich delivery and counts every school year provisionally and definitively. */
export async function vulRijkeDatabase(db: Db, map: string): Promise<void> {
  await schrijfRijkeLevering(map);
  const r = await importeerLevering(db, map);
  if (r.aantalAfwijzingen > 0) throw new Error(`de rijke testlevering heeft ${r.aantalAfwijzingen} afgewezen rijen`);
  for (const jaar of RIJKE_JAREN) {
    await voerTellingUit(db, parseSchooljaar(jaar)!, { status: 'voorlopig', werkurenDrempel: 12 });
    await voerTellingUit(db, parseSchooljaar(jaar)!, { status: 'definitief', werkurenDrempel: 12 });
  }
}
