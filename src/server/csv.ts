import type { FastifyRequest } from 'fastify';
import { ProblemError } from './problems.js';

/**
 * CSV downloads of the tables in a response. A route describes its tables as rows of
 * already published values (made from the response after openbaarmaking), so a CSV
 * shows exactly what the JSON shows. RFC 4180, UTF-8 with BOM (so spreadsheet programs
 * read accents right), comma-separated, decimal point.
 */
export type Celwaarde = string | number | boolean | null | undefined;

export interface CsvTabel {
  naam: string;
  kolommen: readonly string[];
  rijen: readonly Record<string, Celwaarde>[];
}

/** Text that a spreadsheet would run as a formula is prefixed with a quote (CSV injection). */
function cel(waarde: Celwaarde): string {
  if (waarde === null || waarde === undefined) return '';
  let tekst = String(waarde);
  if (typeof waarde === 'string' && /^[=+\-@\t\r]/.test(tekst)) tekst = `'${tekst}`;
  return /[",\n\r]/.test(tekst) ? `"${tekst.replaceAll('"', '""')}"` : tekst;
}

const ACHTERAAN = ['startpopulatie', 'vsv', 'percentage', 'norm', 'normjaar', 'vastgesteld', 'normoordeel', 'landelijkStartpopulatie', 'landelijkVsv', 'landelijkPercentage', 'methodewijziging'];

/** One table as is; several tables as one long table with a first column `tabel`. */
export function alsCsv(tabellen: readonly CsvTabel[]): string {
  let kolommen: string[];
  let rijen: Record<string, Celwaarde>[];
  if (tabellen.length === 1) {
    kolommen = [...tabellen[0]!.kolommen];
    rijen = [...tabellen[0]!.rijen];
  } else {
    kolommen = ['tabel'];
    for (const t of tabellen) for (const k of t.kolommen) if (!kolommen.includes(k)) kolommen.push(k);
    // The figures last, after every column that says what a row is about.
    kolommen = [...kolommen.filter((k) => !ACHTERAAN.includes(k)), ...kolommen.filter((k) => ACHTERAAN.includes(k))];
    rijen = tabellen.flatMap((t) => t.rijen.map((r) => ({ tabel: t.naam, ...r })));
  }
  const regels = [kolommen.join(','), ...rijen.map((r) => kolommen.map((k) => cel(r[k])).join(','))];
  return `\uFEFF${regels.join('\r\n')}\r\n`;
}

interface Mediabereik {
  type: string;
  q: number;
}

function leesAccept(accept: string): Mediabereik[] {
  return accept.split(',').map((deel) => {
    const [type, ...params] = deel.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { type: type!.trim(), q: q ? Number(q.slice(2)) : 1 };
  }).filter((m) => m.type !== '');
}

function kwaliteit(bereiken: Mediabereik[], type: string): number {
  const [hoofd] = type.split('/');
  let beste = -1;
  let specifiek = -1;
  for (const b of bereiken) {
    const past = b.type === type ? 3 : b.type === `${hoofd}/*` ? 2 : b.type === '*/*' ? 1 : 0;
    if (past > specifiek) {
      specifiek = past;
      beste = b.q;
    }
  }
  return specifiek > 0 ? beste : 0;
}

export type Formaat = 'json' | 'csv' | 'xlsx';

const XLSX_MEDIATYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * JSON, CSV or Excel (xlsx) for this request: `formaat` wins, then the Accept header (the
 * download formats only where the route has tables). Throws 406 when the Accept header
 * allows none of them.
 */
export function kiesFormaat(request: FastifyRequest, csvMogelijk: boolean): Formaat {
  const formaat = (request.query as Record<string, unknown> | undefined)?.formaat;
  if ((formaat === 'csv' || formaat === 'xlsx') && csvMogelijk) return formaat;
  if (formaat === 'json') return 'json';
  const accept = request.headers.accept;
  if (!accept) return 'json';
  const bereiken = leesAccept(accept);
  const json = Math.max(kwaliteit(bereiken, 'application/json'), kwaliteit(bereiken, 'application/problem+json'));
  const csv = csvMogelijk ? kwaliteit(bereiken, 'text/csv') : 0;
  const xlsx = csvMogelijk ? kwaliteit(bereiken, XLSX_MEDIATYPE) : 0;
  // JSON wins a tie ("*/*" from a browser), then CSV
  if (xlsx > json && xlsx > csv) return 'xlsx';
  if (csv > json) return 'csv';
  if (json > 0) return 'json';
  throw new ProblemError(406, csvMogelijk
    ? `Deze bron levert application/json, text/csv of ${XLSX_MEDIATYPE}; pas de Accept-header aan of gebruik formaat=csv of formaat=xlsx.`
    : 'Deze bron levert alleen application/json; pas de Accept-header aan.');
}
