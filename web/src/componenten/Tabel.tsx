import { isValidElement, useMemo, type ReactNode } from 'react';
import { downloadUrl, type Cijfer } from '../api';
import { useRouter } from '../router';
import { Getal, Procent } from './Waarde';

/**
 * A data table (NL Design System table) with a caption, downloads of exactly this table from
 * the API (CSV and Excel, same openbaarmaking), and what "<5", "x" and "–" mean. On a
 * narrow screen the table scrolls inside its own focusable frame, so the page itself never
 * scrolls sideways.
 *
 * A table of areas or institutions (`sorteer`) sorts by any column: a button in each column
 * header (keyboard: Tab and Enter), the sorted column marked with aria-sort, and the sort kept
 * in the page URL (`?sorteer-<id>=<column>-af`), so a ranked list can be shared. Withheld and
 * missing values always come last, in either direction; "<5" sorts as between 0 and 5.
 */
export interface Kolom {
  kop: string;
  getal?: boolean;
  /** keep the cells of this column on one line (a school year, a short label) */
  heel?: boolean;
}

/** A cell with the value it sorts by (a count, a percentage, a name), beside what it shows. */
export interface Sorteercel {
  weergave: ReactNode;
  waarde: string | number | null;
}

export type Cel = ReactNode | Sorteercel;

export type Richting = 'op' | 'af';

export interface Sortering {
  /** the column's heading */
  kolom: string;
  richting: Richting;
}

function isSorteercel(c: Cel): c is Sorteercel {
  return typeof c === 'object' && c !== null && !isValidElement(c) && 'weergave' in c;
}

function weergave(c: Cel): ReactNode {
  return isSorteercel(c) ? c.weergave : c;
}

function sorteerwaarde(c: Cel): string | number | null {
  if (isSorteercel(c)) return c.waarde;
  if (typeof c === 'string' || typeof c === 'number') return c === '' ? null : c;
  return null;
}

function kolomklasse(k: Kolom | undefined): string {
  return `${k?.getal ? ' bb-getal' : ''}${k?.heel ? ' bb-heel' : ''}`;
}

