import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GEMEENTEN_BESTAND, leesReferentieCsv } from '../referentie/referentiedata.js';

/**
 * Ready-made peer groups for comparing a municipality fairly: the G4, the G40 city network,
 * municipalities of about the same size (by the number of young people aged 12–23), and the
 * other municipalities of its RMC region. A comparison shows at most 8 series, so a group is
 * offered as at most 6 members besides the municipality itself: for the G40 and the size
 * class those closest in number of young people, for the region the largest. Members are
 * compared one by one, never summed into a new group figure: a sum could reveal a member's
 * withheld count by subtraction (openbaarmaking), and individual lines are what an
 * adviser wants to see anyway.
 *
 * Sizes come from the reference data (referentiedata/data/gemeenten.csv,
 * population_12_23_2021_estimate); without it only G4, G40 and the region are offered.
 */
export const G4 = ['Amsterdam', 'Rotterdam', "'s-Gravenhage", 'Utrecht'];

/** Stedennetwerk G40: 41 members since 1 July 2022 (Amstelveen joined); names as in the CBS classification. */
export const G40 = [
  'Alkmaar', 'Almelo', 'Almere', 'Alphen aan den Rijn', 'Amersfoort', 'Amstelveen', 'Apeldoorn', 'Arnhem', 'Assen', 'Breda', 'Delft',
  'Deventer', 'Dordrecht', 'Ede', 'Eindhoven', 'Emmen', 'Enschede', 'Gouda', 'Groningen', 'Haarlem', 'Haarlemmermeer', 'Heerlen', 'Helmond',
  'Hengelo', "'s-Hertogenbosch", 'Hilversum', 'Hoorn', 'Leeuwarden', 'Leiden', 'Lelystad', 'Maastricht', 'Nijmegen', 'Oss', 'Roosendaal',
  'Schiedam', 'Sittard-Geleen', 'Tilburg', 'Venlo', 'Zaanstad', 'Zoetermeer', 'Zwolle',
];

/** Size classes by the number of young people aged 12–23 (lower bounds). */
export const GROOTTEKLASSEN = [
  { vanaf: 0, tot: 2_500 }, { vanaf: 2_500, tot: 5_000 }, { vanaf: 5_000, tot: 10_000 }, { vanaf: 10_000, tot: 25_000 }, { vanaf: 25_000, tot: Infinity },
] as const;

// 6 members + the municipality + the country: 8 lines, each with a style of its own (grafieken.ts has 8)
export const MAX_LEDEN = 6;

export interface Groepsgemeente {
  gemeenteCode: string;
  naam: string;
  rmcCode: string | null;
  /** young people aged 12–23 (estimate 2021), null when unknown */
  jongeren: number | null;
}

export interface Vergelijkingsgroep {
  id: 'g4' | 'g40' | 'grootteklasse' | 'regio';
  naam: string;
  omschrijving: string;
  gemeenten: Groepsgemeente[];
}

const GETAL = new Intl.NumberFormat('nl-NL');

export function grootteklasse(jongeren: number): (typeof GROOTTEKLASSEN)[number] {
  return GROOTTEKLASSEN.find((k) => jongeren >= k.vanaf && jongeren < k.tot)!;
}

function klassetekst(k: (typeof GROOTTEKLASSEN)[number]): string {
  return k.tot === Infinity ? `${GETAL.format(k.vanaf)} of meer jongeren van 12 tot en met 23 jaar`
    : `${GETAL.format(k.vanaf)} tot ${GETAL.format(k.tot)} jongeren van 12 tot en met 23 jaar`;
}

/** Closest in number of young people first, then by name; the municipality itself is not a member. */
function dichtstbij(leden: Groepsgemeente[], ik: Groepsgemeente): Groepsgemeente[] {
  const afstand = (g: Groepsgemeente) => (g.jongeren === null || ik.jongeren === null ? Infinity : Math.abs(g.jongeren - ik.jongeren));
  return leden.filter((g) => g.gemeenteCode !== ik.gemeenteCode)
    .sort((a, b) => afstand(a) - afstand(b) || a.naam.localeCompare(b.naam, 'nl')).slice(0, MAX_LEDEN);
}

export function vergelijkingsgroepen(alle: readonly Groepsgemeente[], gemeenteCode: string): Vergelijkingsgroep[] {
  const ik = alle.find((g) => g.gemeenteCode === gemeenteCode);
  if (!ik) return [];
  const opNaam = (namen: readonly string[]) => alle.filter((g) => namen.includes(g.naam));
  const groepen: Vergelijkingsgroep[] = [];
  const g4 = opNaam(G4).filter((g) => g.gemeenteCode !== ik.gemeenteCode);
  groepen.push({ id: 'g4', naam: 'G4', omschrijving: 'De vier grote steden: Amsterdam, Rotterdam, Den Haag en Utrecht.', gemeenten: g4 });
  const g40 = opNaam(G40);
  groepen.push({
    id: 'g40', naam: 'G40',
    omschrijving: `Het stedennetwerk G40 (${g40.length} gemeenten); de ${Math.min(MAX_LEDEN, g40.length)} die in aantal jongeren het dichtst bij ${ik.naam} liggen.`,
    gemeenten: dichtstbij(g40, ik),
  });
  if (ik.jongeren !== null) {
    const k = grootteklasse(ik.jongeren);
    const klasse = alle.filter((g) => g.jongeren !== null && grootteklasse(g.jongeren) === k);
    groepen.push({
      id: 'grootteklasse', naam: 'Vergelijkbare grootte',
      omschrijving: `Gemeenten met ${klassetekst(k)} (${klasse.length}, ${ik.naam} meegeteld); de ${Math.min(MAX_LEDEN, klasse.length - 1)} die het dichtst bij ${ik.naam} liggen.`,
      gemeenten: dichtstbij(klasse, ik),
    });
  }
  if (ik.rmcCode) {
    const regio = alle.filter((g) => g.rmcCode === ik.rmcCode && g.gemeenteCode !== ik.gemeenteCode)
      .sort((a, b) => (b.jongeren ?? -1) - (a.jongeren ?? -1) || a.naam.localeCompare(b.naam, 'nl'));
    groepen.push({
      id: 'regio', naam: 'Andere gemeenten in de regio',
      omschrijving: `De andere gemeenten van dezelfde RMC-regio (${regio.length}); ${regio.length > MAX_LEDEN ? `de ${MAX_LEDEN} met de meeste jongeren` : 'alle'}.`,
      gemeenten: regio.slice(0, MAX_LEDEN),
    });
  }
  return groepen;
}

let jongerenCache: Promise<Map<string, number>> | null = null;

/** Young people aged 12–23 per municipality code, from the reference data; empty when it is missing. */
export function jongerenPerGemeente(referentiedata: string): Promise<Map<string, number>> {
  jongerenCache ??= (async () => {
    const pad = join(referentiedata, 'data', GEMEENTEN_BESTAND);
    if (!existsSync(pad)) return new Map();
    const rijen = await leesReferentieCsv(pad);
    return new Map(rijen.filter((r) => /^\d+$/.test(r.population_12_23_2021_estimate ?? ''))
      .map((r) => [r.gemeente_code!, Number(r.population_12_23_2021_estimate)]));
  })();
  return jongerenCache;
}
