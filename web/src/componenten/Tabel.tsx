import type { ReactNode } from 'react';
import type { Cijfer } from '../api';
import { Getal, Procent } from './Waarde';

/**
 * A data table (NL Design System table) with a caption, a CSV download of exactly this table
 * from the API (same disclosure control), and what "<5" and "–" mean.
 */
export interface Kolom {
  kop: string;
  getal?: boolean;
}

export type Cel = ReactNode;

export function Tabel({ titel, kolommen, rijen, csv, rijkoppen = true }: {
  titel: string; kolommen: Kolom[]; rijen: Cel[][]; csv?: string; rijkoppen?: boolean;
}) {
  return (
    <div className="bb-tabel">
      <div className="utrecht-table-container">
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption">{titel}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {kolommen.map((k) => (
                <th key={k.kop} scope="col" className={`utrecht-table__header-cell${k.getal ? ' bb-getal' : ''}`}>{k.kop}</th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rijen.map((rij, i) => (
              <tr key={i} className="utrecht-table__row">
                {rij.map((cel, j) => (j === 0 && rijkoppen
                  ? <th key={j} scope="row" className="utrecht-table__header-cell">{cel}</th>
                  : <td key={j} className={`utrecht-table__cell${kolommen[j]?.getal ? ' bb-getal' : ''}`}>{cel}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="bb-tabel__voet">
        {csv && <a className="utrecht-link utrecht-link--html-a" href={csv} download>Download als CSV<span className="visueel-verborgen">: {titel}</span></a>}
        <p>&lt;5: 1 tot en met 4 personen (afgeschermd). –: percentage niet getoond, omdat het op minder dan 5 vsv'ers rust.</p>
      </div>
    </div>
  );
}

export const CIJFERKOLOMMEN: Kolom[] = [
  { kop: 'Startpopulatie', getal: true }, { kop: "vsv'ers", getal: true }, { kop: 'vsv-percentage', getal: true },
];

export function cijfercellen(c: Cijfer | null | undefined): Cel[] {
  return [<Getal a={c?.startpopulatie} />, <Getal a={c?.vsv} />, <Procent p={c?.percentage} />];
}
