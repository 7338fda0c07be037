import type { Cijfer } from './api';
import { procent } from './opmaak';

/**
 * Classes of the choropleth: four groups of about equal size among the areas whose
 * percentage is shown, plus "not shown" (openbaarmaking), "no pupils", and "no figures"
 * for a boundary on the map that has no area in the figures of the school year (a
 * municipality formed later than that year). Each class has a shade and a pattern, so the
 * map can be read without seeing colour.
 *
 * The other way round, an area in the figures can have no boundary on the map: the map has
 * the boundaries of one year (gemeente_2025), so a municipality merged into another before
 * then is not on it, and neither is "onbekend". Such an area gets `nietOpKaart`, not a class.
 */
export const KLASSEN = 4;

interface Patroon {
  id: string;
  vlak: string;
  /** SVG of the overlay in a 8×8 tile, or '' */
  motief: string;
}

const PATRONEN: Patroon[] = [
  { id: 'bb-k0', vlak: '#e3edf6', motief: '' },
  { id: 'bb-k1', vlak: '#a9c6e0', motief: '<circle cx="4" cy="4" r="1.3" fill="#1b1b1b"/>' },
  { id: 'bb-k2', vlak: '#5b8fbf', motief: '<path d="M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" stroke="#ffffff" stroke-width="1.5"/>' },
  { id: 'bb-k3', vlak: '#24527a', motief: '<path d="M0,8 L8,0 M0,0 L8,8" stroke="#ffffff" stroke-width="1.2"/>' },
  { id: 'bb-kv', vlak: '#ffffff', motief: '<path d="M0,2 H8 M0,6 H8" stroke="#4b5563" stroke-width="1"/>' },
  { id: 'bb-kg', vlak: '#f3f4f6', motief: '<path d="M2,0 V8 M6,0 V8" stroke="#9ca3af" stroke-width="1"/>' },
  { id: 'bb-kn', vlak: '#ffffff', motief: '<path d="M0,0 L8,8 M-2,6 L2,10 M6,-2 L10,2" stroke="#6b7280" stroke-width="1"/>' },
];

/** A boundary on the map without an area in the figures of this school year. */
export const GEEN_CIJFERS = { id: 'bb-kn', label: 'geen cijfers voor dit gebied in dit schooljaar', kort: 'geen cijfers' } as const;

/** What the table says, instead of a class, for an area that has no boundary on the map. */
export function nietOpKaart(code: string, gemeenten: boolean): string {
  if (code === 'onbekend') return `niet op de kaart (${gemeenten ? 'woongemeente' : 'woonregio'} onbekend)`;
  return `niet op de kaart (${gemeenten ? 'gemeentegrens' : 'regiogrens'} van een ander jaar)`;
}

/** The area code of a boundary: GM0363 for a municipality, 21 for RMC region MC21. */
export function gebiedscode(statcode: string, gemeenten: boolean): string {
  return gemeenten ? statcode : statcode.replace(/^MC/, '');
}

function patroonMarkup(p: Patroon, id = p.id): string {
  return `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${p.vlak}"/>${p.motief}</pattern>`;
}

/** The patterns as SVG <defs>, to put inside a chart drawn outside React. */
export function patronenDefs(): SVGDefsElement {
  const defs = document.createElementNS('http://www.w3.org/2000/svg', 'defs');
  defs.innerHTML = PATRONEN.map((p) => patroonMarkup(p)).join('');
  return defs;
}

/** A legend swatch with its own copy of the pattern (ids must be unique on the page). */
export function Staal({ id }: { id: string }) {
  const p = PATRONEN.find((q) => q.id === id)!;
  const eigen = `${id}-staal`;
  return (
    <svg width="28" height="20" aria-hidden="true" focusable="false"
      dangerouslySetInnerHTML={{ __html: `<defs>${patroonMarkup(p, eigen)}</defs><rect width="28" height="20" fill="url(#${eigen})" stroke="#4b5563"/>` }} />
  );
}

export interface Klassen {
  patroonId(c: Cijfer | null): string;
  label(c: Cijfer | null): string;
  /** the class in a few characters, for the table: "1,52–2,00%", "niet getoond", "geen leerlingen" */
  kort(c: Cijfer | null): string;
  /** each class with its short text (as in the table) and its range in words */
  legenda(): { id: string; label: string; kort: string }[];
}

export function indeling(cijfers: readonly Cijfer[]): Klassen {
  const waarden = cijfers.map((c) => c.percentage).filter((p): p is string => p !== null).map(Number).sort((a, b) => a - b);
  const grenzen: number[] = [];
  for (let k = 1; k < KLASSEN; k += 1) {
    const g = waarden[Math.min(waarden.length - 1, Math.ceil((k * waarden.length) / KLASSEN) - 1)];
    if (g !== undefined && !grenzen.includes(g) && g !== waarden.at(-1)) grenzen.push(g);
  }
  const klasse = (p: number) => {
    const i = grenzen.findIndex((g) => p <= g);
    return i === -1 ? grenzen.length : i;
  };
  const tekst = (v: number) => procent(v.toFixed(2));
  const bereik = (i: number) => {
    if (grenzen.length === 0) return waarden[0] === waarden.at(-1) ? tekst(waarden[0]!) : `${tekst(waarden[0]!)} tot en met ${tekst(waarden.at(-1)!)}`;
    if (i === 0) return `tot en met ${tekst(grenzen[0]!)}`;
    if (i === grenzen.length) return `meer dan ${tekst(grenzen.at(-1)!)}`;
    return `meer dan ${tekst(grenzen[i - 1]!)} tot en met ${tekst(grenzen[i]!)}`;
  };
  // the lowest to highest percentage among the areas in class i: short, and exact for these areas
  const korteBereik = (i: number) => {
    const leden = waarden.filter((w) => klasse(w) === i);
    const [van, tot] = [leden[0], leden.at(-1)];
    if (van === undefined || tot === undefined) return bereik(i);
    return van === tot ? tekst(van) : `${tekst(van).replace('%', '')}–${tekst(tot)}`;
  };
  const patroonVan = (i: number) => PATRONEN[Math.min(3, grenzen.length === 0 ? 1 : Math.round((i * 3) / grenzen.length))]!.id;
  const afgeschermd = "niet getoond (minder dan 5 vsv'ers)";
  const geen = 'geen leerlingen in de startpopulatie';
  return {
    patroonId(c) {
      if (!c || c.startpopulatie === 0) return 'bb-kg';
      if (c.percentage === null) return 'bb-kv';
      return patroonVan(klasse(Number(c.percentage)));
    },
    label(c) {
      if (!c || c.startpopulatie === 0) return geen;
      if (c.percentage === null) return c.afschermingsreden ? 'niet getoond (afgeschermd)' : afgeschermd;
      return bereik(klasse(Number(c.percentage)));
    },
    kort(c) {
      if (!c || c.startpopulatie === 0) return 'geen leerlingen';
      if (c.percentage === null) return 'niet getoond';
      return korteBereik(klasse(Number(c.percentage)));
    },
    legenda() {
      const klassen = waarden.length === 0 ? [] : Array.from({ length: grenzen.length + 1 }, (_, i) => ({ id: patroonVan(i), label: `vsv-percentage ${bereik(i)}`, kort: korteBereik(i) }));
      return [...klassen, { id: 'bb-kv', label: afgeschermd, kort: 'niet getoond' }, { id: 'bb-kg', label: geen, kort: 'geen leerlingen' }];
    },
  };
}
