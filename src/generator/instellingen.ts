import { minimalCsvLine } from './csv.js';
import { Gewogen } from './prng.js';
import { afstandKm, type Gemeente } from './wereld.js';

/**
 * The institutions the shared data does not have: mbo (ROC, AOC, vakinstellingen), vavo,
 * ho, recognised non-funded schools, custodial institutions, police and defence training.
 * All are FICTIONAL, placed on the real map.
 *
 * Their BRIN codes all start with the digit 9 ("9" + digit + two capital letters, e.g. 90AB).
 * Real BRIN codes in the shared data start with 00–32 and DUO has not issued codes from 9
 * onwards, so a synthetic code can never be mistaken for a real one; the test suite checks
 * that none of them occurs in the shared data. The second digit tells the kind:
 * 90 ROC, 91 AOC, 92 vakinstelling, 93 university, 94 hogeschool, 95 non-funded,
 * 96 custodial (DJI), 97 police and defence. Every name ends in "(fictief)".
 */
export const SYNTHETISCH_BRIN_PATROON = /^9\d[A-Z]{2}$/;
export const FICTIEF = '(fictief)';

export type Instellingsoort = 'mbo' | 'vavo' | 'ho' | 'vo' | 'overig';

export interface Instelling {
  readonly brin: string;
  readonly vestiging: string;
  readonly naam: string;
  readonly gemeente: Gemeente;
  readonly soort: Instellingsoort;
  /** relative size, for weighting choices */
  readonly grootte: number;
}