/** "vsv'ers" → "vsv-ers": a column in the URL. */
export function kolomsleutel(kop: string): string {
  return kop.toLocaleLowerCase('nl').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const NAMEN = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

export function sorteerRijen(rijen: Cel[][], kolom: number, richting: Richting): Cel[][] {
  const teken = richting === 'op' ? 1 : -1;
  return rijen.map((r, i) => ({ r, i })).sort((a, b) => {
    const x = sorteerwaarde(a.r[kolom]);
    const y = sorteerwaarde(b.r[kolom]);
    if (x === null || y === null) return x === y ? a.i - b.i : x === null ? 1 : -1;
    const v = typeof x === 'number' && typeof y === 'number' ? x - y : NAMEN.compare(String(x), String(y));
    return v === 0 ? a.i - b.i : teken * v;
  }).map((x) => x.r);
}

/** The arrow is CSS content (stijl.css), so it is no part of the heading's text or the button's name; aria-sort says the order. */
function SorteerKop({ k, kies }: { k: Kolom; kies: () => void }) {
  return <button type="button" className="bb-sorteerknop" onClick={kies}>{k.kop}</button>;
}

export function Tabel({ titel, kolommen, rijen, csv, rijkoppen = true, sorteer, downloadtekst }: {
  titel: string; kolommen: Kolom[]; rijen: Cel[][];
  /** the API URL of this table (JSON); the downloads are made from it */
  csv?: string;
  rijkoppen?: boolean;
  /**
   * sortable by every column; `id` names the table in the URL, `standaard` is the sort before anyone chooses one;
   * `opServer`: the rows come sorted by the API (a paged list ranked across its pages), so they are shown as they come,
   * and a new sort starts again at the first page
   */
  sorteer?: { id: string; standaard?: Sortering; rangschik?: boolean; opServer?: boolean };
  /** what the download holds when that is more than the rows shown ("de hele lijst, 120 instellingen") */
  downloadtekst?: string;
}) {
  const { zoek, pad, navigeer } = useRouter();
  const param = sorteer ? `sorteer-${sorteer.id}` : null;
  const gekozen = useMemo((): Sortering | null => {
    if (!sorteer || !param) return null;
    const w = zoek.get(param);
    const m = w ? /^(.+)-(op|af)$/.exec(w) : null;
    if (m && kolommen.some((k) => kolomsleutel(k.kop) === m[1])) {
      return { kolom: kolommen.find((k) => kolomsleutel(k.kop) === m[1])!.kop, richting: m[2] as Richting };
    }
    return sorteer.standaard ?? null;
  }, [sorteer, param, zoek, kolommen]);
  const index = gekozen ? kolommen.findIndex((k) => k.kop === gekozen.kolom) : -1;
  const getoond = index >= 0 && !sorteer?.opServer ? sorteerRijen(rijen, index, gekozen!.richting) : rijen;

  const zet = (s: Sortering) => {
    if (!param) return;
    const q = new URLSearchParams(zoek);
    q.set(param, `${kolomsleutel(s.kolom)}-${s.richting}`);
    // a new order of a list ranked by the API starts at its first page (the new URL fetches it)
    if (sorteer?.opServer) q.delete('pagina');
    navigeer(`${pad}?${q}`, { vervang: true, stil: true });
  };
  const kies = (k: Kolom) => {
    const zelfde = gekozen?.kolom === k.kop;
    // numbers open largest first, names from A
    zet({ kolom: k.kop, richting: zelfde ? (gekozen!.richting === 'op' ? 'af' : 'op') : k.getal ? 'af' : 'op' });
  };
  const sorteertekst = gekozen && index >= 0 ? `, gesorteerd op ${gekozen.kolom.toLocaleLowerCase('nl')} (${gekozen.richting === 'af' ? 'aflopend' : 'oplopend'})` : '';
  const rangschik = sorteer?.rangschik ? kolommen.filter((k) => k.kop === "vsv'ers" || k.kop === 'vsv-percentage') : [];

  return (
    <div className="bb-tabel">
      {rangschik.length === 2 && (
        <div className="bb-rangschik" role="group" aria-label={`Volgorde van ${titel}`}>
          <span>Grootste eerst op:</span>
          {rangschik.map((k) => (
            <button key={k.kop} type="button" className="utrecht-button utrecht-button--secondary-action bb-rangschik__knop"
              aria-pressed={gekozen?.kolom === k.kop && gekozen.richting === 'af'} onClick={() => zet({ kolom: k.kop, richting: 'af' })}>
              {k.kop === "vsv'ers" ? "aantal vsv'ers" : 'vsv-percentage'}
            </button>
          ))}
        </div>
      )}
      {/* A wide table scrolls sideways in its own frame (allowed for data tables under WCAG 1.4.10);
          the frame is focusable so keyboard users can scroll it, and named after the caption. */}
      <div className="utrecht-table-container bb-scrollvak" role="region" aria-label={`${titel}${sorteertekst}`} tabIndex={0}>
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption">
            {titel}
            {sorteertekst && <span className="bb-sortering">{sorteertekst}</span>}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {kolommen.map((k, j) => (
                <th key={k.kop} scope="col" className={`utrecht-table__header-cell${kolomklasse(k)}`}
                  aria-sort={sorteer && j === index ? (gekozen!.richting === 'op' ? 'ascending' : 'descending') : undefined}>
                  {sorteer ? <SorteerKop k={k} kies={() => kies(k)} /> : k.kop}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {getoond.map((rij, i) => (
              <tr key={i} className="utrecht-table__row">
                {rij.map((cel, j) => (j === 0 && rijkoppen
                  ? <th key={j} scope="row" className={`utrecht-table__header-cell${kolommen[j]?.heel ? ' bb-heel' : ''}`}>{weergave(cel)}</th>
                  : <td key={j} className={`utrecht-table__cell${kolomklasse(kolommen[j])}`}>{weergave(cel)}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="bb-tabel__voet">
        {csv && (
          <p className="bb-downloads">
            Download{downloadtekst ? ` (${downloadtekst})` : ''}:{' '}
            <a className="utrecht-link utrecht-link--html-a" href={downloadUrl(csv, 'xlsx')} download>Excel<span className="visueel-verborgen">-bestand (xlsx): {titel}</span></a>
            {' · '}
            <a className="utrecht-link utrecht-link--html-a" href={downloadUrl(csv, 'csv')} download>CSV<span className="visueel-verborgen">: {titel}</span></a>
          </p>
        )}
        <p>
          &lt;5: 1 tot en met 4 personen (afgeschermd).
          {' '}x: aantal afgeschermd, omdat een ander afgeschermd aantal anders uit de totalen te herleiden is.
          {' '}n.u.: niet uitgesplitst: te weinig leerlingen om deze uitsplitsing te tonen zonder dat een &lt;5 terug te rekenen is.
          {' '}–: bij een aantal: geen cijfer (de groep komt in deze telling niet voor); bij een percentage: niet getoond, omdat er
          {' '}geen leerlingen zijn (startpopulatie 0), omdat het op minder dan 5 vsv'ers rust (ook bij 0) of omdat een aantal ervan is afgeschermd.
        </p>
      </div>
    </div>
  );
}

export const CIJFERKOLOMMEN: Kolom[] = [
  { kop: 'Startpopulatie', getal: true }, { kop: "vsv'ers", getal: true }, { kop: 'vsv-percentage', getal: true },
];

/** "<5" sorts between 0 and 5; a withheld or missing count has no place in an order. */
function aantalwaarde(a: Cijfer['vsv'] | null | undefined): number | null {
  if (a === '<5') return 2.5;
  return typeof a === 'number' ? a : null;
}

export function cijfercellen(c: Cijfer | null | undefined): Cel[] {
  return [
    { weergave: <Getal a={c?.startpopulatie} nietUitgesplitst={c?.afschermingsreden === 'niet uitgesplitst'} />, waarde: aantalwaarde(c?.startpopulatie) },
    { weergave: <Getal a={c?.vsv} nietUitgesplitst={c?.afschermingsreden === 'niet uitgesplitst'} />, waarde: aantalwaarde(c?.vsv) },
    { weergave: <Procent p={c?.percentage} />, waarde: c?.percentage == null ? null : Number(c.percentage) },
  ];
}

/** A link cell that sorts by its text. */
export function naamcel(naam: string, link: ReactNode): Sorteercel {
  return { weergave: link, waarde: naam };
}
