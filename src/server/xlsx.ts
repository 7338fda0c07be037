import ExcelJS from 'exceljs';
import { NIET_UITGESPLITST, SECUNDAIR_AFGESCHERMD } from '../domain/openbaarmaking.js';
import type { Celwaarde, CsvTabel } from './csv.js';

/**
 * Excel downloads (Office Open XML, .xlsx) of the tables in a response, written by exceljs
 * from the same published tables as the CSV (made after openbaarmaking), so a workbook
 * never shows more than the JSON. One sheet per table, after a sheet "Toelichting" that says
 * where the figures come from and what the withheld cells mean.
 *
 * Types: a count or norm is a number cell; a percentage ("8.11" in JSON) becomes a number
 * cell with two decimals; everything else stays text, so codes keep their leading zeros
 * ("01", "0363") and a name starting with "=" is never a formula. A withheld count is the
 * text "<5" or "secundair afgeschermd", exactly as in the CSV; a table with such cells gets a
 * note row under it.
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Werkboekbron {
  /** what the workbook holds, e.g. "vsv rmc-regios 19" */
  titel: string;
  /** the API URL it was made from */
  url: string;
}

const UITLEG = [
  ['<5', 'een aantal van 1 tot en met 4 personen, afgeschermd'],
  [SECUNDAIR_AFGESCHERMD, 'een aantal dat is afgeschermd omdat een ander afgeschermd aantal anders uit de totalen te herleiden is'],
  [NIET_UITGESPLITST, 'deze uitsplitsing wordt niet gepubliceerd: te weinig leerlingen om haar te tonen zonder dat een <5 terug te rekenen is'],
  ['leeg percentage', 'niet getoond: geen leerlingen in de startpopulatie, minder dan 5 vsv\'ers (ook bij 0), of een aantal ervan is afgeschermd'],
] as const;

function isPercentagekolom(kolom: string): boolean {
  return /percentage$/i.test(kolom);
}

/** The cell as written: numbers as numbers, percentages as numbers, the rest as text. */
export function xlsxWaarde(kolom: string, waarde: Celwaarde): string | number | boolean | null {
  if (waarde === null || waarde === undefined || waarde === '') return null;
  if (typeof waarde === 'number' || typeof waarde === 'boolean') return waarde;
  if (isPercentagekolom(kolom) && /^-?\d+(\.\d+)?$/.test(waarde)) return Number(waarde);
  return waarde;
}

/** Excel allows 31 characters and no []:*?/\ in a sheet name, and each name once. */
function bladnaam(naam: string, gebruikt: Set<string>): string {
  const basis = naam.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'tabel';
  let kandidaat = basis;
  for (let i = 2; gebruikt.has(kandidaat.toLowerCase()); i += 1) kandidaat = `${basis.slice(0, 28)}-${i}`;
  gebruikt.add(kandidaat.toLowerCase());
  return kandidaat;
}

function afgeschermd(w: Celwaarde): boolean {
  return w === '<5' || w === SECUNDAIR_AFGESCHERMD || w === NIET_UITGESPLITST;
}

export async function alsXlsx(tabellen: readonly CsvTabel[], bron: Werkboekbron, nu = new Date()): Promise<Buffer> {
  const boek = new ExcelJS.Workbook();
  boek.creator = 'Binnenboord';
  boek.created = nu;
  boek.title = bron.titel;

  const toelichting = boek.addWorksheet('Toelichting');
  toelichting.columns = [{ width: 24 }, { width: 110 }];
  const kop = toelichting.addRow([bron.titel]);
  kop.font = { bold: true, size: 14 };
  toelichting.addRow(['Bron', `Binnenboord, vsv-cijfers: ${bron.url}`]);
  toelichting.addRow(['Gemaakt op', nu.toISOString().replace('T', ' ').slice(0, 19) + ' UTC']);
  toelichting.addRow(['Tabellen', tabellen.map((t) => t.naam).join(', ') || 'geen']);
  toelichting.addRow([]);
  toelichting.addRow(['Afscherming', 'Zonder inlog geldt de afscherming van DUO; dit bestand bevat precies wat de API openbaar toont.']).font = { bold: true };
  for (const [teken, betekenis] of UITLEG) toelichting.addRow([teken, betekenis]);
  toelichting.addRow([]);
  toelichting.addRow(['Codes', 'RMC-codes, gemeentecodes, BRIN- en vestigingsnummers staan als tekst, met voorloopnullen.']);
  toelichting.addRow(['Percentages', 'vsv-percentages zijn getallen (procenten, twee decimalen): 8,11 betekent 8,11%.']);

  const gebruikt = new Set(['toelichting']);
  for (const t of tabellen) {
    const blad = boek.addWorksheet(bladnaam(t.naam, gebruikt), { views: [{ state: 'frozen', ySplit: 1 }] });
    blad.columns = t.kolommen.map((k) => ({
      header: k,
      key: k,
      width: Math.min(60, Math.max(k.length, ...t.rijen.slice(0, 500).map((r) => String(r[k] ?? '').length)) + 2),
      style: isPercentagekolom(k) ? { numFmt: '0.00' } : {},
    }));
    blad.getRow(1).font = { bold: true };
    let metAfscherming = false;
    for (const r of t.rijen) {
      blad.addRow(Object.fromEntries(t.kolommen.map((k) => [k, xlsxWaarde(k, r[k])])));
      if (!metAfscherming && t.kolommen.some((k) => afgeschermd(r[k]))) metAfscherming = true;
    }
    if (metAfscherming) {
      blad.addRow([]);
      blad.addRow([`Afgeschermd: ${UITLEG.map(([teken, betekenis]) => `${teken} = ${betekenis}`).join('; ')}. Zie het blad Toelichting.`]).font = { italic: true };
    }
  }
  return Buffer.from(await boek.xlsx.writeBuffer());
}
