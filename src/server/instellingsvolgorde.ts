import { AFGESCHERMD, publiceerCijfer, type Celafscherming, type Toegang } from '../domain/openbaarmaking.js';
import type { Treffer } from './zoeken.js';

/**
 * The order of the paged list of institutions (GET /instellingen?sorteer=…), decided on the
 * server so that a ranking runs across pages and the download holds the same order.
 *
 * A figure is ranked by its *published* value for the caller's access level, never by the
 * stored count: ranking by the stored count would put "<5" cells in their true order and so
 * give away what the "<5" hides. "<5" ranks as one value between 0 and 5 (ties keep the name
 * order), and a value not shown (no count, a percentage withheld or without students) comes
 * last in either direction, like the web tables do (web/src/componenten/Tabel.tsx).
 */
export const SORTEERVELDEN = ['naam', 'brin', 'soort', 'plaats', 'startpopulatie', 'vsv', 'percentage'] as const;
export type Sorteerveld = (typeof SORTEERVELDEN)[number];
/** `naam` ascending, `-vsv` descending (the minus of the Logius API design rules) */
export const SORTEERWAARDEN: readonly string[] = SORTEERVELDEN.flatMap((v) => [v, `-${v}`]);

export interface Sorteervraag {
  veld: Sorteerveld;
  aflopend: boolean;
}

export function leesSorteervraag(waarde: string | undefined): Sorteervraag {
  if (!waarde) return { veld: 'naam', aflopend: false };
  const aflopend = waarde.startsWith('-');
  const veld = (aflopend ? waarde.slice(1) : waarde) as Sorteerveld;
  // the schema allows only SORTEERWAARDEN; this guards a caller that skips it
  if (!SORTEERVELDEN.includes(veld)) throw new Error(`onbekende sortering '${waarde}'`);
  return { veld, aflopend };
}

const NAMEN = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** What a published count ranks as: "<5" between 0 and 5, a withheld count nowhere. */
function aantalwaarde(a: number | typeof AFGESCHERMD | null): number | null {
  if (a === AFGESCHERMD) return 2.5;
  return a;
}

export function sorteerInstellingen(
  treffers: readonly Treffer[],
  cijferVan: (brin: string) => { startpopulatie: number; vsv: number; afscherming?: Celafscherming } | null,
  vraag: Sorteervraag, toegang: Toegang,
): Treffer[] {
  const sleutel = (t: Treffer): string | number | null => {
    switch (vraag.veld) {
      case 'naam': return t.kop.naam;
      case 'brin': return t.kop.brin;
      case 'soort': return t.kop.soort;
      case 'plaats': return t.plaatsen.join(', ');
      default: {
        const c = cijferVan(t.kop.brin);
        if (!c) return null;
        // a count the publication withholds (secondary) ranks as withheld, like a value not shown
        const p = publiceerCijfer(c, toegang, c.afscherming);
        if (vraag.veld === 'percentage') return p.percentage === null ? null : Number(p.percentage);
        return aantalwaarde(vraag.veld === 'vsv' ? p.vsv : p.startpopulatie);
      }
    }
  };
  const teken = vraag.aflopend ? -1 : 1;
  // `treffers` come ordered by name, then BRIN (zoekInstellingen): ties keep that order
  return treffers.map((t, i) => ({ t, i, s: sleutel(t) })).sort((a, b) => {
    if (a.s === null || b.s === null) return a.s === b.s ? a.i - b.i : a.s === null ? 1 : -1;
    const v = typeof a.s === 'number' && typeof b.s === 'number' ? a.s - b.s : NAMEN.compare(String(a.s), String(b.s));
    return v === 0 ? a.i - b.i : teken * v;
  }).map((x) => x.t);
}