export interface SynthetischeInstellingen {
  readonly alle: readonly Instelling[];
  /** per RMC region: the mbo locations of the region's ROC(s) */
  readonly rocPerRegio: ReadonlyMap<string, Gewogen<Instelling>>;
  /** per municipality: the ROC locations in that municipality, or null */
  readonly rocInGemeente: readonly (Gewogen<Instelling> | null)[];
  readonly vavoPerRegio: ReadonlyMap<string, Gewogen<Instelling>>;
  /** per municipality index: nearby choices, weighted by size and distance */
  readonly aoc: readonly Gewogen<Instelling>[];
  readonly vak: readonly Gewogen<Instelling>[];
  readonly hbo: readonly Gewogen<Instelling>[];
  readonly wo: readonly Gewogen<Instelling>[];
  readonly nbVo: readonly Gewogen<Instelling>[];
  readonly nbMbo: readonly Gewogen<Instelling>[];
  readonly dji: readonly Gewogen<Instelling>[];
  readonly politie: Instelling;
  readonly defensie: readonly Instelling[];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The n-th synthetic BRIN with prefix `9d`: 9d + AA, AB, … */
export function synthetischeBrin(tweedeCijfer: number, n: number): string {
  if (n >= 26 * 26) throw new Error('te veel synthetische instellingen voor één voorvoegsel');
  return `9${tweedeCijfer}${LETTERS[Math.floor(n / 26)]}${LETTERS[n % 26]}`;
}

/** Which regions share an agricultural training centre (AOC), by today's RMC codes. */
const AOC_GEBIEDEN: readonly { naam: string; regios: readonly string[] }[] = [
  { naam: 'AOC Groen Noord', regios: ['01', '02', '03', '04', '05', '06', '07', '08', '09'] },
  { naam: 'Groen College Oost', regios: ['10', '11', '12', '13', '17'] },
  { naam: 'AOC Vallei en Rivieren', regios: ['15', '16', '40', '41'] },
  { naam: 'Groen College Midden', regios: ['18', '19', '20'] },
  { naam: 'AOC Noord-Holland', regios: ['21', '22', '23', '24', '25'] },
  { naam: 'Groen College Zuid-Holland', regios: ['26', '27', '28', '29', '30'] },
  { naam: 'AOC Zeeland en West-Brabant', regios: ['31', '32', '33', '34'] },
  { naam: 'Groen College Brabant', regios: ['35', '36', '37'] },
  { naam: 'AOC Limburg', regios: ['38', '39'] },
];

/** Specialist vakinstellingen, national, each in a few large municipalities. */
const VAKINSTELLINGEN: readonly { naam: string; gemeenten: readonly string[] }[] = [
  { naam: 'Vakschool Scheepvaart en Logistiek', gemeenten: ['GM0599', 'GM0400'] },
  { naam: 'Vakcollege Grafimedia', gemeenten: ['GM0363', 'GM0344'] },
  { naam: 'Hout- en Meubelvakschool', gemeenten: ['GM0599', 'GM0200'] },
  { naam: 'Vakinstelling Uiterlijke Verzorging', gemeenten: ['GM0518', 'GM0772', 'GM0014'] },
  { naam: 'Vakschool Techniek en Installatie', gemeenten: ['GM0344', 'GM0193', 'GM0855'] },
];

/** University cities (fictional universities, one per city; two in Amsterdam). */
const UNIVERSITEITSSTEDEN = ['GM0363', 'GM0363', 'GM0599', 'GM0546', 'GM0503', 'GM0344', 'GM0014', 'GM0268', 'GM0855', 'GM0772', 'GM0153', 'GM0935', 'GM0289'];
const NB_VO_STEDEN = ['GM0363', 'GM0599', 'GM0518', 'GM0344', 'GM0772', 'GM0014'];
const NB_MBO_STEDEN = ['GM0363', 'GM0599', 'GM0518', 'GM0344', 'GM0772', 'GM0014', 'GM0855', 'GM0193'];
const DJI_GEMEENTEN = ['GM0758', 'GM0268', 'GM0995', 'GM0518'];
const POLITIE_GEMEENTE = 'GM0200';
const DEFENSIE_GEMEENTEN = ['GM0400', 'GM0228'];

/** A region's ROC gets one location per this many young residents (at least 1, at most 5). */
const JONGEREN_PER_ROC_LOCATIE = 25_000;
/** Regions this large have two ROCs, as Rijnmond and Amsterdam do. */
const TWEE_ROCS_VANAF = 140_000;
const VAVO_VESTIGING = '50';

export function maakSynthetischeInstellingen(gemeenten: readonly Gemeente[], perRmc: ReadonlyMap<string, readonly Gemeente[]>): SynthetischeInstellingen {
  const alle: Instelling[] = [];
  const perCode = new Map(gemeenten.map((g) => [g.code, g]));
  const gemeente = (code: string) => {
    const g = perCode.get(code);
    if (!g) throw new Error(`gemeente ${code} ontbreekt in de gedeelde data`);
    return g;
  };
  const naarGrootte = (lijst: readonly Gemeente[]) => [...lijst].sort((a, b) => b.inwoners - a.inwoners || a.code.localeCompare(b.code));
  const regiocodes = [...perRmc.keys()].sort();

  // ROCs: one per region (two in the largest), locations in the region's larger municipalities.
  const rocPerRegio = new Map<string, Gewogen<Instelling>>();
  const vavoPerRegio = new Map<string, Gewogen<Instelling>>();
  const rocLocaties: Instelling[] = [];
  let rocNr = 0;
  for (const rmc of regiocodes) {
    const lijst = naarGrootte(perRmc.get(rmc)!);
    const jong = lijst.reduce((s, g) => s + g.jong, 0);
    const regionaam = lijst[0]!.rmcNaam;
    const aantal = Math.max(1, Math.min(5, Math.round(jong / JONGEREN_PER_ROC_LOCATIE)));
    const plaatsen = lijst.slice(0, aantal);
    const tweeRocs = jong >= TWEE_ROCS_VANAF && plaatsen.length >= 2;
    const rocs = (tweeRocs ? [0, 1] : [0]).map((k) => ({
      brin: synthetischeBrin(0, rocNr++),
      naam: tweeRocs ? `ROC ${regionaam} ${k === 0 ? 'Noord' : 'Zuid'}` : `ROC ${regionaam}`,
      teller: 0,
    }));
    const locaties: Instelling[] = [];
    plaatsen.forEach((g, i) => {
      const roc = rocs[i % rocs.length]!;
      locaties.push({
        brin: roc.brin, vestiging: String(roc.teller++).padStart(2, '0'), naam: `${roc.naam} ${FICTIEF}, locatie ${g.naam}`,
        gemeente: g, soort: 'mbo', grootte: g.jong,
      });
    });
    const vavo = rocs.map((roc, k): Instelling => ({
      brin: roc.brin, vestiging: VAVO_VESTIGING, naam: `${roc.naam} ${FICTIEF}, vavo ${plaatsen[k]!.naam}`,
      gemeente: plaatsen[k]!, soort: 'vavo', grootte: 1,
    }));
    alle.push(...locaties, ...vavo);
    rocLocaties.push(...locaties);
    rocPerRegio.set(rmc, new Gewogen(locaties, locaties.map((l) => l.grootte)));
    vavoPerRegio.set(rmc, new Gewogen(vavo, vavo.map(() => 1)));
  }
  const rocInGemeente = gemeenten.map((g) => {
    const hier = rocLocaties.filter((l) => l.gemeente === g);
    return hier.length ? new Gewogen(hier, hier.map((l) => l.grootte)) : null;
  });

  // AOCs: shared by several regions, a location in the largest municipality of every other region.
  const aocPerRegio = new Map<string, Instelling[]>();
  AOC_GEBIEDEN.forEach((gebied, n) => {
    const brin = synthetischeBrin(1, n);
    const regios = gebied.regios.filter((r) => perRmc.has(r));
    const plaatsen = naarGrootte(regios.map((r) => naarGrootte(perRmc.get(r)!)[0]!)).filter((_, i) => i % 2 === 0);
    const locaties = plaatsen.map((g, i): Instelling => ({
      brin, vestiging: String(i).padStart(2, '0'), naam: `${gebied.naam} ${FICTIEF}, locatie ${g.naam}`,
      gemeente: g, soort: 'mbo', grootte: 1,
    }));
    alle.push(...locaties);
    for (const r of regios) aocPerRegio.set(r, locaties);
  });

  const vak: Instelling[] = [];
  VAKINSTELLINGEN.forEach((v, n) => {
    const brin = synthetischeBrin(2, n);
    v.gemeenten.forEach((code, i) => {
      const g = gemeente(code);
      vak.push({ brin, vestiging: String(i).padStart(2, '0'), naam: `${v.naam} ${FICTIEF}, locatie ${g.naam}`, gemeente: g, soort: 'mbo', grootte: 1 });
    });
  });
  alle.push(...vak);

  const wo: Instelling[] = [];
  const gezien = new Map<string, number>();
  UNIVERSITEITSSTEDEN.forEach((code, n) => {
    const g = gemeente(code);
    const k = (gezien.get(code) ?? 0) + 1;
    gezien.set(code, k);
    wo.push({
      brin: synthetischeBrin(3, n), vestiging: '00', naam: `Universiteit ${g.naam}${k > 1 ? ` ${k}` : ''} ${FICTIEF}`,
      gemeente: g, soort: 'ho', grootte: g.jong,
    });
  });
  alle.push(...wo);

  const hbo: Instelling[] = [];
  for (const rmc of regiocodes) {
    const lijst = naarGrootte(perRmc.get(rmc)!);
    const jong = lijst.reduce((s, g) => s + g.jong, 0);
    if (jong < 50_000) continue;
    const g = lijst[0]!;
    hbo.push({
      brin: synthetischeBrin(4, hbo.length), vestiging: '00', naam: `Hogeschool ${g.rmcNaam} ${FICTIEF}`,
      gemeente: g, soort: 'ho', grootte: jong,
    });
  }
  alle.push(...hbo);

  const enkel = (tweede: number, start: number, codes: readonly string[], naam: (g: Gemeente) => string, soort: Instellingsoort) =>
    codes.map((code, i): Instelling => {
      const g = gemeente(code);
      return { brin: synthetischeBrin(tweede, start + i), vestiging: '00', naam: `${naam(g)} ${FICTIEF}`, gemeente: g, soort, grootte: 1 };
    });
  const nbVo = enkel(5, 0, NB_VO_STEDEN, (g) => `Particuliere school ${g.naam}`, 'vo');
  const nbMbo = enkel(5, NB_VO_STEDEN.length, NB_MBO_STEDEN, (g) => `Particulier opleidingsinstituut ${g.naam}`, 'mbo');
  const dji = enkel(6, 0, DJI_GEMEENTEN, (g) => `Justitiële jeugdinrichting ${g.naam}`, 'overig');
  const [politie] = enkel(7, 0, [POLITIE_GEMEENTE], () => 'Politieacademie', 'overig');
  const defensie = enkel(7, 1, DEFENSIE_GEMEENTEN, (g) => `Defensieopleidingen ${g.naam}`, 'overig');
  alle.push(...nbVo, ...nbMbo, ...dji, politie!, ...defensie);

  const nabij = (lijst: readonly Instelling[], schaalKm: number) => gemeenten.map((g) =>
    new Gewogen(lijst, lijst.map((i) => i.grootte / (1 + (afstandKm(g, i.gemeente) / schaalKm) ** 2))));

  return {
    alle,
    rocPerRegio,
    rocInGemeente,
    vavoPerRegio,
    aoc: gemeenten.map((g) => {
      const lijst = aocPerRegio.get(g.rmc)!;
      return new Gewogen(lijst, lijst.map((i) => 1 / (1 + (afstandKm(g, i.gemeente) / 25) ** 2)));
    }),
    vak: nabij(vak, 40),
    hbo: nabij(hbo, 30),
    wo: nabij(wo, 40),
    nbVo: nabij(nbVo, 30),
    nbMbo: nabij(nbMbo, 30),
    dji: nabij(dji, 80),
    politie: politie!,
    defensie,
  };
}

/** instellingen.csv rows (levering.md) of the synthetic institutions. */
export function instellingRegels(i: SynthetischeInstellingen): string[] {
  return i.alle.map((x) => minimalCsvLine([x.brin, x.vestiging, x.naam, x.gemeente.code, x.soort]));
}
