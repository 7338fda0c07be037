import type { ReactNode } from 'react';
import type { Cijfer } from '../api';
import { Getal, Procent } from './Waarde';

/**
 * A data table (NL Design System table) with a caption, a CSV download of exactly this table
 * from the API (same disclosure control), and what "<5", "x" and "–" mean. On a narrow screen
 * the table scrolls inside its own focusable frame, so the page itself never scrolls sideways.
 */
export interface Kolom {
  kop: string;
  getal?: boolean;
  /** keep the cells of this column on one line (a school year, a short label) */
  heel?: boolean;
}

function kolomklasse(k: Kolom | undefined): string {
  return `${k?.getal ? ' bb-getal' : ''}${k?.heel ? ' bb-heel' : ''}`;
}

export type Cel = ReactNode;

export function Tabel({ titel, kolommen, rijen, csv, rijkoppen = true }: {
  titel: string; kolommen: Kolom[]; rijen: Cel[][]; csv?: string; rijkoppen?: boolean;
}) {
  return (
    <div className="bb-tabel">
      {/* A wide table scrolls sideways in its own frame (allowed for data tables under WCAG 1.4.10);
          the frame is focusable so keyboard users can scroll it, and named after the caption. */}
      <div className="utrecht-table-container bb-scrollvak" role="region" aria-label={titel} tabIndex={0}>
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption">{titel}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {kolommen.map((k) => (
                <th key={k.kop} scope="col" className={`utrecht-table__header-cell${kolomklasse(k)}`}>{k.kop}</th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rijen.map((rij, i) => (
              <tr key={i} className="utrecht-table__row">
                {rij.map((cel, j) => (j === 0 && rijkoppen
                  ? <th key={j} scope="row" className={`utrecht-table__header-cell${kolommen[j]?.heel ? ' bb-heel' : ''}`}>{cel}</th>
                  : <td key={j} className={`utrecht-table__cell${kolomklasse(kolommen[j])}`}>{cel}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="bb-tabel__voet">
        {csv && <a className="utrecht-link utrecht-link--html-a" href={csv} download>Download als CSV<span className="visueel-verborgen">: {titel}</span></a>}
        <p>
          &lt;5: 1 tot en met 4 personen (afgeschermd).
          {' '}x: aantal afgeschermd, omdat een ander afgeschermd aantal anders uit de totalen te herleiden is.
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

export function cijfercellen(c: Cijfer | null | undefined): Cel[] {
  return [<Getal a={c?.startpopulatie} />, <Getal a={c?.vsv} />, <Procent p={c?.percentage} />];
}
